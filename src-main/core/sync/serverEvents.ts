export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * Server-sent events per the WHATWG HTML "event stream interpretation": `event:` and `data:` fields,
 * dispatched on a blank line; comments (`:`) and `retry:`/`id:` are ignored because pokes are only hints.
 */
export async function* parseServerEvents(lines: AsyncIterable<string>): AsyncGenerator<ServerEvent> {
  let event = '';
  let data: string[] = [];
  for await (const line of lines) {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
      event = '';
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
}

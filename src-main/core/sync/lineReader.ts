/**
 * Splits a streamed UTF-8 body into lines as they arrive (NDJSON, server-sent events), so a 100,000-case
 * bootstrap never sits in memory whole. A last line without its newline is returned only if `partial`
 * is asked for: a stream cut off mid-line must not yield half a record.
 */
export async function* readLines(body: ReadableStream<Uint8Array>, options: { partial?: boolean } = {}): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let start = 0;
      for (let newline = buffer.indexOf('\n', start); newline !== -1; newline = buffer.indexOf('\n', start)) {
        const end = newline > start && buffer.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        yield buffer.slice(start, end);
        start = newline + 1;
      }
      buffer = buffer.slice(start);
    }
    buffer += decoder.decode();
    if (options.partial && buffer.length > 0) yield buffer;
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => undefined);
  }
}

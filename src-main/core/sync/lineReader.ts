/**
 * Splits a streamed UTF-8 body into lines as they arrive (NDJSON, server-sent events), so a 100,000-case
 * bootstrap never sits in memory whole. A last line without its newline is returned only if `partial`
 * is asked for: a stream cut off mid-line must not yield half a record.
 */
export interface ReadLinesOptions {
  /** Yield a last line that has no newline. */
  partial?: boolean;
  /**
   * Ends the reading with the signal's reason as soon as it is aborted, even while the consumer holds a
   * batch: a body's read after its request was aborted is not sure to settle.
   */
  signal?: AbortSignal;
  /**
   * The longest line accepted, in bytes (default DEFAULT_MAX_LINE_BYTES). A longer one ends the reading with
   * LineTooLongError as soon as its bytes pass the limit: a broken or hostile server sending one endless line
   * must not fill the workstation's memory.
   */
  maxLineBytes?: number;
}

/**
 * The default line limit: the largest bootstrap row is a message of 20,000 characters (at most ~120 KB of
 * JSON with its escapes) or a case of a few kilobytes, so 4 MiB is far above any real line and still bounded.
 */
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

/** A line longer than the reader's limit; what came before it was read, nothing after. */
export class LineTooLongError extends Error {
  constructor(readonly limitBytes: number) {
    super(`a line of the response is longer than ${limitBytes} bytes`);
    this.name = 'LineTooLongError';
  }
}

export async function* readLines(
  body: ReadableStream<Uint8Array>,
  options: ReadLinesOptions = {},
): AsyncGenerator<string> {
  for await (const lines of readLineBatches(body, options)) yield* lines;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** The text of one line's bytes, without a CR before its LF. */
function lineText(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end > start && bytes[end - 1] === RETURN ? end - 1 : end);
}

/**
 * readLines a chunk at a time: the complete lines each chunk of the body finished, in order. A bootstrap is
 * 580,000 lines at 100,000 cases, and resuming an async generator once per line cost more CPU than the
 * lines' JSON.parse (BENCHMARKS.md "Sync"). Lines are cut from the bytes and decoded one by one (an LF byte
 * is never part of a multi-byte character): a line sliced from a decoded chunk holding any non-Latin-1
 * character is a two-byte string, which JSON.parse and SQLite's binding read ~15-20 % slower than the
 * one-byte strings most lines decode to.
 */
export async function* readLineBatches(
  body: ReadableStream<Uint8Array>,
  options: ReadLinesOptions = {},
): AsyncGenerator<string[]> {
  const reader = body.getReader();
  const { signal } = options;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const checkLength = (bytes: number) => {
    if (bytes > maxLineBytes) throw new LineTooLongError(maxLineBytes);
  };
  const aborted =
    signal &&
    new Promise<never>((_resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  // Settled by the race below, or by nobody when the body ends first.
  aborted?.catch(() => undefined);
  // The bytes of a line the chunks so far have not finished.
  let rest = Buffer.alloc(0);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await (aborted ? Promise.race([reader.read(), aborted]) : reader.read());
      if (done) break;
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      let newline = chunk.indexOf(NEWLINE);
      if (newline === -1) {
        checkLength(rest.length + chunk.length);
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      const lines: string[] = [];
      checkLength(rest.length + newline);
      const first = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, newline)]) : chunk.subarray(0, newline);
      lines.push(lineText(first, 0, first.length));
      let start = newline + 1;
      for (newline = chunk.indexOf(NEWLINE, start); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
        checkLength(newline - start);
        lines.push(lineText(chunk, start, newline));
        start = newline + 1;
      }
      checkLength(chunk.length - start);
      // Copied: the stream may reuse the chunk's memory once it is handed back.
      rest = Buffer.from(chunk.subarray(start));
      yield lines;
    }
    if (options.partial && rest.length > 0) yield [lineText(rest, 0, rest.length)];
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => undefined);
  }
}

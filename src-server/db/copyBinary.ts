/**
 * Rows of PostgreSQL's binary COPY format (`COPY (...) TO STDOUT WITH (FORMAT binary)`), read from its
 * bytes as they arrive. A field is its raw bytes (a text column's UTF-8), never decoded: the bootstrap
 * passes hundreds of MB of row JSON from the database to the client this way, where reading them as
 * query rows decoded every value into a string and encoded it again for the socket (BENCHMARKS.md "Sync").
 * Format: https://www.postgresql.org/docs/current/sql-copy.html#SQL-COPY-BINARY-FORMAT
 */
export type CopyRow = (Buffer | null)[];

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags field, header extension length. */
const HEADER_BYTES = SIGNATURE.length + 8;
const TRAILER = -1;

export class CopyFormatError extends Error {
  constructor(message: string) {
    super(`binary COPY data: ${message}`);
    this.name = 'CopyFormatError';
  }
}

/** The row starting at `at`, or null when `bytes` ends before it does. */
function readRow(bytes: Buffer, at: number): { row: CopyRow | 'trailer'; next: number } | null {
  if (at + 2 > bytes.length) return null;
  const fields = bytes.readInt16BE(at);
  if (fields === TRAILER) return { row: 'trailer', next: at + 2 };
  if (fields < 0) throw new CopyFormatError(`a row of ${fields} fields`);
  const row: CopyRow = new Array<Buffer | null>(fields);
  let next = at + 2;
  for (let index = 0; index < fields; index++) {
    if (next + 4 > bytes.length) return null;
    const length = bytes.readInt32BE(next);
    next += 4;
    if (length === -1) {
      row[index] = null;
      continue;
    }
    if (length < 0) throw new CopyFormatError(`a field of ${length} bytes`);
    if (next + length > bytes.length) return null;
    row[index] = bytes.subarray(next, next + length);
    next += length;
  }
  return { row, next };
}

/**
 * The rows in each chunk's complete part, in order; a row split across chunks comes with the chunk that
 * completes it. Fields are views into the chunks, which must not be reused by their producer (socket
 * reads and blobs are not). Throws CopyFormatError for bytes that are not binary COPY data or that end
 * before the trailer.
 */
export async function* copyRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<CopyRow[]> {
  let pending = Buffer.alloc(0);
  let headerRead = false;
  let ended = false;
  for await (const chunk of chunks) {
    if (chunk.byteLength === 0) continue;
    if (ended) throw new CopyFormatError('bytes after the trailer');
    const received = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const bytes = pending.length > 0 ? Buffer.concat([pending, received]) : received;
    let at = 0;
    if (!headerRead) {
      if (bytes.length < HEADER_BYTES) {
        pending = Buffer.from(bytes);
        continue;
      }
      if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new CopyFormatError('no signature');
      const extension = bytes.readUInt32BE(SIGNATURE.length + 4);
      if (bytes.length < HEADER_BYTES + extension) {
        pending = Buffer.from(bytes);
        continue;
      }
      at = HEADER_BYTES + extension;
      headerRead = true;
    }
    const rows: CopyRow[] = [];
    for (let read = readRow(bytes, at); read; read = ended ? null : readRow(bytes, at)) {
      at = read.next;
      if (read.row === 'trailer') ended = true;
      else rows.push(read.row);
    }
    if (ended && at < bytes.length) throw new CopyFormatError('bytes after the trailer');
    // Copied: the rest is a few bytes of one row, and a view would keep the whole chunk alive.
    pending = Buffer.from(bytes.subarray(at));
    if (rows.length > 0) yield rows;
  }
  if (!ended) throw new CopyFormatError(headerRead ? 'it ended before its trailer' : 'it ended before its header');
}

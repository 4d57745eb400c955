import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/harness';
import { DRIVERS, openTestDb } from '../testing/harness';
import { copyRows, type CopyRow } from './copyBinary';
import { inlineParams } from './sqlArray';

async function* chunked(bytes: Uint8Array, sizes: (index: number) => number): AsyncGenerator<Uint8Array> {
  for (let at = 0, index = 0; at < bytes.length; index++) {
    const size = Math.max(1, sizes(index));
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function allRows(chunks: AsyncIterable<Uint8Array>): Promise<(string | null)[][]> {
  const rows: CopyRow[] = [];
  for await (const batch of copyRows(chunks)) rows.push(...batch);
  return rows.map((row) => row.map((field) => field?.toString('utf8') ?? null));
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

const AWKWARD = ["it's", 'back\\slash', '$1 $$', '中文 العربية 🙂', 'line\nbreak\ttab', '', "E'\\x41'"];

describe.each(DRIVERS)('binary COPY on %s', (driver) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(driver);
  });
  afterAll(async () => {
    await testDb?.dispose();
  });

  it('reads every row and field, NULLs and multi-byte text included, however the bytes are split', async () => {
    const sql = inlineParams(
      `SELECT i::text, CASE WHEN i % 3 = 0 THEN NULL ELSE repeat($1, i) END, $2::text
      FROM generate_series(1, 300) AS g(i) ORDER BY g.i`,
      ['中a"\\', 'end'],
    );
    const bytes = await collect(testDb.db.copyOut(sql));
    const expected = Array.from({ length: 300 }, (_, i) => [
      String(i + 1),
      (i + 1) % 3 === 0 ? null : '中a"\\'.repeat(i + 1),
      'end',
    ]);
    expect(await allRows(chunked(bytes, () => bytes.length))).toEqual(expected);
    expect(await allRows(chunked(bytes, () => 1))).toEqual(expected);
    expect(await allRows(chunked(bytes, (index) => (index * 7919) % 97))).toEqual(expected);
  });

  it('inlines parameters as literals that read back exactly', async () => {
    const sql = inlineParams(
      `SELECT ${AWKWARD.map((_, i) => `$${i + 1}::text`).join(', ')}, $${AWKWARD.length + 1}::int::text, $${AWKWARD.length + 2}::bool::text, $${AWKWARD.length + 3}::text`,
      [...AWKWARD, 42, true, null],
    );
    expect(await allRows(testDb.db.copyOut(sql))).toEqual([[...AWKWARD, '42', 'true', null]]);
  });

  it('leaves the database usable when the reader stops mid-way', async () => {
    for await (const chunk of testDb.db.copyOut("SELECT repeat('x', 1000) FROM generate_series(1, 20000)")) {
      expect(chunk.byteLength).toBeGreaterThan(0);
      break;
    }
    // Every pooled connection is still in a usable state.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => testDb.db.query<{ n: number }>('SELECT $1::int AS n', [i])),
    );
    expect(answers.map(([row]) => row?.n)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });
});

describe('binary COPY reader, refused input', () => {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const row = Buffer.from([0, 1, 0, 0, 0, 2, 0x68, 0x69]);
  const trailer = Buffer.from([0xff, 0xff]);
  const once = (bytes: Buffer) => chunked(bytes, () => bytes.length);

  it('reads a minimal stream', async () => {
    expect(await allRows(once(Buffer.concat([header, row, trailer])))).toEqual([['hi']]);
  });
  it.each([
    ['no signature', Buffer.concat([Buffer.from('COPY'), row, trailer]), /it ended before its header|no signature/],
    [
      'a wrong signature',
      Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\x01', 'latin1'), Buffer.alloc(8), row, trailer]),
      /no signature/,
    ],
    ['a stream cut mid-row', Buffer.concat([header, row.subarray(0, 7)]), /ended before its trailer/],
    ['a stream without its trailer', Buffer.concat([header, row]), /ended before its trailer/],
    ['bytes after the trailer', Buffer.concat([header, row, trailer, row]), /after the trailer/],
    [
      'a negative field length',
      Buffer.concat([header, Buffer.from([0, 1, 0xff, 0xff, 0xff, 0xfe]), trailer]),
      /a field of -2 bytes/,
    ],
  ])('refuses %s', async (_name, bytes, message) => {
    await expect(allRows(once(bytes))).rejects.toThrow(message);
    await expect(allRows(chunked(bytes, () => 1))).rejects.toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS } from '../../../src-shared/sync/protocol';
import type { MutationEnvelope } from '../../../src-shared/sync/mutations';
import { backoffDelay } from './backoff';
import { readLines } from './lineReader';
import { parseServerEvents } from './serverEvents';
import { pushBatch } from './syncEngine';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function mutation(id: number, body = 'hello'): MutationEnvelope {
  return {
    id, uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, name: 'case.addNote', v: 1,
    args: { caseId: 'c1', noteId: `n${id}`, body }, base: {}, clientTime: '2026-11-25T10:00:00.000Z',
  };
}

describe('backoffDelay', () => {
  it('grows exponentially from 1 s, never below 1 s, never above 60 s', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect(backoffDelay(0, low)).toBe(1_000);
    expect(backoffDelay(0, high)).toBe(1_000);
    expect(backoffDelay(3, low)).toBe(4_000);
    expect(backoffDelay(3, high)).toBe(8_000);
    expect(backoffDelay(10, low)).toBe(30_000);
    expect(backoffDelay(10, high)).toBe(60_000);
    expect(backoffDelay(1_000, high)).toBe(60_000);
  });

  it('spreads clients that failed together', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffDelay(4, () => r)));
    expect(delays.size).toBe(5);
  });
});

describe('pushBatch', () => {
  it('takes at most 500 mutations', () => {
    const pending = Array.from({ length: 700 }, (_, index) => mutation(index + 1));
    const batch = pushBatch(pending);
    expect(batch).toHaveLength(MAX_PUSH_MUTATIONS);
    expect(batch.map((m) => m.id)).toEqual(pending.slice(0, 500).map((m) => m.id));
  });

  it('stays under 1 MB with large bodies and keeps ids consecutive', () => {
    const pending = Array.from({ length: 200 }, (_, index) => mutation(index + 1, 'x'.repeat(19_000)));
    const batch = pushBatch(pending);
    const bytes = Buffer.byteLength(JSON.stringify({ protocol: 1, clientId: '00000000-0000-4000-8000-000000000000', appVersion: '0.1.0', schemaVersion: 1, mutations: batch }));
    expect(bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    expect(batch.length).toBeGreaterThan(40);
    expect(batch.length).toBeLessThan(200);
    batch.forEach((m, index) => expect(m.id).toBe(index + 1));
  });

  it('is empty for an empty outbox', () => {
    expect(pushBatch([])).toEqual([]);
  });
});

describe('readLines', () => {
  it('splits lines across chunk borders, CRLF included, and multi-byte characters split mid-chunk', async () => {
    const bytes = new TextEncoder().encode('{"a":"中文"}\r\n{"b":2}\n');
    const cut = 7;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    expect(await collect(readLines(stream))).toEqual(['{"a":"中文"}', '{"b":2}']);
  });

  it('drops a half line at the end of a cut-off stream unless partial lines are asked for', async () => {
    expect(await collect(readLines(streamOf(['one\ntw', 'o\nthr'])))).toEqual(['one', 'two']);
    expect(await collect(readLines(streamOf(['one\nthr']), { partial: true }))).toEqual(['one', 'thr']);
  });
});

describe('parseServerEvents', () => {
  it('dispatches events on blank lines and ignores comments and retry fields', async () => {
    async function* lines() {
      yield* ['retry: 2000', '', ': comment', 'event: poke', 'data: {"seq":4}', '', 'event: reset', 'data: {}', '', 'data: a', 'data: b', ''];
    }
    expect(await collect(parseServerEvents(lines()))).toEqual([
      { event: 'poke', data: '{"seq":4}' },
      { event: 'reset', data: '{}' },
      { event: 'message', data: 'a\nb' },
    ]);
  });
});

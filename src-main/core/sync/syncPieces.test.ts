import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS, VerifyResponseSchema } from '../../../src-shared/sync/protocol';
import type { MutationEnvelope } from '../../../src-shared/sync/mutations';
import { backoffDelay } from './backoff';
import { LineTooLongError, readLineBatches, readLines } from './lineReader';
import { parseServerEvents } from './serverEvents';
import { pushBatch } from './syncEngine';
import { createSyncHttp, NetworkError } from './syncHttp';
import type { Timers } from './timers';
import { systemTimers } from './timers';

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
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    name: 'case.addNote',
    v: 1,
    args: { caseId: 'c1', noteId: `n${id}`, body },
    base: {},
    clientTime: '2026-11-25T10:00:00.000Z',
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
    const bytes = Buffer.byteLength(
      JSON.stringify({
        protocol: 1,
        clientId: '00000000-0000-4000-8000-000000000000',
        appVersion: '0.1.0',
        schemaVersion: 1,
        mutations: batch,
      }),
    );
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

  it('hands over the lines a chunk completed together, and nothing for a chunk that completed none', async () => {
    expect(await collect(readLineBatches(streamOf(['a\nb\nc', 'c', 'd\ne\n', 'f'])))).toEqual([
      ['a', 'b'],
      ['ccd', 'e'],
    ]);
    expect(await collect(readLineBatches(streamOf(['a\nb']), { partial: true }))).toEqual([['a'], ['b']]);
  });

  it('ends with the abort reason once its signal aborts, even while the body never answers again', async () => {
    // A body whose second read never settles, as a request aborted while its consumer held a batch.
    const silent = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('a\nb\n'));
      },
    });
    const controller = new AbortController();
    const batches = readLineBatches(silent, { signal: controller.signal });
    expect((await batches.next()).value).toEqual(['a', 'b']);
    const next = batches.next();
    controller.abort(new Error('stalled'));
    await expect(next).rejects.toThrow('stalled');
    const already = new AbortController();
    already.abort(new Error('gone'));
    await expect(collect(readLines(streamOf(['x\n']), { signal: already.signal }))).rejects.toThrow('gone');
  });

  it('refuses a line longer than its limit as soon as its bytes pass it, and keeps the lines before it', async () => {
    const limit = 1024 * 1024;
    const chunk = new Uint8Array(64 * 1024).fill(0x78);
    let produced = 0;
    // A broken server's body: one line that never ends. The stream fails the test once far more than the
    // limit was read, so a reader that keeps the line whole fails here instead of exhausting memory.
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('first\n'));
      },
      pull(controller) {
        produced += chunk.length;
        if (produced > 16 * limit) controller.error(new Error('the reader kept reading an endless line'));
        else controller.enqueue(chunk);
      },
    });
    const lines: string[] = [];
    const reading = (async () => {
      for await (const line of readLines(endless, { maxLineBytes: limit })) lines.push(line);
    })();
    await expect(reading).rejects.toBeInstanceOf(LineTooLongError);
    expect(lines).toEqual(['first']);
    expect(produced).toBeLessThanOrEqual(limit + 2 * chunk.length);
  });

  it('accepts a line exactly at its limit and refuses one byte more, within a chunk or across chunks', async () => {
    const line = (n: number) => 'y'.repeat(n);
    expect(await collect(readLines(streamOf([`${line(10)}\nz\n`]), { maxLineBytes: 10 }))).toEqual([line(10), 'z']);
    await expect(collect(readLines(streamOf([`a\n${line(11)}\n`]), { maxLineBytes: 10 }))).rejects.toBeInstanceOf(
      LineTooLongError,
    );
    await expect(collect(readLines(streamOf([line(6), `${line(5)}\n`]), { maxLineBytes: 10 }))).rejects.toBeInstanceOf(
      LineTooLongError,
    );
    await expect(
      collect(readLines(streamOf(['a\n', line(11)]), { maxLineBytes: 10, partial: true })),
    ).rejects.toBeInstanceOf(LineTooLongError);
  });

  it('finishes a line whose CR ends one chunk and LF starts the next, and a chunk of only a newline', async () => {
    expect(await collect(readLines(streamOf(['a\r', '\nb\n', '\n', 'c', '\n'])))).toEqual(['a', 'b', '', 'c']);
  });
});

describe('parseServerEvents', () => {
  it('dispatches events on blank lines and ignores comments and retry fields', async () => {
    async function* lines() {
      yield* [
        'retry: 2000',
        '',
        ': comment',
        'event: poke',
        'data: {"seq":4}',
        '',
        'event: reset',
        'data: {}',
        '',
        'data: a',
        'data: b',
        '',
      ];
    }
    expect(await collect(parseServerEvents(lines()))).toEqual([
      { event: 'poke', data: '{"seq":4}' },
      { event: 'reset', data: '{}' },
      { event: 'message', data: 'a\nb' },
    ]);
  });
});

describe('createSyncHttp', () => {
  type Handler = (request: IncomingMessage, response: ServerResponse) => void;
  async function withServer(handler: Handler, run: (url: string) => Promise<void>): Promise<void> {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await run(`http://127.0.0.1:${port}`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  function client(url: string, offsets: number[], timers: Timers = systemTimers) {
    return createSyncHttp({
      baseUrl: url,
      fetch: (u, init) => fetch(u, init),
      clock: { now: () => Date.now() },
      timers,
      timeoutMs: 5_000,
      onServerOffset: (ms) => offsets.push(ms),
    });
  }

  it('measures the server clock offset from x-server-time', async () => {
    const hourAhead = 3_600_000;
    await withServer(
      (_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-server-time': new Date(Date.now() + hourAhead).toISOString(),
        });
        response.end('{"count":0,"hash":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}');
      },
      async (url) => {
        const offsets: number[] = [];
        const body = await client(url, offsets).json('GET', '/sync/v1/verify', VerifyResponseSchema);
        expect(body.count).toBe(0);
        expect(offsets).toHaveLength(1);
        expect(Math.abs((offsets[0] ?? 0) - hourAhead)).toBeLessThan(60_000);
      },
    );
  });

  it('turns error bodies into SyncHttpError with code and Retry-After, and other failures into NetworkError', async () => {
    await withServer(
      (request, response) => {
        if (request.url === '/conflict') {
          response.writeHead(409, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({
              error: { code: 'RESET_REQUIRED', message: 'bootstrap again', details: { reason: 'epoch' } },
            }),
          );
        } else if (request.url === '/busy') {
          response.writeHead(503, { 'retry-after': '7' });
          response.end('<html>proxy error</html>');
        } else {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{"count": 1, "ha');
        }
      },
      async (url) => {
        const http = client(url, []);
        await expect(http.request('POST', '/conflict', { body: {} })).rejects.toMatchObject({
          name: 'SyncHttpError',
          status: 409,
          code: 'RESET_REQUIRED',
          details: { reason: 'epoch' },
        });
        await expect(http.request('GET', '/busy')).rejects.toMatchObject({
          name: 'SyncHttpError',
          status: 503,
          code: 'UNAVAILABLE',
          retryAfterMs: 7_000,
        });
        await expect(http.json('GET', '/cut', VerifyResponseSchema)).rejects.toBeInstanceOf(NetworkError);
      },
    );
    const closed = client('http://127.0.0.1:9', []);
    await expect(closed.request('GET', '/health')).rejects.toBeInstanceOf(NetworkError);
  });

  it('gives up on a request that never answers when its timer fires', async () => {
    const fire: Array<() => void> = [];
    const manual: Timers = {
      after: (_ms, callback) => {
        fire.push(callback);
        return () => undefined;
      },
    };
    await withServer(
      () => {
        // Never answers.
      },
      async (url) => {
        const pending = client(url, [], manual).json('GET', '/sync/v1/verify', VerifyResponseSchema);
        await vi.waitFor(() => expect(fire.length).toBeGreaterThan(0));
        for (const callback of fire) callback();
        await expect(pending).rejects.toThrow(/timed out/);
      },
    );
  });
});

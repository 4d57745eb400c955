import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultProxy } from './faultProxy';

/** A tiny upstream that counts what reached it: the proxy's faults must strike before or after it, as declared. */
class CountingUpstream {
  readonly seen: { method: string; path: string; body: string }[] = [];
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.seen.push({ method: request.method ?? '', path: request.url ?? '', body });
      if (request.url === '/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('event: poke\ndata: {"seq":1}\n\n');
        response.write('event: heartbeat\ndata: {}\n\n');
        response.write('event: poke\ndata: {"seq":2}\n\n');
        response.end('event: reset\ndata: {}\n\n');
        return;
      }
      if (request.url === '/stream') {
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        response.end(Array.from({ length: 50 }, (_, index) => JSON.stringify({ line: index })).join('\n'));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ count: this.seen.length, echo: body.length > 0 ? JSON.parse(body) : null }));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('FaultProxy', () => {
  let upstream: CountingUpstream;
  let proxy: FaultProxy;
  let kills = 0;

  beforeEach(async () => {
    upstream = new CountingUpstream();
    kills = 0;
    proxy = new FaultProxy({
      upstream: await upstream.start(),
      onKill: async () => {
        kills += 1;
      },
    });
    await proxy.start();
  });
  afterEach(async () => {
    await proxy.stop();
    await upstream.stop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${proxy.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('forwards untouched requests and logs them with their answers', async () => {
    const response = await post('/sync/v1/push', { a: 1 });
    expect(await response.json()).toEqual({ count: 1, echo: { a: 1 } });
    const [record] = proxy.exchanges({ path: '/sync/v1/push' });
    expect(record).toMatchObject({ method: 'POST', body: { a: 1 }, status: 200, delivered: true, fault: null });
    expect(record?.response).toEqual({ count: 1, echo: { a: 1 } });
  });

  it('refuses and drops before the server sees anything, and counts hits per rule', async () => {
    const refuse = proxy.addRule({ path: '/a' }, { kind: 'refuse' }, { times: 1 });
    await expect(post('/a', {})).rejects.toThrow();
    expect(upstream.seen).toHaveLength(0);
    expect(refuse.hits).toBe(1);
    await post('/a', {});
    expect(upstream.seen).toHaveLength(1);

    proxy.addRule({ method: 'POST', body: (body) => (body as { drop?: boolean }).drop === true }, { kind: 'drop' });
    await expect(post('/b', { drop: true })).rejects.toThrow();
    expect(upstream.seen).toHaveLength(1);
  });

  it('loses the response only after the server answered', async () => {
    proxy.addRule({ path: '/push' }, { kind: 'loseResponse' }, { times: 1 });
    await expect(post('/push', { n: 1 })).rejects.toThrow();
    expect(upstream.seen).toHaveLength(1);
    expect(proxy.exchanges({ path: '/push' })[0]).toMatchObject({ status: 200, delivered: false });
  });

  it('kills the server before forwarding or after it answered', async () => {
    proxy.addRule({ path: '/before' }, { kind: 'killBefore' }, { times: 1 });
    proxy.addRule({ path: '/after' }, { kind: 'killAfter' }, { times: 1 });
    await expect(post('/before', {})).rejects.toThrow();
    expect(upstream.seen).toHaveLength(0);
    await expect(post('/after', {})).rejects.toThrow();
    expect(upstream.seen).toHaveLength(1);
    expect(kills).toBe(2);
  });

  it('duplicates a request: the server sees it twice, the client gets the first answer', async () => {
    proxy.addRule({ path: '/dup' }, { kind: 'duplicate' }, { times: 1 });
    expect(await (await post('/dup', { x: 1 })).json()).toMatchObject({ count: 1 });
    expect(upstream.seen.map((seen) => seen.body)).toEqual(['{"x":1}', '{"x":1}']);
    expect(proxy.exchanges({ path: '/dup' })).toHaveLength(2);
  });

  it('holds requests and releases them in a chosen order, even after their client gave up', async () => {
    proxy.addRule({ path: '/held' }, { kind: 'hold' });
    const abort = new AbortController();
    const first = fetch(`${proxy.url}/held`, {
      method: 'POST',
      body: '{"n":1}',
      signal: abort.signal,
      headers: { 'content-type': 'application/json' },
    });
    const second = post('/held', { n: 2 });
    while (proxy.heldCount < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    await expect(first).rejects.toThrow();
    expect(upstream.seen).toHaveLength(0);
    proxy.release([1, 0]);
    expect(await (await second).json()).toMatchObject({ echo: { n: 2 } });
    while (upstream.seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(upstream.seen.map((seen) => seen.body)).toEqual(['{"n":2}', '{"n":1}']);
  });

  it('answers an injected 503 with Retry-After without reaching the server', async () => {
    proxy.addRule({ path: '/busy' }, { kind: 'status', status: 503, retryAfterSeconds: 7 }, { times: 1 });
    const response = await post('/busy', {});
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(upstream.seen).toHaveLength(0);
  });

  it('truncates a stream after a number of bytes and filters poke frames out of an event stream', async () => {
    proxy.addRule({ path: '/stream' }, { kind: 'truncate', afterBytes: 40 }, { times: 1 });
    const response = await fetch(`${proxy.url}/stream`);
    await expect(response.text()).rejects.toThrow();

    proxy.addRule({ path: '/events' }, { kind: 'dropPokes' });
    const events = await (await fetch(`${proxy.url}/events`)).text();
    expect(events).not.toContain('poke');
    expect(events).toContain('event: heartbeat');
    expect(events).toContain('event: reset');
  });

  it('looks like a dead server while down', async () => {
    proxy.setDown(true);
    await expect(post('/x', {})).rejects.toThrow();
    proxy.setDown(false);
    expect((await post('/x', {})).status).toBe(200);
    expect(upstream.seen).toHaveLength(1);
  });
});

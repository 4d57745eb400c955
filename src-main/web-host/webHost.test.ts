import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWorkstationHost, type WorkstationHost } from '../core/host/workstationHost';
import { startWebHost, type WebHost } from './webHost';

const staticDir = mkdtempSync(join(tmpdir(), 'crossdesk-web-'));
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Crossdesk</title>');
writeFileSync(join(staticDir, 'assets', 'index-Bd5vHag0.js'), 'export {};');

let core: WorkstationHost;
let web: WebHost;

beforeAll(async () => {
  core = await startWorkstationHost({
    dataDir: '/data/web-host-test',
    workerEntry: new URL('../core/host/fixtures/fixtureWorker.ts', import.meta.url),
  });
  web = await startWebHost({ core, staticDir });
});

afterAll(async () => {
  await web.close();
  await core.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(path: string, host = `127.0.0.1:${web.port}`) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: web.port, path, headers: { Host: host } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Opens the bridge like a page would; resolves with the socket or the HTTP status of the refusal. */
function connect(options: { token?: string; origin?: string }) {
  const query = options.token === undefined ? '' : `?token=${options.token}`;
  const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge${query}`, {
    headers: options.origin ? { Origin: options.origin } : {},
  });
  return new Promise<{ ws: WebSocket } | { refused: number }>((resolve) => {
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ refused: -1 }));
  });
}

const origin = () => `http://127.0.0.1:${web.port}`;

describe('web host', () => {
  it('prints a loopback URL with the token in the fragment', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/#token=${web.token}`);
  });

  it('serves the renderer with the CSP header', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Crossdesk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${web.port}`);
    expect((await get('/../../etc/passwd')).status).toBe(404);
  });

  it('lets the browser keep the content-hashed assets, never the page that names them', async () => {
    expect((await get('/')).headers['cache-control']).toBe('no-store');
    const asset = await get('/assets/index-Bd5vHag0.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect((await get('/', `attacker.example:${web.port}`)).status).toBe(403);
  });

  it('refuses the bridge without the token or from another origin', async () => {
    expect(await connect({ origin: origin() })).toEqual({ refused: 401 });
    expect(await connect({ token: 'wrong', origin: origin() })).toEqual({ refused: 401 });
    expect(await connect({ token: web.token, origin: 'https://evil.example' })).toEqual({ refused: 403 });
    expect(await connect({ token: web.token })).toEqual({ refused: 403 });
  });

  it('carries calls and events for the page with the token', async () => {
    const connection = await connect({ token: web.token, origin: origin() });
    if (!('ws' in connection)) throw new Error(`refused with ${connection.refused}`);
    const { ws } = connection;
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ id: 1, method: 'echo', input: { text: '你好' } }));
    ws.send(JSON.stringify({ id: 2, method: 'emit', input: {} }));
    await expect.poll(() => frames.length).toBe(3);
    expect(frames).toContainEqual({
      id: 1,
      result: { ok: true, data: { dataDir: '/data/web-host-test', input: { text: '你好' } } },
    });
    expect(frames).toContainEqual({ event: 'attention:changed', payload: { count: 7 } });
    ws.close();
  });

  it('closes a socket that sends something other than a bridge request', async () => {
    const connection = await connect({ token: web.token, origin: origin() });
    if (!('ws' in connection)) throw new Error(`refused with ${connection.refused}`);
    const closed = new Promise<number>((resolve) => connection.ws.once('close', (code) => resolve(code)));
    connection.ws.send('{"method": 42}');
    expect(await closed).toBe(1007);
  });

  it('answers 400 to a request line no URL parser accepts, and keeps serving (issue 19.1)', async () => {
    const host = `127.0.0.1:${web.port}`;
    expect(await rawStatusLine(`GET //[ HTTP/1.1\r\nHost: ${host}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    const upgrade =
      `GET //[ HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin()}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
    expect(await rawStatusLine(upgrade)).toMatch(/^HTTP\/1\.1 400/);
    expect((await get('/')).status).toBe(200);
  });

  it('closes a socket whose frame is over the limit with 1009 and keeps serving (issue 19.1)', async () => {
    const connection = await connect({ token: web.token, origin: origin() });
    if (!('ws' in connection)) throw new Error(`refused with ${connection.refused}`);
    connection.ws.on('error', () => undefined);
    const closed = new Promise<number>((resolve) => connection.ws.once('close', (code) => resolve(code)));
    const pasted = 'x'.repeat(300_000);
    connection.ws.send(JSON.stringify({ id: 1, method: 'echo', input: { text: pasted } }));
    expect(await closed).toBe(1009);
    expect((await get('/')).status).toBe(200);
    const again = await connect({ token: web.token, origin: origin() });
    if (!('ws' in again)) throw new Error(`refused with ${again.refused}`);
    const answered = new Promise<unknown>((resolve) =>
      again.ws.once('message', (data) => resolve(JSON.parse(data.toString()))),
    );
    again.ws.send(JSON.stringify({ id: 1, method: 'echo', input: {} }));
    expect(await answered).toMatchObject({ id: 1, result: { ok: true } });
    again.ws.close();
  });
});

/** Sends bytes no HTTP client would and resolves with the first line of the answer. */
function rawStatusLine(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(web.port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) {
        socket.destroy();
        resolve(text.slice(0, text.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

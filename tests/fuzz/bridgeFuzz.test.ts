// The web host's bridge against the real core (issue 19, Proof): every contract method, enumerated from the
// contract so methods added later are covered, and names that are not methods, with hostile input. Each call
// is answered with a typed error (never INTERNAL, never left unanswered) and changes nothing. An input nested
// thousands of levels deep once overflowed structured clone on its way to the worker and was never answered;
// the host now refuses it (src-shared/contract/inputNesting.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BridgeServerFrameSchema } from '../../src-shared/contract/bridge';
import { METHOD_NAMES, workstationContract, type MethodName } from '../../src-shared/contract/workstation';
import { findUnsafeText } from '../../src-shared/text/unsafeText';
import { startWorkstationHost, type WorkstationHost } from '../../src-main/core/host/workstationHost';
import { MAX_FRAME_BYTES, startWebHost, type WebHost } from '../../src-main/web-host/webHost';
import { fuzzParameters } from './fuzzRuns';
import { hostileJson, hostileString, jsonText } from './hostileValues';

class BridgeClosed extends Error {
  constructor(readonly code: number) {
    super(`the bridge closed with ${code}`);
  }
}

/** One bridge connection as the page opens it, answering calls by id. */
async function openBridge(
  web: WebHost,
): Promise<{ ws: WebSocket; call(method: string, input: unknown): Promise<unknown> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge?token=${web.token}`, {
    headers: { Origin: `http://127.0.0.1:${web.port}` },
  });
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', reject);
  });
  const waiting = new Map<number, (frame: unknown) => void>();
  const closers = new Set<(error: Error) => void>();
  ws.on('close', (code) => {
    for (const reject of closers) reject(new BridgeClosed(code));
  });
  ws.on('message', (data) => {
    const frame = BridgeServerFrameSchema.parse(JSON.parse(data.toString()));
    if ('id' in frame) waiting.get(frame.id)?.(frame.result);
  });
  let nextId = 1;
  return {
    ws,
    call(method, input) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (ws.readyState !== WebSocket.OPEN) return reject(new BridgeClosed(ws.readyState));
        waiting.set(id, resolve);
        closers.add(reject);
        ws.send(`{"id":${id},"method":${JSON.stringify(method)},"input":${jsonText(input)}}`);
      });
    },
  };
}

describe('fuzzing every contract method over the web host bridge', { timeout: 600_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossdesk-bridge-fuzz-'));
  const staticDir = mkdtempSync(join(tmpdir(), 'crossdesk-bridge-fuzz-web-'));
  let core: WorkstationHost;
  let web: WebHost;

  beforeAll(async () => {
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Crossdesk</title>');
    // The real core over a real store with the demo data, offline: nothing leaves the machine.
    core = await startWorkstationHost({ dataDir });
    web = await startWebHost({ core, staticDir });
  });
  afterAll(async () => {
    await web?.close();
    await core?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  });

  async function snapshot(bridge: Awaited<ReturnType<typeof openBridge>>): Promise<unknown> {
    return {
      counts: await bridge.call('cases:counts', {}),
      pending: Reflect.get(Object(await bridge.call('sync:status', {})), 'data')?.pendingCount,
      attention: await bridge.call('attention:list', {}),
      settings: await bridge.call('settings:get', {}),
    };
  }

  it('refuses every invalid input of every method with a typed error, never INTERNAL, and changes nothing', async () => {
    let bridge = await openBridge(web);
    const before = await snapshot(bridge);
    const methods = fc.oneof(
      fc.constantFrom<string>(...METHOD_NAMES),
      hostileString.filter((name) => name.length > 0),
    );
    await fc.assert(
      fc.asyncProperty(methods, hostileJson, async (method, input) => {
        const schema = Object.hasOwn(workstationContract, method)
          ? workstationContract[method as MethodName].input
          : undefined;
        // Valid input is a real request (sign out, change settings); the properties below are about the rest.
        const plain: unknown = JSON.parse(jsonText(input).replace(/\[{100,}[\s\S]*/, '0'));
        fc.pre(!schema?.safeParse(plain).success || findUnsafeText(plain) !== null);
        const frameBytes = Buffer.byteLength(jsonText(input));
        const result = await bridge.call(method.slice(0, 64), input).catch((error: unknown) => error);
        if (result instanceof BridgeClosed) {
          // Over the frame limit: the host closes this socket (1009) and serves the next one.
          expect(frameBytes).toBeGreaterThan(MAX_FRAME_BYTES);
          expect(result.code).toBe(1009);
          bridge = await openBridge(web);
          return;
        }
        expect(result).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
        expect(Reflect.get(Object(Reflect.get(Object(result), 'error')), 'code')).not.toBe('INTERNAL');
      }),
      fuzzParameters(150),
    );
    expect(await snapshot(bridge)).toEqual(before);
    bridge.ws.close();
  });

  it('closes a socket that sends garbage frames and keeps serving the next one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string().map((text) => ({ text })),
          fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((bytes) => ({ bytes })),
          fc.constant({ text: `{"id":1,"method":"cases:search","input":{"text":"${'x'.repeat(300_000)}"}}` }),
        ),
        async (frame) => {
          const bridge = await openBridge(web);
          const closed = new Promise<number>((resolve) => bridge.ws.once('close', (code) => resolve(code)));
          if ('bytes' in frame) bridge.ws.send(Buffer.from(frame.bytes), { binary: true });
          else bridge.ws.send(frame.text);
          // A frame that happens to be a valid request is answered; anything else closes the socket.
          const outcome = await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000, 'open'))]);
          if (outcome === 'open') bridge.ws.close();
          else expect([1003, 1007, 1009]).toContain(outcome);
          const next = await openBridge(web);
          expect(await next.call('session:get', {})).toMatchObject({ ok: true });
          next.ws.close();
        },
      ),
      fuzzParameters(40),
    );
  });
});

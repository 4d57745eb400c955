import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalStore } from '../store';
import { manualClock, sequentialIds } from '../store/testStore';
import type { Workstation } from '../workstation';
import { openHostedWorkstation } from './openHostedWorkstation';

// Nothing listens on the discard port of loopback: a server that is down, reached without leaving the machine.
const SAVED = 'http://127.0.0.1:9/saved';
const ENV = 'http://127.0.0.1:9/env';
const FLAG = 'http://127.0.0.1:9/flag';

let dir: string;
let workstation: Workstation | null;
let embeddedStarts: number;
/** The embedded demo as the host would hand it over; by default it cannot start. */
let embeddedAccess: { serverUrl: string; signIn: { username: string; password: string } } | null;
const embedded = async () => {
  embeddedStarts++;
  if (embeddedAccess === null) throw new Error('no embedded server in this test');
  return embeddedAccess;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crossdesk-hosted-'));
  workstation = null;
  embeddedStarts = 0;
  embeddedAccess = null;
  const store = openLocalStore({ path: join(dir, 'workstation.db'), clock: manualClock(), ids: sequentialIds() });
  store.updateSettings({ serverUrl: SAVED });
  store.close();
});
afterEach(() => {
  workstation?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(given: { flag?: string; env?: string }) {
  workstation = await openHostedWorkstation({
    dataDir: dir,
    ...given,
    embedded,
    clock: manualClock(),
    ids: sequentialIds('d'),
  });
  return workstation;
}

describe('openHostedWorkstation', () => {
  it('uses the flag over the environment over the address saved in Settings, never starting the embedded demo', async () => {
    expect(await (await open({ flag: FLAG, env: ENV })).call('server:get', {})).toEqual({
      ok: true,
      data: { url: FLAG, source: 'flag' },
    });
    workstation?.close();
    expect(await (await open({ env: ENV })).call('server:get', {})).toEqual({
      ok: true,
      data: { url: ENV, source: 'env' },
    });
    workstation?.close();
    expect(await (await open({})).call('server:get', {})).toEqual({
      ok: true,
      data: { url: SAVED, source: 'settings' },
    });
    expect(embeddedStarts).toBe(0);
  });

  it('refuses to switch to an address where no Crossdesk server answers, and to a demo server that cannot start', async () => {
    const ws = await open({});
    const before = await ws.call('session:get', {});
    expect(await ws.call('settings:update', { serverUrl: 'http://127.0.0.1:9/other' })).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE' },
    });
    expect(await ws.call('settings:update', { serverUrl: null })).toMatchObject({
      ok: false,
      error: { code: 'SERVER_UNAVAILABLE' },
    });
    expect(embeddedStarts).toBe(1);
    expect(await ws.call('settings:get', {})).toMatchObject({ ok: true, data: { serverUrl: SAVED } });
    expect(await ws.call('server:get', {})).toEqual({ ok: true, data: { url: SAVED, source: 'settings' } });
    expect(await ws.call('session:get', {})).toEqual(before);
  });

  it('starts without a plain http:// address to another computer saved by an older version, and says why', async () => {
    const store = openLocalStore({ path: join(dir, 'workstation.db'), clock: manualClock(), ids: sequentialIds() });
    store.updateSettings({ serverUrl: 'http://crossdesk.example.com:8787' });
    store.close();
    embeddedAccess = { serverUrl: 'http://127.0.0.1:9/embedded', signIn: { username: 'demo', password: 'demo' } };
    const ws = await open({});
    expect(embeddedStarts).toBe(1);
    expect(await ws.call('server:get', {})).toEqual({
      ok: true,
      data: { url: null, source: 'embedded', ignoredSavedUrl: 'http://crossdesk.example.com:8787' },
    });
    expect(await ws.call('settings:get', {})).toMatchObject({ ok: true, data: { serverUrl: null } });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, ServerInfo } from '../../../src-shared/contract/workstation';
import { sequentialIds, tempStore, type TempStore } from '../store/testStore';
import { createWorkstation, type Workstation } from './createWorkstation';
import { chooseServer, ServerUrlError } from './serverChoice';
import { adoptServerData, type OpenedServer } from './serverSwitch';
import { createOfflineSync } from './syncConnection';

const OLD = 'http://127.0.0.1:7001/';
const NEW = 'http://127.0.0.1:7002/';

let t: TempStore;
let ws: Workstation;
let connects: (string | null)[];
let stops: string[];
let failConnect: boolean;
let events: EventName[];

function opened(info: ServerInfo): OpenedServer {
  return {
    info,
    sync: createOfflineSync(t.store),
    start: async () => undefined,
    stop: async () => {
      stops.push(info.url ?? 'embedded');
    },
  };
}

function open(info: ServerInfo): Workstation {
  const ids = sequentialIds('b');
  adoptServerData(t.store, info.url);
  const workstation = createWorkstation({
    store: t.store,
    clock: t.clock,
    ids,
    server: {
      opened: opened(info),
      connect: async (url) => {
        connects.push(url);
        if (failConnect) throw new Error('unreachable');
        return opened({ url, source: url === null ? 'embedded' : 'settings' });
      },
    },
  });
  for (const event of ['cases:changed', 'attention:changed', 'sync:status'] as const)
    workstation.subscribe(event, () => events.push(event));
  return workstation;
}

beforeEach(() => {
  t = tempStore(60);
  connects = [];
  stops = [];
  failConnect = false;
  events = [];
  ws = open({ url: OLD, source: 'settings' });
});
afterEach(() => t.dispose());

async function anyCaseId(): Promise<string> {
  const result = await ws.call('cases:list', { view: 'mine', limit: 1 });
  if (!result.ok || !result.data.rows[0]) throw new Error('no case');
  return result.data.rows[0].id;
}

describe('chooseServer', () => {
  it('takes the flag, then the environment, then Settings, then the embedded demo', () => {
    expect(chooseServer({ flag: NEW, env: OLD, saved: OLD })).toEqual({ url: NEW, source: 'flag' });
    expect(chooseServer({ flag: '', env: OLD, saved: NEW })).toEqual({ url: OLD, source: 'env' });
    expect(chooseServer({ env: ' ', saved: NEW })).toEqual({ url: NEW, source: 'settings' });
    expect(chooseServer({ saved: null })).toEqual({ url: null, source: 'embedded' });
  });

  it('refuses a malformed flag or variable instead of falling through to another server', () => {
    expect(() => chooseServer({ flag: 'ftp://example.test', saved: NEW })).toThrow(ServerUrlError);
    expect(() => chooseServer({ env: 'not a url', saved: NEW })).toThrow(/CROSSDESK_SERVER_URL/);
  });

  it('takes plain http only for this computer: passwords and tokens never travel in clear (issue 19.9)', () => {
    expect(() => chooseServer({ flag: 'http://api.example.test', saved: null })).toThrow(ServerUrlError);
    expect(() => chooseServer({ env: 'http://10.0.0.5:8787', saved: null })).toThrow(/https/);
    expect(chooseServer({ flag: 'https://api.example.test', saved: null })).toMatchObject({ source: 'flag' });
    for (const loopback of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787'])
      expect(chooseServer({ flag: loopback, saved: null })).toMatchObject({ url: loopback, source: 'flag' });
  });

  it('does not use a plain http:// address to another computer saved by an older version, and says so', () => {
    expect(chooseServer({ saved: 'http://10.0.0.5:8787' })).toEqual({
      url: null,
      source: 'embedded',
      ignoredSavedUrl: 'http://10.0.0.5:8787',
    });
    expect(chooseServer({ saved: 'http://localhost:8787' })).toEqual({
      url: 'http://localhost:8787',
      source: 'settings',
    });
  });
});

describe('changing the server in Settings', () => {
  it('clears the old server data, starts a new client and asks for sign-in at the new one', async () => {
    const before = t.store.getSyncState();
    const settingsBefore = t.store.settings();
    expect(settingsBefore.agentLanguages.length).toBeGreaterThan(1);
    expect(t.store.caseCount()).toBeGreaterThan(0);
    const result = await ws.call('settings:update', { serverUrl: NEW });
    expect(t.store.settings()).toEqual({ ...settingsBefore, serverUrl: NEW });
    expect(result).toMatchObject({ ok: true, data: { serverUrl: NEW } });
    expect(connects).toEqual([NEW]);
    expect(stops).toEqual([OLD]);
    expect(t.store.caseCount()).toBe(0);
    expect(await ws.call('cases:search', { text: 'refund' })).toEqual({ ok: true, data: [] });
    expect(t.store.teams()).toEqual([]);
    const after = t.store.getSyncState();
    expect(after.clientId).not.toBe(before.clientId);
    expect(after).toMatchObject({ userId: null, cursor: null, lastMutationId: 0 });
    expect(await ws.call('session:get', {})).toMatchObject({ ok: true, data: { user: null } });
    expect(await ws.call('sync:status', {})).toMatchObject({ ok: true, data: { connection: 'signed_out' } });
    expect(await ws.call('server:get', {})).toEqual({ ok: true, data: { url: NEW, source: 'settings' } });
    expect(t.store.dataServer()).toBe(NEW);
    expect(events).toEqual(expect.arrayContaining(['cases:changed', 'attention:changed', 'sync:status']));
  });

  it('refuses while changes for the old server are unsent, and changes nothing', async () => {
    await ws.call('cases:addTag', { caseId: await anyCaseId(), tag: 'unsent' });
    const cases = t.store.caseCount();
    const result = await ws.call('settings:update', { serverUrl: NEW });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNSENT_CHANGES', details: { count: 1 } } });
    expect(connects).toEqual([]);
    expect(t.store.caseCount()).toBe(cases);
    expect(t.store.pendingCount()).toBe(1);
    expect(t.store.settings().serverUrl).toBeNull();
    expect(await ws.call('server:get', {})).toEqual({ ok: true, data: { url: OLD, source: 'settings' } });
  });

  it('refuses while rejected actions wait in Needs attention', async () => {
    const { mutationUuid } = await (async () => {
      const r = await ws.call('cases:addNote', {
        caseId: await anyCaseId(),
        noteId: '44444444-4444-4444-8444-444444444444',
        body: 'call back',
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    })();
    t.store.markResults([
      { mutationId: 1, uuid: mutationUuid, status: 'rejected', code: 'FORBIDDEN', message: 'no access' },
    ]);
    expect(await ws.call('settings:update', { serverUrl: NEW })).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_ATTENTION' },
    });
    expect(t.store.attention().length).toBe(1);
  });

  it('refuses when the address comes from the command line, and when the new server cannot be reached', async () => {
    t.store.close();
    t.reopen();
    ws = open({ url: OLD, source: 'flag' });
    expect(await ws.call('settings:update', { serverUrl: NEW })).toMatchObject({
      ok: false,
      error: { code: 'SERVER_URL_LOCKED' },
    });
    ws = open({ url: OLD, source: 'settings' });
    failConnect = true;
    const cases = t.store.caseCount();
    expect(await ws.call('settings:update', { serverUrl: null })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'unreachable' },
    });
    expect(t.store.caseCount()).toBe(cases);
    expect(stops).toEqual([]);
  });

  it('rejects a malformed address as bad input', async () => {
    expect(await ws.call('settings:update', { serverUrl: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await ws.call('settings:update', { serverUrl: 'not a url' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await ws.call('settings:update', { serverUrl: 'http://crossdesk.example.test' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(connects).toEqual([]);
  });

  it('saves the same server again without clearing anything', async () => {
    const cases = t.store.caseCount();
    expect(await ws.call('settings:update', { serverUrl: 'http://127.0.0.1:7001' })).toMatchObject({ ok: true });
    expect(connects).toEqual([]);
    expect(t.store.caseCount()).toBe(cases);
  });
});

describe('adoptServerData at start', () => {
  it('refuses another server while unsent work is recorded for this one, else records the new one and keeps the data', async () => {
    const data = t.store;
    expect(data.dataServer()).toBe(OLD);
    await ws.call('cases:addTag', { caseId: await anyCaseId(), tag: 'unsent' });
    expect(() => adoptServerData(data, NEW)).toThrow(/1 unsent change/);
    expect(data.dataServer()).toBe(OLD);
    t.sql.exec('DELETE FROM outbox');
    const cases = t.store.caseCount();
    adoptServerData(data, null);
    expect(data.dataServer()).toBe('embedded');
    expect(t.store.caseCount()).toBe(cases);
    t.sql.exec("DELETE FROM settings WHERE key = 'dataServer'");
    adoptServerData(data, NEW);
    expect(data.dataServer()).toBe(NEW);
  });
});

// A lost laptop (issue 19): the real server, a desk on a real encrypted SQLite file. Signing out locks the
// store behind the contract (also across a restart), "sign out and remove this device's data" wipes it,
// and an admin's revocation of the device's client id stops its tokens and wipes it on its next contact.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src-shared/contract/workstation';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openSyncedWorkstation } from '../../src-main/core/sync';
import type { Workstation } from '../../src-main/core/workstation';
import { ProtocolClient } from '../../src-server/testing/protocolClient';
import { TestServer } from './testServer';

const AGENT = { username: 'jonas.weber', password: DEMO_PASSWORD };
const CASE_METHODS = [
  'cases:list',
  'cases:counts',
  'cases:search',
  'cases:tags',
  'cases:get',
  'attention:list',
] as const;
const CASE_INPUTS = {
  'cases:list': { view: 'all' },
  'cases:counts': {},
  'cases:search': { text: 'refund', limit: 5 },
  'cases:tags': {},
  'cases:get': { caseId: '00000000-0000-4000-8000-000000000000' },
  'attention:list': {},
} as const;

let demo: TestServer;
const dirs: string[] = [];
const open: Workstation[] = [];

beforeAll(async () => {
  demo = await TestServer.create();
}, 120_000);
afterAll(async () => {
  for (const workstation of open) workstation.close();
  await demo?.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function desk(dataDir: string, signIn = true): Promise<Workstation> {
  const workstation = await openSyncedWorkstation({
    dataDir,
    serverUrl: demo.url,
    ...(signIn ? { signIn: AGENT } : {}),
  });
  open.push(workstation);
  return workstation;
}

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-laptop-'));
  dirs.push(dir);
  return dir;
}

async function caseIdOn(workstation: Workstation): Promise<{ id: string; subject: string }> {
  const page = await workstation.call('cases:list', { view: 'all' });
  if (!page.ok || !page.data.rows[0]) throw new Error('the desk has no cases');
  return { id: page.data.rows[0].id, subject: page.data.rows[0].subject };
}

async function expectLocked(workstation: Workstation): Promise<void> {
  for (const method of CASE_METHODS)
    expect(await workstation.dispatch(method, CASE_INPUTS[method]), method).toMatchObject({
      ok: false,
      error: { code: 'SIGNED_OUT' },
    });
  expect(await workstation.call('session:get', {})).toMatchObject({ ok: true, data: { user: null, teams: [] } });
}

function adminToken(): Promise<string> {
  return new ProtocolClient(demo.url).login('admin');
}

function revoke(clientId: string, token: string): Promise<Response> {
  return fetch(`${demo.url}/api/v1/admin/devices/${encodeURIComponent(clientId)}/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('a lost laptop', () => {
  it('signing out locks every case behind the contract, across a restart, until someone signs in', async () => {
    const dataDir = freshDir();
    let workstation = await desk(dataDir);
    const { id } = await caseIdOn(workstation);
    expect(await workstation.call('cases:get', { caseId: id })).toMatchObject({ ok: true });

    expect(await workstation.call('auth:signOut', {})).toEqual({ ok: true, data: null });
    await expectLocked(workstation);
    expect(await workstation.call('cases:get', { caseId: id })).toMatchObject({
      ok: false,
      error: { code: 'SIGNED_OUT' },
    });
    // What a signed-out desk still answers: signing in, the settings, the server and the sync status.
    expect(await workstation.call('settings:get', {})).toMatchObject({ ok: true });
    expect(await workstation.call('sync:status', {})).toMatchObject({ ok: true, data: { connection: 'signed_out' } });

    workstation.close();
    workstation = await desk(dataDir, false);
    await expectLocked(workstation);

    expect(await workstation.call('auth:signIn', AGENT)).toMatchObject({
      ok: true,
      data: { user: { username: 'jonas.weber' } },
    });
    expect(await workstation.call('cases:get', { caseId: id })).toMatchObject({ ok: true });
  });

  it('"sign out and remove this device\'s data" leaves no case, no unsent change and no user on the device', async () => {
    const dataDir = freshDir();
    const workstation = await desk(dataDir);
    const { id } = await caseIdOn(workstation);
    const wiped: EventPayload<'device:wiped'>[] = [];
    workstation.subscribe('device:wiped', (payload) => wiped.push(payload));
    const secret = 'a note only this laptop holds 7f3a';
    // Words written on this desk, in its store (and maybe its outbox) when the agent removes the data.
    expect(
      await workstation.call('cases:addNote', {
        caseId: id,
        noteId: '11111111-2222-4333-8444-555555555555',
        body: secret,
      }),
    ).toMatchObject({ ok: true });

    expect(await workstation.call('auth:signOutAndRemoveData', {})).toEqual({ ok: true, data: null });
    expect(wiped).toEqual([{ reason: 'requested' }]);
    await expectLocked(workstation);
    const status = await workstation.call('sync:status', {});
    expect(status).toMatchObject({ ok: true, data: { pendingCount: 0, connection: 'signed_out' } });
    for (const file of ['workstation.db', 'workstation.db-wal'].map((name) => join(dataDir, name)))
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);

    // The device can be used again: signing in bootstraps it afresh.
    expect(await workstation.call('auth:signIn', AGENT)).toMatchObject({ ok: true });
    await expect.poll(async () => (await workstation.call('cases:counts', {})).ok, { timeout: 30_000 }).toBe(true);
  });

  it('an admin revokes a device by client id: its tokens stop, and on its next contact it wipes itself and says why', async () => {
    const dataDir = freshDir();
    const workstation = await desk(dataDir);
    await caseIdOn(workstation);
    const session = await workstation.call('session:get', {});
    if (!session.ok) throw new Error('no session');
    const clientId = session.data.clientId;
    const wiped: EventPayload<'device:wiped'>[] = [];
    workstation.subscribe('device:wiped', (payload) => wiped.push(payload));

    const admin = await adminToken();
    // Only an admin may revoke, and only a well-formed client id.
    const agentToken = await new ProtocolClient(demo.url).login(AGENT.username);
    expect((await revoke(clientId, agentToken)).status).toBe(403);
    expect((await revoke('not-a-client-id', admin)).status).toBe(400);
    expect(await workstation.call('cases:counts', {})).toMatchObject({ ok: true });

    const revoked = await revoke(clientId, admin);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ clientId, tokensRevoked: 1 });

    // The desk's next contact (a write pushes at once) hears DEVICE_REVOKED and wipes its data.
    const { id } = await caseIdOn(workstation);
    await workstation.call('cases:addTag', { caseId: id, tag: 'after-revoke' });
    await expect.poll(() => wiped, { timeout: 30_000 }).toEqual([{ reason: 'revoked' }]);
    await expectLocked(workstation);
    expect(await workstation.call('sync:status', {})).toMatchObject({ ok: true, data: { pendingCount: 0 } });
    // The wiped desk is a new install with a new client id: signing in on it needs the password again.
    const after = await workstation.call('session:get', {});
    expect(after.ok && after.data.clientId).not.toBe(clientId);
    expect(await workstation.call('auth:signIn', AGENT)).toMatchObject({ ok: true });
    // The revoked install's id stays refused: a copy of the old store signing in is turned away.
    const copied = await new ProtocolClient(demo.url).call('POST', '/api/v1/auth/login', { ...AGENT, clientId });
    expect(copied.status).toBe(401);
    expect(copied.body).toMatchObject({ error: { code: 'DEVICE_REVOKED' } });
  });
});

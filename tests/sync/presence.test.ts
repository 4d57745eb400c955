// Presence and leases end to end on the desk (issue 15): real desks heartbeat to the real central API, a
// supervisor's desk reads the console through the contract and hears presence changes on its event stream,
// and a desk that goes away loses its cases to the team queue once the disconnect timeout and grace pass.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openSyncedWorkstation } from '../../src-main/core/sync';
import type { Workstation } from '../../src-main/core/workstation';
import { TestServer } from './testServer';

const PRESENCE = { disconnectAfterMs: 2_500, idleAfterMs: 600_000, leaseGraceMs: 1_500 };

let server: TestServer;
const dirs: string[] = [];

async function desk(username: string): Promise<Workstation> {
  const dataDir = mkdtempSync(join(tmpdir(), `crossdesk-presence-${username}-`));
  dirs.push(dataDir);
  return openSyncedWorkstation({
    dataDir,
    serverUrl: server.url,
    signIn: { username, password: DEMO_PASSWORD },
    heartbeatIntervalMs: 500,
  });
}

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { code: string } }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`contract error ${settled.error.code}`);
  return settled.data;
}

/** Polls until the check passes: presence moves with the server's clock, not on a schedule the test knows. */
async function eventually<T>(read: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (isDone(value) || attempt > 200) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  server = await TestServer.create({ presence: PRESENCE, leaseSweepMs: 300 });
}, 120_000);
afterAll(async () => {
  await server?.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('presence and leases through the desks', () => {
  it(
    'shows an agent online, away, then disconnected, and returns their cases to the queue',
    { timeout: 120_000 },
    async () => {
      const supervisor = await desk('wang.lei');
      const agent = await desk('jonas.weber');
      const floorChanges: unknown[] = [];
      const unsubscribe = supervisor.subscribe('floor:changed', (payload) => floorChanges.push(payload));
      try {
        const jonas = (await ok(agent.call('session:get', {}))).user;
        if (!jonas) throw new Error('the agent desk is not signed in');
        const presenceOfJonas = async () =>
          (await ok(supervisor.call('floor:agents', {}))).agents.find((row) => row.id === jonas.id);
        expect((await eventually(presenceOfJonas, (row) => row?.presence === 'online'))?.presence).toBe('online');
        const held = await ok(supervisor.call('floor:cases', { assigneeId: jonas.id, limit: 500 }));
        expect(held.cases.length).toBeGreaterThan(0);

        expect(await ok(agent.call('presence:set', { status: 'away' }))).toEqual({ status: 'away' });
        expect((await eventually(presenceOfJonas, (row) => row?.presence === 'away'))?.status).toBe('away');
        await eventually(
          async () => floorChanges.length,
          (count) => count > 0,
        );
        expect(floorChanges.length).toBeGreaterThan(0);

        // The agent refuses the console: the core says no before asking the server.
        const refused = await agent.call('floor:get', {});
        expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

        agent.close();
        const gone = await eventually(presenceOfJonas, (row) => row?.presence === 'disconnected' && row.load === 0);
        expect(gone).toMatchObject({ presence: 'disconnected', load: 0 });
        const returned = await ok(supervisor.call('floor:cases', { assigneeId: jonas.id, limit: 500 }));
        expect(returned.cases).toEqual([]);
        const queue = await ok(supervisor.call('floor:cases', { unassigned: true, limit: 500 }));
        const ids = new Set(queue.cases.map((each) => each.id));
        expect(
          held.cases.filter((each) => ['new', 'open'].includes(each.status)).every((each) => ids.has(each.id)),
        ).toBe(true);
      } finally {
        unsubscribe();
        supervisor.close();
      }
    },
  );
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import { PIN_LIMIT } from '../../src-shared/caseRules';
import type { AgentList, Floor, RollupCheck, SupervisedCaseList } from '../../src-shared/supervision/views';
import { DRIVERS, makeCase, serverSuite, type ServerSuite } from '../testing/harness';
import type { ProtocolClient } from '../testing/protocolClient';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
// Presence in seconds, as the issue asks of tests: 10 s without a heartbeat is a disconnect, 20 s of grace.
const PRESENCE = { disconnectAfterMs: 10 * SECOND, idleAfterMs: 60 * SECOND, leaseGraceMs: 20 * SECOND };

async function heartbeat(client: ProtocolClient, status: 'online' | 'away' = 'online') {
  const reply = await client.call('POST', '/sync/v1/presence', { protocol: 1, clientId: client.clientId, status });
  expect(reply.status).toBe(200);
}

async function agentsOf(client: ProtocolClient): Promise<AgentList['agents']> {
  const reply = await client.call<AgentList>('GET', '/api/v1/supervisor/agents');
  expect(reply.status).toBe(200);
  return reply.body.agents;
}

async function expectNoDrift(suite: ServerSuite, admin: ProtocolClient): Promise<void> {
  const check = await admin.call<RollupCheck>('GET', '/api/v1/supervisor/rollups/check');
  expect(check.status).toBe(200);
  expect(check.body.drift).toEqual([]);
  expect(suite.db).toBeDefined();
}

describe.each(DRIVERS)('supervisor console on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({ clock: clock.now, presence: PRESENCE, leaseSweepMs: 3_600_000 }));
  const at = (offsetMs: number) => new Date(suite.clock.ms + offsetMs).toISOString();

  it('derives presence from heartbeats, the agent status and activity: online, idle, away, disconnected', async () => {
    const { world, as } = await suite.setup();
    const supervisor = await as('supervisorA');
    const agent = await as('agentA1');
    const presenceOf = async () => (await agentsOf(supervisor)).find((row) => row.id === world.users.agentA1.id);

    expect((await presenceOf())?.presence).toBe('disconnected');
    expect((await presenceOf())?.lastSyncAt).toBeNull();
    await heartbeat(agent);
    expect(await presenceOf()).toMatchObject({ presence: 'online', status: 'online', lastSyncAt: at(0) });
    suite.clock.advance(PRESENCE.idleAfterMs + SECOND);
    await heartbeat(agent);
    expect((await presenceOf())?.presence).toBe('idle');
    await agent.pushOne('case.addTag@1', { caseId: randomUUID(), tag: 'x' });
    expect((await presenceOf())?.presence).toBe('online');
    await heartbeat(agent, 'away');
    expect((await presenceOf())?.presence).toBe('away');
    suite.clock.advance(PRESENCE.disconnectAfterMs + SECOND);
    expect((await presenceOf())?.presence).toBe('disconnected');
  });

  it('refuses every supervisor route to an agent and shows a supervisor only their own teams', async () => {
    const { world, as } = await suite.setup();
    const agent = await as('agentA1');
    for (const path of [
      '/api/v1/supervisor/floor',
      '/api/v1/supervisor/agents',
      '/api/v1/supervisor/at-risk',
      '/api/v1/supervisor/cases',
    ]) {
      const reply = await agent.call<{ error: { code: string } }>('GET', path);
      expect(reply.status, path).toBe(403);
      expect(reply.body.error.code).toBe('FORBIDDEN');
    }
    const settings = { capacity: 3, languages: ['de-DE'], markets: ['DE'] };
    const put = await agent.call('POST', `/api/v1/supervisor/agents/${world.users.agentA2.id}/settings`, settings);
    expect(put.status).toBe(403);

    const supervisor = await as('supervisorA');
    const ids = (await agentsOf(supervisor)).map((row) => row.id).sort();
    expect(ids).toEqual([world.users.agentA1.id, world.users.agentA2.id].sort());
    const outside = await supervisor.call(
      'POST',
      `/api/v1/supervisor/agents/${world.users.agentB1.id}/settings`,
      settings,
    );
    expect(outside.status).toBe(404);
    const bad = await supervisor.call('POST', `/api/v1/supervisor/agents/${world.users.agentA2.id}/settings`, {
      ...settings,
      capacity: -1,
    });
    expect(bad.status).toBe(400);
    const good = await supervisor.call(
      'POST',
      `/api/v1/supervisor/agents/${world.users.agentA2.id}/settings`,
      settings,
    );
    expect(good.status).toBe(200);
    expect((await agentsOf(supervisor)).find((row) => row.id === world.users.agentA2.id)).toMatchObject({
      capacity: 3,
      languages: ['de-DE'],
      markets: ['DE'],
    });
  });

  it('counts the floor per cell from the rollups: breached, due within 1 h and 4 h, unassigned, oldest, eligible agents', async () => {
    const due = (offsetMs: number): Partial<Case> => ({ slaDueAt: at(offsetMs) });
    const { world, cases, as } = await suite.setup(({ teamA, teamB, users }) => [
      makeCase(teamA.id, users.agentA1.id, due(-2 * MINUTE)),
      makeCase(teamA.id, null, due(-40 * MINUTE)),
      makeCase(teamA.id, null, due(30 * MINUTE)),
      makeCase(teamA.id, users.agentA1.id, due(2 * 3_600_000)),
      makeCase(teamA.id, null, due(6 * 3_600_000)),
      makeCase(teamA.id, null, { slaDueAt: null, status: 'pending_customer' }),
      makeCase(teamA.id, null, { ...due(-MINUTE), status: 'solved' }),
      makeCase(teamA.id, null, { ...due(-MINUTE), type: 'exchange', locale: 'fr-FR' }),
      makeCase(teamB.id, null, due(-MINUTE)),
    ]);
    const supervisor = await as('supervisorA');
    const admin = await as('admin');
    const settings = { capacity: 5, languages: ['de-DE', 'en'], markets: ['DE'] };
    await supervisor.call('POST', `/api/v1/supervisor/agents/${world.users.agentA1.id}/settings`, settings);
    await supervisor.call('POST', `/api/v1/supervisor/agents/${world.users.agentA2.id}/settings`, settings);
    await heartbeat(await as('agentA1'));
    await heartbeat(await as('agentA2'), 'away');

    const floor = await supervisor.call<Floor>('GET', '/api/v1/supervisor/floor');
    expect(floor.status).toBe(200);
    const cell = floor.body.cells.find(
      (each) => each.market === 'DE' && each.language === 'de' && each.caseType === 'return_refund',
    );
    expect(cell).toEqual({
      market: 'DE',
      language: 'de',
      caseType: 'return_refund',
      open: 6,
      unassigned: 4,
      breached: 2,
      dueWithin1h: 1,
      dueWithin4h: 2,
      oldestDueAt: cases[1]?.slaDueAt,
      eligibleAgents: 1,
    });
    const french = floor.body.cells.find((each) => each.language === 'fr');
    expect(french).toMatchObject({ caseType: 'exchange', open: 1, breached: 1, eligibleAgents: 0 });
    expect(floor.body.cells.reduce((sum, each) => sum + each.open, 0)).toBe(7);

    // The clock moves, the rows do not: the 30-minute case is breached now, the 2-hour one due within 1 h.
    suite.clock.advance(61 * MINUTE);
    const later = await supervisor.call<Floor>('GET', '/api/v1/supervisor/floor');
    expect(later.body.cells.find((each) => each.caseType === 'return_refund')).toMatchObject({
      breached: 3,
      dueWithin1h: 1,
      dueWithin4h: 1,
    });

    const cellCases = await supervisor.call<SupervisedCaseList>(
      'GET',
      '/api/v1/supervisor/cases?market=DE&language=de&caseType=return_refund&unassigned=true',
    );
    expect(cellCases.body.cases.map((each) => each.id)).toEqual([
      cases[1]?.id,
      cases[2]?.id,
      cases[4]?.id,
      cases[5]?.id,
    ]);
    const atRisk = await supervisor.call<SupervisedCaseList>('GET', '/api/v1/supervisor/at-risk?limit=2');
    expect(atRisk.body.cases.map((each) => each.id)).toEqual([cases[1]?.id, cases[0]?.id]);
    expect(atRisk.body.cases[1]).toMatchObject({
      assigneeId: world.users.agentA1.id,
      assigneePresence: 'disconnected',
    });
    const badQuery = await supervisor.call('GET', '/api/v1/supervisor/cases?limit=100000');
    expect(badQuery.status).toBe(400);
    await expectNoDrift(suite, admin);
  });

  it('returns a disconnected agent’s cases to the queue after the grace period, keeps pinned ones, lets a supervisor break a pin', async () => {
    const { world, cases, as } = await suite.setup(({ teamA, users }) => [
      makeCase(teamA.id, users.agentA1.id, { slaDueAt: at(3 * 3_600_000) }),
      makeCase(teamA.id, users.agentA1.id, { slaDueAt: at(1 * 3_600_000) }),
      makeCase(teamA.id, users.agentA1.id, { slaDueAt: at(5 * 3_600_000) }),
      makeCase(teamA.id, users.agentA2.id, { slaDueAt: at(5 * 3_600_000) }),
    ]);
    const [kept, first, pinnedLater] = cases;
    const agent = await as('agentA1');
    const supervisor = await as('supervisorA');
    const admin = await as('admin');
    await heartbeat(agent);
    expect(await agent.pushOne('case.pin@1', { caseId: kept?.id })).toMatchObject({ status: 'applied' });
    const pinned = await suite.caseRow(kept?.id ?? '');
    expect(pinned.heldOffline).toEqual({ by: world.users.agentA1.id, until: at(3 * 3_600_000 - 30 * MINUTE) });
    const notMine = await agent.pushOne('case.pin@1', { caseId: cases[3]?.id });
    expect(notMine).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });

    // Silent, but within the disconnect timeout and the grace period: nothing moves.
    suite.clock.advance(PRESENCE.disconnectAfterMs + PRESENCE.leaseGraceMs - SECOND);
    // The server is shared with earlier tests' worlds, so the sweep's total is not this test's to count.
    await suite.server.leases.runOnce();
    expect((await suite.caseRow(first?.id ?? '')).assigneeId).toBe(world.users.agentA1.id);
    expect((await agentsOf(supervisor)).find((row) => row.id === world.users.agentA1.id)).toMatchObject({
      presence: 'offline_holding',
      heldOffline: 1,
      load: 3,
    });
    suite.clock.advance(2 * SECOND);
    expect(await suite.server.leases.runOnce()).toBeGreaterThanOrEqual(2);
    expect((await suite.caseRow(first?.id ?? '')).assigneeId).toBeNull();
    expect((await suite.caseRow(pinnedLater?.id ?? '')).assigneeId).toBeNull();
    expect((await suite.caseRow(kept?.id ?? '')).assigneeId).toBe(world.users.agentA1.id);
    expect((await suite.caseRow(cases[3]?.id ?? '')).assigneeId).toBe(world.users.agentA2.id);
    const events = await suite.db.query<{ data: { data: { reason: string; from: string } } }>(
      "SELECT data FROM case_events WHERE case_id = $1 AND data->>'kind' = 'assigned'",
      [first?.id ?? ''],
    );
    expect(events.map((row) => row.data.data)).toEqual([
      { from: world.users.agentA1.id, to: null, reason: 'lease_expired' },
    ]);
    const agentRow = (await agentsOf(supervisor)).find((row) => row.id === world.users.agentA1.id);
    expect(agentRow).toMatchObject({ load: 1, heldOffline: 1, presence: 'offline_holding' });
    expect(agentRow?.nextDueAt).toBe(kept?.slaDueAt);

    // An agent may not break a lease; the supervisor may, and the pinned case returns to the queue.
    expect(await agent.pushOne('case.breakLease@1', { caseId: kept?.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await supervisor.pushOne('case.breakLease@1', { caseId: kept?.id })).toMatchObject({ status: 'applied' });
    expect(await suite.caseRow(kept?.id ?? '')).toMatchObject({ assigneeId: null, heldOffline: null });
    // The agent's refused push just now was contact: their desk is heard from again.
    expect((await agentsOf(supervisor)).find((row) => row.id === world.users.agentA1.id)).toMatchObject({
      presence: 'online',
      load: 0,
      heldOffline: 0,
    });
    await expectNoDrift(suite, admin);
  });

  it('limits pins to k per agent and never past the due time less the buffer', async () => {
    const { cases, as } = await suite.setup(({ teamA, users }) => [
      ...Array.from({ length: PIN_LIMIT + 1 }, () =>
        makeCase(teamA.id, users.agentA1.id, { slaDueAt: at(20 * 3_600_000) }),
      ),
      makeCase(teamA.id, users.agentA1.id, { slaDueAt: at(10 * MINUTE) }),
    ]);
    const agent = await as('agentA1');
    const soon = await agent.pushOne('case.pin@1', { caseId: cases[PIN_LIMIT + 1]?.id });
    expect(soon).toMatchObject({ status: 'rejected', reason: { key: 'pin_due_too_soon' } });
    for (const each of cases.slice(0, PIN_LIMIT))
      expect(await agent.pushOne('case.pin@1', { caseId: each.id })).toMatchObject({ status: 'applied' });
    expect((await suite.caseRow(cases[0]?.id ?? '')).heldOffline?.until).toBe(at(8 * 3_600_000));
    const over = await agent.pushOne('case.pin@1', { caseId: cases[PIN_LIMIT]?.id });
    expect(over).toMatchObject({
      status: 'rejected',
      reason: { key: 'pin_limit_reached', params: { limit: PIN_LIMIT } },
    });
    expect(await agent.pushOne('case.unpin@1', { caseId: cases[0]?.id })).toMatchObject({ status: 'applied' });
    expect(await agent.pushOne('case.pin@1', { caseId: cases[PIN_LIMIT]?.id })).toMatchObject({ status: 'applied' });
  });

  it('tells a supervisor’s event stream when an agent’s presence changes', async () => {
    const { as } = await suite.setup();
    const supervisor = await as('supervisorA');
    const events = await supervisor.events();
    try {
      await heartbeat(await as('agentA1'), 'away');
      expect((await events.nextOf('floor')).event).toBe('floor');
    } finally {
      events.close();
    }
  });
});

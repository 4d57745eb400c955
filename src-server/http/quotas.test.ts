import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VerifyResponse } from '../../src-shared/sync/protocol';
import { addCases, clientFor, createWorld, DRIVERS, makeCase, serverSuite } from '../testing/harness';
import { mutation, pushBody, type ProtocolClient, type Reply } from '../testing/protocolClient';

const WINDOW_MS = 60_000;

// Issue 19.6: any account could use the server without bounds. Quotas per user answer 429 with Retry-After
// before any lock or query; other users are not affected, and the next window starts afresh.
describe.each(DRIVERS)('per-user quotas on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({
    clock: clock.now,
    quotas: { verifyRequests: 3, bootstrapRequests: 2, mutations: 5, eventStreams: 2, windowMs: WINDOW_MS },
  }));
  const { clock } = suite;

  function expectRateLimited(reply: Reply): void {
    expect(reply.status).toBe(429);
    expect(reply.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  }

  async function twoAgents() {
    const world = await createWorld(suite.db);
    const open = makeCase(world.teamA.id, world.users.agentA1.id);
    await addCases(suite.db, [open], clock.ms);
    return {
      world,
      open,
      agent: await clientFor(suite.server, world.users.agentA1.username),
      other: await clientFor(suite.server, world.users.agentA2.username),
    };
  }

  it('limits verify and bootstrap requests per user and window, with Retry-After', async () => {
    const { agent, other } = await twoAgents();
    for (let i = 0; i < 3; i++) expect((await agent.call('GET', '/sync/v1/verify')).status).toBe(200);
    expectRateLimited(await agent.call('GET', '/sync/v1/verify'));
    expect((await other.call('GET', '/sync/v1/verify')).status).toBe(200);

    for (let i = 0; i < 2; i++) expect((await agent.call('GET', '/sync/v1/bootstrap')).status).toBe(200);
    expectRateLimited(await agent.call('GET', '/sync/v1/bootstrap'));

    clock.advance(WINDOW_MS);
    expect((await agent.call<VerifyResponse>('GET', '/sync/v1/verify')).status).toBe(200);
    expect((await agent.call('GET', '/sync/v1/bootstrap')).status).toBe(200);
  });

  it('counts pushed mutations before the push touches anything: over the quota nothing is stored', async () => {
    const { agent, open } = await twoAgents();
    const clientId = randomUUID();
    const tags = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        mutation(from + i, 'case.addTag', { caseId: open.id, tag: `quota-${from + i}` }),
      );
    expect((await agent.call('POST', '/sync/v1/push', pushBody(clientId, tags(1, 4)))).status).toBe(200);
    expectRateLimited(await agent.call('POST', '/sync/v1/push', pushBody(clientId, tags(5, 2))));
    const stored = await suite.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM mutations WHERE client_id = $1',
      [clientId],
    );
    expect(stored).toEqual([{ count: 4 }]);
    clock.advance(WINDOW_MS);
    expect((await agent.call('POST', '/sync/v1/push', pushBody(clientId, tags(5, 2)))).status).toBe(200);
  });

  it('keeps at most the quota of event streams open per user, and frees a place when one closes', async () => {
    const { agent, other } = await twoAgents();
    const open = async (client: ProtocolClient) => {
      const controller = new AbortController();
      const response = await fetch(`${suite.server.url}/sync/v1/events`, {
        headers: { authorization: `Bearer ${client.token ?? ''}` },
        signal: controller.signal,
      });
      return { response, close: () => controller.abort() };
    };
    const first = await open(agent);
    const second = await open(agent);
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    const third = await open(agent);
    expect(third.response.status).toBe(429);
    expect(third.response.headers.get('retry-after')).not.toBeNull();
    const elsewhere = await open(other);
    expect(elsewhere.response.status).toBe(200);
    first.close();
    await expect.poll(async () => (await open(agent)).response.status).toBe(200);
    for (const stream of [second, elsewhere]) stream.close();
  });

  it('does not keep the arguments of a mutation it does not know', async () => {
    const { agent, open } = await twoAgents();
    const clientId = randomUUID();
    const unknown = { ...mutation(1, 'case.teleport', { caseId: open.id, payload: 'x'.repeat(1000) }), v: 7 };
    const reply = await agent.call('POST', '/sync/v1/push', pushBody(clientId, [unknown]));
    expect(reply.status).toBe(200);
    expect(await suite.db.query('SELECT args FROM mutations WHERE client_id = $1', [clientId])).toEqual([{ args: {} }]);
  });
});

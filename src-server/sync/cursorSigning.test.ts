import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src-shared/sync/protocol';
import { addCases, clientFor, createWorld, DRIVERS, makeCase, serverSuite } from '../testing/harness';
import type { ProtocolClient } from '../testing/protocolClient';

/** The last line of a bootstrap: the cursor to pull from, and every page token on the way. */
async function bootstrap(client: ProtocolClient): Promise<{ cursor: string; pageTokens: string[] }> {
  const reply = await client.call<string>('GET', '/sync/v1/bootstrap');
  const lines = String(reply.body)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { cursor?: string; pageToken?: string });
  const cursor = lines.find((line) => line.cursor)?.cursor ?? '';
  return { cursor, pageTokens: lines.flatMap((line) => (line.pageToken ? [line.pageToken] : [])) };
}

/** Rewrites the readable part of an opaque value the way a curious client would, keeping the rest. */
function tamper(value: string, change: (claims: Record<string, unknown>) => void): string {
  const [payload = '', ...rest] = value.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return [Buffer.from(JSON.stringify(claims)).toString('base64url'), ...rest].join('.');
}

// Issue 19.5: cursors and page tokens are signed by the server; a rewound, forged or borrowed one is refused.
describe.each(DRIVERS)('signed cursors and page tokens on %s', (driver) => {
  const suite = serverSuite(driver, () => ({ bootstrapPageRows: 2 }));

  it('refuses a rewound, forged or another user’s cursor with 400 and serves the real one', async () => {
    const world = await createWorld(suite.db);
    await addCases(suite.db, [
      makeCase(world.teamA.id, world.users.agentA1.id),
      makeCase(world.teamA.id, null),
      makeCase(world.teamA.id, null),
    ]);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const other = await clientFor(suite.server, world.users.agentA2.username);
    const { cursor, pageTokens } = await bootstrap(agent);
    const pull = (client: ProtocolClient, value: string) =>
      client.call<PullResponse>('POST', '/sync/v1/pull', { protocol: 1, clientId: randomUUID(), cursor: value });
    expect((await pull(agent, cursor)).status).toBe(200);
    const refused = [
      tamper(cursor, (claims) => (claims.seq = Number(claims.seq) + 1000)),
      tamper(cursor, (claims) => (claims.u = world.users.admin.id)),
      tamper(cursor, (claims) => (claims.seq = Number(claims.seq) + 1)),
      `${cursor.slice(0, -2)}AA`,
      'bm90IGEgY3Vyc29y',
    ];
    for (const value of refused) {
      const reply = await pull(agent, value);
      expect(reply.status, value).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
    expect((await pull(other, cursor)).status).toBe(400);

    expect(pageTokens.length).toBeGreaterThan(1);
    const resumed = await agent.call('GET', `/sync/v1/bootstrap?pageToken=${pageTokens[0]}`);
    expect(resumed.status).toBe(200);
    for (const token of [tamper(pageTokens[0] ?? '', (claims) => (claims.stage = 'team'))]) {
      const reply = await agent.call('GET', `/sync/v1/bootstrap?pageToken=${encodeURIComponent(token)}`);
      expect(reply.status).toBe(400);
    }
    expect((await other.call('GET', `/sync/v1/bootstrap?pageToken=${pageTokens[0]}`)).status).toBe(400);
  });

  it('asks a client holding a cursor from before signing to bootstrap again (409), not to fail for good', async () => {
    const world = await createWorld(suite.db);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const { cursor } = await bootstrap(agent);
    const [payload = ''] = cursor.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { epoch: string; seq: number };
    const unsigned = Buffer.from(JSON.stringify({ v: 1, epoch: claims.epoch, seq: claims.seq })).toString('base64url');
    const reply = await agent.call('POST', '/sync/v1/pull', { protocol: 1, clientId: randomUUID(), cursor: unsigned });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: 'RESET_REQUIRED' } });
  });
});

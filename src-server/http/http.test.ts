import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { MAX_PUSH_BYTES } from '../../src-shared/sync/protocol';
import type { World } from '../testing/harness';
import { addCases, clientFor, createWorld, DRIVERS, makeCase, serverSuite } from '../testing/harness';
import { ProtocolClient, mutation, pushBody } from '../testing/protocolClient';

describe.each(DRIVERS)('auth, errors and limits on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({
    clock: clock.now,
    tokenTtlMs: 60 * 60_000,
    loginLimit: { perUser: 3, perIp: 1000, windowMs: 60_000 },
  }));
  const { clock } = suite;

  async function setup(): Promise<{ world: World; open: Case }> {
    const world = await createWorld(suite.db);
    const open = makeCase(world.teamA.id, world.users.agentA1.id);
    await addCases(suite.db, [open], clock.ms);
    return { world, open };
  }

  async function tags(caseId: string): Promise<string[]> {
    const rows = await suite.db.query<{ data: Case }>('SELECT data FROM cases WHERE id = $1', [caseId]);
    return rows[0]?.data.tags ?? [];
  }

  it('reports health with no-store caching', async () => {
    const reply = await new ProtocolClient(suite.server.url).call('GET', '/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'ok', database: suite.db.kind });
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('logs in with the right password only, and the token expires and can be revoked', async () => {
    const { world, open } = await setup();
    const anonymous = new ProtocolClient(suite.server.url);
    const wrong = await anonymous.call('POST', '/api/v1/auth/login', {
      username: world.users.agentA1.username,
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const login = await anonymous.call<{ token: string; expiresAt: string; user: { id: string } }>(
      'POST',
      '/api/v1/auth/login',
      { username: world.users.agentA1.username, password: DEMO_PASSWORD },
    );
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(world.users.agentA1.id);
    expect(Date.parse(login.body.expiresAt)).toBe(clock.ms + 60 * 60_000);
    const stored = await suite.db.query('SELECT 1 FROM auth_tokens WHERE token_hash = $1', [login.body.token]);
    expect(stored).toEqual([]);

    const agent = new ProtocolClient(suite.server.url);
    agent.token = login.body.token;
    expect((await agent.call('GET', '/sync/v1/verify')).status).toBe(200);
    clock.advance(60 * 60_000);
    const expired = await agent.call('GET', '/sync/v1/verify');
    expect(expired.status).toBe(401);

    await agent.login(world.users.agentA1.username);
    expect((await agent.call('POST', '/api/v1/auth/logout')).status).toBe(200);
    const revoked = await agent.call(
      'POST',
      '/sync/v1/push',
      pushBody(randomUUID(), [mutation(1, 'case.addTag', { caseId: open.id, tag: 'x' })]),
    );
    expect(revoked.status).toBe(401);
    expect(await tags(open.id)).toEqual([]);
  });

  it('rate-limits failed logins per username with 429 and Retry-After', async () => {
    const { world } = await setup();
    const anonymous = new ProtocolClient(suite.server.url);
    const username = world.users.agentA2.username;
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await anonymous.call('POST', '/api/v1/auth/login', { username, password: 'guess' })).status).toBe(401);
    }
    const limited = await anonymous.call('POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(60_000);
    expect((await anonymous.call('POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD })).status).toBe(
      200,
    );
  });

  it('refuses missing and bad tokens on every endpoint', async () => {
    const anonymous = new ProtocolClient(suite.server.url);
    const routes: [string, string, unknown][] = [
      ['POST', '/sync/v1/push', pushBody(randomUUID(), [mutation(1, 'case.take', { caseId: randomUUID() })])],
      ['POST', '/sync/v1/pull', { protocol: 1, clientId: randomUUID(), cursor: 'x' }],
      ['GET', '/sync/v1/bootstrap', undefined],
      ['GET', '/sync/v1/events', undefined],
      ['GET', '/sync/v1/verify', undefined],
      ['POST', '/api/v1/inbound', {}],
      ['POST', '/api/v1/auth/logout', undefined],
    ];
    for (const [method, path, body] of routes) {
      for (const token of [undefined, 'Bearer-less', 'x'.repeat(43)]) {
        const reply = await anonymous.call(
          method,
          path,
          body,
          token === undefined ? {} : token === 'Bearer-less' ? { headers: { authorization: 'Basic abc' } } : { token },
        );
        expect(reply.status, `${method} ${path}`).toBe(401);
        expect(reply.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
      }
    }
  });

  it('answers malformed and oversized bodies with 4xx, a clear error, and changes nothing', async () => {
    const { world, open } = await setup();
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const clientId = randomUUID();
    const invalidJson = await agent.call('POST', '/sync/v1/push', undefined, { raw: '{"protocol":1,' });
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const wrongShape = await agent.call('POST', '/sync/v1/push', { protocol: 2, clientId, mutations: [] });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body).toMatchObject({ error: { code: 'BAD_REQUEST', details: { issues: expect.any(Object) } } });
    const gap = await agent.call(
      'POST',
      '/sync/v1/push',
      pushBody(clientId, [
        mutation(1, 'case.addTag', { caseId: open.id, tag: 'a' }),
        mutation(3, 'case.addTag', { caseId: open.id, tag: 'b' }),
      ]),
    );
    expect(gap.status).toBe(400);
    const huge = 'x'.repeat(MAX_PUSH_BYTES);
    const oversized = await agent.call(
      'POST',
      '/sync/v1/push',
      pushBody(clientId, [mutation(1, 'case.addNote', { caseId: open.id, noteId: randomUUID(), body: huge })]),
    );
    expect(oversized.status).toBe(413);
    expect(oversized.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(JSON.stringify(oversized.body)).not.toMatch(/\bat .*\.ts:\d+/);
    const unknownRoute = await agent.call('GET', '/sync/v1/nothing');
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await tags(open.id)).toEqual([]);
    const clients = await suite.db.query('SELECT 1 FROM clients WHERE client_id = $1', [clientId]);
    expect(clients).toEqual([]);
  });

  it('keeps agents and other roles inside their permissions', async () => {
    const { world, open } = await setup();
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const inbound = await agent.call('POST', '/api/v1/inbound', {});
    expect(inbound.status).toBe(403);
    const trainer = await clientFor(suite.server, world.users.trainer.username);
    const tried = await trainer.sendPush(randomUUID(), [mutation(1, 'case.addTag', { caseId: open.id, tag: 'x' })]);
    expect(tried.body.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect((await trainer.call<{ count: number }>('GET', '/sync/v1/verify')).body.count).toBe(0);
    const otherTeam = await clientFor(suite.server, world.users.agentB1.username);
    const refused = await otherTeam.sendPush(randomUUID(), [
      mutation(1, 'case.setStatus', { caseId: open.id, to: 'solved' }),
    ]);
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect(await tags(open.id)).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, type VerifyResponse } from '../../src-shared/sync/protocol';
import type { RunningServer } from '../../src-server/startServer';
import type { TestDb, World } from '../../src-server/testing/harness';
import { addCases, createWorld, makeCase, openTestDb, startTestServer } from '../../src-server/testing/harness';
import { mutation, ProtocolClient, pushBody } from '../../src-server/testing/protocolClient';
import { fuzzParameters } from './fuzzRuns';
import { hostileJson, hostileString, jsonText } from './hostileValues';

type Body =
  { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; bytes: Uint8Array; contentType: string };

const contentTypes = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=latin1',
);

/** A push envelope that is valid up to its mutations, whose names and arguments are hostile. */
const hostilePush = fc
  .record({
    name: fc.oneof(fc.constantFrom('case.reply', 'case.addNote', 'case.addTag', 'case.merge'), hostileString),
    v: fc.oneof(fc.constant(1), fc.integer()),
    args: fc.oneof(
      hostileJson,
      fc.record({
        caseId: fc.uuid(),
        noteId: fc.uuid(),
        messageId: fc.uuid(),
        body: hostileString,
        tag: hostileString,
      }),
    ),
  })
  .map(({ name, v, args }) => pushBody(randomUUID(), [{ ...mutation(1, 'x', args), name, v }]));

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: 'none' }),
  hostileJson.map((value): Body => ({ kind: 'json', value })),
  hostilePush.map((value): Body => ({ kind: 'json', value })),
  fc
    .record({ bytes: fc.uint8Array({ maxLength: 4096 }), contentType: contentTypes })
    .map(({ bytes, contentType }): Body => ({ kind: 'raw', bytes, contentType })),
);

const query = fc.option(fc.dictionary(fc.constantFrom('pageToken', 'cursor', 'x', '__proto__'), hostileString), {
  nil: undefined,
});

describe('fuzzing every route of the central API', { timeout: 600_000 }, () => {
  let testDb: TestDb;
  let server: RunningServer;
  let world: World;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    server = await startTestServer(testDb.db, { loginLimit: { perUser: 1e6, perIp: 1e6, windowMs: 60_000 } });
    world = await createWorld(testDb.db);
    await addCases(testDb.db, [
      makeCase(world.teamA.id, world.users.agentA1.id),
      makeCase(world.teamA.id, null),
      makeCase(world.teamB.id, world.users.agentB1.id),
    ]);
    for (const role of ['agentA1', 'admin', 'gateway', 'supervisorA', 'trainer'] as const)
      tokens[role] = await new ProtocolClient(server.url).login(world.users[role].username);
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.dispose();
  });

  async function scopeHash(): Promise<VerifyResponse> {
    const reply = await new ProtocolClient(server.url).call<VerifyResponse>('GET', '/sync/v1/verify', undefined, {
      token: tokens.admin ?? '',
    });
    return reply.body;
  }

  it('enumerates the route table (so routes added later are fuzzed too)', () => {
    const urls = server.routes.map((route) => `${route.method} ${route.url}`);
    expect(urls).toEqual(expect.arrayContaining(['POST /sync/v1/push', 'GET /sync/v1/events', 'POST /api/v1/inbound']));
  });

  it('answers random and malformed input with a 4xx and the error shape, changes nothing, stays healthy', async () => {
    const before = await scopeHash();
    const routes = server.routes.filter((route) => route.method !== 'OPTIONS');
    const auth = fc.constantFrom(undefined, 'agentA1', 'admin', 'gateway', 'supervisorA', 'trainer', 'bogus');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), auth, body, query, async (route, who, sent, params) => {
        // Signing out with a live token is a valid request that changes the session: fuzz it signed out.
        const token = route.url === '/api/v1/auth/logout' || who === 'bogus' ? 'x'.repeat(43) : who && tokens[who];
        const search = params ? `?${new URLSearchParams(Object.entries(params)).toString()}` : '';
        const controller = new AbortController();
        const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
        if (sent.kind === 'json') headers['content-type'] = 'application/json';
        if (sent.kind === 'raw') headers['content-type'] = sent.contentType;
        const hasBody = route.method !== 'GET' && sent.kind !== 'none';
        const response = await fetch(`${server.url}${route.url}${search}`, {
          method: route.method,
          headers,
          signal: controller.signal,
          ...(hasBody
            ? { body: sent.kind === 'json' ? jsonText(sent.value) : sent.kind === 'raw' ? Buffer.from(sent.bytes) : '' }
            : {}),
        });
        const label = `${route.method} ${route.url} as ${who} -> ${response.status}`;
        if (response.headers.get('content-type')?.startsWith('text/event-stream')) controller.abort();
        const text = response.bodyUsed ? '' : await response.text().catch(() => '');
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400)
          expect(ApiErrorSchema.safeParse(JSON.parse(text)).success, `${label}: ${text}`).toBe(true);
      }),
      fuzzParameters(150),
    );
    expect(await scopeHash()).toEqual(before);
    const health = await new ProtocolClient(server.url).call('GET', '/health');
    expect(health.status).toBe(200);
  });
});

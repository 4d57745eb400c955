import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { scenarioKey } from '../../src-shared/training';
import type { Case } from '../../src-shared/domain/case';
import type { RunningServer } from '../../src-server/startServer';
import type { TestDb, World } from '../../src-server/testing/harness';
import { addCases, createWorld, makeCase, openTestDb, startTestServer } from '../../src-server/testing/harness';
import { mutation, ProtocolClient, pushBody, type Reply } from '../../src-server/testing/protocolClient';
import { practiceFixture, practiceRun } from '../../src-server/testing/practiceRuns';

const practice = practiceFixture();
import { sampleRubricDraft } from '../../src-shared/training/rubricFixture';
import { putUser } from '../../src-server/auth/directory';
import { hashPassword } from '../../src-server/auth/passwords';

const ROLES = ['agent', 'supervisor', 'trainer', 'admin', 'integration', 'none'] as const;
type Role = (typeof ROLES)[number];
const USER_OF: Record<Exclude<Role, 'none'>, keyof World['users']> = {
  agent: 'agentA1',
  supervisor: 'supervisorA',
  trainer: 'trainer',
  admin: 'admin',
  integration: 'gateway',
};

/**
 * allow: answered (2xx) and done; rejects: answered 200 but each mutation refused FORBIDDEN (push is
 * per mutation); deny: 403 FORBIDDEN; hidden: 404, as if it did not exist (a file of a case the caller
 * cannot see); signIn: 401, a token is needed.
 */
type Outcome = 'allow' | 'rejects' | 'deny' | 'hidden' | 'signIn';
const signedIn = (outcome: Outcome): Record<Role, Outcome> => ({
  agent: outcome,
  supervisor: outcome,
  trainer: outcome,
  admin: outcome,
  integration: outcome,
  none: 'signIn',
});

/** The trainer's side of training (issue 16): trainers, and admins who may do all they do. */
const trainers: Record<Role, Outcome> = { ...signedIn('deny'), trainer: 'allow', admin: 'allow' };

/**
 * Who may use each route. A route missing here fails the suite: whoever adds a route decides who may
 * use it, in this table.
 */
const EXPECTED: Record<string, Record<Role, Outcome>> = {
  'GET /health': { ...signedIn('allow'), none: 'allow' },
  'POST /api/v1/auth/login': { ...signedIn('allow'), none: 'signIn' },
  'POST /api/v1/auth/logout': signedIn('allow'),
  'POST /api/v1/inbound': { ...signedIn('deny'), integration: 'allow' },
  'POST /sync/v1/push': { ...signedIn('allow'), trainer: 'rejects', integration: 'rejects' },
  'POST /sync/v1/pull': signedIn('allow'),
  'POST /api/v1/admin/devices/:clientId/revoke': { ...signedIn('deny'), admin: 'allow' },
  'GET /sync/v1/verify': signedIn('allow'),
  'GET /api/v1/audit': { ...signedIn('deny'), supervisor: 'allow', admin: 'allow' },
  'GET /sync/v1/bootstrap': signedIn('allow'),
  'GET /sync/v1/events': signedIn('allow'),
  'PUT /api/v1/attachments/:attachmentId': { ...signedIn('allow'), trainer: 'deny' },
  'GET /api/v1/attachments/:attachmentId/content': { ...signedIn('allow'), trainer: 'hidden', integration: 'hidden' },
  'POST /sync/v1/training/pull': { ...signedIn('allow'), integration: 'deny' },
  'POST /sync/v1/training/runs': { ...signedIn('deny'), agent: 'allow' },
  'POST /api/v1/training/scenarios': { ...signedIn('deny'), trainer: 'allow', admin: 'allow' },
  'POST /api/v1/training/assignments': { ...signedIn('deny'), trainer: 'allow', admin: 'allow' },
  'GET /api/v1/training/rubrics': trainers,
  'POST /api/v1/training/rubrics': trainers,
  'POST /api/v1/training/rubrics/:key/retire': trainers,
  'DELETE /api/v1/training/rubrics/:key': trainers,
  'GET /api/v1/training/runs': trainers,
  'GET /api/v1/training/runs/:runId/review': trainers,
  'POST /api/v1/training/runs/:runId/overrides': trainers,
  'POST /api/v1/training/runs/:runId/release': trainers,
  'GET /api/v1/training/calibrations': trainers,
  'POST /api/v1/training/calibrations': trainers,
  'GET /api/v1/training/calibrations/:id': trainers,
  // Only the calibration's raters rate (an admin is not one of them).
  'POST /api/v1/training/calibrations/:id/ratings': { ...trainers, admin: 'deny' },
  'POST /api/v1/training/calibrations/:id/close': trainers,
  'GET /api/v1/training/progress': trainers,
  'GET /api/v1/training/results': trainers,
};

interface TrainerFixture {
  runId: string;
  criterion: { key: string; max: number };
  author: ProtocolClient;
  colleague: ProtocolClient;
  ratings: Record<string, number | null>;
  calibrationRequest: unknown;
}

describe('authorization: every route x every role', { timeout: 300_000 }, () => {
  let testDb: TestDb;
  let server: RunningServer;
  let world: World;
  let open: Case;
  let fileId: string;

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    server = await startTestServer(testDb.db, { loginLimit: { perUser: 1e6, perIp: 1e6, windowMs: 60_000 } });
    world = await createWorld(testDb.db);
    open = makeCase(world.teamA.id, world.users.agentA1.id);
    await addCases(testDb.db, [open]);
    fileId = randomUUID();
    const uploader = await clientAs('agent');
    const upload = await uploader.uploadFile(fileId, Buffer.from('Serial number: 4711\n'), {
      name: 'serial.txt',
      caseId: open.id,
    });
    if (upload.status !== 201) throw new Error(`upload answered ${upload.status}`);
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.dispose();
  });

  /** A run of agent A1 to review, a rubric, and a second trainer of team A, so calibrations can be opened. */
  let fixture: Promise<TrainerFixture> | undefined;
  function trainerFixture(): Promise<TrainerFixture> {
    fixture ??= (async () => {
      const agent = await ProtocolClient.signIn(server.url, world.users.agentA1.username);
      const run = practiceRun(practice, practice.failing);
      await agent.call('POST', '/sync/v1/training/runs', { protocol: 1, run });
      const author = await ProtocolClient.signIn(server.url, world.users.trainer.username);
      const review = await author.call<{ criteria: Array<{ key: string; max: number }> }>(
        'GET',
        `/api/v1/training/runs/${run.id}/review`,
      );
      const criterion = review.body.criteria[0];
      if (!criterion) throw new Error('the practice run has no criteria');
      const colleagueUser = { ...world.users.trainer, id: randomUUID(), username: `tr2-${randomUUID().slice(0, 8)}` };
      await putUser(
        testDb.db,
        colleagueUser,
        DEMO_PASSWORD,
        await hashPassword(DEMO_PASSWORD, { n: 2 ** 10, r: 8, p: 1 }),
      );
      const colleague = await ProtocolClient.signIn(server.url, colleagueUser.username);
      const key = `matrix.calibration-${randomUUID().slice(0, 8)}`;
      await author.call('POST', '/api/v1/training/rubrics', sampleRubricDraft(key));
      return {
        runId: run.id,
        criterion,
        author,
        colleague,
        ratings: { statutory_right: 1, mirrors_greeting: null, register: 3, timeframe: 2 },
        calibrationRequest: {
          runId: run.id,
          rubric: { key, version: 1 },
          trainerIds: [world.users.trainer.id, colleagueUser.id],
          benchmarkTrainerId: world.users.trainer.id,
        },
      };
    })();
    return fixture;
  }

  async function clientAs(role: Role): Promise<ProtocolClient> {
    const client = new ProtocolClient(server.url);
    if (role !== 'none') await client.login(world.users[USER_OF[role]].username);
    return client;
  }

  /** A request each role could legitimately make on the route, so only authorization decides the answer. */
  async function request(route: string, role: Role, client: ProtocolClient): Promise<Reply> {
    switch (route) {
      case 'GET /health':
      case 'GET /api/v1/audit':
      case 'GET /sync/v1/verify':
        return client.call('GET', route.slice(4));
      case 'POST /api/v1/auth/login':
        return client.call('POST', '/api/v1/auth/login', {
          username: role === 'none' ? `nobody-${randomUUID()}` : world.users[USER_OF[role]].username,
          password: role === 'none' ? 'guess' : DEMO_PASSWORD,
        });
      case 'POST /api/v1/auth/logout':
        return client.call('POST', '/api/v1/auth/logout');
      case 'POST /api/v1/inbound':
        return client.call('POST', '/api/v1/inbound', {
          externalId: `matrix-${randomUUID()}`,
          channel: 'email',
          receivedAt: '2026-11-25T09:00:00.000Z',
          market: 'DE',
          locale: 'de-DE',
          customer: { name: { given: 'Lena', family: 'Schmidt', order: 'given_family' }, address: 'l@example.test' },
          caseId: open.id,
          body: 'Wo bleibt meine Erstattung?',
        });
      case 'POST /sync/v1/push':
        return client.call(
          'POST',
          '/sync/v1/push',
          pushBody(randomUUID(), [mutation(1, 'case.addTag', { caseId: open.id, tag: `matrix-${role}` })]),
        );
      case 'POST /sync/v1/pull':
      case 'GET /sync/v1/bootstrap': {
        const bootstrap = await client.call<string>('GET', '/sync/v1/bootstrap');
        if (route === 'GET /sync/v1/bootstrap' || bootstrap.status !== 200) return bootstrap;
        const cursor = /"cursor":"([^"]+)"/.exec(String(bootstrap.body))?.[1] ?? 'x';
        return client.call('POST', '/sync/v1/pull', { protocol: 1, clientId: randomUUID(), cursor });
      }
      case 'POST /api/v1/admin/devices/:clientId/revoke':
        return client.call('POST', `/api/v1/admin/devices/${randomUUID()}/revoke`, {});
      case 'GET /sync/v1/events': {
        const controller = new AbortController();
        const response = await fetch(`${server.url}/sync/v1/events`, {
          headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
          signal: controller.signal,
        });
        const body: unknown = response.ok ? null : await response.json();
        controller.abort();
        return { status: response.status, body, headers: response.headers };
      }
      case 'PUT /api/v1/attachments/:attachmentId':
        return client.uploadFile(randomUUID(), Buffer.from(`Order note from ${role}\n`), {
          name: 'note.txt',
          ...(role === 'integration' ? {} : { caseId: open.id }),
        });
      case 'GET /api/v1/attachments/:attachmentId/content':
        return client.downloadFile(fileId);
      case 'POST /sync/v1/training/pull':
        return client.call('POST', route.slice(5), { protocol: 1, cursor: null });
      case 'POST /sync/v1/training/runs':
        return client.call('POST', route.slice(5), { protocol: 1, run: practiceRun(practice, practice.perfect) });
      case 'POST /api/v1/training/scenarios':
        return client.call('POST', route.slice(5), { ...practice.scenario, id: `matrix-${role}` });
      case 'POST /api/v1/training/assignments':
        return client.call('POST', route.slice(5), {
          id: randomUUID(),
          scenarioKey: scenarioKey(practice.scenario),
          assignee: { kind: 'team', teamId: world.teamA.id },
        });
      case 'GET /api/v1/training/rubrics':
        return client.call('GET', '/api/v1/training/rubrics');
      case 'POST /api/v1/training/rubrics':
        return client.call('POST', '/api/v1/training/rubrics', sampleRubricDraft(`matrix.${role}-${randomUUID()}`));
      case 'POST /api/v1/training/rubrics/:key/retire':
      case 'DELETE /api/v1/training/rubrics/:key': {
        const key = `matrix.${role}-${randomUUID()}`;
        const author = await ProtocolClient.signIn(server.url, world.users.trainer.username);
        await author.call('POST', '/api/v1/training/rubrics', sampleRubricDraft(key));
        return route.startsWith('DELETE')
          ? client.call('DELETE', `/api/v1/training/rubrics/${key}`)
          : client.call('POST', `/api/v1/training/rubrics/${key}/retire`);
      }
      case 'GET /api/v1/training/runs':
      case 'GET /api/v1/training/calibrations':
      case 'GET /api/v1/training/progress':
      case 'GET /api/v1/training/results':
        return client.call('GET', route.slice(4));
      case 'GET /api/v1/training/runs/:runId/review':
        return client.call('GET', `/api/v1/training/runs/${(await trainerFixture()).runId}/review`);
      case 'POST /api/v1/training/runs/:runId/overrides': {
        const { runId, criterion } = await trainerFixture();
        return client.call('POST', `/api/v1/training/runs/${runId}/overrides`, {
          overrides: [{ criterion: criterion.key, value: criterion.max, comment: `matrix ${role}` }],
        });
      }
      case 'POST /api/v1/training/runs/:runId/release':
        return client.call('POST', `/api/v1/training/runs/${(await trainerFixture()).runId}/release`, {
          feedback: `matrix ${role}`,
        });
      case 'POST /api/v1/training/calibrations':
        return client.call('POST', '/api/v1/training/calibrations', (await trainerFixture()).calibrationRequest);
      case 'GET /api/v1/training/calibrations/:id':
      case 'POST /api/v1/training/calibrations/:id/ratings':
      case 'POST /api/v1/training/calibrations/:id/close': {
        const fixture = await trainerFixture();
        const { calibration } = (
          await fixture.author.call<{ calibration: { id: string } }>(
            'POST',
            '/api/v1/training/calibrations',
            fixture.calibrationRequest,
          )
        ).body;
        const path = `/api/v1/training/calibrations/${calibration.id}`;
        if (route.startsWith('GET')) return client.call('GET', path);
        if (route.endsWith('ratings')) return client.call('POST', `${path}/ratings`, { ratings: fixture.ratings });
        // Two raters have submitted, so closing is a request its opener may make.
        await fixture.author.call('POST', `${path}/ratings`, { ratings: fixture.ratings });
        await fixture.colleague.call('POST', `${path}/ratings`, { ratings: fixture.ratings });
        return client.call('POST', `${path}/close`);
      }
      default:
        throw new Error(`no request for ${route}: add one here and its row to EXPECTED`);
    }
  }

  function outcomeOf(reply: Reply): Outcome | `unexpected ${number}` {
    if (reply.status === 401) return 'signIn';
    if (reply.status === 403) return 'deny';
    if (reply.status === 404) return 'hidden';
    if (reply.status >= 200 && reply.status < 300) {
      const results = Reflect.get(Object(reply.body), 'results');
      const isRefused =
        Array.isArray(results) &&
        results.length > 0 &&
        results.every((result) => Reflect.get(Object(result), 'code') === 'FORBIDDEN');
      return isRefused ? 'rejects' : 'allow';
    }
    return `unexpected ${reply.status}`;
  }

  it('has an expected row for every route in the route table', () => {
    const routes = server.routes.map((route) => `${route.method} ${route.url}`).sort();
    expect(routes).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers every route for every role as the table says', async () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const { method, url } of server.routes) {
      const route = `${method} ${url}`;
      actual[route] = {};
      for (const role of ROLES) {
        const reply = await request(route, role, await clientAs(role));
        (actual[route] ?? {})[role] = outcomeOf(reply);
      }
    }
    expect(actual).toEqual(EXPECTED);
  });
});

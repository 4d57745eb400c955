import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import {
  builtinScenarios,
  scenarioKey,
  trainingIdFrom,
  TrainingPullResponseSchema,
  type RunUpload,
  type Scenario,
  type TrainingChange,
} from '../../src-shared/training';
import { DRIVERS, makeCase, serverSuite } from '../testing/harness';
import type { ProtocolClient } from '../testing/protocolClient';
import { practiceFixture, practiceRun } from '../testing/practiceRuns';

const fixture = practiceFixture();
const { scenario, perfect, failing } = fixture;
const upload = (path = perfect, overrides: Partial<RunUpload> = {}) => practiceRun(fixture, path, overrides);

async function pullAll(client: ProtocolClient, cursor: string | null = null) {
  const changes: TrainingChange[] = [];
  for (;;) {
    const reply = await client.call('POST', '/sync/v1/training/pull', { protocol: PROTOCOL_VERSION, cursor });
    expect(reply.status).toBe(200);
    const page = TrainingPullResponseSchema.parse(reply.body);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

const idsOf = (changes: readonly TrainingChange[], entity: TrainingChange['entity']) =>
  changes.filter((change) => change.entity === entity).map((change) => change.entityId);

describe.each(DRIVERS)('practice on the central API (%s)', (driver) => {
  const suite = serverSuite(driver, () => ({}));

  it('publishes the shipped library at start, for everyone signed in', async () => {
    const { as } = await suite.setup();
    const { changes } = await pullAll(await as('agentA1'));
    expect(idsOf(changes, 'scenario').sort()).toEqual(builtinScenarios().map(scenarioKey).sort());
    const supervisor = await pullAll(await as('supervisorA'));
    expect(idsOf(supervisor.changes, 'scenario')).toHaveLength(builtinScenarios().length);
    expect(
      (await (await as('gateway')).call('POST', '/sync/v1/training/pull', { protocol: 1, cursor: null })).status,
    ).toBe(403);
  });

  it('stores a finished run once, scored by the server, and syncs it exactly once to its agent and their trainer', async () => {
    const { as, world } = await suite.setup();
    const agent = await as('agentA1');
    const before = await pullAll(agent);
    const run = upload();
    const first = await agent.call<{
      status: string;
      run: { agentId: string; result: { score: number; outcome: string } };
    }>('POST', '/sync/v1/training/runs', { protocol: 1, run });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('stored');
    expect(first.body.run.agentId).toBe(world.users.agentA1.id);
    expect(first.body.run.result.score).toBe(100);
    expect(first.body.run.result.outcome).toBe(perfect.outcome);
    const again = await agent.call<{ status: string }>('POST', '/sync/v1/training/runs', { protocol: 1, run });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('duplicate');

    const after = await pullAll(agent, before.cursor);
    expect(idsOf(after.changes, 'run')).toEqual([run.id]);
    expect((await pullAll(agent, after.cursor)).changes).toEqual([]);
    const [stored] = await suite.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM training_runs WHERE id = $1',
      [run.id],
    );
    expect(stored?.count).toBe(1);

    expect(idsOf((await pullAll(await as('trainer'))).changes, 'run')).toEqual([run.id]);
    expect(idsOf((await pullAll(await as('agentA2'))).changes, 'run')).toEqual([]);
    expect(idsOf((await pullAll(await as('agentB1'))).changes, 'run')).toEqual([]);
    expect(idsOf((await pullAll(await as('supervisorA'))).changes, 'run')).toEqual([]);
  });

  it('scores a critical fail as 0 whatever the client thinks', async () => {
    const { as } = await suite.setup();
    const reply = await (
      await as('agentA1')
    ).call<{ run: { result: { score: number; passed: boolean } } }>('POST', '/sync/v1/training/runs', {
      protocol: 1,
      run: upload(failing),
    });
    expect(reply.status).toBe(201);
    expect(reply.body.run.result).toMatchObject({ score: 0, passed: false });
  });

  it('gives assignments to the agent or the team and their trainer; a trainer still sees no live case', async () => {
    const { as, world } = await suite.setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const trainer = await as('trainer');
    const key = scenarioKey(scenario);
    const toAgent = {
      id: randomUUID(),
      scenarioKey: key,
      assignee: { kind: 'agent', agentId: world.users.agentA1.id },
      attemptLimit: 3,
    };
    const toTeam = {
      id: randomUUID(),
      scenarioKey: key,
      assignee: { kind: 'team', teamId: world.teamA.id },
      dueAt: '2026-12-24T17:00:00.000Z',
    };
    expect((await trainer.call('POST', '/api/v1/training/assignments', toAgent)).status).toBe(201);
    expect((await trainer.call('POST', '/api/v1/training/assignments', toAgent)).status).toBe(200);
    expect((await trainer.call('POST', '/api/v1/training/assignments', toTeam)).status).toBe(201);
    const notTrained = { ...toAgent, id: randomUUID(), assignee: { kind: 'agent', agentId: world.users.agentB1.id } };
    expect((await trainer.call('POST', '/api/v1/training/assignments', notTrained)).status).toBe(404);
    const otherTeam = { ...toTeam, id: randomUUID(), assignee: { kind: 'team', teamId: world.teamB.id } };
    expect((await trainer.call('POST', '/api/v1/training/assignments', otherTeam)).status).toBe(404);
    expect(
      (await (await as('agentA1')).call('POST', '/api/v1/training/assignments', { ...toTeam, id: randomUUID() }))
        .status,
    ).toBe(403);
    const missing = { ...toTeam, id: randomUUID(), scenarioKey: 'no-such-scenario@1.0.0' };
    expect((await trainer.call('POST', '/api/v1/training/assignments', missing)).status).toBe(404);

    expect(idsOf((await pullAll(await as('agentA1'))).changes, 'assignment').sort()).toEqual(
      [toAgent.id, toTeam.id].sort(),
    );
    expect(idsOf((await pullAll(await as('agentA2'))).changes, 'assignment')).toEqual([toTeam.id]);
    expect(idsOf((await pullAll(await as('agentB1'))).changes, 'assignment')).toEqual([]);
    expect(idsOf((await pullAll(trainer)).changes, 'assignment').sort()).toEqual([toAgent.id, toTeam.id].sort());
    expect((await trainer.verify()).count).toBe(0);

    const assigned = await (
      await as('agentA1')
    ).call('POST', '/sync/v1/training/runs', {
      protocol: 1,
      run: upload(perfect, { assignmentId: toAgent.id }),
    });
    expect(assigned.status).toBe(201);
    const notMine = await (
      await as('agentB1')
    ).call('POST', '/sync/v1/training/runs', {
      protocol: 1,
      run: upload(perfect, { assignmentId: toAgent.id }),
    });
    expect(notMine.status).toBe(404);
  });

  it('refuses bad runs with a clear 4xx and stores nothing', async () => {
    const { as, world } = await suite.setup();
    const agent = await as('agentA1');
    const taken = upload();
    expect((await agent.call('POST', '/sync/v1/training/runs', { protocol: 1, run: taken })).status).toBe(201);
    const refusals: Array<[string, unknown, number]> = [
      ['unknown version', upload(perfect, { scenarioKey: `${scenario.id}@9.9.9` }), 404],
      ['other content', upload(perfect, { scenarioHash: 'f'.repeat(64) }), 400],
      ['unfinished', upload(perfect, { answers: upload().answers.slice(0, 1) }), 400],
      ['no such option', upload(perfect, { answers: [{ kind: 'choose', optionId: 'nope', delayMs: 0 }] }), 400],
      ['a live id', { ...upload(), id: randomUUID() }, 400],
      ['id of another run', { ...upload(failing), id: taken.id }, 400],
      ['ends before it starts', upload(perfect, { finishedAt: '2026-11-24T09:00:00.000Z' }), 400],
      ['no answers', { ...upload(), answers: [] }, 400],
    ];
    for (const [what, run, status] of refusals) {
      const reply = await agent.call<{ error?: { code: string; message: string } }>('POST', '/sync/v1/training/runs', {
        protocol: 1,
        run,
      });
      expect([what, reply.status]).toEqual([what, status]);
      expect(reply.body.error?.message, what).toBeTruthy();
    }
    const trainerUpload = await (
      await as('trainer')
    ).call('POST', '/sync/v1/training/runs', { protocol: 1, run: upload() });
    expect(trainerUpload.status).toBe(403);
    const rows = await suite.db.query<{ id: string }>('SELECT id FROM training_runs WHERE agent_id = ANY($1::text[])', [
      `{${world.users.agentA1.id},${world.users.trainer.id}}`,
    ]);
    expect(rows.map((row) => row.id)).toEqual([taken.id]);
  });

  it('publishes a trainer’s scenario that passes the checks, and refuses a malformed one or changed content under a published version', async () => {
    const { as } = await suite.setup();
    const trainer = await as('trainer');
    const own: Scenario = { ...scenario, id: `own-${randomUUID().slice(0, 8)}`, version: '1.0.0' };
    const published = await trainer.call<{ status: string }>('POST', '/api/v1/training/scenarios', own);
    expect(published.status).toBe(201);
    expect((await trainer.call('POST', '/api/v1/training/scenarios', own)).status).toBe(200);
    const changed = await trainer.call('POST', '/api/v1/training/scenarios', {
      ...own,
      passThreshold: own.passThreshold - 1,
    });
    expect(changed.status).toBe(400);
    const malformed = await trainer.call<{ error: { details: { problems: string[] } } }>(
      'POST',
      '/api/v1/training/scenarios',
      { ...own, version: '1.0.1', start: 'nowhere' },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.problems.join('\n')).toContain('nowhere');
    expect((await trainer.call('POST', '/api/v1/training/scenarios', 'not a scenario')).status).toBe(400);
    expect((await (await as('agentA1')).call('POST', '/api/v1/training/scenarios', own)).status).toBe(403);
    const keys = await suite.db.query<{ key: string }>('SELECT key FROM training_scenarios WHERE scenario_id = $1', [
      own.id,
    ]);
    expect(keys.map((row) => row.key)).toEqual([scenarioKey(own)]);
    expect(idsOf((await pullAll(await as('agentB1'))).changes, 'scenario')).toContain(scenarioKey(own));
  });

  it('refuses a practice id in a mutation on a live case and never queues a training message for delivery', async () => {
    const { as, cases } = await suite.setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const live = cases[0];
    if (!live) throw new Error('no case');
    const agent = await as('agentA1');
    const messageId = trainingIdFrom(randomUUID());
    const result = await agent.pushOne('case.reply@1', { caseId: live.id, messageId, body: 'Hallo!', locale: 'de-DE' });
    expect(result).toMatchObject({ status: 'rejected', code: 'FORBIDDEN', reason: { key: 'training_sandbox' } });
    const note = await agent.pushOne('case.addNote@1', {
      caseId: live.id,
      noteId: trainingIdFrom(randomUUID()),
      body: 'x',
    });
    expect(note).toMatchObject({ status: 'rejected', reason: { key: 'training_sandbox' } });
    expect(await suite.db.query('SELECT 1 FROM messages WHERE id = $1', [messageId])).toEqual([]);
    expect(await suite.db.query('SELECT 1 FROM outbound WHERE case_id = $1', [live.id])).toEqual([]);
    expect((await suite.caseRow(live.id)).version).toBe(live.version);
    // The database refuses it too, whoever would write it.
    await expect(
      suite.db.query(
        `INSERT INTO outbound (message_id, case_id, state, next_attempt_ms, updated_ms) VALUES ($1, $2, 'queued', 0, 0)`,
        [messageId, live.id],
      ),
    ).rejects.toThrow(/outbound_not_training/);
  });
});

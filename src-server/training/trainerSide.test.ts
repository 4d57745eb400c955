import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import {
  AssignmentProgressSchema,
  CalibrationSchema,
  RunForReviewSchema,
  ReviewSchema,
  scenarioKey,
  TrainingPullResponseSchema,
  TrainingResultsSchema,
  type Calibration,
  type RunUpload,
} from '../../src-shared/training';
import { sampleRubricDraft } from '../../src-shared/training/rubricFixture';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { putUser } from '../auth/directory';
import { hashPassword } from '../auth/passwords';
import { clientFor, DRIVERS, serverSuite } from '../testing/harness';
import type { ProtocolClient } from '../testing/protocolClient';
import { practiceFixture, practiceRun } from '../testing/practiceRuns';

const fixture = practiceFixture();
const { perfect, failing } = fixture;
const T = '/api/v1/training';

async function uploaded(agent: ProtocolClient, run: RunUpload): Promise<string> {
  const reply = await agent.call('POST', '/sync/v1/training/runs', { protocol: PROTOCOL_VERSION, run });
  expect(reply.status).toBe(201);
  return run.id;
}

async function reviewsPulled(client: ProtocolClient) {
  const reply = await client.call('POST', '/sync/v1/training/pull', { protocol: PROTOCOL_VERSION, cursor: null });
  return TrainingPullResponseSchema.parse(reply.body).changes.filter((change) => change.entity === 'review');
}

describe.each(DRIVERS)("the trainer's side of practice (%s)", (driver) => {
  const suite = serverSuite(driver, (clock) => ({ clock: clock.now, tokenTtlMs: 30 * 86_400_000 }));

  it('reviews a run: transcript and criteria, an override with a comment recomputes and is recorded, release reaches the trainee', async () => {
    const { as, world } = await suite.setup();
    const agent = await as('agentA1');
    const trainer = await as('trainer');
    const runId = await uploaded(agent, practiceRun(fixture, failing));

    const view = RunForReviewSchema.parse((await trainer.call('GET', `${T}/runs/${runId}/review`)).body);
    expect(view.run.result.score).toBe(0);
    expect(view.transcript.some((entry) => entry.kind === 'agent')).toBe(true);
    expect(view.ruleResults.length).toBeGreaterThan(0);
    expect(view.review).toBeNull();
    const critical = view.criteria.filter((criterion) => criterion.critical && criterion.automatic < criterion.max);
    expect(critical.length).toBeGreaterThan(0);

    // Without a comment: refused, nothing stored.
    const bare = await trainer.call('POST', `${T}/runs/${runId}/overrides`, {
      overrides: [{ criterion: critical[0]?.key, value: critical[0]?.max }],
    });
    expect(bare.status).toBe(400);
    const blank = await trainer.call('POST', `${T}/runs/${runId}/overrides`, {
      overrides: [{ criterion: critical[0]?.key, value: critical[0]?.max, comment: '   ' }],
    });
    expect(blank.status).toBe(400);
    const offScale = await trainer.call('POST', `${T}/runs/${runId}/overrides`, {
      overrides: [{ criterion: critical[0]?.key, value: (critical[0]?.max ?? 0) + 1, comment: 'x' }],
    });
    expect(offScale.status).toBe(400);
    expect(await suite.db.query('SELECT 1 FROM training_reviews WHERE run_id = $1', [runId])).toHaveLength(0);
    expect(await suite.db.query('SELECT 1 FROM training_overrides WHERE run_id = $1', [runId])).toHaveLength(0);

    const overridden = await trainer.call<{ review: unknown }>('POST', `${T}/runs/${runId}/overrides`, {
      overrides: critical.map((criterion) => ({
        criterion: criterion.key,
        value: criterion.max,
        comment: 'The date was right for this order; the rule missed the written-out form.',
      })),
    });
    expect(overridden.status).toBe(200);
    const review = ReviewSchema.parse(overridden.body.review);
    expect(review.result.score).toBeGreaterThan(0);
    expect(review.overrides.map((o) => [o.by, o.automatic])).toEqual(
      critical.map((criterion) => [world.users.trainer.id, criterion.automatic]),
    );
    const recorded = await suite.db.query('SELECT comment FROM training_overrides WHERE run_id = $1', [runId]);
    expect(recorded).toHaveLength(critical.length);

    // Not released yet: the trainee hears nothing.
    expect(await reviewsPulled(agent)).toEqual([]);
    expect((await trainer.call('POST', `${T}/runs/${runId}/release`, { feedback: ' ' })).status).toBe(400);
    const released = await trainer.call<{ review: unknown }>('POST', `${T}/runs/${runId}/release`, {
      feedback: 'Good structure. Quote the last day exactly as the law counts it.',
    });
    expect(ReviewSchema.parse(released.body.review).releasedAt).not.toBeNull();
    const heard = await reviewsPulled(agent);
    expect(heard.map((change) => change.entityId)).toEqual([runId]);
    expect(ReviewSchema.parse(heard[0]?.data)).toMatchObject({
      feedback: 'Good structure. Quote the last day exactly as the law counts it.',
      result: { score: review.result.score },
    });
    expect(await reviewsPulled(await as('agentA2'))).toEqual([]);
  });

  it('refuses reviews to agents, supervisors and trainers of other teams', async () => {
    const { as } = await suite.setup();
    const runId = await uploaded(await as('agentB1'), practiceRun(fixture, perfect));
    // The world's trainer is in team A; agent B1 is in team B.
    expect((await (await as('trainer')).call('GET', `${T}/runs/${runId}/review`)).status).toBe(404);
    for (const role of ['agentB1', 'supervisorA'] as const)
      expect((await (await as(role)).call('GET', `${T}/runs/${runId}/review`)).status).toBe(403);
    expect((await (await as('admin')).call('GET', `${T}/runs/${runId}/review`)).status).toBe(200);
  });

  it('shows assignment progress: attempts of the limit, best score, passed, overdue', async () => {
    const { as, world } = await suite.setup();
    const trainer = await as('trainer');
    const agent = await as('agentA1');
    const assignmentId = randomUUID();
    const dueAt = new Date(suite.clock.ms + 86_400_000).toISOString();
    const assigned = await trainer.call('POST', `${T}/assignments`, {
      id: assignmentId,
      scenarioKey: scenarioKey(fixture.scenario),
      assignee: { kind: 'team', teamId: world.teamA.id },
      dueAt,
      attemptLimit: 3,
    });
    expect(assigned.status).toBe(201);
    await uploaded(agent, practiceRun(fixture, failing, { assignmentId }));
    await uploaded(agent, practiceRun(fixture, perfect, { assignmentId }));
    const reply = await trainer.call<{ assignments: unknown[] }>('GET', `${T}/progress`);
    const mine = reply.body.assignments
      .map((each) => AssignmentProgressSchema.parse(each))
      .find((each) => each.assignment.id === assignmentId);
    expect(mine?.agents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          agentId: world.users.agentA1.id,
          attempts: 2,
          attemptsLeft: 1,
          bestScore: 100,
          passed: true,
          status: 'passed',
        }),
        expect.objectContaining({
          agentId: world.users.agentA2.id,
          attempts: 0,
          attemptsLeft: 3,
          passed: false,
          status: 'not_started',
        }),
      ]),
    );
    suite.clock.advance(2 * 86_400_000);
    const later = await trainer.call<{ assignments: unknown[] }>('GET', `${T}/progress`);
    const overdue = later.body.assignments
      .map((each) => AssignmentProgressSchema.parse(each))
      .find((each) => each.assignment.id === assignmentId);
    expect(overdue?.agents.find((each) => each.agentId === world.users.agentA2.id)?.status).toBe('overdue');
    expect((await agent.call('GET', `${T}/progress`)).status).toBe(403);
  });

  it('gives results over the trainer’s trainees, with a reviewed score standing in', async () => {
    const { as, world } = await suite.setup();
    const trainer = await as('trainer');
    const agent = await as('agentA2');
    const failed = await uploaded(agent, practiceRun(fixture, failing));
    await uploaded(agent, practiceRun(fixture, perfect));
    await uploaded(await as('agentB1'), practiceRun(fixture, perfect));
    const results = TrainingResultsSchema.parse((await trainer.call('GET', `${T}/results`)).body);
    const mine = results.trainees.find((trainee) => trainee.agentId === world.users.agentA2.id);
    expect(mine).toMatchObject({ runs: 2, passRate: 0.5, attemptsToPass: 2 });
    expect(results.trainees.some((trainee) => trainee.agentId === world.users.agentB1.id)).toBe(false);
    const view = RunForReviewSchema.parse((await trainer.call('GET', `${T}/runs/${failed}/review`)).body);
    await trainer.call('POST', `${T}/runs/${failed}/overrides`, {
      overrides: view.criteria
        .filter((c) => c.automatic < c.max)
        .map((c) => ({ criterion: c.key, value: c.max, comment: 'ok' })),
    });
    const after = TrainingResultsSchema.parse((await trainer.call('GET', `${T}/results`)).body);
    expect(after.trainees.find((trainee) => trainee.agentId === world.users.agentA2.id)?.passRate).toBe(1);
    const scenario = after.scenarios.find((each) => each.scenarioId === fixture.scenario.id);
    expect(scenario?.overrideRate).toBeGreaterThan(0);
  });

  it('calibrates blind: raters see only their own until closed; then alpha per criterion and alignment; the rubric is used', async () => {
    const { as, world } = await suite.setup();
    const first = await as('trainer');
    const colleague = { ...world.users.trainer, id: randomUUID(), username: `tr2-${randomUUID().slice(0, 8)}` };
    await putUser(suite.db, colleague, DEMO_PASSWORD, await hashPassword(DEMO_PASSWORD, { n: 2 ** 10, r: 8, p: 1 }));
    const second = await clientFor(suite.server, colleague.username);
    const runId = await uploaded(await as('agentA1'), practiceRun(fixture, failing));
    const key = `qa.calibration-${randomUUID().slice(0, 8)}`;
    await first.call('POST', `${T}/rubrics`, sampleRubricDraft(key));
    const trainerIds = [world.users.trainer.id, colleague.id];
    const request = { runId, rubric: { key, version: 1 }, trainerIds, benchmarkTrainerId: world.users.trainer.id };

    for (const bad of [
      { ...request, trainerIds: [world.users.trainer.id, world.users.agentA1.id] },
      { ...request, trainerIds: [world.users.trainer.id] },
      { ...request, benchmarkTrainerId: world.users.agentA1.id },
    ])
      expect((await first.call('POST', `${T}/calibrations`, bad)).status).toBe(400);
    expect((await first.call('POST', `${T}/calibrations`, { ...request, rubric: { key, version: 9 } })).status).toBe(
      404,
    );

    const opened = await first.call<{ calibration: Calibration }>('POST', `${T}/calibrations`, request);
    expect(opened.status).toBe(201);
    const { id } = CalibrationSchema.parse(opened.body.calibration);
    // The rubric has scored something now: it can be retired, not deleted.
    expect((await first.call('DELETE', `${T}/rubrics/${key}`)).status).toBe(409);

    const mine = { statutory_right: 1, mirrors_greeting: null, register: 4, timeframe: 2 };
    const theirs = { statutory_right: 1, mirrors_greeting: 1, register: 2, timeframe: 2 };
    expect(
      (await first.call('POST', `${T}/calibrations/${id}/ratings`, { ratings: { ...mine, register: 9 } })).status,
    ).toBe(400);
    await first.call('POST', `${T}/calibrations/${id}/ratings`, { ratings: mine });
    expect((await first.call('POST', `${T}/calibrations/${id}/close`)).status).toBe(409);
    const blind = CalibrationSchema.parse(
      (await second.call<{ calibration: unknown }>('GET', `${T}/calibrations/${id}`)).body.calibration,
    );
    expect(blind).toMatchObject({ status: 'open', mine: null, results: null });
    expect(blind.raters).toEqual(expect.arrayContaining([{ trainerId: world.users.trainer.id, submitted: true }]));
    await second.call('POST', `${T}/calibrations/${id}/ratings`, { ratings: theirs });
    expect((await second.call('POST', `${T}/calibrations/${id}/close`)).status).toBe(403);

    const closed = CalibrationSchema.parse(
      (await first.call<{ calibration: unknown }>('POST', `${T}/calibrations/${id}/close`)).body.calibration,
    );
    expect(closed.status).toBe('closed');
    expect(closed.results?.ratings).toEqual({ [world.users.trainer.id]: mine, [colleague.id]: theirs });
    const alignment = closed.results?.alignment.find((each) => each.trainerId === colleague.id);
    expect(alignment?.criteria).toEqual({ statutory_right: 1, mirrors_greeting: 0, register: 0.5, timeframe: 1 });
    const register = closed.results?.alpha.find((each) => each.criterion === 'register');
    expect(register).toMatchObject({ units: 1, pairable: 1 });
    expect(closed.results?.alpha.find((each) => each.criterion === 'statutory_right')).toMatchObject({
      alpha: null,
      reason: 'no_variation',
    });
    expect((await first.call('POST', `${T}/calibrations/${id}/ratings`, { ratings: mine })).status).toBe(409);
    const list = await second.call<{ calibrations: unknown[] }>('GET', `${T}/calibrations`);
    expect(list.body.calibrations.map((each) => CalibrationSchema.parse(each).id)).toContain(id);
  });
});

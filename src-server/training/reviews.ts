import {
  applyOverrides,
  criterionKey,
  OverrideError,
  replayAnswers,
  ReviewSchema,
  scoreRun,
  TrainingRunSchema,
  type Override,
  type Review,
  type ReviewCriterion,
  type RunScore,
  type RunForReview,
  type TrainingRun,
} from '../../src-shared/training';
import type { Principal } from '../auth/principal';
import type { Db, Queryable, SqlParam } from '../db/db';
import { HttpError } from '../http/httpError';
import { compiledVersion, loadScenarioVersion } from './scenarioVersions';
import { appendTrainingChanges, lockTrainingLog } from './trainingLog';
import { trainsAgentSql } from './trainingScope';

/** A run of an agent the trainer trains (an admin: any run), locked when asked; else 404 (nothing said about others' runs). */
async function runOfTrainee(tx: Queryable, principal: Principal, runId: string, lock = false): Promise<TrainingRun> {
  const params: SqlParam[] = [runId];
  const rows = await tx.query<{ data: unknown }>(
    `SELECT r.data FROM training_runs r WHERE r.id = $1 AND ${trainsAgentSql(principal, 'r.agent_id', params)}${lock ? ' FOR UPDATE' : ''}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new HttpError(404, 'NOT_FOUND', 'no run of an agent you train has this id', { runId });
  return TrainingRunSchema.parse(row.data);
}

async function replayed(tx: Queryable, run: TrainingRun) {
  const version = await loadScenarioVersion(tx, run.scenarioKey);
  if (!version) throw new HttpError(404, 'NOT_FOUND', `no scenario version ${run.scenarioKey}`);
  const compiled = compiledVersion(version);
  const state = replayAnswers(compiled, run.answers);
  return { compiled, state, automatic: scoreRun(compiled, state) };
}

function criteriaOf(score: RunScore): ReviewCriterion[] {
  return score.criteria.map((criterion) => ({
    key: criterionKey(criterion),
    nodeId: criterion.nodeId,
    category: criterion.category,
    source: criterion.source.kind === 'rule' ? criterion.source.ruleId : criterion.source.optionId,
    kind: criterion.source.kind,
    min: criterion.min,
    max: criterion.max,
    automatic: criterion.selected,
    automaticApplies: criterion.applies,
    critical: criterion.critical,
  }));
}

async function storedReview(tx: Queryable, runId: string, lock = false): Promise<Review | null> {
  const rows = await tx.query<{ data: unknown }>(
    `SELECT data FROM training_reviews WHERE run_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [runId],
  );
  return rows[0] ? ReviewSchema.parse(rows[0].data) : null;
}

export async function runForReview(db: Db, principal: Principal, runId: string): Promise<RunForReview> {
  const run = await runOfTrainee(db, principal, runId);
  const { state, automatic } = await replayed(db, run);
  return {
    run,
    transcript: state.transcript,
    ruleResults: state.results,
    criteria: criteriaOf(automatic),
    review: await storedReview(db, runId),
  };
}

async function saveReview(tx: Queryable, review: Review, nowMs: number): Promise<void> {
  await tx.query(
    `INSERT INTO training_reviews (run_id, agent_id, reviewer_id, released_ms, overridden, updated_ms, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
     ON CONFLICT (run_id) DO UPDATE SET reviewer_id = $3, released_ms = $4, overridden = $5, updated_ms = $6, data = $7::jsonb`,
    [
      review.runId,
      review.agentId,
      review.reviewerId,
      review.releasedAt === null ? null : Date.parse(review.releasedAt),
      review.overrides.length > 0,
      nowMs,
      JSON.stringify(review),
    ],
  );
}

/** A released review reaches its trainee (and whoever trains them) through the training log, once per change. */
async function publishIfReleased(tx: Queryable, review: Review, version: number, nowMs: number): Promise<void> {
  if (review.releasedAt === null) return;
  await lockTrainingLog(tx);
  await appendTrainingChanges(
    tx,
    [
      {
        entity: 'review',
        entityId: review.runId,
        version,
        audience: { kind: 'agent', agentId: review.agentId },
        data: review,
      },
    ],
    nowMs,
  );
}

async function reviewVersion(tx: Queryable, runId: string): Promise<number> {
  const rows = await tx.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM training_changes WHERE entity = 'review' AND entity_id = $1`,
    [runId],
  );
  return Number(rows[0]?.n ?? 0) + 1;
}

/**
 * Overrides criteria of a run, each with its comment: they join (or replace, per criterion) the review's
 * earlier ones, every one recorded with who and when, and the score is recomputed from the automatic one.
 * An unknown criterion or points off its scale is a 400 that changes nothing.
 */
export async function overrideCriteria(
  db: Db,
  principal: Principal,
  runId: string,
  overrides: readonly Override[],
  nowMs: number,
): Promise<Review> {
  return db.transaction(async (tx) => {
    const run = await runOfTrainee(tx, principal, runId, true);
    const { compiled, automatic } = await replayed(tx, run);
    const before = await storedReview(tx, runId, true);
    const at = new Date(nowMs).toISOString();
    const byKey = new Map(automatic.criteria.map((criterion) => [criterionKey(criterion), criterion]));
    const recorded = new Map((before?.overrides ?? []).map((override) => [override.criterion, override]));
    for (const override of overrides)
      recorded.set(override.criterion, {
        ...override,
        automatic: byKey.get(override.criterion)?.selected ?? 0,
        by: principal.id,
        at,
      });
    let result: RunScore;
    try {
      result = applyOverrides(compiled.scenario, automatic, [...recorded.values()]);
    } catch (error) {
      if (!(error instanceof OverrideError)) throw error;
      throw new HttpError(400, 'BAD_REQUEST', error.message, { reason: error.reason });
    }
    const review = ReviewSchema.parse({
      runId,
      agentId: run.agentId,
      reviewerId: principal.id,
      overrides: [...recorded.values()],
      result: {
        score: result.score,
        raw: result.raw,
        passed: result.passed,
        categories: result.categories,
        criticalFails: result.criticalFails,
      },
      feedback: before?.feedback ?? null,
      releasedAt: before?.releasedAt ?? null,
      updatedAt: at,
    });
    await tx.query(
      `INSERT INTO training_overrides (run_id, criterion, value, comment, by_user, at_ms)
       SELECT $1, criterion, value, comment, $2, $3 FROM jsonb_to_recordset($4::jsonb) AS x(criterion text, value integer, comment text)`,
      [runId, principal.id, nowMs, JSON.stringify(overrides)],
    );
    await saveReview(tx, review, nowMs);
    await publishIfReleased(tx, review, await reviewVersion(tx, runId), nowMs);
    return review;
  });
}

/** Releases the review to the trainee with the trainer's feedback (a run never overridden is released as scored). */
export async function releaseReview(
  db: Db,
  principal: Principal,
  runId: string,
  feedback: string,
  nowMs: number,
): Promise<Review> {
  return db.transaction(async (tx) => {
    const run = await runOfTrainee(tx, principal, runId, true);
    const before = await storedReview(tx, runId, true);
    const at = new Date(nowMs).toISOString();
    const review = ReviewSchema.parse({
      runId,
      agentId: run.agentId,
      reviewerId: principal.id,
      overrides: before?.overrides ?? [],
      result: before?.result ?? {
        score: run.result.score,
        raw: run.result.raw,
        passed: run.result.passed,
        categories: run.result.categories,
        criticalFails: run.result.criticalFails,
      },
      feedback,
      releasedAt: at,
      updatedAt: at,
    });
    await saveReview(tx, review, nowMs);
    await publishIfReleased(tx, review, await reviewVersion(tx, runId), nowMs);
    return review;
  });
}

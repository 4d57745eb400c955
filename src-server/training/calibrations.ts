import { randomUUID } from 'node:crypto';
import {
  alignmentWithBenchmark,
  alphaPerCriterion,
  CalibrationSchema,
  checkRatings,
  RubricRatingError,
  RubricRatingsSchema,
  type Calibration,
  type CalibrationRequest,
  type RubricRatings,
  type SessionRatings,
} from '../../src-shared/training';
import type { Principal } from '../auth/principal';
import type { Db, Queryable, SqlParam } from '../db/db';
import { textArray } from '../db/sqlArray';
import { HttpError } from '../http/httpError';
import { findRubric, useRubric } from './rubrics';
import { trainsAgentSql } from './trainingScope';

interface CalibrationRow {
  id: string;
  run_id: string;
  rubric_key: string;
  rubric_version: number;
  benchmark_id: string;
  created_by: string;
  created_ms: string | number;
  closed_ms: string | number | null;
  [column: string]: unknown;
}

interface RaterRow {
  trainer_id: string;
  ratings: unknown;
  [column: string]: unknown;
}

const notFound = () => new HttpError(404, 'NOT_FOUND', 'no calibration of yours has this id');

async function raters(tx: Queryable, id: string): Promise<Map<string, RubricRatings | null>> {
  const rows = await tx.query<RaterRow>(
    'SELECT trainer_id, ratings FROM training_calibration_raters WHERE calibration_id = $1 ORDER BY trainer_id',
    [id],
  );
  return new Map(
    rows.map((row) => [row.trainer_id, row.ratings === null ? null : RubricRatingsSchema.parse(row.ratings)]),
  );
}

function submitted(all: Map<string, RubricRatings | null>): SessionRatings {
  const session = new Map<string, RubricRatings>();
  for (const [trainer, ratings] of all) if (ratings !== null) session.set(trainer, ratings);
  return session;
}

/** The sessions alpha runs over: every closed calibration of the same rubric key. */
async function closedSessions(tx: Queryable, key: string): Promise<SessionRatings[]> {
  const rows = await tx.query<{ calibration_id: string; trainer_id: string; ratings: unknown }>(
    `SELECT r.calibration_id, r.trainer_id, r.ratings FROM training_calibration_raters r
     JOIN training_calibrations c ON c.id = r.calibration_id
     WHERE c.rubric_key = $1 AND c.closed_ms IS NOT NULL AND r.ratings IS NOT NULL
     ORDER BY c.created_ms, c.id`,
    [key],
  );
  const sessions = new Map<string, Map<string, RubricRatings>>();
  for (const row of rows) {
    const session = sessions.get(row.calibration_id) ?? new Map<string, RubricRatings>();
    session.set(row.trainer_id, RubricRatingsSchema.parse(row.ratings));
    sessions.set(row.calibration_id, session);
  }
  return [...sessions.values()];
}

/** A calibration as the caller may see it: blind while open (their own ratings and who has submitted), everything once closed. */
async function view(tx: Queryable, principal: Principal, row: CalibrationRow): Promise<Calibration> {
  const all = await raters(tx, row.id);
  const isClosed = row.closed_ms !== null;
  let results: Calibration['results'] = null;
  if (isClosed) {
    const rubric = await findRubric(tx, row.rubric_key, row.rubric_version);
    if (!rubric) throw new HttpError(404, 'NOT_FOUND', `no rubric ${row.rubric_key}@${row.rubric_version}`);
    const session = submitted(all);
    results = {
      ratings: Object.fromEntries(session),
      alpha: alphaPerCriterion(rubric.criteria, await closedSessions(tx, row.rubric_key)),
      alignment: alignmentWithBenchmark(rubric.criteria, session, row.benchmark_id),
    };
  }
  return CalibrationSchema.parse({
    id: row.id,
    runId: row.run_id,
    rubric: { key: row.rubric_key, version: row.rubric_version },
    benchmarkTrainerId: row.benchmark_id,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_ms)).toISOString(),
    status: isClosed ? 'closed' : 'open',
    raters: [...all.entries()].map(([trainerId, ratings]) => ({ trainerId, submitted: ratings !== null })),
    mine: all.get(principal.id) ?? null,
    results,
  });
}

const COLUMNS = 'id, run_id, rubric_key, rubric_version, benchmark_id, created_by, created_ms, closed_ms';

/** A calibration the caller rates or created (an admin: any). */
async function calibrationOf(tx: Queryable, principal: Principal, id: string, lock = false): Promise<CalibrationRow> {
  const rows = await tx.query<CalibrationRow>(
    `SELECT ${COLUMNS} FROM training_calibrations c WHERE c.id = $1 AND ($2 OR c.created_by = $3
       OR EXISTS (SELECT 1 FROM training_calibration_raters r WHERE r.calibration_id = c.id AND r.trainer_id = $3))${lock ? ' FOR UPDATE' : ''}`,
    [id, principal.role === 'admin', principal.id],
  );
  const row = rows[0];
  if (!row) throw notFound();
  return row;
}

/**
 * Opens a calibration: the run must be of an agent the caller trains, the rubric version active (it is
 * marked used: from now on it can only be retired), and every named rater a trainer who trains that agent.
 */
export async function createCalibration(
  db: Db,
  principal: Principal,
  request: CalibrationRequest,
  nowMs: number,
): Promise<Calibration> {
  return db.transaction(async (tx) => {
    const params: SqlParam[] = [request.runId];
    const runs = await tx.query<{ agent_id: string }>(
      `SELECT agent_id FROM training_runs r WHERE r.id = $1 AND ${trainsAgentSql(principal, 'r.agent_id', params)}`,
      params,
    );
    const agentId = runs[0]?.agent_id;
    if (agentId === undefined)
      throw new HttpError(404, 'NOT_FOUND', 'no run of an agent you train has this id', { runId: request.runId });
    const trainers = await tx.query<{ id: string }>(
      `SELECT u.id FROM users u WHERE u.id = ANY($1::text[]) AND u.role = 'trainer'
       AND EXISTS (SELECT 1 FROM team_members t JOIN team_members a ON a.team_id = t.team_id WHERE t.user_id = u.id AND a.user_id = $2)`,
      [textArray(request.trainerIds), agentId],
    );
    const known = new Set(trainers.map((row) => row.id));
    const strangers = request.trainerIds.filter((id) => !known.has(id));
    if (strangers.length > 0)
      throw new HttpError(400, 'BAD_REQUEST', 'every rater must be a trainer of the run’s agent', {
        reason: 'NOT_A_TRAINER_OF_THE_AGENT',
        trainerIds: strangers,
      });
    await useRubric(tx, request.rubric.key, request.rubric.version, nowMs);
    const id = randomUUID();
    const [row] = await tx.query<CalibrationRow>(
      `INSERT INTO training_calibrations (id, run_id, rubric_key, rubric_version, benchmark_id, created_by, created_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [id, request.runId, request.rubric.key, request.rubric.version, request.benchmarkTrainerId, principal.id, nowMs],
    );
    await tx.query(
      `INSERT INTO training_calibration_raters (calibration_id, trainer_id) SELECT $1, unnest($2::text[])`,
      [id, textArray(request.trainerIds)],
    );
    if (!row) throw notFound();
    return view(tx, principal, row);
  });
}

export async function listCalibrations(db: Db, principal: Principal): Promise<Calibration[]> {
  const rows = await db.query<CalibrationRow>(
    `SELECT ${COLUMNS} FROM training_calibrations c WHERE $1 OR c.created_by = $2
       OR EXISTS (SELECT 1 FROM training_calibration_raters r WHERE r.calibration_id = c.id AND r.trainer_id = $2)
     ORDER BY c.created_ms DESC, c.id LIMIT 200`,
    [principal.role === 'admin', principal.id],
  );
  const views: Calibration[] = [];
  for (const row of rows) views.push(await view(db, principal, row));
  return views;
}

export async function getCalibration(db: Db, principal: Principal, id: string): Promise<Calibration> {
  return view(db, principal, await calibrationOf(db, principal, id));
}

/** A rater's scores, blind: replaceable until the calibration closes, checked against the rubric version. */
export async function rateCalibration(
  db: Db,
  principal: Principal,
  id: string,
  ratings: RubricRatings,
  nowMs: number,
): Promise<Calibration> {
  return db.transaction(async (tx) => {
    const row = await calibrationOf(tx, principal, id, true);
    if (row.closed_ms !== null)
      throw new HttpError(409, 'CONFLICT', 'the calibration is closed', { reason: 'CALIBRATION_CLOSED' });
    const rubric = await findRubric(tx, row.rubric_key, row.rubric_version);
    if (!rubric) throw notFound();
    try {
      checkRatings(rubric, ratings);
    } catch (error) {
      if (error instanceof RubricRatingError) throw new HttpError(400, 'BAD_REQUEST', error.message);
      throw error;
    }
    const updated = await tx.query(
      `UPDATE training_calibration_raters SET ratings = $3::jsonb, submitted_ms = $4 WHERE calibration_id = $1 AND trainer_id = $2 RETURNING 1`,
      [id, principal.id, JSON.stringify(ratings), nowMs],
    );
    if (updated.length === 0)
      throw new HttpError(403, 'FORBIDDEN', 'you are not a rater of this calibration', { reason: 'NOT_A_RATER' });
    return view(tx, principal, row);
  });
}

/** Closes a calibration (its creator or an admin) once at least two raters submitted: the ratings and agreement show. */
export async function closeCalibration(db: Db, principal: Principal, id: string, nowMs: number): Promise<Calibration> {
  return db.transaction(async (tx) => {
    const row = await calibrationOf(tx, principal, id, true);
    if (row.created_by !== principal.id && principal.role !== 'admin')
      throw new HttpError(403, 'FORBIDDEN', 'only who opened the calibration closes it');
    if (row.closed_ms === null) {
      const count = submitted(await raters(tx, id)).size;
      if (count < 2)
        throw new HttpError(409, 'CONFLICT', 'at least two trainers must submit before closing', {
          reason: 'TOO_FEW_RATINGS',
          submitted: count,
        });
      await tx.query('UPDATE training_calibrations SET closed_ms = $2 WHERE id = $1', [id, nowMs]);
    }
    return view(tx, principal, { ...row, closed_ms: row.closed_ms ?? nowMs });
  });
}

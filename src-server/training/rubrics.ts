import type { Rubric, RubricDraft } from '../../src-shared/training/rubric';
import { RubricSchema, rubricScoringHash } from '../../src-shared/training/rubric';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/httpError';

interface RubricRow {
  key: string;
  version: number;
  title: unknown;
  categories: unknown;
  criteria: unknown;
  scoring_hash: string;
  status: string;
  created_ms: string | number;
  created_by: string;
  used_ms: string | number | null;
  [column: string]: unknown;
}

const COLUMNS = 'key, version, title, categories, criteria, scoring_hash, status, created_ms, created_by, used_ms';
// Saving one rubric key at a time: the version number is read and the next one written in one step.
const RUBRIC_LOCK = 72_160_001;

function rubricOf(row: RubricRow): Rubric {
  return RubricSchema.parse({
    key: row.key,
    version: row.version,
    title: row.title,
    categories: row.categories,
    criteria: row.criteria,
    status: row.status,
    scoringHash: row.scoring_hash,
    used: row.used_ms !== null,
    createdAt: new Date(Number(row.created_ms)).toISOString(),
    createdBy: row.created_by,
  });
}

export async function listRubrics(db: Queryable): Promise<Rubric[]> {
  const rows = await db.query<RubricRow>(`SELECT ${COLUMNS} FROM training_rubrics ORDER BY key, version DESC`);
  return rows.map(rubricOf);
}

export async function findRubric(db: Queryable, key: string, version: number): Promise<Rubric | null> {
  const [row] = await db.query<RubricRow>(`SELECT ${COLUMNS} FROM training_rubrics WHERE key = $1 AND version = $2`, [
    key,
    version,
  ]);
  return row ? rubricOf(row) : null;
}

function notFound(key: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', `no rubric ${key}`, { reason: 'NO_SUCH_RUBRIC' });
}

export interface SavedRubric {
  rubric: Rubric;
  /** A scoring change made this version; false when the latest version was reworded in place. */
  created: boolean;
}

/**
 * Saves a trainer's draft: the first version of a new key; a new version when what scores changed; the
 * latest version reworded in place when only titles or order changed. A retired rubric takes no new version.
 */
export async function saveRubric(db: Db, draft: RubricDraft, byUserId: string, nowMs: number): Promise<SavedRubric> {
  const hash = rubricScoringHash(draft);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RUBRIC_LOCK, draft.key]);
    const [latest] = await tx.query<RubricRow>(
      `SELECT ${COLUMNS} FROM training_rubrics WHERE key = $1 ORDER BY version DESC LIMIT 1`,
      [draft.key],
    );
    if (latest?.status === 'retired')
      throw new HttpError(409, 'CONFLICT', `rubric ${draft.key} is retired; save it under a new key`, {
        reason: 'RUBRIC_RETIRED',
      });
    const content = [JSON.stringify(draft.title), JSON.stringify(draft.categories), JSON.stringify(draft.criteria)];
    if (latest && latest.scoring_hash === hash) {
      const [row] = await tx.query<RubricRow>(
        `UPDATE training_rubrics SET title = $3::jsonb, categories = $4::jsonb, criteria = $5::jsonb
         WHERE key = $1 AND version = $2 RETURNING ${COLUMNS}`,
        [draft.key, latest.version, ...content],
      );
      if (!row) throw notFound(draft.key);
      return { rubric: rubricOf(row), created: false };
    }
    const [row] = await tx.query<RubricRow>(
      `INSERT INTO training_rubrics (key, version, title, categories, criteria, scoring_hash, status, created_ms, created_by)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, 'active', $7, $8) RETURNING ${COLUMNS}`,
      [draft.key, (latest?.version ?? 0) + 1, ...content, hash, nowMs, byUserId],
    );
    if (!row) throw notFound(draft.key);
    return { rubric: rubricOf(row), created: true };
  });
}

/** Retires every version: nothing new is scored with it; what was scored keeps it. Repeating changes nothing. */
export async function retireRubric(db: Queryable, key: string): Promise<Rubric[]> {
  const rows = await db.query<RubricRow>(
    `UPDATE training_rubrics SET status = 'retired' WHERE key = $1 RETURNING ${COLUMNS}`,
    [key],
  );
  if (rows.length === 0) throw notFound(key);
  return rows.map(rubricOf).sort((a, b) => b.version - a.version);
}

/** Deletes a rubric that never scored anything; one that did is refused (retire it instead). */
export async function deleteRubric(db: Db, key: string): Promise<{ deletedVersions: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RUBRIC_LOCK, key]);
    const rows = await tx.query<{ version: number; used_ms: string | null }>(
      'SELECT version, used_ms FROM training_rubrics WHERE key = $1 FOR UPDATE',
      [key],
    );
    if (rows.length === 0) throw notFound(key);
    const used = rows.filter((row) => row.used_ms !== null).map((row) => row.version);
    if (used.length > 0)
      throw new HttpError(409, 'CONFLICT', `rubric ${key} has scored runs (versions ${used.join(', ')}): retire it`, {
        reason: 'RUBRIC_IN_USE',
        versions: used,
      });
    await tx.query('DELETE FROM training_rubrics WHERE key = $1', [key]);
    return { deletedVersions: rows.length };
  });
}

/**
 * The version a new score uses, locked and marked used in the caller's transaction: it must exist and be
 * active (a retired rubric scores nothing new).
 */
export async function useRubric(tx: Queryable, key: string, version: number, nowMs: number): Promise<Rubric> {
  const [row] = await tx.query<RubricRow>(
    `UPDATE training_rubrics SET used_ms = COALESCE(used_ms, $3) WHERE key = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [key, version, nowMs],
  );
  if (!row) throw new HttpError(404, 'NOT_FOUND', `no rubric ${key}@${version}`, { reason: 'NO_SUCH_RUBRIC' });
  const rubric = rubricOf(row);
  if (rubric.status === 'retired')
    throw new HttpError(409, 'CONFLICT', `rubric ${key} is retired`, { reason: 'RUBRIC_RETIRED' });
  return rubric;
}

import {
  builtinScenarios,
  checkScenario,
  compileOrThrow,
  scenarioHash,
  scenarioKey,
  ScenarioSchema,
  ScenarioVersionSchema,
  type CompiledScenario,
  type Scenario,
  type ScenarioVersion,
} from '../../src-shared/training';
import type { Principal } from '../auth/principal';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/httpError';
import { requireTrainer } from './trainerRoutes';
import { appendTrainingChanges, lockTrainingLog, type TrainingChangeRow } from './trainingLog';

function versionRecord(scenario: Scenario, publishedBy: string | null, nowMs: number): ScenarioVersion {
  return {
    key: scenarioKey(scenario),
    hash: scenarioHash(scenario),
    publishedBy,
    publishedAt: new Date(nowMs).toISOString(),
    scenario,
  };
}

/** Inserts versions not stored yet (by key) and logs them for everyone; returns those inserted. */
async function insertVersions(tx: Queryable, records: readonly ScenarioVersion[], nowMs: number): Promise<string[]> {
  await lockTrainingLog(tx);
  const inserted = await tx.query<{ key: string }>(
    `INSERT INTO training_scenarios (key, scenario_id, hash, published_by, published_ms, data)
     SELECT key, scenario_id, hash, published_by, $2, data
     FROM jsonb_to_recordset($1::jsonb) AS x(key text, scenario_id text, hash text, published_by text, data jsonb)
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [
      JSON.stringify(
        records.map((record) => ({
          key: record.key,
          scenario_id: record.scenario.id,
          hash: record.hash,
          published_by: record.publishedBy,
          data: record,
        })),
      ),
      nowMs,
    ],
  );
  const keys = new Set(inserted.map((row) => row.key));
  const changes: TrainingChangeRow[] = records
    .filter((record) => keys.has(record.key))
    .map((record) => ({
      entity: 'scenario',
      entityId: record.key,
      version: 1,
      audience: { kind: 'everyone' },
      data: record,
    }));
  await appendTrainingChanges(tx, changes, nowMs);
  return [...keys];
}

/**
 * The shipped library (src-shared/training/library.ts) as published versions, so runs of it can be stored;
 * idempotent, run at every start. A shipped version whose key is taken by other content is left alone
 * (runs of it are then refused as played on another text, which says what is wrong).
 */
export async function ensureBuiltinScenarios(db: Db, nowMs: number): Promise<string[]> {
  const records = builtinScenarios().map((scenario) => versionRecord(scenario, null, nowMs));
  const known = await db.query<{ key: string }>('SELECT key FROM training_scenarios WHERE published_by IS NULL');
  const stored = new Set(known.map((row) => row.key));
  const missing = records.filter((record) => !stored.has(record.key));
  if (missing.length === 0) return [];
  return db.transaction((tx) => insertVersions(tx, missing, nowMs));
}

/**
 * A trainer's or admin's upload of one scenario file: refused with every problem `npm run scenarios -- check`
 * finds (400), or when its id@version is already published with other content (a version never changes).
 */
export async function publishScenario(
  db: Db,
  principal: Principal,
  raw: unknown,
  nowMs: number,
): Promise<{ status: 'published' | 'unchanged'; version: ScenarioVersion }> {
  requireTrainer(principal);
  const { problems } = checkScenario(raw);
  if (problems.length > 0)
    throw new HttpError(400, 'BAD_REQUEST', 'the scenario does not pass the checks; nothing was published', {
      problems: problems.slice(0, 100),
    });
  const scenario = ScenarioSchema.parse(raw);
  const record = versionRecord(scenario, principal.id, nowMs);
  return db.transaction(async (tx) => {
    const existing = await loadScenarioVersion(tx, record.key);
    if (existing) {
      if (existing.hash !== record.hash)
        throw new HttpError(
          400,
          'BAD_REQUEST',
          `${record.key} is already published with other content: give the changed scenario a new version`,
          { key: record.key },
        );
      return { status: 'unchanged', version: existing };
    }
    await insertVersions(tx, [record], nowMs);
    return { status: 'published', version: record };
  });
}

export async function loadScenarioVersion(db: Queryable, key: string): Promise<ScenarioVersion | null> {
  const rows = await db.query<{ data: unknown }>('SELECT data FROM training_scenarios WHERE key = $1', [key]);
  const row = rows[0];
  return row ? ScenarioVersionSchema.parse(row.data) : null;
}

const compiledByHash = new Map<string, CompiledScenario>();

/** Compiling takes a few milliseconds; a version's content never changes, so it is compiled once per process. */
export function compiledVersion(version: ScenarioVersion): CompiledScenario {
  let compiled = compiledByHash.get(version.hash);
  if (!compiled) {
    compiled = compileOrThrow(version.scenario);
    // Bounded, so a stream of uploads cannot grow it without end.
    if (compiledByHash.size >= 200) compiledByHash.clear();
    compiledByHash.set(version.hash, compiled);
  }
  return compiled;
}

import { createHash } from 'node:crypto';
import {
  replayAnswers,
  RunError,
  runResult,
  TrainingRunSchema,
  type RunUpload,
  type RunUploadResponse,
  type TrainingRun,
} from '../../src-shared/training';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db';
import { HttpError } from '../http/httpError';
import { compiledVersion, loadScenarioVersion } from './scenarioVersions';
import { appendTrainingChanges, lockTrainingLog } from './trainingLog';

/** The upload's content: a re-send of the same run has it, another run under the same id does not. */
function contentHash(upload: RunUpload): string {
  return createHash('sha256').update(JSON.stringify(upload)).digest('hex');
}

/**
 * Stores a finished practice run of the calling agent, exactly once. The run is replayed on its scenario
 * version and scored here, so the stored score is the server's; a run for a version that does not exist,
 * played on other content, whose answers the scenario does not accept or that stops before an end is
 * refused (400/404) and changes nothing. Runs are practice only: nothing here touches a case or the
 * delivery queue.
 */
export async function acceptRun(
  db: Db,
  principal: Principal,
  upload: RunUpload,
  nowMs: number,
): Promise<RunUploadResponse & { isNew: boolean }> {
  if (principal.role !== 'agent') throw new HttpError(403, 'FORBIDDEN', 'only an agent uploads practice runs');
  if (Date.parse(upload.finishedAt) < Date.parse(upload.startedAt))
    throw new HttpError(400, 'BAD_REQUEST', 'the run finished before it started');
  const hash = contentHash(upload);
  const duplicate = await storedRun(db, upload.id, hash, principal.id);
  if (duplicate) return { status: 'duplicate', run: duplicate, isNew: false };

  const version = await loadScenarioVersion(db, upload.scenarioKey);
  if (!version)
    throw new HttpError(404, 'NOT_FOUND', `no scenario version ${upload.scenarioKey}: the run was not stored`, {
      key: upload.scenarioKey,
    });
  if (version.hash !== upload.scenarioHash)
    throw new HttpError(400, 'BAD_REQUEST', `the run was played on other content than ${upload.scenarioKey}`, {
      key: upload.scenarioKey,
    });
  const compiled = compiledVersion(version);
  let result: TrainingRun['result'];
  try {
    result = runResult(compiled, replayAnswers(compiled, upload.answers));
  } catch (error) {
    if (!(error instanceof RunError)) throw error;
    throw new HttpError(400, 'BAD_REQUEST', `the answers do not play through ${upload.scenarioKey}: ${error.message}`, {
      reason: error.code,
    });
  }
  const run = TrainingRunSchema.parse({
    ...upload,
    agentId: principal.id,
    receivedAt: new Date(nowMs).toISOString(),
    result,
  });

  return db.transaction(async (tx) => {
    if (upload.assignmentId !== undefined) {
      const assigned = await tx.query(
        `SELECT 1 FROM training_assignments a WHERE a.id = $1 AND a.scenario_key = $2
         AND (a.agent_id = $3 OR a.team_id IN (SELECT team_id FROM team_members WHERE user_id = $3))`,
        [upload.assignmentId, upload.scenarioKey, principal.id],
      );
      if (assigned.length === 0)
        throw new HttpError(404, 'NOT_FOUND', 'no assignment of this scenario version for you has this id', {
          assignmentId: upload.assignmentId,
        });
    }
    await lockTrainingLog(tx);
    const inserted = await tx.query(
      `INSERT INTO training_runs (id, agent_id, scenario_key, assignment_id, content_hash, received_ms, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [run.id, principal.id, run.scenarioKey, run.assignmentId ?? null, hash, nowMs, JSON.stringify(run)],
    );
    if (inserted.length === 0) {
      // A parallel upload of the same run committed first.
      const stored = await storedRun(tx, upload.id, hash, principal.id);
      if (stored) return { status: 'duplicate', run: stored, isNew: false };
    }
    await appendTrainingChanges(
      tx,
      [{ entity: 'run', entityId: run.id, version: 1, audience: { kind: 'agent', agentId: principal.id }, data: run }],
      nowMs,
    );
    return { status: 'stored', run, isNew: true };
  });
}

/**
 * The stored run under this id when it is this agent's and this content; a refusal when the id is taken
 * by anything else (another agent's run is not revealed: the answer is the same).
 */
async function storedRun(
  db: Pick<Db, 'query'>,
  id: string,
  hash: string,
  agentId: string,
): Promise<TrainingRun | null> {
  const rows = await db.query<{ agent_id: string; content_hash: string; data: unknown }>(
    'SELECT agent_id, content_hash, data FROM training_runs WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.agent_id !== agentId || row.content_hash !== hash)
    throw new HttpError(400, 'BAD_REQUEST', 'this run id is already used for another run; nothing was stored', {
      id,
    });
  return TrainingRunSchema.parse(row.data);
}

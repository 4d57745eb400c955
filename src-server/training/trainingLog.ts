import type { TrainingEntity } from '../../src-shared/training';
import type { Queryable } from '../db/db';

/** Taken by every writer of training_changes before it draws a number (migration 0006). */
export const TRAINING_LOG_LOCK = 72_150_016;

/** Who sees a training change: everyone signed in, one agent (and whoever trains them), or one team. */
export type TrainingAudience =
  { kind: 'everyone' } | { kind: 'agent'; agentId: string } | { kind: 'team'; teamId: string };

export interface TrainingChangeRow {
  entity: TrainingEntity;
  entityId: string;
  version: number;
  audience: TrainingAudience;
  data: unknown;
}

/** Locks the training log for the rest of the transaction: numbers drawn after this become visible in order. */
export async function lockTrainingLog(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [TRAINING_LOG_LOCK]);
}

/** Appends changes in one statement; call inside the transaction that made them, after lockTrainingLog. */
export async function appendTrainingChanges(
  tx: Queryable,
  changes: readonly TrainingChangeRow[],
  nowMs: number,
): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO training_changes (entity, entity_id, version, agent_id, team_id, data, created_ms)
     SELECT entity, entity_id, version, agent_id, team_id, data, $2
     FROM jsonb_to_recordset($1::jsonb) AS x(entity text, entity_id text, version integer, agent_id text, team_id text, data jsonb, n integer)
     ORDER BY n`,
    [
      JSON.stringify(
        changes.map((change, n) => ({
          n,
          entity: change.entity,
          entity_id: change.entityId,
          version: change.version,
          agent_id: change.audience.kind === 'agent' ? change.audience.agentId : null,
          team_id: change.audience.kind === 'team' ? change.audience.teamId : null,
          data: change.data,
        })),
      ),
      nowMs,
    ],
  );
}

import {
  MAX_TRAINING_PULL_CHANGES,
  type TrainingChange,
  type TrainingPullRequest,
  type TrainingPullResponse,
} from '../../src-shared/training';
import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { HttpError } from '../http/httpError';
import { signCursor, verifyCursor, type CursorSigner } from '../sync/cursor';
import { readSyncState } from '../sync/syncState';
import { trainingVisibleSql } from './trainingScope';

type TrainingChangeRow = {
  seq: number;
  entity: TrainingChange['entity'];
  entity_id: string;
  version: number;
  data: unknown;
};

/** Signed for the training log only: a case cursor is never taken for a training one, nor the reverse. */
function trainingSigner(key: string, principal: Principal): CursorSigner {
  return { key, userId: `training:${principal.id}` };
}

/**
 * One page of the caller's training changes after the cursor (from the start for null). Writers hold the
 * training log's lock from drawing a number to commit, so a page never skips a change committed later.
 */
export async function pullTraining(
  db: Db,
  principal: Principal,
  request: TrainingPullRequest,
  pageSize = MAX_TRAINING_PULL_CHANGES,
): Promise<TrainingPullResponse> {
  if (principal.role === 'integration')
    throw new HttpError(403, 'FORBIDDEN', 'an integration account has no practice data');
  const state = await readSyncState(db);
  const signer = trainingSigner(state.signingKey, principal);
  let from = 0;
  if (request.cursor !== null) {
    const cursor = verifyCursor(signer, request.cursor);
    if (cursor.epoch !== state.epoch)
      throw new HttpError(409, 'RESET_REQUIRED', 'the server was reset: pull practice from the start', {
        reason: 'epoch',
      });
    from = cursor.seq;
  }
  // The high-water mark first: every number at or below it is committed (or rolled back and never used).
  const [high] = await db.query<{ seq: number }>('SELECT COALESCE(max(seq), 0)::bigint AS seq FROM training_changes');
  const highSeq = high?.seq ?? 0;
  const params: SqlParam[] = [from, highSeq, pageSize + 1];
  const visible = trainingVisibleSql(principal, 'agent_id', 'team_id', params);
  const rows = await db.query<TrainingChangeRow>(
    `SELECT seq, entity, entity_id, version, data FROM training_changes
     WHERE seq > $1 AND seq <= $2 AND ${visible} ORDER BY seq LIMIT $3`,
    params,
  );
  const hasMore = rows.length > pageSize;
  const page = hasMore ? rows.slice(0, pageSize) : rows;
  const to = hasMore ? (page[page.length - 1]?.seq ?? from) : Math.max(from, highSeq);
  return {
    changes: page.map((row) => ({
      seq: row.seq,
      entity: row.entity,
      entityId: row.entity_id,
      version: row.version,
      data: row.data,
    })),
    cursor: signCursor(signer, state.epoch, to),
    hasMore,
  };
}

import type { Change, PullRequest, PullResponse } from '../../src-shared/sync/protocol';
import { MAX_PULL_CHANGES } from '../../src-shared/sync/protocol';
import type { MutationResult } from '../../src-shared/sync/mutations';
import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { HttpError } from '../http/httpError';
import { signCursor, verifyCursor, type CursorSigner } from './cursor';
import { changeVisibleSql } from './scope';
import { readSyncState } from './syncState';

type ChangeRow = {
  seq: number;
  entity: Change['entity'];
  entity_id: string;
  op: Change['op'];
  version: number;
  data: unknown;
};

/** The cursor must be of this epoch and not older than retention, else the client re-bootstraps. */
export function checkCursor(cursor: string, state: { epoch: string; floorSeq: number }, signer: CursorSigner): number {
  const decoded = verifyCursor(signer, cursor);
  if (decoded.epoch !== state.epoch)
    throw new HttpError(409, 'RESET_REQUIRED', 'the server was reset: bootstrap again', { reason: 'epoch' });
  if (decoded.seq < state.floorSeq)
    throw new HttpError(409, 'RESET_REQUIRED', 'the cursor is older than the change log keeps: bootstrap again', {
      reason: 'expired',
    });
  return decoded.seq;
}

/**
 * One page of the caller's changes after the cursor, read up to the committed high-water mark, so a
 * change committed later (with a higher number) is never skipped. Also returns the results of this
 * client's mutations recorded in the same range, which covers pushes whose responses were lost.
 */
export async function pull(
  db: Db,
  principal: Principal,
  request: PullRequest,
  pageSize = MAX_PULL_CHANGES,
): Promise<PullResponse> {
  const state = await readSyncState(db);
  const signer = { key: state.signingKey, userId: principal.id };
  const from = checkCursor(request.cursor, state, signer);
  const client = await db.query<{ user_id: string; last_mutation_id: number }>(
    'SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1',
    [request.clientId],
  );
  const owner = client[0];
  if (owner && owner.user_id !== principal.id)
    throw new HttpError(403, 'FORBIDDEN', 'this client belongs to another user');

  const params: SqlParam[] = [from, state.highSeq, pageSize + 1];
  const visible = changeVisibleSql(principal, params);
  const rows = await db.query<ChangeRow>(
    `SELECT seq, entity, entity_id, op, version, data FROM change_log
     WHERE seq > $1 AND seq <= $2 AND ${visible} ORDER BY seq LIMIT $3`,
    params,
  );
  const hasMore = rows.length > pageSize;
  const page = hasMore ? rows.slice(0, pageSize) : rows;
  const to = hasMore ? (page[page.length - 1]?.seq ?? from) : Math.max(from, state.highSeq);
  const results = owner
    ? await db.query<{ result: MutationResult }>(
        'SELECT result FROM mutations WHERE client_id = $1 AND seq > $2 AND seq <= $3 ORDER BY mutation_id',
        [request.clientId, from, to],
      )
    : [];
  return {
    changes: page.map((row) => ({
      seq: row.seq,
      entity: row.entity,
      entityId: row.entity_id,
      op: row.op,
      version: row.version,
      ...(row.op === 'upsert' ? { data: row.data } : {}),
    })),
    cursor: signCursor(signer, state.epoch, to),
    hasMore,
    lastMutationId: owner?.last_mutation_id ?? 0,
    results: results.map((row) => row.result),
  };
}

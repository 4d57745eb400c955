import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db';
import { CHANGE_LOG_LOCK, SYNC_CHANNEL } from './unitOfWork';

/** Starts a new epoch: every cursor and page token issued before answers RESET_REQUIRED; clients re-bootstrap. */
export async function resetEpoch(db: Db): Promise<string> {
  const epoch = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
    await tx.query('UPDATE sync_state SET epoch = $1 WHERE id = 1', [epoch]);
    await tx.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, JSON.stringify({ reset: true })]);
  });
  return epoch;
}

/** Drops change-log rows at or below seq; cursors older than that must re-bootstrap. */
export async function compactChangeLog(db: Db, throughSeq: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
    await tx.query('DELETE FROM change_log WHERE seq <= $1', [throughSeq]);
    await tx.query('UPDATE sync_state SET floor_seq = GREATEST(floor_seq, $1) WHERE id = 1', [throughSeq]);
  });
}

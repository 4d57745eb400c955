import type { Queryable } from '../db/db';

export interface SyncState {
  epoch: string;
  /** Changes at or below this were compacted away. */
  floorSeq: number;
  /** Highest committed change sequence number. */
  highSeq: number;
}

export async function readSyncState(db: Queryable): Promise<SyncState> {
  const rows = await db.query<{ epoch: string; floor_seq: number; high_seq: number }>(
    'SELECT epoch, floor_seq, high_seq FROM sync_state WHERE id = 1',
  );
  const row = rows[0];
  if (!row) throw new Error('sync_state is missing: migrations did not run');
  return { epoch: row.epoch, floorSeq: row.floor_seq, highSeq: row.high_seq };
}

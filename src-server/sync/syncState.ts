import type { Queryable } from '../db/db';

export interface SyncState {
  epoch: string;
  /** Changes at or below this were compacted away. */
  floorSeq: number;
  /** Highest committed change sequence number. */
  highSeq: number;
  /** Signs cursors and page tokens (sync/cursor.ts); never leaves the server. */
  signingKey: string;
}

export async function readSyncState(db: Queryable): Promise<SyncState> {
  const rows = await db.query<{ epoch: string; floor_seq: number; high_seq: number; signing_key: string }>(
    'SELECT epoch, floor_seq, high_seq, signing_key FROM sync_state WHERE id = 1',
  );
  const row = rows[0];
  if (!row) throw new Error('sync_state is missing: migrations did not run');
  return { epoch: row.epoch, floorSeq: row.floor_seq, highSeq: row.high_seq, signingKey: row.signing_key };
}

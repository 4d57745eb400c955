import type Database from 'better-sqlite3-multiple-ciphers';
import type { SyncState, SyncStatePatch } from '../interface';

type SyncStateRecord = {
  client_id: string;
  user_id: string | null;
  cursor: string | null;
  last_mutation_id: number;
  next_mutation_id: number;
  generation: number;
  bootstrap_generation: number | null;
  bootstrap_page_token: string | null;
  server_offset_ms: number;
  last_synced_at: string | null;
};

const PATCH_COLUMNS: Record<keyof SyncStatePatch, string> = {
  userId: 'user_id',
  cursor: 'cursor',
  lastMutationId: 'last_mutation_id',
  serverOffsetMs: 'server_offset_ms',
  lastSyncedAt: 'last_synced_at',
};

/** The one sync_state row (SYNC.md identities and cursor), read and patched. */
export function createSyncStateRow(db: Database.Database) {
  const read = db.prepare<[], SyncStateRecord>('SELECT * FROM sync_state WHERE singleton = 1');

  function get(): SyncState {
    const row = read.get();
    if (!row) throw new Error('sync_state row missing');
    return {
      clientId: row.client_id,
      userId: row.user_id,
      cursor: row.cursor,
      lastMutationId: row.last_mutation_id,
      nextMutationId: row.next_mutation_id,
      generation: row.generation,
      bootstrapGeneration: row.bootstrap_generation,
      bootstrapPageToken: row.bootstrap_page_token,
      serverOffsetMs: row.server_offset_ms,
      lastSyncedAt: row.last_synced_at,
    };
  }

  return {
    get,
    set(patch: SyncStatePatch): SyncState {
      const entries = Object.entries(patch).filter(([key]) => Object.hasOwn(PATCH_COLUMNS, key));
      if (entries.length > 0) {
        const sets = entries.map(([key]) => `${PATCH_COLUMNS[key as keyof SyncStatePatch]} = @${key}`).join(', ');
        db.prepare(`UPDATE sync_state SET ${sets} WHERE singleton = 1`).run(Object.fromEntries(entries));
      }
      return get();
    },
  };
}
export type SyncStateRow = ReturnType<typeof createSyncStateRow>;

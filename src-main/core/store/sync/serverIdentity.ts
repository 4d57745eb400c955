import type Database from 'better-sqlite3-multiple-ciphers';
import type { ServerIdentityStore } from '../interface';
import type { IdGenerator } from '../ports';

/**
 * Which central API the local data came from, and clearing it when the workstation moves to another
 * one. One store holds one server's data: a case, user or cursor of one server never meets another's.
 * The identity lives in the settings table under its own key, beside (not inside) the agent's settings.
 */
export function createServerIdentity(db: Database.Database, ids: IdGenerator): ServerIdentityStore {
  const read = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'dataServer'");
  const write = db.prepare<[string]>(
    "INSERT INTO settings (key, value) VALUES ('dataServer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const counts = db.prepare<[], { cases: number; outbox: number; attention: number; cursor: string | null }>(`SELECT
    (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM attention) AS attention,
    (SELECT cursor FROM sync_state WHERE singleton = 1) AS cursor`);

  return {
    /** The identity recorded with the data ('embedded', or the server's URL); null before the first record. */
    dataServer: (): string | null => read.get()?.value ?? null,
    recordDataServer: (identity: string): void => {
      write.run(identity);
    },
    /** What the data holds that belongs to its server: unsent changes and rejected ones kept for the agent. */
    holdings() {
      const row = counts.get();
      return {
        cases: row?.cases ?? 0,
        unsent: row?.outbox ?? 0,
        attention: row?.attention ?? 0,
        hasSynced: row?.cursor != null,
      };
    },
    /**
     * Drops everything the previous server sent, in ONE transaction, and starts a new client identity
     * with no cursor and no user: the next sign-in bootstraps from the new server. Settings stay. The
     * caller checks first that nothing unsent would be lost (holdings()).
     */
    clearForNewServer(identity: string): void {
      db.transaction(() => {
        db.exec(`DELETE FROM case_shadow; DELETE FROM cases; DELETE FROM messages; DELETE FROM notes; DELETE FROM case_events;
          DELETE FROM users; DELETE FROM teams; DELETE FROM outbox; DELETE FROM attention;
          DELETE FROM pending_files; DELETE FROM file_cache;
          INSERT INTO case_fts (case_fts) VALUES ('delete-all'); INSERT INTO message_fts (message_fts) VALUES ('delete-all');
          INSERT INTO cjk_fts (cjk_fts) VALUES ('delete-all');`);
        db.prepare<[string]>(
          `UPDATE sync_state SET client_id = ?, user_id = NULL, cursor = NULL, last_mutation_id = 0, next_mutation_id = 1,
          generation = 0, bootstrap_generation = NULL, bootstrap_page_token = NULL, server_offset_ms = 0, last_synced_at = NULL,
          search_backlog_cases = 0, search_backlog_messages = 0 WHERE singleton = 1`,
        ).run(ids.uuid());
        write.run(identity);
      }).immediate();
    },
  };
}

import type Database from 'better-sqlite3-multiple-ciphers';
import type { CaseState } from '../caseState';
import type { BootstrapRow, BootstrapWriter, ChangeOutcome } from '../interface';
import { StoreError, type Clock } from '../ports';
import type { SearchBacklog } from '../search/searchBacklog';
import type { RowWriter } from '../writes/rowWriter';
import { connectionKey } from '../schema/openDatabase';
import { startBootstrapWriter } from './bootstrapWriter';
import { createNextGeneration, createPageStager, rowGroups } from './nextGeneration';
import { readNextRow } from './nextGenerationRow';
import type { SyncStateRow } from './syncStateRow';

interface Deps {
  db: Database.Database;
  writer: RowWriter;
  state: CaseState;
  syncState: SyncStateRow;
  clock: Clock;
  userId: () => string | null;
}

/**
 * A snapshot from the server, received into the next generation's tables (nextGeneration.ts) a page at a
 * time, each page with the token to resume after it, and made current in one transaction: the outbox and
 * pending local rows kept and re-applied, the cursor set.
 */
export function createBootstrapReceiving(deps: Deps) {
  const { db, writer, state, syncState, clock } = deps;
  const nextGeneration = createNextGeneration(db);
  const stagePage = createPageStager(db, nextGeneration);
  const setPageToken = db.prepare<[string | null]>(
    'UPDATE sync_state SET bootstrap_page_token = ? WHERE singleton = 1',
  );
  const casesWithOutbox = db.prepare<[], { case_id: string }>('SELECT DISTINCT case_id FROM outbox');

  // A bootstrap received by an older version, or into tables a migration changed since, starts over.
  if (syncState.get().bootstrapGeneration !== null && !nextGeneration.matchesLive()) {
    db.transaction(() => {
      nextGeneration.drop();
      setPageToken.run(null);
    }).immediate();
  }

  const begin = db.transaction((): number => {
    const s = syncState.get();
    const generation = Math.max(s.generation, s.bootstrapGeneration ?? 0) + 1;
    nextGeneration.create();
    db.prepare<[number]>(
      'UPDATE sync_state SET bootstrap_generation = ?, bootstrap_page_token = NULL WHERE singleton = 1',
    ).run(generation);
    return generation;
  });

  const complete = db.transaction((generation: number, cursor: string): ChangeOutcome => {
    if (syncState.get().bootstrapGeneration !== generation)
      throw new StoreError('STALE_BOOTSTRAP', `bootstrap generation ${generation} is not the one in progress`);
    // The snapshot's rows are indexed for search after the swap (searchBacklog.ts), all of them: entries a
    // bootstrap begun by an older version staged go first.
    const staged = db
      .prepare<[], SearchBacklog>(
        'SELECT (SELECT coalesce(max(rid), 0) FROM next_cases) AS cases, (SELECT coalesce(max(rid), 0) FROM next_messages) AS messages',
      )
      .get();
    db.exec(`INSERT INTO next_case_fts (next_case_fts) VALUES ('delete-all'); INSERT INTO next_message_fts (next_message_fts) VALUES ('delete-all');
      INSERT INTO next_cjk_fts (next_cjk_fts) VALUES ('delete-all');`);
    // The swap drops the optimistic shadows with the old cases; rebase below rebuilds them.
    nextGeneration.swap();
    writer.searchBacklog.set(staged ?? { cases: 0, messages: 0 });
    const touched = casesWithOutbox.all().map((r) => r.case_id);
    for (const id of touched) state.rebase(id);
    db.prepare<[number, string, string]>(
      `UPDATE sync_state SET generation = ?, bootstrap_generation = NULL, bootstrap_page_token = NULL,
      cursor = ?, last_synced_at = ? WHERE singleton = 1`,
    ).run(generation, cursor, new Date(clock.now()).toISOString());
    return { caseIds: touched };
  });

  return {
    /** Starts (or restarts) receiving a snapshot into a new generation; the current data stays visible. */
    beginBootstrap: (): number => begin.immediate(),
    /**
     * One page of bootstrap rows, with the token to resume after it (an interrupted bootstrap continues).
     * Each row is validated here, once, and written where it stays: into the next generation's tables.
     */
    stageBootstrap(generation: number, rows: readonly BootstrapRow[], pageToken: string | null): void {
      stagePage.immediate(generation, rowGroups(rows.map(readNextRow)), pageToken);
    },
    /** stageBootstrap on a thread and connection of its own (bootstrapWriter.ts); null for an in-memory database. */
    openBootstrapWriter: (generation: number): BootstrapWriter | null =>
      startBootstrapWriter(db.name, generation, connectionKey(db)),
    /**
     * The snapshot becomes current in ONE transaction: the next generation's tables swapped in for the
     * canonical ones, the outbox and pending local rows kept and re-applied, the cursor set.
     */
    completeBootstrap: (generation: number, cursor: string): ChangeOutcome => complete.immediate(generation, cursor),
  };
}

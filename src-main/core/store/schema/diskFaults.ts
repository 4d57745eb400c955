import type Database from 'better-sqlite3-multiple-ciphers';

/** SQLite's own ceiling on a database's pages: the "no limit" a filled disk is reset to. */
const SQLITE_MAX_PAGE_COUNT = 1_073_741_823;

/**
 * A disk that fills up, for tests (LocalStoreOptions.faults): the store's file may not grow past its present
 * size, so every write that needs a new page fails with SQLITE_FULL, as on a full disk, until room is made.
 */
export interface DiskFaults {
  fill(): void;
  makeRoom(): void;
}

export function createDiskFaults(db: Database.Database): DiskFaults {
  return {
    fill() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    },
    makeRoom() {
      db.pragma(`max_page_count = ${SQLITE_MAX_PAGE_COUNT}`);
    },
  };
}

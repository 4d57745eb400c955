import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { migrate, type Migration } from './migrate';
import type { IdGenerator } from '../ports';

/** The settings of every connection to the agent's database (this one and the bootstrap writer's). */
export function tuneConnection(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // The default 2 MB page cache makes every query at 100,000 cases a disk read; 64 MB plus a memory
  // map keeps the queue's indexes and recent rows resident (figures in BENCHMARKS.md).
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  db.pragma('temp_store = MEMORY');
}

/**
 * Opens (creating if needed) the agent's database: WAL so readers never wait for the writer, foreign
 * keys on, migrations applied, and a client id minted once with the database (SYNC.md identities).
 */
export function openDatabase(
  path: string,
  ids: IdGenerator,
  migrations: readonly Migration[] = MIGRATIONS,
): Database.Database {
  const db = new Database(path);
  try {
    // Before anything is written, as only a new database takes it: rows of case JSON are ~1.5 KB, and
    // 16 KB pages quarter the page writes (and the WAL frames copied again at checkpoints) of a
    // 100,000-case bootstrap, ~0.7 s of its CPU (BENCHMARKS.md "Sync").
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    tuneConnection(db);
    migrate(db, migrations);
    db.prepare('INSERT INTO sync_state (singleton, client_id) VALUES (1, ?) ON CONFLICT (singleton) DO NOTHING').run(
      ids.uuid(),
    );
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

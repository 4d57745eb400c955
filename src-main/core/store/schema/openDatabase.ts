import { chmodSync, closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS } from './migrations';
import { migrate, type Migration } from './migrate';
import { StoreError, type IdGenerator } from '../ports';

// Rows of case JSON are ~1.5 KB, and 16 KB pages quarter the page writes (and the WAL frames copied again at
// checkpoints) of a 100,000-case bootstrap, ~0.7 s of its CPU (BENCHMARKS.md "Sync"). SQLCipher must be told
// the page size on every open, as the encrypted file has no readable header to take it from.
const PAGE_SIZE = 16_384;
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** One connection to the agent's database, a store's own or the bootstrap writer's. */
export type SqliteDatabase = Database.Database;

// Which key each open connection was given, so a second connection to the same file (the bootstrap
// writer's thread) can be opened with it without the key travelling through every store module.
const connectionKeys = new WeakMap<SqliteDatabase, Buffer>();

/** The key `db` was opened with; null for a plain database. */
export function connectionKey(db: SqliteDatabase): Buffer | null {
  return connectionKeys.get(db) ?? null;
}

/**
 * Sets the connection's cipher before anything is read: SQLCipher 4's format (AES-256, HMAC-SHA512 per
 * page), keyed by the install's raw 256-bit key (hex, so no passphrase derivation runs on every open).
 */
function applyKey(db: SqliteDatabase, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`legacy_page_size = ${PAGE_SIZE}`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

function isPlainSqlite(path: string): boolean {
  if (path === ':memory:' || path === '' || !existsSync(path)) return false;
  const header = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * A store written before encryption at rest is encrypted in place on its first open with a key: its WAL
 * is checkpointed (rekey cannot run in WAL mode), its pages brought to the encrypted store's size, then
 * every page rewritten under the key. Rekey works in one transaction, so a crash leaves the plain store.
 */
function encryptPlainStore(path: string, key: Buffer): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    if (db.pragma('page_size', { simple: true }) !== PAGE_SIZE) {
      db.pragma(`page_size = ${PAGE_SIZE}`);
      db.exec('VACUUM');
    }
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`legacy_page_size = ${PAGE_SIZE}`);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

/**
 * Opens a connection with the store's key (null: a plain database, for in-memory and tool use only). A
 * wrong key, or a key for a plain file the caller did not expect, is a typed refusal, not a crash later.
 */
export function openConnection(
  path: string,
  key: Buffer | null,
  options: { fileMustExist?: boolean } = {},
): SqliteDatabase {
  const db = new Database(path, options);
  try {
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (key) connectionKeys.set(db, key);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') {
      throw new StoreError(
        'STORE_KEY_MISMATCH',
        key
          ? `The local store ${path} cannot be opened with this install's key.`
          : `The local store ${path} is encrypted; it needs its key.`,
        { path },
      );
    }
    throw error;
  }
}

/** The settings of every connection to the agent's database (this one and the bootstrap writer's). */
export function tuneConnection(db: SqliteDatabase): void {
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
 * Opens (creating if needed) the agent's database: encrypted at rest with `key` (a plain store from before
 * is encrypted on this open), WAL so readers never wait for the writer, foreign keys on, migrations
 * applied, and a client id minted once with the database (SYNC.md identities).
 */
export function openDatabase(
  path: string,
  ids: IdGenerator,
  migrations: readonly Migration[] = MIGRATIONS,
  key: Buffer | null = null,
): SqliteDatabase {
  if (key && isPlainSqlite(path)) encryptPlainStore(path, key);
  const db = openConnection(path, key);
  try {
    // Before anything is written, as only a new database takes it (an encrypted one has it from applyKey).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    tuneConnection(db);
    migrate(db, migrations);
    db.prepare('INSERT INTO sync_state (singleton, client_id) VALUES (1, ?) ON CONFLICT (singleton) DO NOTHING').run(
      ids.uuid(),
    );
    // The folder is the user's alone (0700); the file too, should it ever be copied out of it.
    if (path !== ':memory:' && path !== '' && process.platform !== 'win32') chmodSync(path, 0o600);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateDemoData, type DemoData } from '../../../src-shared/demo';
import { openLocalStore, type LocalStore, type LocalStoreOptions } from './localStore';
import type { Clock, IdGenerator } from './ports';
import { tuneConnection } from './schema/openDatabase';

export const TEST_NOW = '2026-11-25T12:00:00.000Z';

/** A clock tests move by hand. */
export function manualClock(start = TEST_NOW): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = Date.parse(start);
  return {
    now: () => now,
    set: (iso) => {
      now = Date.parse(iso);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Deterministic UUIDs (v4-shaped) so test failures are reproducible. */
export function sequentialIds(prefix = 'f'): IdGenerator {
  let n = 0;
  return { uuid: () => `${prefix.repeat(8)}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}` };
}

/**
 * A connection of a test's own to a store's file, for what the store's interface rightly does not offer (query
 * plans, rows as stored, a table broken on purpose): the test reads and changes the file as a second process
 * would, beside the store's connection (WAL), never through it.
 */
export function openTestConnection(path: string): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  tuneConnection(db);
  return db;
}

/** Runs fn on openTestConnection(path) and closes the connection after it. */
export function withTestConnection<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = openTestConnection(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export interface TempStore {
  store: LocalStore;
  dir: string;
  path: string;
  clock: ReturnType<typeof manualClock>;
  data: DemoData;
  /** openTestConnection on this store's file, opened on first use and closed with dispose(). */
  readonly sql: Database.Database;
  reopen(options?: Partial<LocalStoreOptions>): LocalStore;
  dispose(): void;
}

/** A real SQLite file in a temp dir with the demo set loaded and the first agent signed in. */
export function tempStore(cases = 200, options: Partial<LocalStoreOptions> = {}): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-store-'));
  const path = join(dir, 'workstation.db');
  const clock = manualClock();
  const ids = sequentialIds();
  const data = generateDemoData({ seed: 11, cases, now: TEST_NOW });
  let store = openLocalStore({ path, clock, ids, ...options });
  let sql: Database.Database | null = null;
  store.importCanonical(data);
  const agent = data.users.find((u) => u.username === 'jonas.weber');
  store.setSyncState({ userId: agent?.id ?? null });
  return {
    get store() {
      return store;
    },
    get sql() {
      sql ??= openTestConnection(path);
      return sql;
    },
    dir,
    path,
    clock,
    data,
    reopen(more = {}) {
      store.close();
      store = openLocalStore({ path, clock, ids, ...options, ...more });
      return store;
    },
    dispose() {
      sql?.close();
      try {
        store.close();
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

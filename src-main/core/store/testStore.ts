import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { canSee, scopeOf } from '../../../src-shared/caseRules';
import { generateDemoData, type DemoData } from '../../../src-shared/demo';
import { openLocalStore, type LocalStore, type LocalStoreOptions } from './localStore';
import { StoreError, type Clock, type IdGenerator } from './ports';
import { openConnection, tuneConnection } from './schema/openDatabase';

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

/** A fixed key, so every store test runs on an encrypted file as the app does. */
export const TEST_STORE_KEY = Buffer.alloc(32, 7);

/**
 * A connection of a test's own to a store's file, for what the store's interface rightly does not offer (query
 * plans, rows as stored, a table broken on purpose): the test reads and changes the file as a second process
 * would, beside the store's connection (WAL), never through it.
 */
export function openTestConnection(path: string, key: Buffer | null = null): Database.Database {
  const db = openConnection(path, key, { fileMustExist: true });
  tuneConnection(db);
  return db;
}

/** Runs fn on openTestConnection(path) and closes the connection after it. */
export function withTestConnection<T>(path: string, fn: (db: Database.Database) => T, key: Buffer | null = null): T {
  const db = openTestConnection(path, key);
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
  /** The signed-in agent's scope: the cases the server would have sent, which the shared case rules let them change. */
  isMine(c: { id: string }): boolean;
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
  let store = openLocalStore({ path, clock, ids, key: TEST_STORE_KEY, ...options });
  let sql: Database.Database | null = null;
  store.importCanonical(data);
  const agent = data.users.find((u) => u.username === 'jonas.weber');
  if (!agent) throw new Error('the demo data has no jonas.weber');
  store.setSyncState({ userId: agent.id });
  return {
    get store() {
      return store;
    },
    get sql() {
      sql ??= openTestConnection(path, options.key === undefined ? TEST_STORE_KEY : options.key);
      return sql;
    },
    dir,
    path,
    clock,
    data,
    isMine: (c) => {
      const found = data.cases.find((candidate) => candidate.id === c.id);
      return found !== undefined && canSee(agent, scopeOf(found));
    },
    reopen(more = {}) {
      store.close();
      store = openLocalStore({ path, clock, ids, key: TEST_STORE_KEY, ...options, ...more });
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

/** The StoreError `run` throws; any other outcome fails the test. */
export function refusal(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData, type DemoData } from '../../../src-shared/demo';
import { openLocalStore, type LocalStore, type LocalStoreOptions } from './localStore';
import { StoreError, type Clock, type IdGenerator } from './ports';

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

export interface TempStore {
  store: LocalStore;
  dir: string;
  path: string;
  clock: ReturnType<typeof manualClock>;
  data: DemoData;
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
  store.importCanonical(data);
  const agent = data.users.find((u) => u.username === 'jonas.weber');
  store.setSyncState({ userId: agent?.id ?? null });
  return {
    get store() {
      return store;
    },
    dir,
    path,
    clock,
    data,
    reopen(more = {}) {
      store.close();
      store = openLocalStore({ path, clock, ids, key: TEST_STORE_KEY, ...options, ...more });
      return store;
    },
    dispose() {
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

// Support for the sync engine's own end-to-end tests: desktop cores (a real SQLite file + the real sync
// engine) that can be cut off from the network by an injected fetch. Their server is testServer.ts's.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openLocalStore } from '../../src-main/core/store';
import type { LocalStore } from '../../src-main/core/store';
import { withTestConnection } from '../../src-main/core/store/testStore';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createSyncEngine } from '../../src-main/core/sync';
import type { SyncEngine, SyncEngineOptions, SyncStore } from '../../src-main/core/sync';

export interface Desk {
  store: LocalStore;
  /** Runs fn on a connection of the test's own to the desk's database file (store/testStore.ts). */
  sql<T>(fn: (db: Database.Database) => T): T;
  path: string;
  engine: SyncEngine;
  /** While true every request fails as if the cable were pulled. */
  offline: boolean;
  close(): Promise<void>;
}

/** A desk on a fresh database file, or on `path` (a restored backup, say). */
export async function openDesk(
  serverUrl: string,
  username: string,
  options: Partial<SyncEngineOptions> & { path?: string } = {},
): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-engine-desk-'));
  const clock = { now: () => Date.now() };
  const ids = { uuid: () => randomUUID() };
  const { path, ...engineOptions } = options;
  const file = path ?? join(dir, 'desk.sqlite');
  const store = openLocalStore({ path: file, clock, ids });
  const port: SyncStore = store;
  const desk: Desk = {
    store,
    sql: (fn) => withTestConnection(file, fn),
    path: file,
    offline: false,
    engine: createSyncEngine({
      store: port,
      serverUrl,
      clock,
      ids,
      // Each test drives syncNow itself; pokes and polls would only make the order of events vary.
      events: false,
      pollIntervalMs: 3_600_000,
      fetch: (url, init) =>
        desk.offline ? Promise.reject(new TypeError('fetch failed: network is down')) : fetch(url, init),
      ...engineOptions,
    }),
    async close() {
      await desk.engine.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  desk.engine.start();
  await desk.engine.signIn(username, DEMO_PASSWORD);
  await desk.engine.syncNow();
  return desk;
}

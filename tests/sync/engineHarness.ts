// Support for the sync engine's own end-to-end tests: desktop cores (a real SQLite file + the real sync
// engine) that can be cut off from the network by an injected fetch. Their server is testServer.ts's.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openLocalStore } from '../../src-main/core/store';
import type { LocalStore } from '../../src-main/core/store';
import { createSyncEngine } from '../../src-main/core/sync';
import type { SyncEngine, SyncEngineOptions, SyncStore } from '../../src-main/core/sync';

export interface Desk {
  store: LocalStore;
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
  const store = openLocalStore({ path: path ?? join(dir, 'desk.sqlite'), clock, ids });
  const port: SyncStore = store;
  const desk: Desk = {
    store,
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

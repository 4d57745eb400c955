import { join } from 'node:path';
import { ensurePrivateDir, loadOrCreateStoreKey } from '../store/storeKey';
import { openLocalStore, randomIds, systemClock } from '../store';
import { openPracticeStore, PRACTICE_STORE_FILE } from '../store/practice/practiceStore';
import type { Clock, IdGenerator } from '../store';
import { createWorkstation } from '../workstation';
import type { Workstation } from '../workstation';
import { createEngineConnection } from './engineConnection';
import type { FetchLike } from './syncHttp';

export interface SyncedWorkstationOptions {
  dataDir: string;
  serverUrl: string;
  /** Signs in at once (the embedded demo server's agent); otherwise the agent signs in from the UI. */
  signIn?: { username: string; password: string };
  clock?: Clock;
  ids?: IdGenerator;
  fetch?: FetchLike;
}

/**
 * A workstation on dataDir/workstation.db that syncs with a central API. A failed automatic sign-in
 * leaves it usable on its local data: the sync status carries the reason.
 */
export async function openSyncedWorkstation(options: SyncedWorkstationOptions): Promise<Workstation> {
  ensurePrivateDir(options.dataDir);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const key = loadOrCreateStoreKey(options.dataDir);
  const store = openLocalStore({ path: join(options.dataDir, 'workstation.db'), clock, ids, key });
  const practice = openPracticeStore({ path: join(options.dataDir, PRACTICE_STORE_FILE), key });
  const sync = createEngineConnection({
    store,
    practice,
    serverUrl: options.serverUrl,
    clock,
    ids,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const workstation = createWorkstation({ store, clock, ids, sync, practice });
  if (options.signIn) {
    const signedIn = await workstation.call('auth:signIn', options.signIn);
    // A first start waits for its snapshot, so the agent never opens onto an empty queue. A failure is
    // already in the sync status (lastError) and the engine keeps retrying.
    if (signedIn.ok && store.getSyncState().cursor === null) await sync.engine.syncNow().catch(() => undefined);
  }
  return workstation;
}

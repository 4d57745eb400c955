import { join } from 'node:path';
import { generateDemoBatches, demoDirectory, SMALL_DEMO } from '../../../src-shared/demo';
import { openLocalStore, randomIds, systemClock, type Clock, type IdGenerator } from '../store';
import { ensurePrivateDir, loadOrCreateStoreKey } from '../store/storeKey';
import { openPracticeStore, PRACTICE_STORE_FILE } from '../store/practice/practiceStore';
import { createWorkstation, type Workstation } from './createWorkstation';

/** The demo agent a fresh demo workstation is signed in as (Asia-Pacific desk, Chinese and English). */
export const DEMO_AGENT_USERNAME = 'chen.mei';
/** The demo supervisor (every demo team): `npm run dev:web -- --user wang.lei`. */
export const DEMO_SUPERVISOR_USERNAME = 'wang.lei';

/**
 * A workstation on dataDir/workstation.db that loads the small demo set when the store is empty and
 * has never synced: what the web host and `npm start` use until a sync server is configured.
 */
export function openDemoWorkstation(
  dataDir: string,
  clock: Clock = systemClock,
  ids: IdGenerator = randomIds,
  username: string = DEMO_AGENT_USERNAME,
): Workstation {
  ensurePrivateDir(dataDir);
  const key = loadOrCreateStoreKey(dataDir);
  const store = openLocalStore({ path: join(dataDir, 'workstation.db'), clock, ids, key });
  try {
    if (store.caseCount() === 0 && store.getSyncState().cursor === null) {
      const now = new Date(clock.now()).toISOString();
      const { teams, users } = demoDirectory(SMALL_DEMO.seed);
      store.importCanonical({ teams, users });
      for (const batch of generateDemoBatches({ ...SMALL_DEMO, now })) store.importCanonical(batch);
      const agent = users.find((u) => u.username === username);
      store.setSyncState({ userId: agent?.id ?? null });
      if (agent) store.updateSettings({ uiLocale: agent.uiLocale, agentLanguages: agent.languages });
    }
  } catch (error) {
    store.close();
    throw error;
  }
  const practice = openPracticeStore({ path: join(dataDir, PRACTICE_STORE_FILE), key });
  return createWorkstation({ store, clock, ids, practice });
}

import { join } from 'node:path';
import {
  StoreError,
  openLocalStore,
  randomIds,
  systemClock,
  type Clock,
  type IdGenerator,
  type LocalStore,
} from '../store';
import { ensurePrivateDir, loadOrCreateStoreKey } from '../store/storeKey';
import { openPracticeStore, PRACTICE_STORE_FILE, type PracticeStore } from '../store/practice/practiceStore';
import { createEngineConnection } from '../sync/engineConnection';
import type { FetchLike } from '../sync/syncHttp';
import { createWorkstation, type Workstation } from '../workstation';
import { chooseServer } from '../workstation/serverChoice';
import { adoptServerData, type OpenedServer, type ServerConnector } from '../workstation/serverSwitch';
import type { EmbeddedServerAccess } from './embeddedRequest';

export interface HostedWorkstationOptions {
  dataDir: string;
  /**
   * The install's store key, unwrapped by a host that has the OS keychain (the Electron shell); absent,
   * the key file in dataDir (dev:web, tests: storeKey.ts).
   */
  key?: Buffer;
  /** --server-url and CROSSDESK_SERVER_URL as given (they win over the address saved in Settings). */
  flag?: string | undefined;
  env?: string | undefined;
  /** Starts (once) the embedded demo central API; used when no server is configured anywhere. */
  embedded: () => Promise<EmbeddedServerAccess>;
  clock?: Clock;
  ids?: IdGenerator;
  fetch?: FetchLike;
}

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Before the agent leaves the current server's data behind, the new address must answer as a Crossdesk
 * central API (GET /health with status ok): a typo or an unreachable host is refused and changes nothing.
 */
async function probe(url: string, fetchFn: FetchLike): Promise<void> {
  const health = `${url.replace(/\/+$/, '')}/health`;
  let body: unknown;
  try {
    const response = await fetchFn(health, { method: 'GET', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    body = response.ok ? await response.json() : null;
  } catch {
    body = null;
  }
  if (typeof body !== 'object' || body === null || !('status' in body) || body.status !== 'ok') {
    throw new StoreError(
      'SERVER_UNREACHABLE',
      `No Crossdesk server answers at ${url}; check the address and the connection. Nothing was changed.`,
      { url },
    );
  }
}

function connector(
  store: LocalStore,
  practice: PracticeStore,
  options: HostedWorkstationOptions,
  clock: Clock,
  ids: IdGenerator,
): ServerConnector {
  return async (url) => {
    const embedded =
      url === null
        ? await options.embedded().catch((error: unknown) => {
            throw new StoreError(
              'SERVER_UNAVAILABLE',
              `The built-in demo server could not start: ${error instanceof Error ? error.message : String(error)}`,
            );
          })
        : null;
    const serverUrl = embedded?.serverUrl ?? url ?? '';
    const port = createEngineConnection({
      store,
      practice,
      serverUrl,
      clock,
      ids,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    const opened: OpenedServer = {
      info: { url, source: url === null ? 'embedded' : 'settings' },
      sync: port,
      async start() {
        if (embedded === null) return;
        await port.signIn(embedded.signIn);
        // A first start waits for its snapshot, so the agent never opens onto an empty queue.
        if (store.getSyncState().cursor === null) await port.engine.syncNow().catch(() => undefined);
      },
      stop: () => port.engine.stop(),
    };
    return opened;
  };
}

/**
 * The workstation a host serves: the store on dataDir/workstation.db, synced with the server chosen by
 * precedence (--server-url > CROSSDESK_SERVER_URL > Settings > embedded demo). Data of another server
 * is cleared first when nothing unsent would be lost, else the start is refused with the reason.
 */
export async function openHostedWorkstation(options: HostedWorkstationOptions): Promise<Workstation> {
  ensurePrivateDir(options.dataDir);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const key = options.key ?? loadOrCreateStoreKey(options.dataDir);
  const store = openLocalStore({ path: join(options.dataDir, 'workstation.db'), clock, ids, key });
  const practice = openPracticeStore({ path: join(options.dataDir, PRACTICE_STORE_FILE), key });
  try {
    const choice = chooseServer({ flag: options.flag, env: options.env, saved: store.settings().serverUrl });
    adoptServerData(store, choice.url);
    if (choice.ignoredSavedUrl !== undefined) store.updateSettings({ serverUrl: null });
    const connect = connector(store, practice, options, clock, ids);
    const opened = await connect(choice.url);
    opened.info = choice;
    const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
    const connectChecked: ServerConnector = async (url) => {
      if (url !== null) await probe(url, fetchFn);
      return connect(url);
    };
    const workstation = createWorkstation({
      store,
      clock,
      ids,
      practice,
      server: { opened, connect: connectChecked },
    });
    await opened.start().catch(() => undefined);
    return workstation;
  } catch (error) {
    store.close();
    practice.close();
    throw error;
  }
}

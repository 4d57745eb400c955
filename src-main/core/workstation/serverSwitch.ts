import type { ServerInfo } from '../../../src-shared/contract/workstation';
import { StoreError } from '../store';
import type { LocalStore, ServerIdentityStore } from '../store';
import type { CurrentConnection } from './currentConnection';
import { serverIdentity } from './serverChoice';
import type { EmitEvent, SyncConnection } from './syncConnection';

/** A central API the workstation is connected to (or about to be). */
export interface OpenedServer {
  info: ServerInfo;
  sync: SyncConnection;
  /** After the port is connected: signs the embedded demo's agent in and waits for its first snapshot. */
  start(): Promise<void>;
  /** Stops syncing and waits for a request in flight, so nothing from this server lands afterwards. */
  stop(): Promise<void>;
}

/** Opens a sync port for a server (null: the embedded demo, started on demand by the host). */
export type ServerConnector = (url: string | null) => Promise<OpenedServer>;

function label(identity: string): string {
  return identity === 'embedded' ? 'the built-in demo server' : identity;
}

/**
 * Refuses to leave a server while the agent's work for it is not settled: unsent changes would be lost
 * (their server is the only one that can apply them) and rejected ones wait in Needs attention with the
 * agent's text. The agent is told how to settle them; nothing changes.
 */
export function assertNothingUnsent(data: ServerIdentityStore, from: string, to: string): void {
  const { unsent, attention } = data.holdings();
  if (unsent > 0) {
    throw new StoreError(
      'UNSENT_CHANGES',
      `${unsent} change(s) for ${label(from)} are not sent yet. Go online with it until they are sent, then switch to ${label(to)}.`,
      { count: unsent },
    );
  }
  if (attention > 0) {
    throw new StoreError(
      'NEEDS_ATTENTION',
      `${attention} rejected action(s) from ${label(from)} wait in Needs attention. Resend, copy or discard them, then switch to ${label(to)}.`,
      { count: attention },
    );
  }
}

/**
 * At start: unsent work recorded for another server refuses the start with the way out (it would be
 * pushed to a server that never saw it). Otherwise the new identity is recorded and the data kept: the
 * same server can come back under another address (the embedded demo's port changes every run, a
 * copied database), and a different server answers the old cursor with RESET_REQUIRED (its epoch
 * differs), so the client re-bootstraps and the old cases are replaced, never mixed in. A store from
 * before the identity was recorded is taken as the chosen server's.
 */
export function adoptServerData(data: ServerIdentityStore, url: string | null): void {
  const identity = serverIdentity(url);
  const recorded = data.dataServer();
  if (recorded === identity) return;
  const { unsent, attention } = data.holdings();
  if (recorded !== null && (unsent > 0 || attention > 0)) {
    throw new StoreError(
      'UNSENT_CHANGES',
      `The local data holds ${unsent} unsent change(s) and ${attention} rejected action(s) for ${label(recorded)}. ` +
        `Start once with that server until they are sent or resolved, then switch to ${label(identity)}.`,
      { unsent, attention },
    );
  }
  data.recordDataServer(identity);
}

/**
 * Moves the workstation to another central API at once: refused while work for the current one is
 * unsent or locked by --server-url / CROSSDESK_SERVER_URL; the new server is reached first (a failure
 * changes nothing), then the old one is stopped, its data cleared, and the agent signs in anew.
 */
export function createServerSwitcher(options: {
  store: LocalStore;
  current: CurrentConnection;
  connect: ServerConnector | undefined;
  emit: EmitEvent;
  /** Wires a new sync connection to the workstation (its events, device revocation). */
  attach(sync: SyncConnection): void;
}) {
  const { store, current, emit } = options;
  return async function switchServer(url: string | null): Promise<void> {
    const { server } = current;
    const connect = options.connect;
    if (!server || !connect || serverIdentity(url) === serverIdentity(server.info.url)) return;
    if (server.info.source === 'flag' || server.info.source === 'env') {
      throw new StoreError(
        'SERVER_URL_LOCKED',
        `This workstation was started with ${server.info.source === 'flag' ? '--server-url' : 'CROSSDESK_SERVER_URL'} ${server.info.url ?? ''}; restart it without to use another server.`,
      );
    }
    assertNothingUnsent(store, serverIdentity(server.info.url), serverIdentity(url));
    const next = await connect(url);
    current.server = next;
    current.sync.close?.();
    await server.stop();
    // Read before the directory goes: settings not saved yet are derived from the signed-in user.
    const kept = store.settings();
    store.clearForNewServer(serverIdentity(url));
    store.updateSettings({ ...kept, serverUrl: url });
    current.sync = next.sync;
    options.attach(next.sync);
    emit('cases:changed', { caseIds: [], all: true });
    emit('attention:changed', { count: 0 });
    emit('sync:status', current.sync.status());
    await next.start().catch(() => undefined);
    emit('sync:status', current.sync.status());
    emit('cases:changed', { caseIds: [], all: true });
  };
}

import { z } from 'zod';
import {
  workstationContract,
  type CaseRow,
  type ContractError,
  type ContractResult,
  type EventName,
  type EventPayload,
  type MethodName,
  type MethodOutput,
} from '../../../src-shared/contract/workstation';
import { findUnsafeText } from '../../../src-shared/text/unsafeText';
import type { MutationKey } from '../../../src-shared/sync/mutations';
import { StoreError, type Clock, type IdGenerator, type LocalStore } from '../store';
import { serverIdentity } from './serverChoice';
import { assertNothingUnsent, type OpenedServer, type ServerConnector } from './serverSwitch';
import { createOfflineSync, type SyncConnection } from './syncConnection';
import { withVisibleDeadlines } from './visibleSla';

export interface WorkstationOptions {
  store: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  sync?: SyncConnection;
  /** The connected central API and how to reach another; without it the server address is only saved. */
  server?: { opened: OpenedServer; connect: ServerConnector };
}

type Listener = (payload: unknown) => void;
type Handlers = {
  [M in MethodName]: (
    input: z.infer<(typeof workstationContract)[M]['input']>,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What a signed-out (locked) workstation still answers: nothing that holds a case or a customer's words. */
const OPEN_WHEN_SIGNED_OUT: ReadonlySet<MethodName> = new Set<MethodName>([
  'session:get',
  'auth:signIn',
  'auth:signOut',
  'auth:signOutAndRemoveData',
  'settings:get',
  'settings:update',
  'server:get',
  'sync:status',
]);

function toError(error: unknown): ContractError {
  if (error instanceof StoreError)
    return {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  if (error instanceof z.ZodError) return { code: 'BAD_INPUT', message: z.prettifyError(error) };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The workstation core behind the renderer contract. Every handler parses its input (unknown on
 * arrival) with the contract schema and answers a ContractResult; nothing throws across the boundary.
 * No globals: each instance owns its store and listeners, so it can live inside a worker thread.
 */
export function createWorkstation(options: WorkstationOptions) {
  const { store } = options;
  let server = options.server?.opened ?? null;
  let sync = server?.sync ?? options.sync ?? createOfflineSync(store);
  const listeners = new Map<EventName, Set<Listener>>();

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // A failing listener must not break the write that caused the event, nor other listeners.
      }
    }
  }
  sync.connect?.(emit);
  watchRevocation(sync);

  /**
   * After a sign-out nothing but signing in (and the settings) is served until someone signs in again,
   * across restarts too: the lock is stored. Any sign-in lifts it, the agent's or the embedded demo's.
   */
  function isLocked(): boolean {
    if (!store.isDeviceLocked()) return false;
    if (sync.status().connection === 'signed_out') return true;
    store.unlockDevice();
    return false;
  }

  /** Signs out, waits for a running sync to end, then removes everything this device holds for the agent. */
  async function removeDeviceData(reason: 'requested' | 'revoked'): Promise<void> {
    await sync.signOut().catch(() => undefined);
    await sync.quiesce?.();
    store.wipeDevice();
    emit('cases:changed', { caseIds: [], all: true });
    emit('attention:changed', { count: 0 });
    emit('sync:status', sync.status());
    emit('device:wiped', { reason });
  }

  function watchRevocation(connection: SyncConnection): void {
    connection.onDeviceRevoked?.(() => {
      void removeDeviceData('revoked').catch(() => undefined);
    });
  }

  function afterWrite(caseIds: readonly string[]): void {
    if (caseIds.length > 0) emit('cases:changed', { caseIds: [...caseIds], all: false });
    emit('sync:status', sync.status());
    sync.kick();
  }

  function write(key: MutationKey, args: { caseId: string }): { mutationUuid: string } {
    const outcome = store.write(key, args);
    afterWrite([outcome.caseId]);
    return { mutationUuid: outcome.mutationUuid };
  }

  function visibleDeadlines<R extends CaseRow>(rows: readonly R[]): R[] {
    const offset = store.getSyncState().serverOffsetMs;
    return withVisibleDeadlines(
      rows,
      (id) => store.caseDetail(id),
      () => store.teams(),
      offset,
      options.clock.now() + offset,
    );
  }

  /**
   * Moves the workstation to another central API at once: refused while work for the current one is
   * unsent or locked by --server-url / CROSSDESK_SERVER_URL; the new server is reached first (a failure
   * changes nothing), then the old one is stopped, its data cleared, and the agent signs in anew.
   */
  async function switchServer(url: string | null): Promise<void> {
    const connect = options.server?.connect;
    if (!server || !connect || serverIdentity(url) === serverIdentity(server.info.url)) return;
    if (server.info.source === 'flag' || server.info.source === 'env') {
      throw new StoreError(
        'SERVER_URL_LOCKED',
        `This workstation was started with ${server.info.source === 'flag' ? '--server-url' : 'CROSSDESK_SERVER_URL'} ${server.info.url ?? ''}; restart it without to use another server.`,
      );
    }
    assertNothingUnsent(store, serverIdentity(server.info.url), serverIdentity(url));
    const next = await connect(url);
    const previous = server;
    server = next;
    sync.close?.();
    await previous.stop();
    // Read before the directory goes: settings not saved yet are derived from the signed-in user.
    const kept = store.settings();
    store.clearForNewServer(serverIdentity(url));
    store.updateSettings({ ...kept, serverUrl: url });
    sync = next.sync;
    sync.connect?.(emit);
    watchRevocation(sync);
    emit('cases:changed', { caseIds: [], all: true });
    emit('attention:changed', { count: 0 });
    emit('sync:status', sync.status());
    await next.start().catch(() => undefined);
    emit('sync:status', sync.status());
    emit('cases:changed', { caseIds: [], all: true });
  }

  function session() {
    const user = isLocked() ? null : store.currentUser();
    return {
      user,
      teams: user ? store.teams() : [],
      clientId: store.getSyncState().clientId,
      colleagues: user ? store.users() : [],
    };
  }

  const handlers: Handlers = {
    'session:get': () => session(),
    'auth:signIn': async (input) => {
      await sync.signIn(input);
      emit('sync:status', sync.status());
      emit('cases:changed', { caseIds: [], all: true });
      return session();
    },
    'auth:signOut': async () => {
      await sync.signOut();
      store.lockDevice();
      emit('sync:status', sync.status());
      emit('cases:changed', { caseIds: [], all: true });
      return null;
    },
    'auth:signOutAndRemoveData': async () => {
      await removeDeviceData('requested');
      return null;
    },
    'settings:get': () => store.settings(),
    'settings:update': async (input) => {
      if (input.serverUrl !== undefined) await switchServer(input.serverUrl);
      return store.updateSettings(input);
    },
    'server:get': () =>
      server?.info ?? {
        url: store.settings().serverUrl,
        source: store.settings().serverUrl === null ? 'embedded' : 'settings',
      },
    'cases:list': (input) => {
      const page = store.queue(input);
      return { ...page, rows: visibleDeadlines(page.rows) };
    },
    'cases:counts': (input) => store.counts(input),
    'cases:search': (input) => {
      const hits = store.search(input.text, input.limit);
      const rows = visibleDeadlines(hits.map((hit) => hit.row));
      return hits.map((hit, i) => ({ ...hit, row: rows[i] ?? hit.row }));
    },
    'cases:tags': (input) => store.tagsInUse(input.limit),
    'cases:get': (input) => {
      const detail = store.caseDetail(input.caseId);
      if (!detail) throw new StoreError('NOT_FOUND', `No case ${input.caseId} in this workstation.`);
      return detail;
    },
    'cases:reply': (input) => write('case.reply@1', input),
    'cases:addNote': (input) => write('case.addNote@1', input),
    'cases:setStatus': (input) => write('case.setStatus@1', input),
    'cases:addTag': (input) => write('case.addTag@1', input),
    'cases:removeTag': (input) => write('case.removeTag@1', input),
    'cases:take': (input) => write('case.take@1', input),
    'cases:bulk': (input) => {
      const { action } = input;
      const outcome = store.bulk(input.caseIds, (caseId) =>
        action.kind === 'addTag'
          ? ['case.addTag@1', { caseId, tag: action.tag }]
          : ['case.setStatus@1', { caseId, to: action.to }],
      );
      afterWrite(outcome.applied);
      return outcome;
    },
    'sync:status': () => sync.status(),
    'attention:list': () => store.attention(),
    'attention:resolve': (input) => {
      const sent = store.resolveAttention(input.id, input.action);
      emit('attention:changed', { count: store.attention().length });
      if (sent) afterWrite([sent.caseId]);
      return null;
    },
  };

  async function call<M extends MethodName>(method: M, input: unknown): Promise<ContractResult<MethodOutput<M>>> {
    try {
      // Text the store or the server cannot keep faithfully is refused here, so it never waits in the outbox.
      const field = findUnsafeText(input);
      if (field !== null)
        return {
          ok: false,
          error: {
            code: 'BAD_INPUT',
            message: `${field} contains a NUL character or a broken (lone surrogate) character`,
            details: { field },
          },
        };
      if (!OPEN_WHEN_SIGNED_OUT.has(method) && isLocked())
        return {
          ok: false,
          error: { code: 'SIGNED_OUT', message: 'Signed out: sign in to see and work on cases on this device.' },
        };
      const parsed = workstationContract[method].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: z.prettifyError(parsed.error) } };
      const handler = handlers[method] as (input: unknown) => MethodOutput<M> | Promise<MethodOutput<M>>;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toError(error) };
    }
  }

  return {
    call,
    /** For hosts that route by name (IPC, WebSocket, worker port): unknown names are an error result. */
    dispatch(method: string, input: unknown): Promise<ContractResult<unknown>> {
      if (!Object.hasOwn(workstationContract, method)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: `No contract method "${method}".` },
        });
      }
      return call(method as MethodName, input);
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    emit,
    close(): void {
      listeners.clear();
      sync.close?.();
      store.close();
    },
  };
}
export type Workstation = ReturnType<typeof createWorkstation>;

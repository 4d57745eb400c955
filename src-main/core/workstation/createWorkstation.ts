import type { CaseRow } from '../../../src-shared/contract/workstation';
import type { MutationKey } from '../../../src-shared/sync/mutations';
import { StoreError, type Clock, type IdGenerator, type LocalStore } from '../store';
import { contractCalls, type ContractHandlers } from './contractCalls';
import type { CurrentConnection } from './currentConnection';
import { createDeviceData } from './deviceData';
import { createEventHub } from './eventHub';
import { createServerSwitcher, type OpenedServer, type ServerConnector } from './serverSwitch';
import { createOfflineSync, type SyncConnection } from './syncConnection';
import { trainerHandlers } from './trainerCalls';
import { withVisibleDeadlines } from './visibleSla';
import { fileHandlers } from './fileCalls';
import { openPracticeStore, type PracticeStore } from '../store/practice/practiceStore';
import { practiceHandlers } from './practiceCalls';

export interface WorkstationOptions {
  store: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  sync?: SyncConnection;
  /** The connected central API and how to reach another; without it the server address is only saved. */
  server?: { opened: OpenedServer; connect: ServerConnector };
  /** The practice sandbox's own store (practice.db beside the live one); in memory when not given. */
  practice?: PracticeStore;
}

/**
 * The workstation core behind the renderer contract: what each method does, over parts with one job each
 * (the contract boundary, events, the device's data, the server switch). Every handler gets its input
 * parsed with the contract schema and answers through `contractCalls`; nothing throws across the boundary.
 * No globals: each instance owns its store and listeners, so it can live inside a worker thread.
 *
 * Over 100 lines only for the handler table, one entry per contract method (most a line or two); the
 * decisions live in the store, the shared case rules and the parts above.
 */
export function createWorkstation(options: WorkstationOptions) {
  const { store } = options;
  const server = options.server?.opened ?? null;
  const current: CurrentConnection = { server, sync: server?.sync ?? options.sync ?? createOfflineSync(store) };
  const events = createEventHub();
  const { emit } = events;
  const practice = options.practice ?? openPracticeStore({ path: ':memory:', key: null });
  const device = createDeviceData(store, current, emit, () => practice.wipe());
  device.attach(current.sync);
  const switchServer = createServerSwitcher({
    store,
    current,
    connect: options.server?.connect,
    emit,
    attach: device.attach,
  });

  function afterWrite(caseIds: readonly string[]): void {
    if (caseIds.length > 0) emit('cases:changed', { caseIds: [...caseIds], all: false });
    emit('sync:status', current.sync.status());
    current.sync.kick();
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

  function session() {
    const user = device.isLocked() ? null : store.currentUser();
    return {
      user,
      teams: user ? store.teams() : [],
      clientId: store.getSyncState().clientId,
      colleagues: user ? store.users() : [],
    };
  }

  const handlers: ContractHandlers = {
    'session:get': () => session(),
    'auth:signIn': async (input) => {
      await current.sync.signIn(input);
      emit('sync:status', current.sync.status());
      emit('cases:changed', { caseIds: [], all: true });
      return session();
    },
    'auth:signOut': async () => {
      await current.sync.signOut();
      store.lockDevice();
      emit('sync:status', current.sync.status());
      emit('cases:changed', { caseIds: [], all: true });
      return null;
    },
    'auth:signOutAndRemoveData': async () => {
      await device.remove('requested');
      return null;
    },
    'settings:get': () => store.settings(),
    'settings:update': async (input) => {
      if (input.serverUrl !== undefined) await switchServer(input.serverUrl);
      return store.updateSettings(input);
    },
    'server:get': () =>
      current.server?.info ?? {
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
    'cases:reply': (input) => write(input.attachmentIds ? 'case.reply@2' : 'case.reply@1', input),
    'cases:addNote': (input) => write(input.attachmentIds ? 'case.addNote@2' : 'case.addNote@1', input),
    'cases:setStatus': (input) => write('case.setStatus@1', input),
    'cases:addTag': (input) => write('case.addTag@1', input),
    'cases:removeTag': (input) => write('case.removeTag@1', input),
    'cases:take': (input) => write('case.take@1', input),
    'cases:recordStep': (input) => write('case.recordStep@1', input),
    ...fileHandlers(store, () => current.sync),
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
    'cases:reassign': (input) => {
      const { to, reason } = input;
      // Each case once: a selection that names a case twice still moves it once.
      const outcome = store.bulk([...new Set(input.caseIds)], (caseId) => [
        'case.assign@2',
        { caseId, to, ...(reason === undefined ? {} : { reason }) },
      ]);
      afterWrite(outcome.applied);
      return outcome;
    },
    'sync:status': () => current.sync.status(),
    'attention:list': () => store.attention(),
    'attention:resolve': (input) => {
      const sent = store.resolveAttention(input.id, input.action);
      emit('attention:changed', { count: store.attention().length });
      if (sent) afterWrite([sent.caseId]);
      return null;
    },
    ...trainerHandlers(current),
    ...practiceHandlers({
      practice,
      store,
      clock: options.clock,
      ids: options.ids,
      onRunFinished: () => current.sync.kick(),
    }),
  };

  const { call, dispatch } = contractCalls(handlers, device.isLocked, () => store.currentUser()?.role ?? null);

  return {
    call,
    dispatch,
    subscribe: events.subscribe,
    emit,
    close(): void {
      events.clear();
      current.sync.close?.();
      store.close();
      practice.close();
    },
  };
}
export type Workstation = ReturnType<typeof createWorkstation>;

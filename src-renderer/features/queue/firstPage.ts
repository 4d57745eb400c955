import type {
  ContractResult,
  QueuePage,
  QueueSort,
  QueueView,
  ViewCounts,
  WorkstationApi,
} from '../../../src-shared/contract/workstation';
import { queueApi } from './queueApi';

/** The queue opens on every case by SLA deadline; the first page is fetched with these. */
export const FIRST_VIEW: QueueView = 'all';
export const FIRST_SORT: QueueSort = 'sla';
export const PAGE_SIZE = 100;

export type Answer<T> = { promise: Promise<T>; value?: T };
type Answers = {
  page: Answer<ContractResult<QueuePage>>;
  counts: Answer<ContractResult<ViewCounts>>;
  serverOffsetMs: Answer<number>;
};
type Key = keyof Answers;
type FirstPaint = {
  answers: Answers;
  taken: Set<Key>;
  /** Set when cases change before the screen took the answers: they may be stale, so it asks again. */
  isStale: boolean;
  unsubscribe: () => void;
};

const started = new WeakMap<WorkstationApi, FirstPaint>();

function answer<T>(promise: Promise<T>): Answer<T> {
  const held: Answer<T> = { promise };
  void promise.then((value) => {
    held.value = value;
  });
  return held;
}

/**
 * Sends the first paint's calls (first page, view counts, server clock offset) together, before React
 * mounts, so their round trips overlap with loading and rendering the shell instead of following it
 * (issue 6: queue open under 500 ms). The queue's hooks take each answer once, then ask as usual.
 */
export function prefetchFirstPage(api: WorkstationApi): void {
  if (started.has(api)) return;
  const queue = queueApi(api);
  const state: FirstPaint = {
    answers: {
      page: answer(queue.page({ view: FIRST_VIEW, sort: FIRST_SORT, limit: PAGE_SIZE })),
      counts: answer(queue.counts({})),
      serverOffsetMs: answer(queue.serverOffsetMs()),
    },
    taken: new Set(),
    isStale: false,
    unsubscribe: () => undefined,
  };
  started.set(api, state);
  state.unsubscribe = queue.onCasesChanged(() => {
    state.isStale = true;
    state.unsubscribe();
  });
}

/** The prefetched answer for `key` without taking it (a hook's first state), or null. */
export function peekPrefetched<K extends Key>(api: WorkstationApi, key: K): Answers[K] | null {
  const state = started.get(api);
  if (state === undefined || state.isStale || state.taken.has(key)) return null;
  return state.answers[key];
}

/** The prefetched answer for `key`, once; null when there is none, it was taken, or cases changed since. */
export function takePrefetched<K extends Key>(api: WorkstationApi, key: K): Answers[K] | null {
  const held = peekPrefetched(api, key);
  const state = started.get(api);
  if (held === null || state === undefined) return null;
  state.taken.add(key);
  if (state.taken.size === Object.keys(state.answers).length) state.unsubscribe();
  return held;
}

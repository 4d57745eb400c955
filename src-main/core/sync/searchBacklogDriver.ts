import type { SyncStore } from '../store';
import { RunOnceScheduler, type Disposable } from './scheduler';
import type { Timers } from './timers';

/** Rows indexed for search per slice after a bootstrap: ~15 to 35 ms each, short enough to keep calls responsive. */
const SLICE_ROWS = 2_000;
const RETRY_MS = 5_000;

/**
 * A completed bootstrap leaves its rows' search entries to be built afterwards (store/search/searchBacklog.ts):
 * a slice at a time on the timers, so calls and sync run in between. A failing slice (disk full) changes
 * nothing; search keeps scanning the rows left and the slice is tried again later.
 */
export function createSearchBacklogDriver(store: Pick<SyncStore, 'indexSearchBacklog'>, timers: Timers) {
  const slice = new RunOnceScheduler(
    timers,
    () => {
      let left: number;
      try {
        left = store.indexSearchBacklog(SLICE_ROWS);
      } catch {
        slice.schedule(RETRY_MS);
        return;
      }
      if (left > 0) slice.schedule(0);
    },
    0,
  );
  return {
    /** Index the next slice soon, unless a slice is already scheduled. */
    soon: () => slice.scheduleIfIdle(0),
    dispose: () => slice.dispose(),
  } satisfies Disposable & { soon(): void };
}

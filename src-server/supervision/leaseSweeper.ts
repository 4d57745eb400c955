import { expireLease } from '../../src-shared/caseRules';
import type { PresenceTimeouts } from '../../src-shared/supervision/presence';
import type { Db } from '../db/db';
import { textArray } from '../db/sqlArray';
import { persist } from '../sync/mutators';
import { UnitOfWork } from '../sync/unitOfWork';
import { signalFloor } from './floorSignal';
import { OPEN_CASE_SQL, PINNED_BY_SQL } from './pins';
import { expiredLeaseHolders, newlyDisconnected } from './presenceStore';

/** Cases released per transaction; a sweep runs again at once while a batch came back full. */
const SWEEP_BATCH = 500;

/**
 * One pass of the lease sweep (SUPERVISION.md): the cases of people silent past the disconnect timeout and
 * the grace period go back to their team's queue, oldest due first, unless pinned for offline work (and the
 * pin has not ended). Returns how many were released; the supervisors of people who went silent since
 * `sinceMs` hear of it.
 */
export async function sweepLeases(db: Db, sinceMs: number, nowMs: number, timeouts: PresenceTimeouts): Promise<number> {
  let total = 0;
  for (;;) {
    const released = await db.transaction(async (tx) => {
      const holders = await expiredLeaseHolders(tx, nowMs, timeouts);
      if (holders.length === 0) return 0;
      const now = new Date(nowMs).toISOString();
      const due = await tx.query<{ id: string }>(
        `SELECT id FROM cases WHERE assignee_id = ANY($1::text[]) AND ${OPEN_CASE_SQL}
           AND (${PINNED_BY_SQL} IS NULL OR (data->'heldOffline'->>'until') <= $2)
         ORDER BY data->>'slaDueAt' NULLS LAST, id LIMIT $3`,
        [textArray(holders), now, SWEEP_BATCH],
      );
      if (due.length === 0) return 0;
      const uow = new UnitOfWork(tx, nowMs);
      await uow.loadCases(due.map((row) => row.id));
      let count = 0;
      for (const { id } of due) {
        const record = uow.loaded(id);
        if (!record) continue;
        const outcome = expireLease(record.data, now);
        if (outcome.status !== 'applied' || outcome.cases.length === 0) continue;
        persist(uow, outcome);
        count += 1;
      }
      await uow.flush();
      await uow.seal();
      return count;
    });
    total += released;
    if (released < SWEEP_BATCH) break;
  }
  const silent = await newlyDisconnected(db, sinceMs, nowMs, timeouts);
  await signalFloor(db, silent);
  return total;
}

/** Runs the sweep every `everyMs` on the server's clock until stopped; a failed pass is retried at the next tick. */
export function startLeaseSweeper(
  db: Db,
  now: () => number,
  timeouts: PresenceTimeouts,
  everyMs: number,
  onError: (error: unknown) => void,
): { stop(): Promise<void>; runOnce(): Promise<number> } {
  let last = now();
  let running: Promise<number> | null = null;
  const runOnce = () => {
    running ??= (async () => {
      const at = now();
      try {
        return await sweepLeases(db, last, at, timeouts);
      } finally {
        last = at;
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch(onError);
  }, everyMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}

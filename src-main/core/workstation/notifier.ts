import type { LocalStore } from '../store';
import type { Clock } from '../store/ports';
import type { EmitEvent } from './syncConnection';

/** How far ahead of a deadline the agent is warned, and how often the queue is checked for it. */
export const SLA_WARNING_AHEAD_MS = 60 * 60 * 1000;
export const SLA_CHECK_INTERVAL_MS = 30 * 1000;
const WATCHED_ROWS = 500;

export interface Notifier {
  /**
   * Data from the server landed: tell the agent about cases that became theirs by someone else's hand.
   * After a bootstrap (a whole new snapshot) the queue is only re-read: nothing in it is news.
   */
  serverChanged(afterBootstrap?: boolean): void;
  /** Tell the agent, once per item, about replies the server refused (the text waits in Needs attention). */
  attentionChanged(): void;
  /** Tell the agent, once per case and state, about their cases nearing or past an SLA deadline. */
  checkSla(): void;
}

/**
 * Raises the contract's `notify` events. A case counts as newly assigned when it enters the agent's own
 * queue through server data and the assignment was not the agent's own take; deadlines are read in
 * server time (the stored offset), so a wrong laptop clock neither hides nor invents a warning.
 */
export function createNotifier(store: LocalStore, clock: Clock, emit: EmitEvent): Notifier {
  const warned = new Set<string>();
  let mine = mineIds();
  // Items already there when the app started were announced in an earlier session.
  const knownAttention = new Set(store.attention().map((item) => item.id));

  function mineIds(): Set<string> {
    return new Set(store.queue({ view: 'mine', sort: 'age', limit: WATCHED_ROWS }).rows.map((row) => row.id));
  }

  function assignedByOther(caseId: string, me: string): boolean {
    const detail = store.caseDetail(caseId);
    const lastAssignment = detail?.events.filter((event) => event.kind === 'assigned').at(-1);
    return lastAssignment === undefined || lastAssignment.actorId !== me;
  }

  return {
    serverChanged(afterBootstrap = false) {
      const me = store.currentUser()?.id;
      const now = mineIds();
      if (me !== undefined && !afterBootstrap) {
        for (const caseId of now) {
          if (!mine.has(caseId) && assignedByOther(caseId, me)) emit('notify', { kind: 'case_assigned', caseId });
        }
      }
      mine = now;
    },
    attentionChanged() {
      for (const item of store.attention()) {
        if (knownAttention.has(item.id)) continue;
        knownAttention.add(item.id);
        if (item.mutationName === 'case.reply') emit('notify', { kind: 'reply_rejected', caseId: item.caseId });
      }
    },
    checkSla() {
      const serverNow = clock.now() + store.getSyncState().serverOffsetMs;
      const rows = store.queue({ view: 'mine', sort: 'sla', limit: WATCHED_ROWS }).rows;
      for (const row of rows) {
        if (row.slaDueAt === null || row.status === 'pending_customer' || row.status === 'on_hold') continue;
        const dueMs = Date.parse(row.slaDueAt);
        if (dueMs - serverNow > SLA_WARNING_AHEAD_MS) break;
        const kind = dueMs <= serverNow ? 'sla_breached' : 'sla_warning';
        const key = `${row.id}:${kind}:${row.slaDueAt}`;
        if (warned.has(key)) continue;
        warned.add(key);
        emit('notify', { kind, caseId: row.id });
      }
    },
  };
}

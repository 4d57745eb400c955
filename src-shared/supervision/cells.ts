import type { Case } from '../domain/case';
import { DONE_STATUSES } from '../domain/caseStatus';

/** SLA due times are counted in 15-minute slots, so counts against "now" are prefix sums (SUPERVISION.md). */
export const DUE_SLOT_MS = 15 * 60_000;
/** The slot of a case without a running deadline (paused, or no target). */
export const NO_DUE_SLOT = -1;

export const dueSlotOf = (dueMs: number): number => Math.floor(dueMs / DUE_SLOT_MS);

/** The language a case is answered in, without its region: a de-AT case and a de-DE agent match. */
export const languageOf = (locale: string): string => locale.split('-')[0] ?? locale;

export const isOpenCase = (c: Case): boolean => !DONE_STATUSES.includes(c.status) && c.mergedIntoId === null;

/** What one case adds to the rollups: its cell, its due slot and its assignee; null for a case that is not open. */
export interface RollupContribution {
  teamId: string;
  market: string;
  language: string;
  caseType: string;
  dueSlot: number;
  assigneeId: string | null;
}

/** The twin of the SQL in src-server/supervision/rollups.ts (rollupFromRowsSql); the consistency check compares them. */
export function contributionOf(c: Case): RollupContribution | null {
  if (!isOpenCase(c)) return null;
  return {
    teamId: c.teamId,
    market: c.customer.market,
    language: languageOf(c.locale),
    caseType: c.type,
    dueSlot: c.slaDueAt === null ? NO_DUE_SLOT : dueSlotOf(Date.parse(c.slaDueAt)),
    assigneeId: c.assigneeId,
  };
}

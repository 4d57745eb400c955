import type { CaseDetail, CaseRow } from '../../../src-shared/contract/workstation';
import { DONE_STATUSES, PAUSED_STATUSES } from '../../../src-shared/domain/caseStatus';
import type { Team } from '../../../src-shared/domain/user';
import { caseSlaDueAt, heldSlaTimeline } from '../../../src-shared/sla';

/**
 * The next SLA deadline of a case as the agent sees it, unsent status changes included, computed the way
 * the server computes Case.slaDueAt (src-server/sync/slaDue.ts): default policies, the team's and the
 * customer market's calendars, server events and accepted messages. Null when nothing is running.
 */
export function visibleSlaDue(
  detail: CaseDetail,
  teams: readonly Team[],
  serverOffsetMs: number,
  serverNowMs: number,
): string | null {
  const c = detail.case;
  if (PAUSED_STATUSES.includes(c.status) || DONE_STATUSES.includes(c.status)) return null;
  const team = teams.find((candidate) => candidate.id === c.teamId);
  if (team === undefined) return c.slaDueAt;
  return caseSlaDueAt(heldSlaTimeline(detail, serverOffsetMs, serverNowMs), c, team, serverNowMs);
}

/**
 * Queue rows whose unsent status change resumed a paused case carry no deadline (the optimistic row
 * cannot compute one): they get the deadline the server will compute, so the countdown runs at once.
 */
export function withVisibleDeadlines<R extends CaseRow>(
  rows: readonly R[],
  detailOf: (caseId: string) => CaseDetail | null,
  teams: () => readonly Team[],
  serverOffsetMs: number,
  serverNowMs: number,
): R[] {
  let teamList: readonly Team[] | null = null;
  return rows.map((row) => {
    if (
      !row.hasPendingChanges ||
      row.slaDueAt !== null ||
      PAUSED_STATUSES.includes(row.status) ||
      DONE_STATUSES.includes(row.status)
    )
      return row;
    const detail = detailOf(row.id);
    if (detail === null) return row;
    teamList ??= teams();
    return { ...row, slaDueAt: visibleSlaDue(detail, teamList, serverOffsetMs, serverNowMs) };
  });
}

import type { CaseDetail, CaseRow } from '../../../src-shared/contract/workstation';
import { DONE_STATUSES, PAUSED_STATUSES } from '../../../src-shared/domain/caseStatus';
import type { Team } from '../../../src-shared/domain/user';
import { caseSlaDueAt, slaTimelineFromCase } from '../../../src-shared/sla';
import { withVisibleStatus } from '../../../src-shared/sla/optimisticTimeline';

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
  const server = slaTimelineFromCase({
    createdAt: c.createdAt,
    events: detail.events,
    messages: detail.messages.filter((m) => !m.isPending),
  });
  const timeline = detail.pendingMutationCount > 0 ? withVisibleStatus(server, c, serverOffsetMs, serverNowMs) : server;
  try {
    return caseSlaDueAt(timeline, c, team, serverNowMs);
  } catch {
    // A market without a pack: the server falls back to its placeholder, which arrives with the next pull.
    return c.slaDueAt;
  }
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

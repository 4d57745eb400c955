import type { CaseStatus } from '../domain/caseStatus';
import type { SlaTimeline } from './evaluate';

export interface VisibleStatus {
  status: CaseStatus;
  /** When the agent changed it, on the agent's clock (a pending change has no server time yet). */
  statusChangedAt: string;
}

/**
 * The server's SLA timeline with the status the agent sees on top: a status change still waiting in
 * the outbox (offline "waiting on customer") pauses or resumes the clocks at once, instead of when the
 * server's status event arrives. The change is placed at the agent's time moved onto the server's clock
 * (serverOffsetMs), never before the server's last known change. Once the server has answered, its
 * timeline ends in the same status and nothing is added; a rejected change leaves the visible status
 * equal to the server's again, so the clocks go back by themselves.
 */
export function withVisibleStatus(
  timeline: SlaTimeline,
  visible: VisibleStatus,
  serverOffsetMs: number,
  serverNowMs: number,
): SlaTimeline {
  const last = timeline.statusChanges.at(-1);
  const serverStatus = last?.status ?? timeline.initialStatus;
  if (serverStatus === visible.status) return timeline;
  const floor = Math.max(Date.parse(timeline.createdAt), last === undefined ? -Infinity : Date.parse(last.at));
  const atMs = Math.max(Math.min(Date.parse(visible.statusChangedAt) + serverOffsetMs, serverNowMs - 1), floor);
  return {
    ...timeline,
    statusChanges: [...timeline.statusChanges, { at: new Date(atMs).toISOString(), status: visible.status }],
  };
}

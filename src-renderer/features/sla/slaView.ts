import type { CaseDetail } from '../../../src-shared/contract/workstation';
import type { Team } from '../../../src-shared/domain/user';
import {
  caseSlaSetup,
  DEFAULT_SLA_POLICIES,
  evaluateSla,
  heldSlaTimeline,
  type SlaPolicy,
  type SlaTargetResult,
  type SlaTimeline,
} from '../../../src-shared/sla/index';

/**
 * The SLA engine's view of a case: its creation, status changes and messages, in server time, with a
 * status change still in the outbox applied on top (serverOffsetMs moves the agent's time onto the
 * server's clock), so an offline "waiting on customer" pauses the clocks at once.
 */
export function slaTimelineFor(
  detail: CaseDetail,
  serverOffsetMs = 0,
  serverNowMs = Number.POSITIVE_INFINITY,
): SlaTimeline {
  return heldSlaTimeline(detail, serverOffsetMs, serverNowMs);
}

export type SlaPanelModel =
  { kind: 'no_team' } | { kind: 'ready'; policy: SlaPolicy; targets: SlaTargetResult[]; customerCalendar: boolean };

/**
 * Evaluates the case's SLA targets offline with the shared engine, the same one the server uses for
 * breach detection, so the countdown here and the server's verdict agree.
 */
export function slaPanelModel(
  detail: CaseDetail,
  teams: readonly Team[],
  serverNowMs: number,
  serverOffsetMs = 0,
  policies: readonly SlaPolicy[] = DEFAULT_SLA_POLICIES,
): SlaPanelModel {
  const team = teams.find((candidate) => candidate.id === detail.case.teamId) ?? teams[0];
  if (team === undefined) return { kind: 'no_team' };
  const { policy, calendars, hasCustomerCalendar } = caseSlaSetup(detail.case, team, policies);
  // The panel shows why each deadline is where it is: the one caller that asks for explanations.
  const evaluation = evaluateSla(slaTimelineFor(detail, serverOffsetMs, serverNowMs), policy, calendars, serverNowMs, {
    events: false,
    explain: true,
  });
  return { kind: 'ready', policy, targets: evaluation.targets, customerCalendar: hasCustomerCalendar };
}

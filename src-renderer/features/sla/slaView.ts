import type { CaseDetail } from '../../../src-shared/contract/workstation';
import type { Team } from '../../../src-shared/domain/user';
import { findMarketPack } from '../../../src-shared/markets/index';
import {
  DEFAULT_SLA_POLICIES,
  evaluateSla,
  marketCalendar,
  selectSlaPolicy,
  SlaTimelineSchema,
  type BusinessCalendar,
  type SlaCalendars,
  type SlaPolicy,
  type SlaTargetResult,
  type SlaTimeline,
} from '../../../src-shared/sla/index';
import { CaseStatusSchema } from '../../../src-shared/domain/caseStatus';
import { withVisibleStatus } from '../../../src-shared/sla/optimisticTimeline';

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
  const statusChanges = detail.events
    .filter((event) => event.kind === 'status_changed')
    .flatMap((event) => {
      const to = CaseStatusSchema.safeParse(event.data.to);
      return to.success ? [{ at: event.at, status: to.data }] : [];
    })
    .sort((a, b) => a.at.localeCompare(b.at));
  const first = detail.events.find((event) => event.kind === 'status_changed');
  const initial = CaseStatusSchema.safeParse(first?.data.from);
  const server = SlaTimelineSchema.parse({
    createdAt: detail.case.createdAt,
    initialStatus: statusChanges.length === 0 ? detail.case.status : initial.success ? initial.data : 'new',
    statusChanges,
    // Messages not yet accepted by the server have no server time and cannot satisfy a target yet.
    messages: detail.messages
      .filter((message) => !message.isPending)
      .map((message) => ({ at: message.createdAt, direction: message.direction, authorKind: message.authorKind })),
  });
  return detail.pendingMutationCount > 0 ? withVisibleStatus(server, detail.case, serverOffsetMs, serverNowMs) : server;
}

function teamCalendar(team: Team): BusinessCalendar {
  return {
    id: team.name,
    timeZone: team.timeZone,
    weeklyHours: team.weeklyHours,
    holidayMarket: team.holidayMarket,
    closedDates: [],
  };
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
  const market = detail.case.customer.market;
  const hasPack = findMarketPack(market) !== undefined;
  const calendars: SlaCalendars = {
    team: teamCalendar(team),
    ...(hasPack ? { customer: marketCalendar(market, detail.case.customer.region) } : {}),
  };
  const policy = selectSlaPolicy(policies, { caseType: detail.case.type, priority: detail.case.priority, market });
  // A target counted in the customer's market needs its pack; without one the team calendar stands in.
  const usable: SlaPolicy = hasPack
    ? policy
    : { ...policy, targets: policy.targets.map((target) => ({ ...target, calendar: 'team' })) };
  const evaluation = evaluateSla(slaTimelineFor(detail, serverOffsetMs, serverNowMs), usable, calendars, serverNowMs, {
    events: false,
  });
  return { kind: 'ready', policy: usable, targets: evaluation.targets, customerCalendar: hasPack };
}

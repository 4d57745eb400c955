import type { Case } from '../domain/case';
import type { Team } from '../domain/user';
import { findMarketPack } from '../markets/index';
import { marketCalendar, type BusinessCalendar, type SlaCalendars } from './calendar';
import { DEFAULT_SLA_POLICIES } from './defaultPolicies';
import { nextSlaDueAt, type ServerNow, type SlaTimeline } from './evaluate';
import { selectSlaPolicy, type SlaPolicy } from './policy';

type CaseFacts = Pick<Case, 'type' | 'priority'> & { customer: Pick<Case['customer'], 'market' | 'region'> };

/** A team's business calendar. Its id is the team's id, everywhere. */
export function teamCalendar(team: Team): BusinessCalendar {
  return {
    id: team.id,
    timeZone: team.timeZone,
    weeklyHours: team.weeklyHours,
    holidayMarket: team.holidayMarket,
    closedDates: [],
  };
}

export interface CaseSlaSetup {
  policy: SlaPolicy;
  calendars: SlaCalendars;
  /** False when the customer's market has no pack: targets counted in its calendar use the team's. */
  hasCustomerCalendar: boolean;
}

/**
 * The policy and calendars every SLA evaluation of a case uses: the server's Case.slaDueAt, the SLA panel,
 * the queue countdown and the demo data. The customer market's calendar includes the customer's region;
 * a market without a pack has no calendar, and the team's stands in for it.
 */
export function caseSlaSetup(
  c: CaseFacts,
  team: Team,
  policies: readonly SlaPolicy[] = DEFAULT_SLA_POLICIES,
): CaseSlaSetup {
  const market = c.customer.market;
  const policy = selectSlaPolicy(policies, { caseType: c.type, priority: c.priority, market });
  if (findMarketPack(market) === undefined) {
    return {
      policy: { ...policy, targets: policy.targets.map((target) => ({ ...target, calendar: 'team' })) },
      calendars: { team: teamCalendar(team) },
      hasCustomerCalendar: false,
    };
  }
  return {
    policy,
    calendars: { team: teamCalendar(team), customer: marketCalendar(market, c.customer.region) },
    hasCustomerCalendar: true,
  };
}

/**
 * Case.slaDueAt as every part of Crossdesk computes it: the earliest deadline of the running targets,
 * from the case's timeline (slaTimelineFromCase) under caseSlaSetup. No explanation is built.
 */
export function caseSlaDueAt(timeline: SlaTimeline, c: CaseFacts, team: Team, now: ServerNow): string | null {
  const { policy, calendars } = caseSlaSetup(c, team);
  return nextSlaDueAt(timeline, policy, calendars, now);
}

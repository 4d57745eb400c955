import type { Case } from '../domain/case';
import type { Team } from '../domain/user';
import { marketCalendar } from './calendar';
import { DEFAULT_SLA_POLICIES } from './defaultPolicies';
import { nextSlaDueAt, type ServerNow, type SlaTimeline } from './evaluate';
import { selectSlaPolicy } from './policy';

type CaseFacts = Pick<Case, 'type' | 'priority'> & { customer: Pick<Case['customer'], 'market'> };

/**
 * Case.slaDueAt as every part of Crossdesk computes it: the default policy for the case, the team's
 * business calendar and the customer market's. The server, the desktop (offline status changes) and the
 * demo generator call this one function so their deadlines agree. Throws when the engine cannot evaluate
 * the case (a market without a pack); each caller has its own fallback.
 */
export function caseSlaDueAt(timeline: SlaTimeline, c: CaseFacts, team: Team, now: ServerNow): string | null {
  return nextSlaDueAt(
    timeline,
    selectSlaPolicy(DEFAULT_SLA_POLICIES, { caseType: c.type, priority: c.priority, market: c.customer.market }),
    {
      team: {
        id: team.id,
        timeZone: team.timeZone,
        weeklyHours: team.weeklyHours,
        holidayMarket: team.holidayMarket,
        closedDates: [],
      },
      customer: marketCalendar(c.customer.market),
    },
    now,
  );
}

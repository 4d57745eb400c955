import type { Case, CaseEvent, Message } from '../domain/case';
import type { Team } from '../domain/user';
import { caseSlaDueAt, slaTimelineFromCase } from '../sla';
import { placeholderSlaDueAt } from './placeholderSla';

/**
 * Case.slaDueAt for a generated case, exactly as the server computes it (caseSlaDueAt over
 * slaTimelineFromCase of its events and messages). Falls back to the calendar-hours placeholder only if
 * the engine cannot evaluate the case.
 */
export function demoSlaDueAt(
  c: Case,
  history: { events: readonly CaseEvent[]; messages: readonly Message[] },
  team: Team,
  now: string,
): string | null {
  try {
    return caseSlaDueAt(slaTimelineFromCase({ createdAt: c.createdAt, ...history }), c, team, now);
  } catch {
    return placeholderSlaDueAt(c);
  }
}

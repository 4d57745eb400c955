import type { Case, Message } from '../domain/case';
import type { Team } from '../domain/user';
import { caseSlaDueAt } from '../sla';
import { placeholderSlaDueAt } from './placeholderSla';

/**
 * Case.slaDueAt from the shared SLA engine (default policies, the team's business calendar and the
 * customer market's), from the case's status history and conversation as generated. Falls back to the
 * calendar-hours placeholder only if the engine cannot evaluate the case.
 */
export function demoSlaDueAt(c: Case, messages: readonly Message[], team: Team, now: string): string | null {
  try {
    return caseSlaDueAt(
      {
        createdAt: c.createdAt,
        initialStatus: 'new',
        statusChanges: c.status === 'new' ? [] : [{ at: c.statusChangedAt, status: c.status }],
        messages: messages.map((m) => ({ at: m.createdAt, direction: m.direction, authorKind: m.authorKind })),
      },
      c,
      team,
      now,
    );
  } catch {
    return placeholderSlaDueAt(c);
  }
}

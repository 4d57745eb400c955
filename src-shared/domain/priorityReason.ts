import type { CaseEvent } from './case';
import type { CaseType, Priority } from './caseType';

/**
 * Case types whose urgency comes with the type itself: a privacy request runs against a statutory answer
 * deadline, a payment problem holds the customer's money, a complaint is a formal escalation.
 */
const URGENT_BY_TYPE = {
  privacy_request: 'statutoryDeadline',
  payment_issue: 'moneyHeld',
  complaint: 'complaint',
} as const satisfies Partial<Record<CaseType, string>>;

type TypeReason = (typeof URGENT_BY_TYPE)[keyof typeof URGENT_BY_TYPE];

/** Why a case is high or urgent, so an agent does not have to guess (issue 14 item 4). */
export type PriorityReason =
  { kind: 'changed'; actorId: string | null; at: string } | { kind: TypeReason } | { kind: 'atIntake' };

export function isRaisedPriority(priority: Priority): boolean {
  return priority === 'high' || priority === 'urgent';
}

function hasTypeReason(type: CaseType): type is keyof typeof URGENT_BY_TYPE {
  return type in URGENT_BY_TYPE;
}

/**
 * The reason for a high or urgent priority, or null for low and normal. Someone who set the priority to
 * what it is now is the reason; else the case type, when the type carries urgency; else the priority came
 * with the case and nobody has changed it. Queue rows carry no events and get the last two only.
 */
export function priorityReason(
  caseFacts: { type: CaseType; priority: Priority },
  events: readonly CaseEvent[] = [],
): PriorityReason | null {
  if (!isRaisedPriority(caseFacts.priority)) return null;
  const lastChange = events
    .filter((event) => event.kind === 'priority_changed')
    .reduce<CaseEvent | null>((latest, event) => (latest === null || event.at >= latest.at ? event : latest), null);
  if (lastChange !== null && lastChange.data.to === caseFacts.priority)
    return { kind: 'changed', actorId: lastChange.actorId, at: lastChange.at };
  if (hasTypeReason(caseFacts.type)) return { kind: URGENT_BY_TYPE[caseFacts.type] };
  return { kind: 'atIntake' };
}

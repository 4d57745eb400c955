import type { Case } from '../domain/case';
import type { CaseType, Priority } from '../domain/caseType';

/**
 * Stand-in for the SLA engine (src-shared/sla) until demo data switches to it: the deadline is the
 * next reply owed, counted in calendar hours. Targets follow SEED.md (reply within 24 h) and the
 * tighter marketplace norms in markets.md 0.1 for money problems. Paused and finished cases owe nothing.
 */
const REPLY_HOURS: Readonly<Record<CaseType, number>> = {
  return_refund: 24,
  exchange: 24,
  repair_warranty: 48,
  complaint: 12,
  price_protection: 48,
  privacy_request: 72,
  payment_issue: 8,
  inquiry: 24,
};
const PRIORITY_FACTOR: Readonly<Record<Priority, number>> = { low: 1.5, normal: 1, high: 0.5, urgent: 0.25 };

export function placeholderSlaDueAt(
  c: Pick<Case, 'type' | 'priority' | 'status' | 'createdAt' | 'firstRepliedAt' | 'lastCustomerMessageAt'>,
): string | null {
  if (c.status !== 'new' && c.status !== 'open') return null;
  const from = c.firstRepliedAt === null ? c.createdAt : (c.lastCustomerMessageAt ?? c.createdAt);
  return new Date(Date.parse(from) + REPLY_HOURS[c.type] * PRIORITY_FACTOR[c.priority] * 3_600_000).toISOString();
}

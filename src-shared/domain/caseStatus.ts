import { z } from 'zod';

export const CASE_STATUSES = ['new', 'open', 'pending_customer', 'on_hold', 'solved', 'closed'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/**
 * The legal status transitions, enforced by the server and mirrored by the client for optimistic updates.
 * closed is terminal (a customer writing again opens a follow-up case); solved can be reopened.
 */
export const STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['open', 'pending_customer', 'on_hold', 'solved'],
  open: ['pending_customer', 'on_hold', 'solved'],
  pending_customer: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending_customer', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** What `case.setStatus` accepts: a legal transition, or the status the case already has (a no-op, not a refusal). */
export function acceptsStatus(from: CaseStatus, to: CaseStatus): boolean {
  return from === to || canTransition(from, to);
}

/** Statuses in which SLA clocks stop, because the case waits on someone other than the team. */
export const PAUSED_STATUSES: readonly CaseStatus[] = ['pending_customer', 'on_hold'];
export const DONE_STATUSES: readonly CaseStatus[] = ['solved', 'closed'];

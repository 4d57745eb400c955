import type { Case, CaseEvent } from '../domain/case';
import { DONE_STATUSES, PAUSED_STATUSES, type CaseStatus } from '../domain/caseStatus';
import type { EventDraft, RuleContext } from './ruleTypes';

/** A changed copy of a case: its version goes up by one and updatedAt to now, once per mutation. */
export function edited(c: Case, ctx: RuleContext, change: Partial<Case>): Case {
  return { ...c, ...change, version: c.version + 1, updatedAt: ctx.now };
}

export function eventOn(c: Case, ctx: RuleContext, kind: CaseEvent['kind'], data: CaseEvent['data']): EventDraft {
  return { caseId: c.id, kind, actorId: ctx.actor.id, at: ctx.now, data };
}

/**
 * The fields a status change sets. A paused or finished case has no running deadline; the server computes
 * the real one from the timeline after every change, the desk shows this until it arrives.
 */
export function statusFields(to: CaseStatus, ctx: RuleContext): Partial<Case> {
  const stopsClocks = DONE_STATUSES.includes(to) || PAUSED_STATUSES.includes(to);
  return stopsClocks
    ? { status: to, statusChangedAt: ctx.now, slaDueAt: null }
    : { status: to, statusChangedAt: ctx.now };
}

/** Follows merges to the surviving case; a chain longer than a few hops means corrupt data, not a redirect. */
export function survivingCase(c: Case, ctx: RuleContext): Case | undefined {
  let current = c;
  for (let hop = 0; hop < 8 && current.mergedIntoId !== null; hop++) {
    const next = ctx.caseById(current.mergedIntoId);
    if (!next) return undefined;
    current = next;
  }
  return current.mergedIntoId === null ? current : undefined;
}

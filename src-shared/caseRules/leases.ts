import type { Case } from '../domain/case';
import { DONE_STATUSES } from '../domain/caseStatus';
import { isManagerOf } from './caseAccess';
import { edited } from './caseEdits';
import { caseDone } from './reply';
import { applied, refuse, refused, type CaseRule, type RuleOutcome } from './ruleTypes';

/** SUPERVISION.md leases: an agent keeps at most this many cases for offline work. */
export const PIN_LIMIT = 5;
/** A pin lasts at most this long, and ends this long before the case's SLA due time. */
export const PIN_MAX_MS = 8 * 3_600_000;
export const PIN_DUE_BUFFER_MS = 30 * 60_000;

/** Why a case went back to the team's queue without a supervisor choosing an agent. */
export type ReleaseReason = 'lease_expired' | 'lease_broken';

/** The case back in its team's queue: no assignee, no pin, the assignment version moved on. */
function released(subject: Case, now: string, reason: ReleaseReason, actorId: string | null): RuleOutcome {
  return applied({
    cases: [
      {
        ...subject,
        assigneeId: null,
        assigneeVersion: subject.assigneeVersion + 1,
        heldOffline: null,
        version: subject.version + 1,
        updatedAt: now,
      },
    ],
    events: [
      { caseId: subject.id, kind: 'assigned', actorId, at: now, data: { from: subject.assigneeId, to: null, reason } },
    ],
  });
}

/** When a pin taken now ends: the earlier of PIN_MAX_MS and the due time less the buffer; null if that is already past. */
export function pinUntil(subject: Case, nowIso: string): string | null {
  const now = Date.parse(nowIso);
  const byDue = subject.slaDueAt === null ? Number.POSITIVE_INFINITY : Date.parse(subject.slaDueAt) - PIN_DUE_BUFFER_MS;
  const until = Math.min(now + PIN_MAX_MS, byDue);
  return until > now ? new Date(until).toISOString() : null;
}

/** The assignee keeps the case through a disconnect, up to PIN_LIMIT cases and never past its due time. */
export const pinRule: CaseRule<'case.pin@1'> = {
  readsPins: true,
  permit: (subject, _args, ctx) =>
    ctx.actor.role === 'agent' && subject.assigneeId === ctx.actor.id
      ? null
      : refuse('FORBIDDEN', 'pin_not_assignee', 'only the assignee may pin a case', { caseId: subject.id }),
  decide(subject, _args, ctx) {
    if (DONE_STATUSES.includes(subject.status)) return refused(caseDone(subject));
    if (subject.heldOffline?.by === ctx.actor.id) return applied();
    // The desk does not count the pins it holds; the server does, and its refusal reaches the agent.
    if ((ctx.pinnedCaseCount?.(ctx.actor.id) ?? 0) >= PIN_LIMIT)
      return refused(
        refuse(
          'INVALID_ARGS',
          'pin_limit_reached',
          `at most ${PIN_LIMIT} cases may be pinned`,
          { limit: PIN_LIMIT },
          { limit: PIN_LIMIT },
        ),
      );
    const until = pinUntil(subject, ctx.now);
    if (until === null)
      return refused(
        refuse('INVALID_ARGS', 'pin_due_too_soon', 'the case is due too soon to pin', { caseId: subject.id }),
      );
    return applied({ cases: [edited(subject, ctx, { heldOffline: { by: ctx.actor.id, until } })] });
  },
};

/** The assignee, or a supervisor of the team, ends a pin: the case keeps its assignee. */
export const unpinRule: CaseRule<'case.unpin@1'> = {
  permit: (subject, _args, ctx) =>
    subject.assigneeId === ctx.actor.id || isManagerOf(ctx.actor, subject)
      ? null
      : refuse('FORBIDDEN', 'pin_not_assignee', 'only the assignee or a supervisor may unpin a case', {
          caseId: subject.id,
        }),
  decide: (subject, _args, ctx) =>
    subject.heldOffline ? applied({ cases: [edited(subject, ctx, { heldOffline: null })] }) : applied(),
};

/** A supervisor ends an agent's lease or pin: the case returns to the team's queue. */
export const breakLeaseRule: CaseRule<'case.breakLease@1'> = {
  permit: (subject, _args, ctx) =>
    isManagerOf(ctx.actor, subject)
      ? null
      : refuse('FORBIDDEN', 'lease_supervisor_only', 'only a supervisor of the team may break a lease', {
          caseId: subject.id,
        }),
  decide(subject, _args, ctx) {
    if (subject.assigneeId === null && !subject.heldOffline) return applied();
    return released(subject, ctx.now, 'lease_broken', ctx.actor.id);
  },
};

/**
 * The server's lease sweep: the assignee's desk has been silent past the disconnect timeout and the grace
 * period, and the case is not pinned (or its pin ended), so it returns to the team's queue. No one asked:
 * the event has no actor. `now` is the server's time.
 */
export function expireLease(subject: Case, now: string): RuleOutcome {
  if (subject.assigneeId === null || DONE_STATUSES.includes(subject.status)) return applied();
  if (subject.heldOffline && Date.parse(subject.heldOffline.until) > Date.parse(now)) return applied();
  return released(subject, now, 'lease_expired', null);
}

import type { Case } from '../domain/case';
import { DONE_STATUSES } from '../domain/caseStatus';
import { isManagerOf, worksQueueOf } from './caseAccess';
import { edited, eventOn } from './caseEdits';
import { caseDone } from './reply';
import { applied, notPermitted, refuse, refused, type RuleContext, type RuleOutcome, type CaseRule } from './ruleTypes';

function assigned(subject: Case, to: string | null, ctx: RuleContext): RuleOutcome {
  return applied({
    // A pin belongs to the agent who took it: it ends with their hold on the case.
    cases: [
      edited(subject, ctx, {
        assigneeId: to,
        assigneeVersion: subject.assigneeVersion + 1,
        ...(subject.heldOffline ? { heldOffline: null } : {}),
      }),
    ],
    events: [eventOn(subject, ctx, 'assigned', { from: subject.assigneeId, to })],
  });
}

/**
 * An agent takes an unassigned case of their team; a supervisor may take over an assigned one. Either way
 * the assignee must still be the one the taker saw (base.assigneeVersion): someone else may have got there first.
 */
export const takeRule: CaseRule<'case.take@1'> = {
  permit: (subject, _args, ctx) => (worksQueueOf(ctx.actor, subject) ? null : notPermitted(subject.id)),
  decide(subject, _args, ctx) {
    if (subject.assigneeId === ctx.actor.id) return applied();
    if (DONE_STATUSES.includes(subject.status)) return refused(caseDone(subject));
    if (
      ctx.base.assigneeVersion !== subject.assigneeVersion ||
      (ctx.actor.role === 'agent' && subject.assigneeId !== null)
    ) {
      return refused(
        refuse('ASSIGNMENT_CHANGED', 'assignment_taken', 'someone else got there first', {
          assigneeId: subject.assigneeId,
          assigneeVersion: subject.assigneeVersion,
        }),
      );
    }
    return assigned(subject, ctx.actor.id, ctx);
  },
};

/** A supervisor of the case's team assigns it to a member of that team, or back to the team's queue (null). */
export const assignRule: CaseRule<'case.assign@1'> = {
  readsTeamMembers: true,
  permit: (subject, _args, ctx) =>
    isManagerOf(ctx.actor, subject)
      ? null
      : refuse('FORBIDDEN', 'assign_supervisor_only', 'only a supervisor of the team may assign', {
          caseId: subject.id,
        }),
  decide(subject, args, ctx) {
    if (subject.assigneeId === args.to) return applied();
    if (args.to !== null && !ctx.teamMembers(subject.teamId).includes(args.to)) {
      return refused(
        refuse('INVALID_ARGS', 'assignee_not_in_team', "the assignee is not a member of the case's team", {
          to: args.to,
          teamId: subject.teamId,
        }),
      );
    }
    return assigned(subject, args.to, ctx);
  },
};

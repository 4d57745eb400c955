import { DONE_STATUSES } from '../domain/caseStatus';
import { assignRule } from './assignment';
import { isManagerOf } from './caseAccess';
import { caseDone } from './reply';
import { refuse, refused, type CaseRule } from './ruleTypes';

/**
 * A supervisor's reassignment from the console (case.assign@2), one case of a selection at a time: to a
 * member of the case's team or back to its queue, with an optional reason kept on the case's event. Unlike
 * case.assign@1 it is refused, rather than applied over someone else's move, when the assignee changed after
 * the supervisor saw the case (base.assigneeVersion): offline or in a crowded minute, the supervisor decides
 * again instead of undoing a colleague's work. A done case stays where it is.
 */
export const reassignRule: CaseRule<'case.assign@2'> = {
  readsTeamMembers: true,
  permit(subject, args, ctx) {
    if (ctx.actor.role === 'supervisor' && !isManagerOf(ctx.actor, subject))
      return refuse('FORBIDDEN', 'outside_supervisor_teams', "the case is not in one of the supervisor's teams", {
        caseId: subject.id,
      });
    return assignRule.permit(subject, { caseId: args.caseId, to: args.to }, ctx);
  },
  decide(subject, args, ctx) {
    if (subject.assigneeId === args.to) return assignRule.decide(subject, { caseId: args.caseId, to: args.to }, ctx);
    if (DONE_STATUSES.includes(subject.status)) return refused(caseDone(subject));
    const seen = ctx.base.assigneeVersion;
    if (seen !== undefined && seen !== subject.assigneeVersion) {
      return refused(
        refuse('ASSIGNMENT_CHANGED', 'assignment_changed_meanwhile', 'the case was reassigned after it was selected', {
          assigneeId: subject.assigneeId,
          assigneeVersion: subject.assigneeVersion,
        }),
      );
    }
    const outcome = assignRule.decide(subject, { caseId: args.caseId, to: args.to }, ctx);
    if (outcome.status !== 'applied' || args.reason === undefined) return outcome;
    const { reason } = args;
    return {
      ...outcome,
      events: outcome.events.map((event) =>
        event.kind === 'assigned' ? { ...event, data: { ...event.data, reason } } : event,
      ),
    };
  },
};

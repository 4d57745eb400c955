import { DONE_STATUSES } from '../domain/caseStatus';
import { isManagerOf } from './caseAccess';
import { edited, eventOn, statusFields } from './caseEdits';
import { applied, caseMissing, refuse, refused, type CaseRule } from './ruleTypes';

/**
 * A supervisor of both teams closes a case as a duplicate of another; later replies to it land there.
 * The target must be held (ctx.caseById) before permission can be judged, so a missing one is answered first.
 * A target the desk does not hold may still exist on the server (not pulled yet): the desk then judges and
 * closes only its own case, and the server, which holds every case, judges the target.
 */
export const mergeRule: CaseRule<'case.merge@1'> = {
  permit(subject, args, ctx) {
    if (args.caseId === args.intoId)
      return refuse('INVALID_ARGS', 'merge_into_self', 'a case cannot be merged into itself');
    const into = ctx.caseById(args.intoId);
    if (!into && ctx.holdsEveryCase) return caseMissing(args.intoId);
    if (isManagerOf(ctx.actor, subject) && (!into || isManagerOf(ctx.actor, into))) return null;
    return refuse('FORBIDDEN', 'merge_supervisor_only', 'only a supervisor of both teams may merge', {
      caseId: args.caseId,
      intoId: args.intoId,
    });
  },
  decide(subject, args, ctx) {
    const into = ctx.caseById(args.intoId);
    if (!into && ctx.holdsEveryCase) return refused(caseMissing(args.intoId));
    if (subject.mergedIntoId === args.intoId) return applied();
    if (subject.mergedIntoId !== null || subject.status === 'closed') {
      return refused(
        refuse(
          'INVALID_TRANSITION',
          'merge_source_done',
          'the case is already closed or merged',
          { current: subject.status },
          { status: subject.status },
        ),
      );
    }
    if (into && (into.mergedIntoId !== null || DONE_STATUSES.includes(into.status))) {
      return refused(
        refuse(
          'CASE_CLOSED',
          'merge_target_done',
          'cannot merge into a solved, closed or merged case',
          { intoId: args.intoId, status: into.status },
          { status: into.status },
        ),
      );
    }
    const closed = edited(subject, ctx, { ...statusFields('closed', ctx), mergedIntoId: args.intoId });
    const sourceEvents = [
      eventOn(subject, ctx, 'status_changed', { from: subject.status, to: 'closed' }),
      eventOn(subject, ctx, 'merged', { intoId: args.intoId }),
    ];
    if (!into) return applied({ cases: [closed], events: sourceEvents });
    return applied({
      cases: [closed, edited(into, ctx, {})],
      events: [...sourceEvents, eventOn(into, ctx, 'merged', { fromId: args.caseId })],
    });
  },
};

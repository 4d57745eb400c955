import { acceptsStatus } from '../domain/caseStatus';
import { canActOn } from './caseAccess';
import { edited, eventOn, statusFields } from './caseEdits';
import { applied, notPermitted, refuse, refused, type CaseRule } from './ruleTypes';

/** STATUS_TRANSITIONS decides; asking for the status the case already has changes nothing and is not refused. */
export const setStatusRule: CaseRule<'case.setStatus@1'> = {
  permit: (subject, _args, ctx) => (canActOn(ctx.actor, subject) ? null : notPermitted(subject.id)),
  decide(subject, args, ctx) {
    const from = subject.status;
    if (!acceptsStatus(from, args.to)) {
      return refused(
        refuse(
          'INVALID_TRANSITION',
          'status_transition',
          `a case cannot go from ${from} to ${args.to}`,
          { current: from, to: args.to },
          { from, to: args.to },
        ),
      );
    }
    if (from === args.to) return applied();
    return applied({
      cases: [edited(subject, ctx, statusFields(args.to, ctx))],
      events: [eventOn(subject, ctx, 'status_changed', { from, to: args.to })],
    });
  },
};

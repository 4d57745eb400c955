import type { Case } from '../domain/case';
import type { MutationArgs } from '../sync/mutations';
import { canActOn } from './caseAccess';
import { edited, eventOn } from './caseEdits';
import { applied, notPermitted, type CaseRule } from './ruleTypes';

function fieldChange(args: MutationArgs<'case.setField@1'>): Partial<Case> {
  switch (args.field) {
    case 'priority':
      return { priority: args.value };
    case 'type':
      return { type: args.value };
    case 'locale':
      return { locale: args.value };
    case 'subject':
      return { subject: args.value };
  }
}

/** Priority, type, reply language or subject; setting the value a field has changes nothing. */
export const setFieldRule: CaseRule<'case.setField@1'> = {
  permit: (subject, _args, ctx) => (canActOn(ctx.actor, subject) ? null : notPermitted(subject.id)),
  decide(subject, args, ctx) {
    const from = subject[args.field];
    if (from === args.value) return applied();
    return applied({
      cases: [edited(subject, ctx, fieldChange(args))],
      events: [
        eventOn(subject, ctx, args.field === 'priority' ? 'priority_changed' : 'field_changed', {
          field: args.field,
          from,
          to: args.value,
        }),
      ],
    });
  },
};

import { canActOn } from './caseAccess';
import { edited, eventOn } from './caseEdits';
import { applied, notPermitted, type CaseRule } from './ruleTypes';

/** Adding a tag the case has, or removing one it lacks, changes nothing. */
export const addTagRule: CaseRule<'case.addTag@1'> = {
  permit: (subject, _args, ctx) => (canActOn(ctx.actor, subject) ? null : notPermitted(subject.id)),
  decide(subject, args, ctx) {
    if (subject.tags.includes(args.tag)) return applied();
    return applied({
      cases: [edited(subject, ctx, { tags: [...subject.tags, args.tag] })],
      events: [eventOn(subject, ctx, 'tag_added', { tag: args.tag })],
    });
  },
};

export const removeTagRule: CaseRule<'case.removeTag@1'> = {
  permit: addTagRule.permit,
  decide(subject, args, ctx) {
    if (!subject.tags.includes(args.tag)) return applied();
    return applied({
      cases: [edited(subject, ctx, { tags: subject.tags.filter((tag) => tag !== args.tag) })],
      events: [eventOn(subject, ctx, 'tag_removed', { tag: args.tag })],
    });
  },
};

import type { Note } from '../domain/case';
import { edited } from './caseEdits';
import { landOnSurvivingCase, writablePair } from './reply';
import { applied, type CaseRule } from './ruleTypes';

/** An internal note: allowed on any case the author may write to, done or not; it follows merges as replies do. */
export const addNoteRule: CaseRule<'case.addNote@1'> = {
  createsChild: { entity: 'note', idOf: (args) => args.noteId },
  permit: (subject, _args, ctx) => writablePair(subject, ctx),
  decide: (subject, args, ctx) =>
    landOnSurvivingCase(subject, ctx, (target, redirect) => {
      const note: Note = {
        id: args.noteId,
        caseId: target.id,
        authorId: ctx.actor.id,
        body: args.body,
        createdAt: ctx.now,
        writtenAt: ctx.clientTime,
      };
      return applied({ cases: [edited(target, ctx, {})], notes: [note], ...redirect });
    }),
};

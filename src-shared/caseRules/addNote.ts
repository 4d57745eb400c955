import type { Case, Note } from '../domain/case';
import type { MutationArgs } from '../sync/mutations';
import { attachedFiles } from './attachedFiles';
import { edited } from './caseEdits';
import { landOnSurvivingCase, writablePair } from './reply';
import { applied, refused, type CaseRule, type RuleContext, type RuleOutcome } from './ruleTypes';

/** An internal note: allowed on any case the author may write to, done or not; it follows merges as replies do. */
function decideNote(
  subject: Case,
  args: MutationArgs<'case.addNote@1'> & { attachmentIds?: readonly string[] },
  ctx: RuleContext,
): RuleOutcome {
  return landOnSurvivingCase(subject, ctx, (target, redirect) => {
    const attached = attachedFiles(subject, target, args.attachmentIds ?? [], ctx);
    if ('refusal' in attached) return refused(attached.refusal);
    const note: Note = {
      id: args.noteId,
      caseId: target.id,
      authorId: ctx.actor.id,
      body: args.body,
      createdAt: ctx.now,
      writtenAt: ctx.clientTime,
      ...(attached.files.length > 0 ? { attachments: attached.files } : {}),
    };
    return applied({ cases: [edited(target, ctx, {})], notes: [note], ...redirect });
  });
}

export const addNoteRule: CaseRule<'case.addNote@1'> = {
  createsChild: { entity: 'note', idOf: (args) => args.noteId },
  permit: (subject, _args, ctx) => writablePair(subject, ctx),
  decide: decideNote,
};

/** A note with files uploaded to the case beforehand (an invoice, a return label). */
export const addNoteWithFilesRule: CaseRule<'case.addNote@2'> = {
  createsChild: { entity: 'note', idOf: (args) => args.noteId },
  attachmentIdsOf: (args) => args.attachmentIds,
  permit: (subject, _args, ctx) => writablePair(subject, ctx),
  decide: decideNote,
};

import type { Case, Message } from '../domain/case';
import { DONE_STATUSES } from '../domain/caseStatus';
import type { MutationArgs } from '../sync/mutations';
import { attachedFiles } from './attachedFiles';
import { canWriteTo } from './caseAccess';
import { edited, eventOn, statusFields, survivingCase } from './caseEdits';
import {
  applied,
  caseMissing,
  notPermitted,
  refuse,
  refused,
  type CaseRule,
  type EventDraft,
  type Refusal,
  type RuleContext,
  type RuleOutcome,
} from './ruleTypes';

/** A reply to a merged case lands on the case it was merged into; the sender may write to either. */
export function writablePair(subject: Case, ctx: RuleContext): Refusal | null {
  const target = survivingCase(subject, ctx);
  if (!target) return caseMissing(subject.id);
  return canWriteTo(ctx, subject) || canWriteTo(ctx, target) ? null : notPermitted(subject.id);
}

/**
 * Where a reply or note lands (the case its subject was merged into, if any); a re-sent one is answered at
 * once, applied with the redirect and nothing new. Anything else is for `write` to decide on the target.
 */
export function landOnSurvivingCase(
  subject: Case,
  ctx: RuleContext,
  write: (target: Case, redirect: { redirectedToCaseId?: string }) => RuleOutcome,
): RuleOutcome {
  const target = survivingCase(subject, ctx);
  if (!target) return refused(caseMissing(subject.id));
  const redirect = target.id === subject.id ? {} : { redirectedToCaseId: target.id };
  return ctx.isDuplicate ? applied(redirect) : write(target, redirect);
}

export const caseDone = (c: Case): Refusal =>
  refuse(
    'CASE_CLOSED',
    'case_done',
    `the case is ${c.status}`,
    { caseId: c.id, status: c.status },
    { status: c.status },
  );

/**
 * SYNC.md: a reply to a solved or closed case is refused (it returns to the agent as a draft); a reply to a
 * new case opens it; the first reply sets firstRepliedAt; a reply by someone other than the assignee is
 * recorded, so the assignee learns that someone answered while offline. With @2 it carries files uploaded
 * to the case beforehand.
 */
function decideReply(
  subject: Case,
  args: MutationArgs<'case.reply@1'> & { attachmentIds?: readonly string[] },
  ctx: RuleContext,
): RuleOutcome {
  return landOnSurvivingCase(subject, ctx, (target, redirect) => {
    if (DONE_STATUSES.includes(target.status)) return refused(caseDone(target));
    const attached = attachedFiles(subject, target, args.attachmentIds ?? [], ctx);
    if ('refusal' in attached) return refused(attached.refusal);
    const message: Message = {
      id: args.messageId,
      caseId: target.id,
      direction: 'outbound',
      authorKind: 'agent',
      authorId: ctx.actor.id,
      locale: args.locale,
      channel: target.channel,
      body: args.body,
      createdAt: ctx.now,
      writtenAt: ctx.clientTime,
      deliveryState: 'queued',
      ...(attached.files.length > 0 ? { attachments: attached.files } : {}),
    };
    const events: EventDraft[] = [];
    const opens = target.status === 'new';
    if (opens) events.push(eventOn(target, ctx, 'status_changed', { from: 'new', to: 'open' }));
    if (target.assigneeId !== null && target.assigneeId !== ctx.actor.id) {
      events.push(
        eventOn(target, ctx, 'replied_while_offline', {
          messageId: message.id,
          authorId: ctx.actor.id,
          writtenAt: ctx.clientTime,
        }),
      );
    }
    const next = edited(target, ctx, {
      ...(opens ? statusFields('open', ctx) : {}),
      firstRepliedAt: target.firstRepliedAt ?? ctx.now,
    });
    return applied({ cases: [next], messages: [message], events, ...redirect });
  });
}

export const replyRule: CaseRule<'case.reply@1'> = {
  createsChild: { entity: 'message', idOf: (args) => args.messageId },
  permit: (subject, _args, ctx) => writablePair(subject, ctx),
  decide: decideReply,
};

export const replyWithFilesRule: CaseRule<'case.reply@2'> = {
  createsChild: { entity: 'message', idOf: (args) => args.messageId },
  attachmentIdsOf: (args) => args.attachmentIds,
  permit: (subject, _args, ctx) => writablePair(subject, ctx),
  decide: decideReply,
};

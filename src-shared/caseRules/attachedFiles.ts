import { ATTACHMENT_LIMITS, type Attachment } from '../domain/attachment';
import type { Case } from '../domain/case';
import { refuse, type Refusal, type RuleContext } from './ruleTypes';

/**
 * The files a reply or note attaches, each uploaded to this case (or, for a merged case, to the case it
 * landed on) and together within one message's limit; the same id twice counts once.
 */
export function attachedFiles(
  subject: Case,
  target: Case,
  ids: readonly string[],
  ctx: RuleContext,
): { files: Attachment[] } | { refusal: Refusal } {
  const files: Attachment[] = [];
  for (const id of new Set(ids)) {
    const file = ctx.attachmentById?.(id);
    if (!file || (file.caseId !== subject.id && file.caseId !== target.id))
      return {
        refusal: refuse('INVALID_ARGS', 'attachment_missing', `attachment ${id} is not uploaded to this case`, {
          attachmentId: id,
        }),
      };
    files.push(file);
  }
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (bytes > ATTACHMENT_LIMITS.messageBytes)
    return {
      refusal: refuse(
        'INVALID_ARGS',
        'attachments_too_large',
        `the attachments add up to ${bytes} bytes; one message carries at most ${ATTACHMENT_LIMITS.messageBytes}`,
        { bytes, limit: ATTACHMENT_LIMITS.messageBytes },
      ),
    };
  return { files };
}

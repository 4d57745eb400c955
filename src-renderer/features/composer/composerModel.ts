import type { AttentionItem, CaseDetail } from '../../../src-shared/contract/workstation';
import type { Case } from '../../../src-shared/domain/case';
import { buildReplyContext } from '../../../src-shared/replies/buildReplyContext';
import { builtinSalutations } from '../../../src-shared/replies/builtinLibrary';
import { checkReply } from '../../../src-shared/replies/checkReply';
import type { Finding } from '../../../src-shared/replies/findings';
import { formatLocaleFor } from '../../../src-shared/replies/renderReply';
import type { ReplyContext } from '../../../src-shared/replies/replyContext';
import type { ReplyTemplate } from '../../../src-shared/replies/schema';
import { draftOf, renderSideBySide, type SideBySide } from '../../../src-shared/replies/sideBySide';

export type Writer = { agentName: string; brand: string };

/** Without usable market data (an unknown region, say) replies still render, just without legal deadlines. */
export function replyContextFor(caseRecord: Case, writer: Writer): ReplyContext {
  try {
    return buildReplyContext(caseRecord, writer);
  } catch {
    return buildReplyContext(caseRecord, { ...writer, clocks: [] });
  }
}

/** The reply in the customer's language and in the agent's, rendered from the same case facts. */
export function sideBySideFor(
  template: ReplyTemplate,
  context: ReplyContext,
  locales: { customer: string; agent: string },
): SideBySide {
  return renderSideBySide(template, context, locales, { salutations: builtinSalutations() });
}

/**
 * Pre-send findings for the text as the agent edited it. With a canned reply the edited customer text is
 * compared with the agent-language rendering, so a changed amount or order id shows up; free text gets
 * the checks that need no second rendering (placeholders, formality, statutory windows).
 */
export function findingsFor(input: {
  context: ReplyContext;
  text: string;
  locale: string;
  preview: SideBySide | null;
}): Finding[] {
  if (input.text.trim() === '') return [];
  const { context, preview } = input;
  if (preview !== null && preview.customer.resolution.locale === input.locale) {
    return checkReply({ context, customer: draftOf(preview.customer, input.text), agent: draftOf(preview.agent) });
  }
  return checkReply({
    context,
    customer: { locale: input.locale, formatLocale: formatLocaleFor(input.locale, context.market), text: input.text },
  });
}

export function blocksSending(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

export type SendState = 'queued' | 'sent' | 'needs_attention' | 'unknown';

/** What became of a reply the agent sent: still in the outbox, accepted by the server, or refused. */
export function sendState(
  messageId: string,
  detail: CaseDetail | null,
  attention: readonly AttentionItem[],
  rejectedBody: string | null,
): SendState {
  const message = detail?.messages.find((candidate) => candidate.id === messageId);
  if (message?.deliveryState === 'failed') return 'needs_attention';
  if (message !== undefined) return message.isPending ? 'queued' : 'sent';
  // A refused reply is rolled back out of the thread; the attention item keeps its text.
  if (
    attention.some(
      (item) =>
        item.mutationName.startsWith('case.reply') &&
        item.caseId === detail?.case.id &&
        (rejectedBody === null || item.body === rejectedBody),
    )
  )
    return 'needs_attention';
  return 'unknown';
}

import { formatLocaleFor } from './renderReply';
import { PLACEHOLDERS } from './placeholderValues';
import { messagePlaceholders } from './placeholders';
import type { ReplyContext } from './replyContext';
import type { ReplyTemplate } from './schema';

export interface ReplyAvailability {
  available: boolean;
  /**
   * Facts the reply states that this case cannot supply (no tracking number yet, no such legal deadline in
   * the market), and attachments it says are enclosed that the desk cannot make (`returnLabel`).
   */
  missing: string[];
}

const ATTACHMENT_FACT = { return_label: 'returnLabel' } as const;

/**
 * Whether a reply can be sent for this case as it stands: the composer greys out replies that would
 * quote a deadline the customer's law does not have (Japan has no statutory privacy deadline) or a
 * fact the case does not hold yet, and does not offer a reply that says a label is attached while the
 * desk cannot attach one.
 */
export function replyAvailability(template: ReplyTemplate, context: ReplyContext): ReplyAvailability {
  const source = template.variants[template.sourceLocale];
  if (!source) return { available: false, missing: [] };
  const locale = formatLocaleFor(template.sourceLocale, context.market);
  const names = [source.body, source.subject].flatMap((message) =>
    message === undefined ? [] : messagePlaceholders(message),
  );
  const missing = [...new Set(names)].filter((name) => {
    const spec = PLACEHOLDERS[name];
    return spec !== undefined && spec.kind !== 'greeting' && spec.value(context, locale) === undefined;
  });
  missing.push(...attachmentsMissing(template, context));
  return { available: missing.length === 0, missing };
}

/** Attachments the reply says are enclosed that this desk cannot make; such a reply is not offered at all. */
export function attachmentsMissing(template: ReplyTemplate, context: Pick<ReplyContext, 'attachments'>): string[] {
  return (template.needs ?? [])
    .filter((need) => !context.attachments?.includes(need))
    .map((need) => ATTACHMENT_FACT[need]);
}

import { formatLocaleFor } from './renderReply';
import { PLACEHOLDERS } from './placeholderValues';
import { messagePlaceholders } from './placeholders';
import type { ReplyContext } from './replyContext';
import type { ReplyTemplate } from './schema';

export interface ReplyAvailability {
  available: boolean;
  /** Facts the reply states that this case cannot supply (no tracking number yet, no such legal deadline in the market). */
  missing: string[];
}

/**
 * Whether a reply can be sent for this case as it stands: the composer greys out replies that would
 * quote a deadline the customer's law does not have (Japan has no statutory privacy deadline) or a
 * fact the case does not hold yet.
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
  return { available: missing.length === 0, missing };
}

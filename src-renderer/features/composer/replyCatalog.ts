import type { CaseType } from '../../../src-shared/domain/caseType';
import { describeReply, findReplies } from '../../../src-shared/replies/replyLibrary';
import { resolveLocale } from '../../../src-shared/replies/localeFallback';
import { attachmentsMissing } from '../../../src-shared/replies/replyAvailability';
import type { ReplyContext } from '../../../src-shared/replies/replyContext';
import type { ReplyLibrary, ReplyTemplate } from '../../../src-shared/replies/schema';

export type ReplyOption = {
  id: string;
  title: string;
  purpose: string;
  situation: ReplyTemplate['situation'];
  /** The variant the customer would get, and whether it is their language or a fallback. */
  customerVariant: string;
  isCustomerLanguage: boolean;
  template: ReplyTemplate;
};

function normalize(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

/**
 * The canned replies that fit this case: its type, searched by purpose and title in the agent's language
 * (and in English, and by situation id, so "refund" finds a reply whatever the UI language). Replies that
 * exist in the customer's language come first; the others say which language the customer would get.
 */
export function replyOptions(
  library: ReplyLibrary,
  input: {
    caseType: CaseType;
    customerLocale: string;
    uiLanguage: string;
    query: string;
    /** The case's reply context: a reply saying a label is attached is not offered while none can be. */
    context?: Pick<ReplyContext, 'attachments'>;
  },
): ReplyOption[] {
  const words = normalize(input.query).split(/\s+/).filter(Boolean);
  const { context } = input;
  const offered = findReplies(library, { caseType: input.caseType }).filter(
    (template) => context === undefined || attachmentsMissing(template, context).length === 0,
  );
  const options = offered.map((template): ReplyOption => {
    const described = describeReply(template, input.uiLanguage);
    const resolution = resolveLocale(input.customerLocale, Object.keys(template.variants));
    return {
      id: template.id,
      title: described.title,
      purpose: described.purpose,
      situation: template.situation,
      customerVariant: resolution.locale,
      isCustomerLanguage: !resolution.usedFallback || resolution.sameLanguage,
      template,
    };
  });
  const matching = options.filter((option) => {
    if (words.length === 0) return true;
    const haystack = normalize(
      [
        option.title,
        option.purpose,
        option.situation.replaceAll('_', ' '),
        option.template.title.en ?? '',
        option.template.purpose.en ?? '',
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
  return matching.sort(
    (a, b) =>
      Number(b.isCustomerLanguage) - Number(a.isCustomerLanguage) || a.title.localeCompare(b.title, input.uiLanguage),
  );
}

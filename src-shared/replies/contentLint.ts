import type IntlMessageFormat from 'intl-messageformat';
import { compiledMessage } from './compiledMessage';
import { colloquialMarkers } from './formalityCheck';
import { language } from './localeFallback';
import { PLACEHOLDERS } from './placeholderValues';
import type { ReplyContext } from './replyContext';
import type { ReplyTemplate } from './schema';
import { daySentences } from './statutoryWindowCheck';

type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];

/** The classes of content error the native review of issue 13 found; each is checked on every variant. */
export type ContentRule =
  | 'statutory_period_counted'
  | 'statutory_days_in_text'
  | 'plural_category_missing'
  | 'plural_branch_without_number'
  | 'count_outside_plural'
  | 'particle_after_placeholder'
  | 'colloquial_marker'
  | 'time_bound_word'
  | 'repeated_intensifier';

export interface ContentProblem {
  /** A reply id, or a scenario id for training texts. */
  textId: string;
  locale: string;
  rule: ContentRule;
  detail: string;
}

/**
 * Statutory periods are quoted as the date the rights calculator computed ({refundDue}, {withdrawalEnds}),
 * never counted in the text: a count says nothing about when the period starts (the refund period runs
 * from the withdrawal notice, not from the parcel's arrival) and which days count.
 */
const STATUTORY_PERIOD_COUNTS = ['withdrawalDays', 'refundDays'];

/**
 * Korean particles whose form depends on the last sound of the word before them (을/를, 이/가, 은/는,
 * 과/와, 으로/로, 이며/며 ...). After a placeholder the writer cannot know that sound, so the text must be
 * rephrased; particles that never change (의, 에, 에서, 까지, 부터, 께, 도, 만) are fine.
 */
const KOREAN_VARIABLE_PARTICLE =
  /^(?:으로|이며|이고|이나|이라|이랑|이에요|예요|이란|을|를|이|가|은|는|과|와|로|며|고|나|라|랑|란)(?![가-힣])/u;

/** Words that tie a text to the day it was written; a canned reply may be sent on any day. */
const TIME_BOUND: Readonly<Record<string, RegExp>> = {
  ja: /本日|今日中/u,
};

/** Intensifiers that read as boilerplate when repeated within one short message. */
const INTENSIFIER: Readonly<Record<string, RegExp>> = {
  ja: /誠に/gu,
};

const NUMBERS = Array.from({ length: 201 }, (_, n) => n);

function pluralCategoriesOf(locale: string): Map<string, number[]> {
  const rules = new Intl.PluralRules(locale);
  const byCategory = new Map<string, number[]>();
  for (const category of rules.resolvedOptions().pluralCategories) byCategory.set(category, []);
  for (const n of NUMBERS) byCategory.get(rules.select(n))?.push(n);
  return byCategory;
}

function containsPound(elements: readonly MessageElement[]): boolean {
  return elements.some(
    (element) =>
      element.type === 7 ||
      ('options' in element && Object.values(element.options).some((option) => containsPound(option.value))),
  );
}

/** Problems with the ICU structure of one message: plurals and where counts stand. */
function structureProblems(message: string, locale: string): { rule: ContentRule; detail: string }[] {
  const problems: { rule: ContentRule; detail: string }[] = [];
  const categories = pluralCategoriesOf(locale);
  const lang = language(locale);
  const walk = (elements: readonly MessageElement[]): void => {
    elements.forEach((element, index) => {
      const name = 'value' in element && typeof element.value === 'string' ? element.value : '';
      if ((element.type === 1 || element.type === 2) && PLACEHOLDERS[name]?.kind === 'count' && categories.size > 1) {
        problems.push({
          rule: 'count_outside_plural',
          detail: `{${name}} is written as a bare number; a counted noun needs a plural with every ${locale} category`,
        });
      }
      if (STATUTORY_PERIOD_COUNTS.includes(name)) {
        problems.push({
          rule: 'statutory_period_counted',
          detail: `{${name}} counts a statutory period in the text; quote the computed date instead`,
        });
      }
      if (lang === 'ko' && element.type >= 1 && element.type <= 4) {
        const next = elements[index + 1];
        const following = next?.type === 0 && 'value' in next && typeof next.value === 'string' ? next.value : '';
        const particle = KOREAN_VARIABLE_PARTICLE.exec(following);
        if (particle)
          problems.push({
            rule: 'particle_after_placeholder',
            detail: `{${name}}${particle[0]}: the particle depends on the inserted text`,
          });
      }
      if (element.type === 6 && 'options' in element) {
        const options = element.options;
        for (const [category, numbers] of categories) {
          const covered = category in options || numbers.every((n) => `=${n}` in options);
          if (!covered)
            problems.push({
              rule: 'plural_category_missing',
              detail: `{${name}} has no "${category}" branch (${locale} uses it for ${numbers.slice(0, 4).join(', ')}…)`,
            });
          const branch = options[category];
          const counted = numbers.filter((n) => n >= 1);
          if (branch && category !== 'other' && counted.length > 1 && !containsPound(branch.value)) {
            problems.push({
              rule: 'plural_branch_without_number',
              detail: `{${name}} "${category}" branch also covers ${counted.slice(0, 3).join(', ')}: show # or use =${counted[0]}`,
            });
          }
        }
      }
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    });
  };
  walk(compiledMessage(message, locale).getAst());
  return problems;
}

/** Problems with the wording itself, read from the message source. */
function wordingProblems(message: string, locale: string): { rule: ContentRule; detail: string }[] {
  const problems: { rule: ContentRule; detail: string }[] = [];
  const lang = language(locale);
  const colloquial = colloquialMarkers(locale, message);
  if (colloquial.length > 0)
    problems.push({
      rule: 'colloquial_marker',
      detail: `${colloquial.join(', ')}: colloquial, but the reply must also read right under a formal salutation`,
    });
  const bound = TIME_BOUND[lang]?.exec(message);
  if (bound) problems.push({ rule: 'time_bound_word', detail: `${bound[0]}: the reply may be sent on another day` });
  const intensifier = INTENSIFIER[lang];
  const repeats = intensifier ? [...message.matchAll(intensifier)].length : 0;
  if (repeats > 1)
    problems.push({ rule: 'repeated_intensifier', detail: `${intensifier?.source ?? ''} ${repeats} times` });
  return problems;
}

/** Every content problem in one reply, across its variants (subjects included). */
export function lintReply(template: ReplyTemplate): ContentProblem[] {
  return Object.entries(template.variants).flatMap(([locale, variant]) =>
    [variant.body, variant.subject]
      .filter((message): message is string => message !== undefined)
      .flatMap((message) => [...structureProblems(message, locale), ...wordingProblems(message, locale)])
      .map((problem) => ({ textId: template.id, locale, ...problem })),
  );
}

/** The same wording checks for any other text sent or shown to customers (training scenarios, notes). */
export function lintText(textId: string, locale: string, message: string): ContentProblem[] {
  return [...structureProblems(message, locale), ...wordingProblems(message, locale)].map((problem) => ({
    textId,
    locale,
    ...problem,
  }));
}

/**
 * Day counts written into a rendered text about returns or refunds, where the case has a statutory clock
 * for them: the text must quote the clock's date ({withdrawalEnds}, {refundDue}) instead of counting.
 */
export function lintRenderedDeadlines(
  textId: string,
  locale: string,
  text: string,
  context: ReplyContext,
): ContentProblem[] {
  const clocks = {
    refund: context.deadlines.refundDue,
    return: context.deadlines.withdrawalEnds,
    other: undefined,
  };
  return daySentences(text, locale, context.itemTitle)
    .filter(({ days, topic }) => days.length > 0 && clocks[topic] !== undefined)
    .map(({ sentence, days, topic }) => ({
      textId,
      locale,
      rule: 'statutory_days_in_text' as const,
      detail: `${days.join(', ')} days counted in a ${topic} sentence: "${sentence.trim()}"`,
    }));
}

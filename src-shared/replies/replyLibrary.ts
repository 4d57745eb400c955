import IntlMessageFormat from 'intl-messageformat';
import type { CaseType } from '../domain';
import { resolveLocale, type FallbackChains } from './localeFallback';
import { isKnownPlaceholder, PLACEHOLDERS } from './placeholderValues';
import { messagePlaceholders } from './placeholders';
import {
  ReplyLibrarySchema,
  SalutationRulesSchema,
  type ReplyLibrary,
  type ReplyTemplate,
  type SalutationRules,
  type Situation,
} from './schema';

export class ReplyLibraryError extends Error {
  constructor(readonly problems: string[]) {
    super(`reply library is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'ReplyLibraryError';
  }
}

/**
 * Parses and validates a library: the schema, then what a schema cannot see: every variant is valid ICU,
 * uses only known placeholders, and carries the same facts (order id, amounts, dates) as its source.
 */
export function loadReplyLibrary(raw: unknown): ReplyLibrary {
  const parsed = ReplyLibrarySchema.safeParse(raw);
  if (!parsed.success) {
    throw new ReplyLibraryError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const problems = parsed.data.replies.flatMap(templateProblems);
  if (problems.length > 0) throw new ReplyLibraryError(problems);
  return parsed.data;
}

export function loadSalutationRules(raw: unknown): SalutationRules {
  const parsed = SalutationRulesSchema.safeParse(raw);
  if (!parsed.success)
    throw new ReplyLibraryError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const problems: string[] = [];
  for (const [locale, rule] of Object.entries(parsed.data)) {
    for (const [field, message] of Object.entries(rule)) {
      try {
        new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
      } catch (error) {
        problems.push(`salutations.${locale}.${field}: ${(error as Error).message}`);
      }
    }
  }
  if (problems.length > 0) throw new ReplyLibraryError(problems);
  return parsed.data;
}

function templateProblems(template: ReplyTemplate): string[] {
  const problems: string[] = [];
  const factsByLocale = new Map<string, string[]>();
  for (const [locale, variant] of Object.entries(template.variants)) {
    const names: string[] = [];
    for (const message of [variant.body, variant.subject].filter((m): m is string => m !== undefined)) {
      try {
        names.push(...messagePlaceholders(message, locale));
      } catch (error) {
        problems.push(`${template.id} [${locale}]: not valid ICU MessageFormat (${(error as Error).message})`);
      }
    }
    const unknown = names.filter((name) => !isKnownPlaceholder(name));
    if (unknown.length > 0)
      problems.push(`${template.id} [${locale}]: unknown placeholders ${[...new Set(unknown)].join(', ')}`);
    factsByLocale.set(locale, [...new Set(names.filter((name) => PLACEHOLDERS[name]?.fact))].sort());
  }
  const sourceFacts = (factsByLocale.get(template.sourceLocale) ?? []).join(', ');
  for (const [locale, facts] of factsByLocale) {
    if (facts.join(', ') !== sourceFacts) {
      problems.push(
        `${template.id} [${locale}]: states facts {${facts.join(', ')}} but the source states {${sourceFacts}}`,
      );
    }
  }
  return problems;
}

export interface ReplyQuery {
  caseType?: CaseType;
  situation?: Situation;
}

export function findReplies(library: ReplyLibrary, query: ReplyQuery = {}): ReplyTemplate[] {
  return library.replies.filter(
    (reply) =>
      (query.caseType === undefined || reply.caseTypes.includes(query.caseType)) &&
      (query.situation === undefined || reply.situation === query.situation),
  );
}

export function getReply(library: ReplyLibrary, id: string): ReplyTemplate {
  const reply = library.replies.find((candidate) => candidate.id === id);
  if (!reply) throw new Error(`no canned reply ${id}`);
  return reply;
}

/** Title and purpose in the agent's UI language (falling back like replies do). */
export function describeReply(
  template: ReplyTemplate,
  uiLocale: string,
  chains?: FallbackChains,
): { title: string; purpose: string; locale: string } {
  const titleLocale = resolveLocale(uiLocale, Object.keys(template.title), chains).locale;
  const purposeLocale = resolveLocale(uiLocale, Object.keys(template.purpose), chains).locale;
  return {
    title: template.title[titleLocale] ?? template.id,
    purpose: template.purpose[purposeLocale] ?? '',
    locale: titleLocale,
  };
}

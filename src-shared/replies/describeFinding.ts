import { z } from 'zod';
import factNames from '../../resources/replies/factNames.json';
import findingMessages from '../../resources/replies/findingMessages.json';
import { compiledMessage } from './compiledMessage';
import { FINDING_CODES, type Finding } from './findings';
import { resolveLocale, type FallbackChains } from './localeFallback';

const FindingMessagesSchema = z.record(z.string(), z.record(z.enum(FINDING_CODES), z.string().min(1)));
const messages = FindingMessagesSchema.parse(findingMessages);
/** What each fact is called in the agent's language, so a blocking finding says what belongs in the hole. */
const facts = z.record(z.string(), z.record(z.string(), z.string().min(1))).parse(factNames);

/** Every parameter a message may name; absent ones are shown empty rather than breaking the sentence. */
const PARAMS = [
  'token',
  'name',
  'fact',
  'locale',
  'register',
  'words',
  'sentences',
  'count',
  'expected',
  'customerLocale',
  'agentLocale',
  'onlyInCustomerText',
  'onlyInAgentText',
  'promisedDays',
  'statutoryDays',
  'promisedDate',
  'statutoryDate',
  'rule',
  'requested',
  'used',
];

/** A finding as a sentence in the agent's UI language (en, zh-CN and ar ship; others fall back). */
export function describeFinding(finding: Finding, uiLocale: string, chains?: FallbackChains): string {
  const locale = resolveLocale(uiLocale, Object.keys(messages), chains).locale;
  const message = messages[locale]?.[finding.code] ?? messages.en?.[finding.code] ?? finding.messageKey;
  const values: Record<string, string | number> = Object.fromEntries(PARAMS.map((param) => [param, '']));
  for (const [key, value] of Object.entries(finding.params)) values[key] = value;
  if (typeof values.name === 'string' && values.name)
    values.fact = facts[locale]?.[values.name] ?? facts.en?.[values.name] ?? values.name;
  if (typeof values.sentences === 'string' && values.sentences)
    values.sentences = `${values.words ? '; ' : ''}“${values.sentences}”`;
  return String(compiledMessage(message, locale).format(values))
    .replace(/\s+([.。])$/u, '$1')
    .trim();
}

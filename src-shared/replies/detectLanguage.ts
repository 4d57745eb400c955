import { detectAll } from 'tinyld';
import type { MarketCode, Message } from '../domain';
import { language } from './localeFallback';

export interface LanguageGuess {
  /** The library locale to propose. */
  locale: string;
  /** Where it came from: the agent's choice, the customer's messages, or the case's stored locale. */
  basis: 'override' | 'messages' | 'case';
  /** The detector's ISO 639-1 answer and its share of the vote (0..1), when messages were used. */
  detected?: { language: string; accuracy: number };
  /** True when the detected language differs from the case's stored locale. */
  disagreesWithCase: boolean;
}

export interface DetectInput {
  messages: readonly Pick<Message, 'direction' | 'authorKind' | 'body'>[];
  caseLocale: string;
  market: MarketCode;
  /** Locales the library has variants for. */
  available: readonly string[];
  override?: string;
}

/** Below this share the detector is guessing; short "ok thanks" messages end up here. */
const MIN_ACCURACY = 0.5;
const MIN_LETTERS = 12;

/**
 * Proposes the customer's language from their own words (inbound, customer-authored) with tinyld,
 * offline. The regional variant comes from the market (pt + BR -> pt-BR) or the case locale.
 */
export function detectCustomerLocale(input: DetectInput): LanguageGuess {
  const caseLanguage = language(input.caseLocale);
  if (input.override) {
    return { locale: input.override, basis: 'override', disagreesWithCase: language(input.override) !== caseLanguage };
  }
  const text = input.messages
    .filter((message) => message.direction === 'inbound' && message.authorKind === 'customer')
    .map((message) => message.body)
    .join('\n');
  const letters = text.replace(/[\p{P}\p{S}\p{N}\s]/gu, '').length;
  const best =
    letters >= MIN_LETTERS || /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{4,}/u.test(text)
      ? detectAll(text)[0]
      : undefined;
  if (!best || best.accuracy < MIN_ACCURACY) {
    return { locale: input.caseLocale, basis: 'case', disagreesWithCase: false };
  }
  const locale = toLibraryLocale(best.lang, input, text);
  return {
    locale,
    basis: 'messages',
    detected: { language: best.lang, accuracy: best.accuracy },
    disagreesWithCase: best.lang !== caseLanguage,
  };
}

// Characters that exist only in Traditional Chinese, with their Simplified forms; tinyld answers "zh"
// for both scripts, and a Hong Kong or Taiwan reader should be offered zh-TW before zh-CN.
const TRADITIONAL = /[們這個說對時會來為後國過麼還發沒問題與訂單貨運費錢處謝請幫號碼買賣壞關於]/gu;
const SIMPLIFIED = /[们这个说对时会来为后国过么还发没问题与订单货运费钱处谢请帮号码买卖坏关于]/gu;

function chineseScriptLocale(text: string): 'zh-TW' | 'zh-CN' {
  const traditional = text.match(TRADITIONAL)?.length ?? 0;
  const simplified = text.match(SIMPLIFIED)?.length ?? 0;
  return traditional > simplified ? 'zh-TW' : 'zh-CN';
}

function toLibraryLocale(detected: string, input: DetectInput, text: string): string {
  if (detected === 'zh') {
    const script = chineseScriptLocale(text);
    if (language(input.caseLocale) === 'zh' && (script === 'zh-TW') === /-(TW|HK|MO|Hant)/u.test(input.caseLocale))
      return input.caseLocale;
    return script;
  }
  const candidates = [
    language(input.caseLocale) === detected ? input.caseLocale : undefined,
    `${detected}-${input.market}`,
    detected,
    ...input.available.filter((locale) => language(locale) === detected),
  ];
  return (
    candidates.find((locale): locale is string => locale !== undefined && input.available.includes(locale)) ??
    `${detected}-${input.market}`
  );
}

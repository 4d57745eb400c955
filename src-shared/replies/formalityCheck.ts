import { normalizeText } from './factReader';
import { finding, type Finding } from './findings';
import { language } from './localeFallback';
import type { Register } from './replyContext';

interface FormalityRule {
  /** Only when the market's register is formal; languages whose service writing is always polite say false. */
  formalOnly: boolean;
  informal: RegExp;
  /** Sentence endings of a plain (non-polite) speech level, checked per sentence. */
  plainEnding?: { polite: RegExp; plain: RegExp };
  requiredHonorific?: RegExp;
}

const word = (alternatives: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{M}])`, 'giu');

/**
 * Informal address per language (markets.md, communication notes): German du/dich/dein, French tu,
 * Spanish tú, Russian ты, Chinese 你 instead of 您, Japanese plain form, Korean banmal or 당신 and a
 * missing 님. A brand that deliberately writes "du" sets the market register to neutral.
 */
const RULES: Readonly<Record<string, FormalityRule>> = {
  de: {
    formalOnly: true,
    informal: word('du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|eurem|eurer'),
  },
  fr: { formalOnly: true, informal: word("tu|toi|ton|ta|tes|te|t['’]") },
  es: { formalOnly: true, informal: word('tú|tu|tus|te|ti|contigo|tienes|puedes|quieres|necesitas') },
  pt: { formalOnly: true, informal: word('tu|teu|tua|teus|tuas|contigo') },
  it: { formalOnly: true, informal: word('tu|ti|te|tuo|tua|tuoi|tue|hai|puoi|vuoi') },
  nl: { formalOnly: true, informal: word('je|jij|jou|jouw|jullie') },
  pl: {
    formalOnly: false,
    informal: word('ty|ciebie|cię|tobie|twój|twoja|twoje|twojego|twojej|twoim|twoich|masz|możesz|chcesz'),
  },
  id: { formalOnly: false, informal: word('kamu|kau|lu|elo|gue|gua') },
  vi: { formalOnly: false, informal: word('mày|tao|mi') },
  hi: { formalOnly: false, informal: /(?<![\p{L}\p{M}])(?:तू|तुम|तुम्हारा|तुम्हारी|तुम्हें|तेरा|तेरी|तुझे)(?![\p{L}\p{M}])/gu },
  ru: {
    formalOnly: false,
    informal: word('ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоего|твоей|твоему|твоим|твоих'),
  },
  zh: { formalOnly: false, informal: /你/gu },
  ja: {
    formalOnly: false,
    informal: /君|きみ|お前|おまえ|あんた/gu,
    plainEnding: {
      polite:
        /(?:ます|ました|ません|ましょう|です|でした|でしょう|ございます|ください|くださいませ|ませ|存じます|申し上げます|様|さま)$/u,
      plain: /(?:だ|だよ|だね|だった|だろう|じゃない|しよう|してね|してよ|よね|よ|ね|る|た|ない|う)$/u,
    },
  },
  ko: {
    formalOnly: false,
    informal: /당신/gu,
    plainEnding: {
      polite: /(?:요|다|까|죠|오|님|시오|드림)$/u,
      plain: /(?:해|야|어|아|지|냐|니|래|게|자|줘|네|군|거든)$/u,
    },
    requiredHonorific: /님/u,
  },
};

/**
 * Colloquial markers per language: fine in a chat among friends, out of place under a formal salutation
 * ("Prezada Sra. Souza, ... a gente resolve rapidinho"). A reply's register follows its salutation, so
 * replies written for both registers avoid them, and a formal rendering that contains one is flagged.
 */
const COLLOQUIAL: Readonly<Record<string, RegExp>> = {
  pt: word('a gente|rapidinho|é só|pra|pro|tá|beleza|valeu|vc|blz|tchau|show de bola'),
  en: word("hey|gonna|wanna|no worries|cheers|awesome|folks|y'all"),
  de: word('kein Ding|na klar|super|hey|tschüss|okay'),
  fr: word('ouais|pas de souci|pas de soucis|coucou|super|sympa|ok'),
  es: word('vale|guay|genial|chao|ok'),
  ru: word('привет|ок|окей|норм|щас|чао'),
};

export function colloquialMarkers(locale: string, text: string): string[] {
  const pattern = COLLOQUIAL[language(locale)];
  return pattern ? [...new Set([...normalizeText(text).matchAll(pattern)].map((match) => match[0]))] : [];
}

// A dot after a one- or two-digit number is a German ordinal date ("3. Dezember"), not a sentence end.
const SENTENCE_END = /(?<!(?:^|\D)\d{1,2})[.!?]+(?=\s|$)|[。！？\n؟]+/u;
const TRAILING = /[\s\p{P}\p{S}]+$/u;
// List items are noun phrases ("- 어떤 증상이 나타나는지"), not sentences with a speech level.
const LIST_ITEM = /^\s*(?:[-•*・]|\d+[.)])\s/u;

export function checkFormality(text: string, locale: string, register: Register): Finding[] {
  const lang = language(locale);
  const findings: Finding[] = [];
  const colloquial = register === 'formal' ? colloquialMarkers(locale, text) : [];
  if (colloquial.length > 0)
    findings.push(finding('colloquial_register', 'warning', { locale, register, words: colloquial.join(', ') }));
  const rule = RULES[lang];
  if (!rule || (rule.formalOnly && register !== 'formal')) return findings;
  const normalized = normalizeText(text);
  const informal = [...new Set([...normalized.matchAll(rule.informal)].map((match) => match[0]))];
  if (informal.length > 0)
    findings.push(finding('informal_address', 'error', { locale, register, words: informal.join(', ') }));
  if (rule.plainEnding) {
    const plainSentences = normalized
      .split(SENTENCE_END)
      .filter((sentence) => !LIST_ITEM.test(sentence))
      .map((sentence) => sentence.replace(TRAILING, '').trim())
      .filter(
        (sentence) =>
          sentence.length > 0 && !rule.plainEnding?.polite.test(sentence) && rule.plainEnding?.plain.test(sentence),
      );
    if (plainSentences.length > 0) {
      findings.push(
        finding('informal_address', 'error', {
          locale,
          register,
          sentences: plainSentences.slice(0, 3).join(' / '),
          count: plainSentences.length,
        }),
      );
    }
  }
  if (rule.requiredHonorific && !rule.requiredHonorific.test(normalized)) {
    findings.push(finding('missing_honorific', 'error', { locale, expected: lang === 'ko' ? '고객님' : '' }));
  }
  return findings;
}

import { normalizeText } from '../replies/factReader';
import type { Script } from './schema';

/**
 * Text as rules compare it: bidi marks gone, Arabic-Indic and full-width digits as ASCII, NFKC (full-width
 * Latin, half-width kana), case folded, Arabic without diacritics or tatweel and with its letter variants
 * folded (alef forms, alef maksura, ta marbuta, hamza seats), spaces collapsed. Deterministic and
 * independent of the host's locale.
 */
export function foldText(text: string): string {
  const folded = normalizeText(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/ς/gu, 'σ')
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/[\u0622\u0623\u0625\u0671]/gu, '\u0627')
    .replace(/\u0649/gu, '\u064A')
    .replace(/\u0629/gu, '\u0647')
    .replace(/\u0624/gu, '\u0648')
    .replace(/\u0626/gu, '\u064A')
    // Line breaks stay: they end sentences (a salutation line) for the first-sentence rule.
    .replace(/[^\S\n]+/gu, ' ')
    .replace(/ ?\n[\s]*/gu, '\n')
    .trim();
  // Lower-casing can leave a sequence NFKC would compose (İ -> i + combining dot), so normalise once more.
  return folded.normalize('NFKC');
}

/** Scripts written without spaces between words: a phrase matches anywhere (Japanese by substring). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Where a folded phrase starts in folded text, or -1. In spaced scripts the phrase must stand as whole
 * words (so "du" is not found in "Dusche"); next to CJK, Thai or Hangul it matches as a substring.
 */
export function phraseIndex(foldedText: string, foldedPhrase: string): number {
  if (foldedPhrase === '') return -1;
  const first = foldedPhrase[0] ?? '';
  const last = foldedPhrase.at(-1) ?? '';
  const boundedStart = WORD_CHAR.test(first) && !UNSPACED.test(first);
  const boundedEnd = WORD_CHAR.test(last) && !UNSPACED.test(last);
  let from = 0;
  for (;;) {
    const index = foldedText.indexOf(foldedPhrase, from);
    if (index < 0) return -1;
    const before = foldedText[index - 1] ?? '';
    const after = foldedText[index + foldedPhrase.length] ?? '';
    if ((!boundedStart || !WORD_CHAR.test(before)) && (!boundedEnd || !WORD_CHAR.test(after))) return index;
    from = index + 1;
  }
}

/** Words a period follows without ending the sentence (Dear Dr. Whitfield), folded to lower case. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'sr',
  'sra',
  'srta',
  'dra',
  'mme',
  'mlle',
  'nr',
  'hr',
  'fr',
  'bzw',
  'ca',
  'vs',
  'etc',
  'no',
]);

/**
 * Sentences of folded text with their end marks. A line break, ! ? and their CJK and Arabic forms end a
 * sentence; a period does when a space or the end follows and it closes neither an abbreviation nor a
 * number (a German ordinal date, "3. Dezember").
 */
export function sentences(foldedText: string): string[] {
  const out: string[] = [];
  let start = 0;
  const cut = (end: number): void => {
    const sentence = foldedText.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  };
  for (let i = 0; i < foldedText.length; i++) {
    const char = foldedText[i] ?? '';
    if (char === '\n') cut(i + 1);
    else if ('!?。！？؟'.includes(char)) {
      while ('!?。！？؟'.includes(foldedText[i + 1] ?? '_')) i++;
      cut(i + 1);
    } else if (char === '.' && /\s|$/u.test(foldedText[i + 1] ?? '')) {
      const word = /[\p{L}\p{N}]+$/u.exec(foldedText.slice(start, i))?.[0] ?? '';
      if (!ABBREVIATIONS.has(word) && !/^\d{1,2}$/u.test(word)) cut(i + 1);
    }
  }
  cut(foldedText.length);
  return out;
}

export function isQuestion(sentence: string): boolean {
  return /[?？؟]$/u.test(sentence);
}

const SCRIPT_PATTERNS: Readonly<Record<Script, RegExp>> = {
  Latn: /\p{Script=Latin}/u,
  Arab: /\p{Script=Arabic}/u,
  Cyrl: /\p{Script=Cyrillic}/u,
  Jpan: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  Hani: /\p{Script=Han}/u,
  Hang: /\p{Script=Hangul}/u,
  Thai: /\p{Script=Thai}/u,
  Deva: /\p{Script=Devanagari}/u,
};

/**
 * Whether most letters of a text are in `script`. Order ids and brand names in Latin letters are
 * normal in any reply, so a majority decides rather than every letter.
 */
export function isMostlyScript(text: string, script: Script): boolean {
  const letters = [...text].filter((char) => /\p{L}/u.test(char));
  if (letters.length === 0) return false;
  const inScript = letters.filter((char) => SCRIPT_PATTERNS[script].test(char)).length;
  // Japanese needs kana besides Han, or a Chinese text would pass as Japanese.
  if (script === 'Jpan' && !letters.some((char) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)))
    return false;
  return inScript * 2 > letters.length;
}

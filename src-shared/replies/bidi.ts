/** Unicode bidi isolates (UAX #9): FSI picks the direction from the content, PDI closes it. */
export const FSI = '\u2068';
export const PDI = '\u2069';
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function isRtlLocale(locale: string): boolean {
  return RTL_LANGUAGES.has(locale.split('-')[0] ?? '');
}

/**
 * Wraps an embedded value so Latin order ids, amounts and names keep their own order inside Arabic text
 * (otherwise "CD-1042" or "SAR 1,299.00" can be shown reordered around neighbouring punctuation).
 */
export function isolate(value: string): string {
  return `${FSI}${value}${PDI}`;
}

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

const RTL_STRONG = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const FIRST_STRONG = /[\p{L}]/u;

/**
 * The direction of a text from its first letter (UAX #9's rule P2, letters only), so a truncated Latin
 * subject in a right-to-left row can keep its own direction and lose its end, not its start.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = FIRST_STRONG.exec(text)?.[0];
  return first !== undefined && RTL_STRONG.test(first) ? 'rtl' : 'ltr';
}

import type { LocalizedText } from '../../../src-shared/markets/index';

export type PickedText = { text: string; locale: string; isFallback: boolean };

/**
 * Market packs are written in at least English and Chinese; an agent reading in another UI language gets
 * the English text and is told so, rather than silently reading a language they did not choose.
 */
export function pickLocalized(text: LocalizedText, uiLanguage: string): PickedText {
  const exact = text[uiLanguage];
  if (exact !== undefined) return { text: exact, locale: uiLanguage, isFallback: false };
  const base = uiLanguage.split('-')[0] ?? uiLanguage;
  const sameBase = Object.keys(text).find((key) => key.split('-')[0] === base);
  if (sameBase !== undefined) return { text: text[sameBase] ?? text.en, locale: sameBase, isFallback: false };
  return { text: text.en, locale: 'en', isFallback: true };
}

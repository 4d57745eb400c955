/** UI languages with a complete locale set under locales/<lng>/. */
export const UI_LANGUAGES = ['zh-CN', 'en', 'ar', 'es', 'de', 'ja'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: UiLanguage = 'en';

/**
 * Each language named in itself (what Intl.DisplayNames gives, checked in languages.test.ts), written
 * out so the app bar's first paint does not load a locale's display-name data to name one language.
 */
export const ENDONYMS: Record<UiLanguage, string> = {
  'zh-CN': '中文（中国）',
  en: 'English',
  ar: 'العربية',
  es: 'español',
  de: 'Deutsch',
  ja: '日本語',
};

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Picks the closest UI language for a BCP 47 tag: exact match first, then the same base language. */
export function matchUiLanguage(tag: string | null | undefined): UiLanguage | null {
  if (!tag) return null;
  if (isUiLanguage(tag)) return tag;
  const base = tag.toLowerCase().split('-')[0];
  return UI_LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === base) ?? null;
}

export function languageDirection(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

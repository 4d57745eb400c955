import { describe, expect, it } from 'vitest';
import { ENDONYMS, UI_LANGUAGES, languageDirection, matchUiLanguage } from './languages';

describe('matchUiLanguage', () => {
  it('matches exact tags, then the base language', () => {
    expect(matchUiLanguage('zh-CN')).toBe('zh-CN');
    expect(matchUiLanguage('zh')).toBe('zh-CN');
    expect(matchUiLanguage('zh-TW')).toBe('zh-CN');
    expect(matchUiLanguage('en-GB')).toBe('en');
    expect(matchUiLanguage('ar-SA')).toBe('ar');
    expect(matchUiLanguage('de-AT')).toBe('de');
    expect(matchUiLanguage('ja-JP')).toBe('ja');
  });

  it('answers null for languages without a UI translation', () => {
    expect(matchUiLanguage('ko-KR')).toBeNull();
    expect(matchUiLanguage('')).toBeNull();
    expect(matchUiLanguage(null)).toBeNull();
  });
});

describe('languageDirection', () => {
  it('is right to left for Arabic script languages only', () => {
    expect(languageDirection('ar')).toBe('rtl');
    expect(languageDirection('ar-SA')).toBe('rtl');
    expect(languageDirection('he')).toBe('rtl');
    for (const language of ['en', 'zh-CN', 'ja', 'de', 'es']) expect(languageDirection(language)).toBe('ltr');
  });
});

describe('ENDONYMS', () => {
  it('names each UI language in itself, as Intl.DisplayNames does', () => {
    for (const language of UI_LANGUAGES) {
      expect(ENDONYMS[language]).toBe(new Intl.DisplayNames([language], { type: 'language' }).of(language));
    }
  });
});

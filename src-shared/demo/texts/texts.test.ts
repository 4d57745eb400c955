import { describe, expect, it } from 'vitest';
import { detect } from 'tinyld';
import { CASE_TYPES } from '../../domain/caseType';
import { DEMO_MARKETS } from '../demoMarkets';
import { DEMO_TEXT_TAGS, textsFor } from './index';

/** The script each language is written in, so a text pasted into the wrong file fails. */
const SCRIPT: Readonly<Record<string, RegExp>> = {
  zh: /\p{Script=Han}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  ko: /\p{Script=Hangul}/u,
  th: /\p{Script=Thai}/u,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
  hi: /\p{Script=Devanagari}/u,
};

describe('demo texts', () => {
  it('exist for every locale a demo market uses', () => {
    for (const market of DEMO_MARKETS)
      for (const [locale] of market.locales) expect(() => textsFor(locale)).not.toThrow();
  });

  it.each(DEMO_TEXT_TAGS)('%s has several openings per case type, order numbers only where an order exists', (tag) => {
    const texts = textsFor(tag);
    for (const type of CASE_TYPES) {
      const openings = texts.openings[type];
      expect(openings.length).toBeGreaterThanOrEqual(3);
      expect(new Set(openings).size).toBe(openings.length);
      for (const text of openings) expect(text.includes('{order}')).toBe(type !== 'privacy_request');
      expect(texts.subjects[type].length).toBeGreaterThan(0);
    }
    expect(texts.followUps.length).toBeGreaterThanOrEqual(2);
    expect(texts.replies.length).toBeGreaterThanOrEqual(2);
  });

  it.each(DEMO_TEXT_TAGS)('%s is written in its own language', (tag) => {
    const language = tag.split('-')[0] ?? tag;
    const texts = textsFor(tag);
    const all = CASE_TYPES.flatMap((type) => texts.openings[type]).map((t) => t.replaceAll('{order}', ''));
    const script = SCRIPT[language];
    if (script) {
      for (const text of all) expect(text).toMatch(script);
      return;
    }
    const agreeing = all.filter((text) => detect(text) === language).length;
    expect(agreeing / all.length).toBeGreaterThan(0.7);
  });
});

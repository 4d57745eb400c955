import type { RubricDraftInput } from './rubric';
import type { UiText } from './schema';

/** The same words in every UI language: for tests and benchmarks, where wording is beside the point. */
export function sameInEveryLanguage(text: string): UiText {
  return { 'zh-CN': text, en: text, ar: text, es: text, de: text, ja: text };
}

/**
 * A small after-sales rubric for tests: a critical legal category, a binary critical criterion, an N/A-able
 * one and a 5-point scale.
 */
export function sampleRubricDraft(key = 'qa.after-sales'): RubricDraftInput {
  const t = sameInEveryLanguage;
  return {
    key,
    title: t('After-sales QA'),
    categories: [
      { id: 'legal', title: t('Legal'), weight: 40, critical: true },
      { id: 'rapport', title: t('Rapport'), weight: 35 },
      { id: 'clarity', title: t('Clarity'), weight: 25 },
    ],
    criteria: [
      {
        id: 'statutory_right',
        category: 'legal',
        title: t('States the statutory right'),
        levels: 2,
        points: 10,
        critical: true,
      },
      {
        id: 'mirrors_greeting',
        category: 'rapport',
        title: t('Mirrors the greeting'),
        levels: 2,
        points: 5,
        allowNa: true,
      },
      { id: 'register', category: 'rapport', title: t('Matches the register'), levels: 5, points: 10 },
      { id: 'timeframe', category: 'clarity', title: t('Gives a concrete timeframe'), levels: 3, points: 10 },
    ],
  };
}

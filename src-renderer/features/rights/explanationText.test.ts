import type { i18n as I18n, TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_STARTS } from '../../../src-shared/markets/index';
import { MARKET_CODES } from '../../../src-shared/domain/market';
import { ITEM_CATEGORIES } from '../../../src-shared/domain/case';
import { computeStatutoryClocks, type StepDetail } from '../../../src-shared/rights/index';
import { UI_LANGUAGES } from '../../i18n/languages';
import { i18nInEveryLanguage } from '../../i18n/testing/everyLanguage';
import { explanationStepText, formatMarketDay } from './explanationText';

let instance: I18n;
const rights = (language: string): TFunction<'rights'> => instance.getFixedT(language, 'rights');

beforeAll(async () => {
  instance = await i18nInEveryLanguage();
});

/** Every step kind the calculator produces, from real market packs and order situations. */
function realSteps(): StepDetail[] {
  const details: StepDetail[] = [];
  for (const market of MARKET_CODES) {
    for (const situation of [
      {
        deliveredAt: '2026-09-28',
        purchasedAt: '2026-09-20',
        returnReceivedAt: '2026-10-02',
        receivedAt: '2026-09-30T10:00:00+00:00',
      },
      {
        deliveredAt: '2026-12-22',
        purchasedAt: '2026-12-20',
        itemCategories: ['electronics' as const, 'food' as const],
      },
      { itemCategories: ['custom_made' as const] },
      {},
    ]) {
      for (const clock of computeStatutoryClocks({ market, ...situation })) {
        details.push(...clock.explanation.steps.map((step) => step.detail));
      }
    }
  }
  return [...new Map(details.map((detail) => [JSON.stringify(detail), detail])).values()];
}

describe('rights explanation steps in the agent language', () => {
  const steps = realSteps();

  it('the real packs produce every kind of step (the loop below sees them all)', () => {
    const kinds = new Set(steps.map((step) => step.kind));
    expect([...kinds].sort()).toEqual([
      'adjust',
      'category_period',
      'count_days',
      'count_hours',
      'end',
      'end_at',
      'excluded',
      'needs_date',
      'no_end_adjust',
      'not_applicable',
      'skip',
      'start',
      'start_at',
    ]);
  });

  it('renders every step in every UI language with no placeholder or key left, and not in English outside en', () => {
    for (const language of UI_LANGUAGES) {
      for (const detail of steps) {
        const rendered = explanationStepText(rights(language), language, detail);
        expect(rendered.text, `${language} ${detail.kind}`).not.toMatch(/\{\{|\b(step|unit|event|day|category)\.\w/);
        if (language !== 'en' && detail.kind !== 'excluded' && detail.kind !== 'not_applicable') {
          expect(rendered.text, `${language} ${detail.kind}`).not.toBe(
            explanationStepText(rights('en'), 'en', detail).text,
          );
          expect(rendered.locale).toBe(language);
        }
      }
    }
  });

  it('pluralizes units: 1 working day, 14 working days, and the Arabic dual and 11-99 forms', () => {
    const count = (amount: number): StepDetail => ({
      kind: 'count_days',
      amount,
      unit: 'business_days',
      from: 'day_after',
      firstDay: '2026-05-04',
      lastDay: '2026-05-21',
    });
    expect(explanationStepText(rights('en'), 'en', count(1)).text).toContain('Counts 1 working day from the day after');
    expect(explanationStepText(rights('en'), 'en', count(14)).text).toContain(
      'Counts 14 working days from the day after',
    );
    expect(explanationStepText(rights('de'), 'de', count(1)).text).toContain('1 Werktag ');
    expect(explanationStepText(rights('de'), 'de', count(14)).text).toContain('14 Werktage ');
    expect(explanationStepText(rights('es'), 'es', count(14)).text).toContain('14 días hábiles');
    expect(explanationStepText(rights('ar'), 'ar', count(2)).text).toContain('يوما عمل');
    expect(explanationStepText(rights('ar'), 'ar', count(14)).text).toContain(
      `${new Intl.NumberFormat('ar').format(14)} يومَ عمل`,
    );
    expect(explanationStepText(rights('zh-CN'), 'zh-CN', count(7)).text).toContain('7个工作日');
    expect(explanationStepText(rights('ja'), 'ja', count(7)).text).toContain('7営業日');
  });

  it('writes dates through Intl in the UI language and keeps holiday names as the calendar gives them', () => {
    const adjust: StepDetail = { kind: 'adjust', day: { date: '2026-10-05', reason: 'holiday', holiday: '国庆节' } };
    for (const language of UI_LANGUAGES) {
      const text = explanationStepText(rights(language), language, adjust).text;
      expect(text).toContain(formatMarketDay(language, '2026-10-05'));
      expect(text).toContain('国庆节');
    }
    expect(formatMarketDay('de', '2026-10-05')).toBe('Montag, 5. Oktober 2026');
  });

  it('names every start event and item category in every language', () => {
    for (const language of UI_LANGUAGES) {
      const t = rights(language);
      for (const start of CLOCK_STARTS)
        expect(explanationStepText(t, language, { kind: 'needs_date', start }).text).not.toMatch(/event\./);
      const categories = explanationStepText(t, language, {
        kind: 'category_period',
        categories: [...ITEM_CATEGORIES],
        longestOfSeveral: true,
      }).text;
      expect(categories).not.toMatch(/category\./);
    }
  });
});

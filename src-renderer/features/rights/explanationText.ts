import type { TFunction } from 'i18next';
import type { LocalizedText } from '../../../src-shared/markets/index';
import type { SkippedDay, StepDetail } from '../../../src-shared/rights/index';
import { pickLocalized } from '../guidance';

/** A rendered step; `locale` differs from the UI language only when market-pack wording had no translation. */
export interface StepText {
  text: string;
  locale: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function memo<T>(cache: Map<string, T>, key: string, build: () => T): T {
  const found = cache.get(key);
  if (found !== undefined) return found;
  const made = build();
  cache.set(key, made);
  return made;
}

/** A market-local calendar date (YYYY-MM-DD) with its weekday, in the UI language. */
export function formatMarketDay(language: string, date: string): string {
  return memo(
    dayFormats,
    language,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }),
  ).format(Date.parse(`${date}T00:00:00Z`));
}

/** An instant as the clock on the wall of the market's zone shows it. */
export function formatMarketInstant(language: string, iso: string, zone: string): string {
  return memo(
    instantFormats,
    `${language}|${zone}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }),
  ).format(Date.parse(iso));
}

function list(language: string, items: readonly string[]): string {
  return memo(listFormats, language, () => new Intl.ListFormat(language, { type: 'conjunction' })).format(items);
}

function day(t: TFunction<'rights'>, language: string, skipped: SkippedDay): string {
  const date = formatMarketDay(language, skipped.date);
  // Holiday names are shown as the holiday calendar gives them.
  return skipped.reason === 'holiday' && skipped.holiday !== undefined
    ? t('day.holidayNamed', { date, name: skipped.holiday })
    : t(`day.${skipped.reason}`, { date });
}

function fromPack(language: string, texts: readonly LocalizedText[]): StepText {
  const picked = texts.map((text) => pickLocalized(text, language));
  return { text: picked.map((item) => item.text).join(' '), locale: picked[0]?.locale ?? language };
}

/** One counting step in the agent's language: plural-aware units, dates through Intl. */
export function explanationStepText(t: TFunction<'rights'>, language: string, detail: StepDetail): StepText {
  const mine = (text: string): StepText => ({ text, locale: language });
  switch (detail.kind) {
    case 'start':
      return mine(
        t(detail.noticeUnknown ? 'step.startNoticeUnknown' : 'step.start', {
          event: t(`event.${detail.start}`),
          date: formatMarketDay(language, detail.date),
          zone: detail.zone,
        }),
      );
    case 'start_at':
      return mine(
        t(detail.dateOnly ? 'step.startAtDateOnly' : 'step.startAt', {
          event: t(`event.${detail.start}`),
          time: formatMarketInstant(language, detail.at, detail.zone),
          zone: detail.zone,
        }),
      );
    case 'category_period':
      return mine(
        t(detail.longestOfSeveral ? 'step.categoryPeriodLongest' : 'step.categoryPeriod', {
          categories: list(
            language,
            detail.categories.map((category) => t(`category.${category}`)),
          ),
        }),
      );
    case 'count_days':
      return mine(
        t(detail.from === 'day_after' ? 'step.countDays' : 'step.countDaysSameDay', {
          period: t(`unit.${detail.unit}`, { count: detail.amount }),
          first: formatMarketDay(language, detail.firstDay),
          last: formatMarketDay(language, detail.lastDay),
        }),
      );
    case 'count_hours':
      return mine(t('step.countHours', { period: t('unit.hours', { count: detail.amount }) }));
    case 'skip':
      return mine(t('step.skip', { day: day(t, language, detail.day) }));
    case 'adjust':
      return mine(t('step.adjust', { day: day(t, language, detail.day) }));
    case 'no_end_adjust':
      return mine(t('step.noEndAdjust'));
    case 'end':
      return mine(t('step.end', { date: formatMarketDay(language, detail.date), zone: detail.zone }));
    case 'end_at':
      return mine(t('step.endAt', { time: formatMarketInstant(language, detail.at, detail.zone), zone: detail.zone }));
    case 'needs_date':
      return mine(t('step.needsDate', { event: t(`event.${detail.start}`) }));
    case 'extended_by_repair':
      return mine(
        t('step.extendedByRepair', {
          repaired: formatMarketDay(language, detail.repairedOn),
          period: t('unit.months', { count: detail.months }),
          date: formatMarketDay(language, detail.date),
        }),
      );
    case 'excluded': {
      const reasons = fromPack(language, detail.reasons);
      return { text: t('step.excluded', { reasons: reasons.text }), locale: reasons.locale };
    }
    case 'not_applicable':
      return fromPack(language, [detail.reason]);
  }
}

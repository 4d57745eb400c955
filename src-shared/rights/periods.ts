import type { MarketCode } from '../domain/market';
import { addDays, addMonths, isoWeekday, marketDayStatus, type PeriodRule } from '../markets/index';

export type SkipReason = 'weekend' | 'holiday' | 'sunday';

export interface SkippedDay {
  date: string;
  reason: SkipReason;
  holiday?: string;
}

export interface PeriodResult {
  /** The last day of the period before any end-of-period adjustment. */
  rawEndDate: string;
  endDate: string;
  firstCountedDay: string;
  /** Non-working days jumped over while counting business days. */
  skippedWhileCounting: SkippedDay[];
  /** Days the end moved over because the law moves a period that ends on them. */
  skippedAtEnd: SkippedDay[];
}

function skipInfo(market: MarketCode, region: string | undefined, date: string): SkippedDay | undefined {
  const status = marketDayStatus(market, date, region);
  if (status.working) return undefined;
  return status.reason === 'holiday'
    ? { date, reason: 'holiday', holiday: status.holiday.name }
    : { date, reason: 'weekend' };
}

// China's rule names Sundays and statutory holidays; a Sunday declared a working day (调休) is not a day off.
function sundayOrHoliday(market: MarketCode, region: string | undefined, date: string): SkippedDay | undefined {
  const status = marketDayStatus(market, date, region);
  if (status.reason === 'holiday') return { date, reason: 'holiday', holiday: status.holiday.name };
  if (isoWeekday(date) === 7 && status.reason !== 'make_up_working_day') return { date, reason: 'sunday' };
  return undefined;
}

const MAX_ADJUST_DAYS = 60;

/** Counts a legal period in days, business days, months or years from a start date in the market. */
export function countPeriod(
  market: MarketCode,
  region: string | undefined,
  startDate: string,
  rule: PeriodRule,
): PeriodResult {
  const skippedWhileCounting: SkippedDay[] = [];
  const firstCountedDay = rule.startOffset === 'day_after' ? addDays(startDate, 1) : startDate;
  let rawEndDate: string;
  switch (rule.unit) {
    case 'calendar_days':
      rawEndDate = addDays(firstCountedDay, rule.amount - 1);
      break;
    case 'business_days': {
      let day = firstCountedDay;
      let counted = 0;
      let last = startDate;
      while (counted < rule.amount) {
        const skipped = skipInfo(market, region, day);
        if (skipped) skippedWhileCounting.push(skipped);
        else {
          counted += 1;
          last = day;
        }
        day = addDays(day, 1);
        if (skippedWhileCounting.length > 366)
          throw new Error(`${market} has no working day within a year of ${startDate}`);
      }
      rawEndDate = last;
      break;
    }
    case 'months':
    case 'years': {
      const months = rule.unit === 'years' ? rule.amount * 12 : rule.amount;
      // A period in months ends on the same date of the later month (Reg. 1182/71 art. 3(2)(c); GDPR guidance).
      rawEndDate =
        rule.startOffset === 'day_after' ? addMonths(startDate, months) : addDays(addMonths(startDate, months), -1);
      break;
    }
    case 'hours':
      throw new Error('Periods in hours are counted from the instant, not from a date');
  }
  if (rule.amount === 0) rawEndDate = startDate;

  const skippedAtEnd: SkippedDay[] = [];
  let endDate = rawEndDate;
  if (rule.endAdjust !== 'none') {
    const moves = rule.endAdjust === 'next_working_day' ? skipInfo : sundayOrHoliday;
    for (let guard = 0; guard < MAX_ADJUST_DAYS; guard += 1) {
      const skipped = moves(market, region, endDate);
      if (!skipped) break;
      skippedAtEnd.push(skipped);
      endDate = addDays(endDate, 1);
    }
  }
  return { rawEndDate, endDate, firstCountedDay, skippedWhileCounting, skippedAtEnd };
}

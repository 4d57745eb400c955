import type { MarketCode } from '../domain/market';
import { dayStatus, holidayRegion, yearCalendar, type DayStatus, type HolidayDay } from './holidays';
import { getMarketPack, holidayOverride } from './registry';

export * from './schema';
export type { DayStatus, HolidayDay } from './holidays';
export {
  findMarketPack,
  getMarketPack,
  holidayOverride,
  listHolidayOverrides,
  listMarketPacks,
  MarketPackError,
} from './registry';
export { packReport, REQUIRED_CLOCK_KINDS } from './packReport';
export type { PackReport } from './packReport';
export { addDays, addMonths, daysBetween, isoWeekday, parseLocalDate, weekdayName } from './localDate';

/** Dates are calendar dates (YYYY-MM-DD) in the market; region is a subdivision such as US "CA" or GB "SCT". */
export function holidaysInYear(market: MarketCode, year: number, region?: string): HolidayDay[] {
  const pack = getMarketPack(market);
  return [...yearCalendar(pack, holidayOverride, region, year).holidays.values()].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

export function holidayOn(market: MarketCode, date: string, region?: string): HolidayDay | undefined {
  const status = marketDayStatus(market, date, region);
  return status.reason === 'holiday' ? status.holiday : undefined;
}

export function isPublicHoliday(market: MarketCode, date: string, region?: string): boolean {
  return holidayOn(market, date, region) !== undefined;
}

/** Working day per the market's business week, minus holidays, plus make-up working days (CN 调休). */
export function isWorkingDay(market: MarketCode, date: string, region?: string): boolean {
  return marketDayStatus(market, date, region).working;
}

export function marketDayStatus(market: MarketCode, date: string, region?: string): DayStatus {
  return dayStatus(getMarketPack(market), holidayOverride, date, region);
}

/** Weekend days declared working days in that year (调休), with the reason. */
export function makeUpWorkingDays(
  market: MarketCode,
  year: number,
  region?: string,
): Array<{ date: string; reason: string }> {
  const calendar = yearCalendar(getMarketPack(market), holidayOverride, region, year);
  return [...calendar.workingDays]
    .map(([date, reason]) => ({ date, reason }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The zone in which the market's legal dates are counted (a region may have its own, e.g. US-CA). */
export function marketZone(market: MarketCode, region?: string): string {
  const pack = getMarketPack(market);
  const zone = (region ? pack.regions[region]?.timeZone : undefined) ?? pack.timeZones[0];
  if (!zone) throw new Error(`Market ${market} has no time zone`);
  return zone;
}

export function libraryRegion(market: MarketCode, region?: string): string | undefined {
  return holidayRegion(getMarketPack(market), region);
}

import Holidays from 'date-holidays';
import type { MarketCode } from '../domain/market';
import type { HolidayOverride, MarketPack } from './schema';
import { addDays, isoWeekday, parseLocalDate } from './localDate';

export interface HolidayDay {
  date: string;
  name: string;
  kind: 'public' | 'substitute' | 'collective_leave';
  /** library: computed by date-holidays; override: from resources/markets/overrides (official list or correction). */
  origin: 'library' | 'override';
  verified: boolean;
}

export interface YearCalendar {
  holidays: Map<string, HolidayDay>;
  /** Weekend days declared working days (调休), with the reason. */
  workingDays: Map<string, string>;
  override: HolidayOverride | undefined;
}

export type DayStatus =
  | { working: true; reason: 'working_day' }
  | { working: true; reason: 'make_up_working_day'; note: string }
  | { working: false; reason: 'weekend' }
  | { working: false; reason: 'holiday'; holiday: HolidayDay };

const DAY_MS = 86_400_000;
const libraries = new Map<string, Holidays>();
const years = new Map<string, YearCalendar>();

function library(country: string, region: string | undefined): Holidays {
  const key = `${country}|${region ?? ''}`;
  let instance = libraries.get(key);
  if (!instance) {
    instance = region ? new Holidays(country, region) : new Holidays(country);
    libraries.set(key, instance);
  }
  return instance;
}

/** The library's days off: whole-day entries of the pack's types, multi-day entries expanded, exclusions applied. */
function libraryHolidays(pack: MarketPack, region: string | undefined, year: number): HolidayDay[] {
  const days: HolidayDay[] = [];
  for (const entry of library(pack.holidays.library.country, region).getHolidays(year)) {
    if (!pack.holidays.types.includes(entry.type)) continue;
    if (pack.holidays.excludeNames.some((name) => entry.name.includes(name))) continue;
    // date-holidays marks half days with a start time ("2026-03-08 12:00:00"); they are not days off.
    if (entry.date.slice(11, 16) !== '00:00') continue;
    const first = entry.date.slice(0, 10);
    const length = Math.max(1, Math.round((entry.end.getTime() - entry.start.getTime()) / DAY_MS));
    for (let offset = 0; offset < length; offset += 1) {
      days.push({
        date: addDays(first, offset),
        name: entry.name,
        kind: entry.substitute ? 'substitute' : 'public',
        origin: 'library',
        verified: false,
      });
    }
  }
  return days;
}

const knownStates = new Map<string, Set<string>>();

function libraryStates(country: string): Set<string> {
  let states = knownStates.get(country);
  if (!states) {
    states = new Set(Object.keys(new Holidays().getStates(country) ?? {}));
    knownStates.set(country, states);
  }
  return states;
}

/** The library state for a region: the pack's mapping, else the region itself if the library knows it. */
export function holidayRegion(pack: MarketPack, region: string | undefined): string | undefined {
  const mapped = region ? pack.regions[region]?.holidayRegion : undefined;
  if (mapped) return mapped;
  if (region && libraryStates(pack.holidays.library.country).has(region)) return region;
  return pack.holidays.library.defaultRegion;
}

function appliesToRegion(regions: string[] | undefined, region: string | undefined): boolean {
  return !regions || (region !== undefined && regions.includes(region));
}

export function buildYearCalendar(
  pack: MarketPack,
  override: HolidayOverride | undefined,
  region: string | undefined,
  year: number,
): YearCalendar {
  const holidays = new Map<string, HolidayDay>();
  if (!override || override.mode === 'patch') {
    for (const day of libraryHolidays(pack, holidayRegion(pack, region), year)) {
      if (!holidays.has(day.date)) holidays.set(day.date, day);
    }
  }
  if (override) {
    for (const removed of override.removeDates) holidays.delete(removed.date);
    for (const entry of override.holidays) {
      if (!appliesToRegion(entry.regions, region)) continue;
      holidays.set(entry.date, {
        date: entry.date,
        name: entry.name,
        kind: entry.kind,
        origin: 'override',
        verified: entry.verified ?? override.verified,
      });
    }
  }
  const workingDays = new Map((override?.workingDays ?? []).map((day) => [day.date, day.reason] as const));
  return { holidays, workingDays, override };
}

export type OverrideLookup = (market: MarketCode, year: number) => HolidayOverride | undefined;

export function yearCalendar(
  pack: MarketPack,
  overrideFor: OverrideLookup,
  region: string | undefined,
  year: number,
): YearCalendar {
  const key = `${pack.code}|${region ?? ''}|${year}`;
  let calendar = years.get(key);
  if (!calendar) {
    calendar = buildYearCalendar(pack, overrideFor(pack.code, year), region, year);
    years.set(key, calendar);
  }
  return calendar;
}

export function dayStatus(pack: MarketPack, overrideFor: OverrideLookup, date: string, region?: string): DayStatus {
  const { year } = parseLocalDate(date);
  const calendar = yearCalendar(pack, overrideFor, region, year);
  const holiday = calendar.holidays.get(date);
  if (holiday) return { working: false, reason: 'holiday', holiday };
  const makeUp = calendar.workingDays.get(date);
  if (makeUp !== undefined) return { working: true, reason: 'make_up_working_day', note: makeUp };
  if (!pack.businessWeek.includes(isoWeekday(date))) return { working: false, reason: 'weekend' };
  return { working: true, reason: 'working_day' };
}

import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { DateOnlySchema, TimeZoneSchema } from '../domain/ids';
import { MarketCodeSchema, RegionCodeSchema, type MarketCode } from '../domain/market';
import { WeeklyHoursSchema, type WeeklyHours } from '../domain/user';
import { addDays, getMarketPack, isoWeekday, marketDayStatus, marketZone, type DayStatus } from '../markets/index';
import { weekdayKey } from './hoursSpec';

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

export const BusinessCalendarSchema = z.object({
  /** Label for explanations (team id, "market:CN|"). */
  id: z.string().min(1).optional(),
  timeZone: TimeZoneSchema,
  weeklyHours: WeeklyHoursSchema,
  /** Whose public holidays and make-up working days apply. */
  holidayMarket: MarketCodeSchema.optional(),
  holidayRegion: RegionCodeSchema.optional(),
  /** Opening hours on a make-up working day (CN 调休 Saturday); Monday's hours when omitted. */
  makeUpDayHours: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])).optional(),
  /** Further closed dates (company shutdown days). */
  closedDates: z.array(DateOnlySchema).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;
export type BusinessCalendarInput = z.input<typeof BusinessCalendarSchema>;

export type CalendarChoice = 'team' | 'customer_market' | 'both';

export interface SlaCalendars {
  team: BusinessCalendar;
  /** The customer market's calendar; needed by targets counted in the customer market or in both. */
  customer?: BusinessCalendar;
}

const marketCalendars = new Map<string, BusinessCalendar>();

/** The customer market's business calendar: its reference zone, business week, office hours and holidays. */
export function marketCalendar(market: MarketCode, region?: string): BusinessCalendar {
  const key = `${market}|${region ?? ''}`;
  const cached = marketCalendars.get(key);
  if (cached) return cached;
  const pack = getMarketPack(market);
  const hours: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  for (const day of pack.businessWeek) hours[weekdayKey(day)].push([...pack.businessHours]);
  const calendar: BusinessCalendar = {
    id: `market:${key}`,
    timeZone: marketZone(market, region),
    weeklyHours: hours,
    holidayMarket: market,
    ...(region ? { holidayRegion: region } : {}),
    makeUpDayHours: [[...pack.businessHours]],
    closedDates: [],
  };
  marketCalendars.set(key, calendar);
  return calendar;
}

export interface DayPlan {
  date: string;
  status: DayStatus | { working: false; reason: 'closed_date' } | { working: true; reason: 'no_holiday_calendar' };
  /** Opening windows of that local day as [HH:MM, HH:MM]; empty when closed. */
  windows: Array<[string, string]>;
}

/** What a calendar does on one local date, with the reason (used both to compile and to explain). */
export function planDay(calendar: BusinessCalendar, date: string): DayPlan {
  if (calendar.closedDates.includes(date))
    return { date, status: { working: false, reason: 'closed_date' }, windows: [] };
  const weekly = calendar.weeklyHours[weekdayKey(isoWeekday(date))];
  if (!calendar.holidayMarket)
    return { date, status: { working: true, reason: 'no_holiday_calendar' }, windows: weekly };
  const status = marketDayStatus(calendar.holidayMarket, date, calendar.holidayRegion);
  if (status.reason === 'holiday') return { date, status, windows: [] };
  if (status.reason === 'make_up_working_day') {
    return { date, status, windows: calendar.makeUpDayHours ?? calendar.weeklyHours.mon };
  }
  return { date, status, windows: weekly };
}

function instantOf(date: string, time: string, zone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  if (hour === 24) return DateTime.fromObject({ year, month, day }, { zone }).plus({ days: 1 }).toMillis();
  // Luxon moves a wall time inside a spring-forward gap to the first valid instant after it.
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone }).toMillis();
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

interface Intervals {
  starts: number[];
  ends: number[];
}

function yearStart(year: number): number {
  return Date.UTC(year, 0, 1);
}

/** UTC instant of a local midnight, given the offset in force just before it (two steps settle any offset change). */
function midnightUtc(zone: IANAZone, wallMs: number, offsetGuess: number): { utc: number; offset: number } {
  const utc = wallMs - offsetGuess * 60_000;
  const offset = zone.offset(utc);
  if (offset === offsetGuess) return { utc, offset };
  const settled = wallMs - offset * 60_000;
  return { utc: settled, offset: zone.offset(settled) };
}

/** Open intervals of a calendar inside one UTC year, sorted and merged, in epoch milliseconds. */
function calendarYearIntervals(calendar: BusinessCalendar, utcYear: number): Intervals {
  const from = yearStart(utcYear);
  const to = yearStart(utcYear + 1);
  const zone = IANAZone.create(calendar.timeZone);
  const raw: Array<[number, number]> = [];
  // Local dates from the day before to the day after the UTC year cover every zone offset.
  let date = `${utcYear - 1}-12-30`;
  const lastDate = `${utcYear + 1}-01-02`;
  let wall = Date.UTC(utcYear - 1, 11, 30);
  let { utc: midnight, offset } = midnightUtc(zone, wall, zone.offset(wall));
  while (date <= lastDate) {
    const nextWall = wall + 86_400_000;
    const next = midnightUtc(zone, nextWall, offset);
    const nextMidnight = next.utc;
    // Within a day without an offset change, local minutes map linearly to instants; DST days go through luxon.
    const steady = offset === next.offset;
    for (const [open, close] of planDay(calendar, date).windows) {
      const startMs = steady ? midnight + minutesOf(open) * 60_000 : instantOf(date, open, calendar.timeZone);
      const endMs =
        close === '24:00'
          ? nextMidnight
          : steady
            ? midnight + minutesOf(close) * 60_000
            : instantOf(date, close, calendar.timeZone);
      const start = Math.max(from, startMs);
      const end = Math.min(to, endMs);
      if (end > start) raw.push([start, end]);
    }
    date = addDays(date, 1);
    wall = nextWall;
    midnight = nextMidnight;
    offset = next.offset;
  }
  raw.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of raw) {
    const last = ends.length - 1;
    if (last >= 0 && start <= (ends[last] ?? 0)) ends[last] = Math.max(ends[last] ?? 0, end);
    else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}

function intersect(a: Intervals, b: Intervals): Intervals {
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.starts.length && j < b.starts.length) {
    const start = Math.max(a.starts[i] ?? 0, b.starts[j] ?? 0);
    const end = Math.min(a.ends[i] ?? 0, b.ends[j] ?? 0);
    if (end > start) {
      starts.push(start);
      ends.push(end);
    }
    if ((a.ends[i] ?? 0) < (b.ends[j] ?? 0)) i += 1;
    else j += 1;
  }
  return { starts, ends };
}

const MAX_YEARS_AHEAD = 5;

/**
 * A calendar compiled to sorted open intervals with prefix sums, loaded one UTC year at a time, so
 * "add 4 business hours" and "business time between" are binary searches (the SLA bench evaluates 100k cases).
 */
export class OpenTimeline {
  private lo = 0;
  private hi = -1;
  private starts: number[] = [];
  private ends: number[] = [];
  /** Open milliseconds before interval i, counted from the first loaded year. */
  private cum: number[] = [];
  private readonly years = new Map<number, Intervals>();

  constructor(private readonly yearIntervals: (utcYear: number) => Intervals) {}

  private load(fromYear: number, toYear: number): void {
    const lo = this.hi < this.lo ? fromYear : Math.min(this.lo, fromYear);
    const hi = this.hi < this.lo ? toYear : Math.max(this.hi, toYear);
    if (lo === this.lo && hi === this.hi) return;
    const starts: number[] = [];
    const ends: number[] = [];
    for (let year = lo; year <= hi; year += 1) {
      let intervals = this.years.get(year);
      if (!intervals) {
        intervals = this.yearIntervals(year);
        this.years.set(year, intervals);
      }
      starts.push(...intervals.starts);
      ends.push(...intervals.ends);
    }
    const cum = new Array<number>(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i += 1) {
      cum[i] = total;
      total += (ends[i] ?? 0) - (starts[i] ?? 0);
    }
    this.lo = lo;
    this.hi = hi;
    this.starts = starts;
    this.ends = ends;
    this.cum = cum;
  }

  private ensure(ms: number): void {
    const year = new Date(ms).getUTCFullYear();
    if (year < this.lo || year > this.hi) this.load(year, year);
  }

  /** Index of the last interval starting at or before ms, or -1. */
  private indexAt(ms: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.starts[mid] ?? 0) <= ms) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  private openBefore(ms: number): number {
    this.ensure(ms);
    const i = this.indexAt(ms);
    if (i < 0) return 0;
    return (this.cum[i] ?? 0) + Math.min(ms, this.ends[i] ?? 0) - (this.starts[i] ?? 0);
  }

  isOpen(ms: number): boolean {
    this.ensure(ms);
    const i = this.indexAt(ms);
    return i >= 0 && ms < (this.ends[i] ?? 0);
  }

  /** Open windows clipped to [from, to), for explanations. */
  windows(from: number, to: number): Array<[number, number]> {
    this.ensure(from);
    this.ensure(to);
    const result: Array<[number, number]> = [];
    for (let i = Math.max(0, this.indexAt(from)); i < this.starts.length; i += 1) {
      const start = Math.max(from, this.starts[i] ?? 0);
      const end = Math.min(to, this.ends[i] ?? 0);
      if ((this.starts[i] ?? 0) >= to) break;
      if (end > start) result.push([start, end]);
    }
    return result;
  }

  /** Open milliseconds in [from, to); negative when to is before from. */
  between(from: number, to: number): number {
    if (to < from) return -this.between(to, from);
    this.ensure(from);
    this.ensure(to);
    return this.openBefore(to) - this.openBefore(from);
  }

  /** The instant when `duration` open milliseconds after `from` have passed; always inside or at the end of an open window. */
  add(from: number, duration: number): number {
    if (duration <= 0) return from;
    this.ensure(from);
    const target = this.openBefore(from) + duration;
    const startYear = this.hi;
    for (;;) {
      const last = this.starts.length - 1;
      const total = last < 0 ? 0 : (this.cum[last] ?? 0) + (this.ends[last] ?? 0) - (this.starts[last] ?? 0);
      if (total >= target) break;
      if (this.hi - startYear >= MAX_YEARS_AHEAD)
        throw new Error(
          'No open hours in the next 5 years: the calendar, or the overlap of team and customer calendars, is never open',
        );
      this.load(this.lo, this.hi + 1);
    }
    let low = 0;
    let high = this.starts.length - 1;
    let found = high;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.cum[mid] ?? 0) + (this.ends[mid] ?? 0) - (this.starts[mid] ?? 0) >= target) {
        found = mid;
        high = mid - 1;
      } else low = mid + 1;
    }
    return (this.starts[found] ?? 0) + target - (this.cum[found] ?? 0);
  }
}

const byObject = new WeakMap<BusinessCalendar, OpenTimeline>();
// Keyed by content, not id: an admin editing a team's hours must never get the old compiled timeline.
const byContent = new Map<string, OpenTimeline>();
const pairs = new WeakMap<OpenTimeline, WeakMap<OpenTimeline, OpenTimeline>>();
const yearSources = new WeakMap<OpenTimeline, (utcYear: number) => Intervals>();

function timelineOf(calendar: BusinessCalendar): OpenTimeline {
  const known = byObject.get(calendar);
  if (known) return known;
  const key = JSON.stringify(calendar);
  const cached = byContent.get(key);
  if (cached) {
    byObject.set(calendar, cached);
    return cached;
  }
  const source = (utcYear: number): Intervals => calendarYearIntervals(calendar, utcYear);
  const timeline = new OpenTimeline(source);
  yearSources.set(timeline, source);
  byObject.set(calendar, timeline);
  byContent.set(key, timeline);
  return timeline;
}

function bothOf(a: OpenTimeline, b: OpenTimeline): OpenTimeline {
  let inner = pairs.get(a);
  if (!inner) {
    inner = new WeakMap();
    pairs.set(a, inner);
  }
  const cached = inner.get(b);
  if (cached) return cached;
  const sourceA = yearSources.get(a);
  const sourceB = yearSources.get(b);
  if (!sourceA || !sourceB) throw new Error('Cannot combine calendars');
  const source = (utcYear: number): Intervals => intersect(sourceA(utcYear), sourceB(utcYear));
  const timeline = new OpenTimeline(source);
  yearSources.set(timeline, source);
  inner.set(b, timeline);
  return timeline;
}

/** One timeline for several calendars: open only when all of them are open. */
export function combinedTimeline(calendars: readonly BusinessCalendar[]): OpenTimeline {
  const [first, ...rest] = calendars;
  if (!first) throw new Error('At least one calendar is needed');
  return rest.reduce((timeline, calendar) => bothOf(timeline, timelineOf(calendar)), timelineOf(first));
}

/** The open-time timeline a target counts in: team, customer market, or both (open only when both are). */
export function openTimeline(calendars: SlaCalendars, choice: CalendarChoice): OpenTimeline {
  if (choice === 'team') return timelineOf(calendars.team);
  if (!calendars.customer) throw new Error(`A target counted in "${choice}" needs the customer market's calendar`);
  if (choice === 'customer_market') return timelineOf(calendars.customer);
  return bothOf(timelineOf(calendars.team), timelineOf(calendars.customer));
}

export function calendarsFor(calendars: SlaCalendars, choice: CalendarChoice): BusinessCalendar[] {
  if (choice === 'team') return [calendars.team];
  if (!calendars.customer) throw new Error(`A target counted in "${choice}" needs the customer market's calendar`);
  return choice === 'customer_market' ? [calendars.customer] : [calendars.team, calendars.customer];
}

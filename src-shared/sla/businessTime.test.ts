import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../domain/user';
import {
  addBusinessDuration,
  BusinessCalendarSchema,
  businessDurationBetween,
  explainBusinessSpan,
  marketCalendar,
  parseWeeklyHours,
  type BusinessCalendar,
  type BusinessCalendarInput,
} from './index';

const HOUR = 3_600_000;
const calendar = (input: BusinessCalendarInput): BusinessCalendar => BusinessCalendarSchema.parse(input);

describe('parseWeeklyHours', () => {
  it('reads ranges, split shifts and single days', () => {
    expect(parseWeeklyHours('Mon-Fri 09:00-12:00,13:00-18:00; Sat 10:00-14:00')).toEqual({
      mon: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      tue: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      wed: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      thu: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      fri: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      sat: [['10:00', '14:00']],
      sun: [],
    });
    expect(parseWeeklyHours('Sun-Thu 09:00-17:00').fri).toEqual([]);
    expect(parseWeeklyHours('Sun-Thu 09:00-17:00').sun).toEqual([['09:00', '17:00']]);
  });

  it('rejects bad specs with a clear message', () => {
    expect(() => parseWeeklyHours('Mon-Fry 09:00-18:00')).toThrow(/Unknown weekday "Fry"/);
    expect(() => parseWeeklyHours('Mon 18:00-09:00')).toThrow(/ends before it starts/);
    expect(() => parseWeeklyHours('Mon 9-18')).toThrow(/Bad time range/);
    expect(() => parseWeeklyHours('')).toThrow(/Empty/);
  });
});

// Hand-checked deadlines.
describe('addBusinessDuration (hand-checked)', () => {
  const shanghai = calendar({
    timeZone: 'Asia/Shanghai',
    weeklyHours: parseWeeklyHours('Mon-Fri 09:00-12:00,13:00-18:00'),
    holidayMarket: 'CN',
  });

  it('skips the lunch break of a split shift', () => {
    expect(addBusinessDuration(shanghai, '2026-05-06T11:00:00+08:00', 2 * HOUR)).toBe('2026-05-06T14:00:00+08:00');
  });

  it('CN Labour Day: skips 1–5 May and counts the make-up Saturday 9 May', () => {
    expect(addBusinessDuration(shanghai, '2026-04-30T16:00:00+08:00', 4 * HOUR)).toBe('2026-05-06T11:00:00+08:00');
    // 8 open hours a day: Fri 8 May 09:00 + 8 h ends 18:00; 4 more hours fall on the make-up Saturday.
    expect(addBusinessDuration(shanghai, '2026-05-08T09:00:00+08:00', 12 * HOUR)).toBe('2026-05-09T14:00:00+08:00');
  });

  it('CN Spring Festival: a deadline started on the make-up Saturday 14 Feb lands after the nine-day break', () => {
    expect(addBusinessDuration(shanghai, '2026-02-14T17:00:00+08:00', 2 * HOUR)).toBe('2026-02-24T10:00:00+08:00');
  });

  it('US DST weekend: Friday EST to Monday EDT keeps wall-clock opening hours', () => {
    const newYork = calendar({
      timeZone: 'America/New_York',
      weeklyHours: parseWeeklyHours('Mon-Fri 09:00-17:00'),
      holidayMarket: 'US',
    });
    expect(addBusinessDuration(newYork, '2026-03-06T15:00:00-05:00', 4 * HOUR)).toBe('2026-03-09T11:00:00-04:00');
    expect(businessDurationBetween(newYork, '2026-03-06T09:00:00-05:00', '2026-03-09T17:00:00-04:00')).toBe(16 * HOUR);
  });

  it('EU DST: the night of 25 Oct 2026 has 25 hours on a 24/7 calendar', () => {
    const always = calendar({ timeZone: 'Europe/Berlin', weeklyHours: parseWeeklyHours('Mon-Sun 00:00-24:00') });
    expect(businessDurationBetween(always, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toBe(25 * HOUR);
  });

  it('SA: Eid al-Fitr break and the Friday–Saturday weekend', () => {
    const riyadh = marketCalendar('SA');
    // Thu 18 Mar 16:00 + 1 h closes the day; 19–22 Mar Eid; Mon 23 Mar 09:00 + 3 h.
    expect(addBusinessDuration(riyadh, '2026-03-18T16:00:00+03:00', 4 * HOUR)).toBe('2026-03-23T12:00:00+03:00');
    // Thu 2 Apr 16:00 + 2 h: Friday and Saturday are the weekend, Sunday is a working day.
    expect(addBusinessDuration(riyadh, '2026-04-02T16:00:00+03:00', 2 * HOUR)).toBe('2026-04-05T10:00:00+03:00');
  });

  it('ID: Idul Fitri with cuti bersama closes 18–24 March 2026', () => {
    const jakarta = marketCalendar('ID');
    expect(addBusinessDuration(jakarta, '2026-03-17T16:00:00+07:00', 2 * HOUR)).toBe('2026-03-25T09:00:00+07:00');
  });

  it('both calendars: counts only while team (Shanghai) and customer market (Germany) are open', () => {
    const team = calendar({
      timeZone: 'Asia/Shanghai',
      weeklyHours: parseWeeklyHours('Mon-Fri 09:00-18:00'),
      holidayMarket: 'CN',
    });
    const germany = marketCalendar('DE');
    // In CEST the overlap is 15:00–18:00 Shanghai (09:00–12:00 Berlin): 3 h a day.
    expect(addBusinessDuration([team, germany], '2026-06-08T09:00:00+08:00', 4 * HOUR)).toBe(
      '2026-06-09T16:00:00+08:00',
    );
    expect(businessDurationBetween([team, germany], '2026-06-08T00:00:00+08:00', '2026-06-13T00:00:00+08:00')).toBe(
      15 * HOUR,
    );
  });

  it('explains which days were skipped and why', () => {
    const due = addBusinessDuration(shanghai, '2026-04-30T16:00:00+08:00', 4 * HOUR);
    const explanation = explainBusinessSpan(shanghai, '2026-04-30T16:00:00+08:00', due);
    expect(explanation.countedMinutes).toBe(240);
    expect(explanation.closedDays.map((day) => [day.date, day.reason])).toEqual([
      ['2026-05-01', 'holiday'],
      ['2026-05-02', 'holiday'],
      ['2026-05-03', 'holiday'],
      ['2026-05-04', 'holiday'],
      ['2026-05-05', 'holiday'],
    ]);
    expect(explanation.windows.map((window) => `${window.date} ${window.from}-${window.to}`)).toEqual([
      '2026-04-30 16:00-18:00',
      '2026-05-06 09:00-11:00',
    ]);
    expect(explanation.summary).toMatch(/劳动节/);
    const weekend = explainBusinessSpan(shanghai, '2026-05-08T17:00:00+08:00', '2026-05-12T10:00:00+08:00');
    expect(weekend.makeUpDays.map((day) => day.date)).toEqual(['2026-05-09']);
    expect(weekend.closedDays.map((day) => [day.date, day.reason])).toEqual([['2026-05-10', 'weekend']]);
  });

  it('fails clearly on a calendar that never opens', () => {
    const closed = calendar({
      timeZone: 'UTC',
      weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect(() => addBusinessDuration(closed, '2026-01-01T00:00:00Z', HOUR)).toThrow(/No open hours/);
    expect(() => addBusinessDuration(shanghai, '2026-01-01 10:00', HOUR)).toThrow(/ISO instant with an offset/);
  });
});

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Shanghai',
  'Asia/Riyadh',
  'Australia/Sydney',
] as const;
const MARKETS = [undefined, 'CN', 'US', 'DE', 'SA', 'GB'] as const;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const minuteOfDay = (minutes: number): string =>
  minutes === 1440
    ? '24:00'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
// 0–2 windows a day on a quarter-hour grid, so split shifts and DST-night windows (01:30–03:30) occur.
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const dayHoursArb = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 4 }).map((slots) => {
  const sorted = [...slots].sort((a, b) => a - b);
  const windows: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    windows.push([minuteOfDay((sorted[i] ?? 0) * 15), minuteOfDay((sorted[i + 1] ?? 0) * 15)]);
  return windows;
});
const weeklyArb = fc
  .tuple(...DAYS.map(() => dayHoursArb))
  .map((days) => Object.fromEntries(DAYS.map((day, index) => [day, days[index] ?? []])) as WeeklyHours)
  // The engine looks at most five years ahead; 100 h of open time in a week with only 15 open minutes
  // would need eight. Two open hours a week keep every generated duration within about a year.
  .filter(
    (hours) =>
      DAYS.reduce(
        (sum, day) => sum + hours[day].reduce((open, [from, to]) => open + minutesOf(to) - minutesOf(from), 0),
        0,
      ) >= 120,
  );
const calendarArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weeklyHours: weeklyArb,
    holidayMarket: fc.constantFrom(...MARKETS),
  })
  .map((value) =>
    calendar({
      timeZone: value.timeZone,
      weeklyHours: value.weeklyHours,
      ...(value.holidayMarket ? { holidayMarket: value.holidayMarket } : {}),
    }),
  );
const startArb = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 11, 1) / 60_000 })
  .map((minute) => minute * 60_000);
const durationArb = fc.integer({ min: 1, max: 100 * 60 }).map((minutes) => minutes * 60_000);

describe('business time properties', () => {
  it('a deadline is always inside opening hours and exactly the asked duration of open time away', () => {
    fc.assert(
      fc.property(calendarArb, startArb, durationArb, (cal, start, duration) => {
        const due = Date.parse(addBusinessDuration(cal, start, duration));
        expect(due).toBeGreaterThan(start);
        expect(businessDurationBetween(cal, start, due)).toBe(duration);
        // The minute before the deadline is open: the deadline never falls in closed hours.
        expect(businessDurationBetween(cal, due - 60_000, due)).toBe(60_000);
      }),
      { numRuns: 150 },
    );
  });

  it("the local time of a deadline lies within that weekday's hours, across DST changes in US and EU zones", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('America/New_York', 'Europe/Berlin'),
        weeklyArb,
        fc.constantFrom(Date.UTC(2026, 2, 6), Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23), Date.UTC(2026, 9, 30)),
        durationArb,
        (zone, weeklyHours, start, duration) => {
          const cal = calendar({ timeZone: zone, weeklyHours });
          const due = DateTime.fromISO(addBusinessDuration(cal, start, duration), { zone });
          const justBefore = due.minus({ minutes: 1 });
          const day = DAYS[justBefore.weekday - 1] ?? 'mon';
          const minute = justBefore.hour * 60 + justBefore.minute;
          // On the two DST days a window's wall-clock edges shift by the hour that is skipped or repeated.
          const dstDay = justBefore.startOf('day').offset !== justBefore.endOf('day').offset;
          const slack = dstDay ? 60 : 0;
          const inWindow = weeklyHours[day].some(([from, to]) => {
            return minute >= minutesOf(from) - slack && minute < minutesOf(to) + slack;
          });
          expect(inWindow).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('adding a holiday never makes a deadline earlier', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        durationArb,
        fc.integer({ min: 0, max: 30 }),
        (cal, start, duration, offsetDays) => {
          const before = Date.parse(addBusinessDuration(cal, start, duration));
          const closedDate =
            DateTime.fromMillis(start, { zone: cal.timeZone }).plus({ days: offsetDays }).toISODate() ?? '';
          const withHoliday = calendar({ ...cal, closedDates: [...cal.closedDates, closedDate] });
          expect(Date.parse(addBusinessDuration(withHoliday, start, duration))).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});

import type { WeeklyHours } from '../domain/user';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type DayKey = (typeof DAYS)[number];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function dayIndex(token: string, spec: string): number {
  const index = DAYS.indexOf(token.toLowerCase().slice(0, 3) as DayKey);
  if (index < 0 || token.length < 3) throw new Error(`Unknown weekday "${token}" in hours "${spec}" (use Mon..Sun)`);
  return index;
}

/**
 * Parses opening hours written the way people write them: "Mon-Fri 09:00-12:00,13:00-18:00; Sat 10:00-14:00".
 * Days not mentioned are closed. Used by the markets CLI and admin forms.
 */
export function parseWeeklyHours(spec: string): WeeklyHours {
  const hours: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const parts = spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error('Empty opening hours: use e.g. "Mon-Fri 09:00-18:00"');
  for (const part of parts) {
    const match = /^([A-Za-z]+)(?:\s*-\s*([A-Za-z]+))?\s+(.+)$/.exec(part);
    if (!match?.[1] || !match[3])
      throw new Error(`Cannot read "${part}" in hours "${spec}" (use e.g. "Mon-Fri 09:00-18:00")`);
    const first = dayIndex(match[1], spec);
    const last = match[2] ? dayIndex(match[2], spec) : first;
    const ranges = match[3].split(',').map((range) => {
      const [from, to] = range
        .trim()
        .split('-')
        .map((time) => time.trim());
      if (!from || !to || !TIME.test(from) || !TIME.test(to))
        throw new Error(`Bad time range "${range.trim()}" in hours "${spec}" (use HH:MM-HH:MM)`);
      if (from >= to) throw new Error(`Time range "${range.trim()}" ends before it starts`);
      return [from, to] satisfies [string, string];
    });
    for (let offset = 0; offset < 7; offset += 1) {
      const index = (first + offset) % 7;
      const key = DAYS[index];
      if (key) hours[key].push(...ranges);
      if (index === last) break;
    }
  }
  return hours;
}

export function weekdayKey(isoWeekday: number): DayKey {
  const key = DAYS[isoWeekday - 1];
  if (!key) throw new Error(`Bad ISO weekday ${isoWeekday}`);
  return key;
}

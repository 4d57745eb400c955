import { DateTime } from 'luxon';
import { addDays, weekdayName } from '../markets/index';
import { combinedTimeline, planDay, type BusinessCalendar } from './calendar';

export type InstantInput = string | number | Date;

export function toMillis(value: InstantInput): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) {
    throw new Error(`Expected an ISO instant with an offset (e.g. 2026-05-06T10:00:00+08:00), got "${value}"`);
  }
  return ms;
}

function list(calendars: BusinessCalendar | readonly BusinessCalendar[]): readonly BusinessCalendar[] {
  return Array.isArray(calendars) ? calendars : [calendars as BusinessCalendar];
}

function isoIn(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}

/**
 * The instant `durationMs` of open time after `start`. Several calendars count only while all are open.
 * Returned as an ISO instant in the first calendar's zone.
 */
export function addBusinessDuration(
  calendars: BusinessCalendar | readonly BusinessCalendar[],
  start: InstantInput,
  durationMs: number,
): string {
  const all = list(calendars);
  const due = combinedTimeline(all).add(toMillis(start), durationMs);
  return isoIn(due, all[0]?.timeZone ?? 'UTC');
}

/** Open time in milliseconds between two instants (negative when `to` is earlier). */
export function businessDurationBetween(
  calendars: BusinessCalendar | readonly BusinessCalendar[],
  from: InstantInput,
  to: InstantInput,
): number {
  return combinedTimeline(list(calendars)).between(toMillis(from), toMillis(to));
}

export interface CountedWindow {
  date: string;
  from: string;
  to: string;
  minutes: number;
}
export interface ClosedDay {
  date: string;
  weekday: string;
  calendar: string;
  reason: 'weekend' | 'holiday' | 'closed_date';
  holiday?: string;
}
export interface MakeUpDay {
  date: string;
  calendar: string;
  note: string;
}

export interface BusinessExplanation {
  zone: string;
  start: string;
  due: string;
  countedMinutes: number;
  windows: CountedWindow[];
  closedDays: ClosedDay[];
  makeUpDays: MakeUpDay[];
  summary: string;
  /** The summary in the agents' UI languages. */
  summaries: { en: string; 'zh-CN': string };
}

function hhmm(ms: number, zone: string): { date: string; time: string } {
  const local = DateTime.fromMillis(ms, { zone });
  return { date: local.toISODate() ?? '', time: local.toFormat('HH:mm') };
}

function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return rest === 0 ? `${hours} h` : hours === 0 ? `${rest} min` : `${hours} h ${rest} min`;
}

function formatMinutesZh(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return rest === 0 ? `${hours}小时` : hours === 0 ? `${rest}分钟` : `${hours}小时${rest}分钟`;
}

function calendarLabel(calendar: BusinessCalendar, index: number): string {
  return calendar.id ?? (index === 0 ? 'team' : 'customer market');
}

/**
 * How open time between two instants was counted: the windows that counted and the days that were closed
 * and why ("why is this due on Tuesday?"). Dates are local to each calendar's zone.
 */
export function explainBusinessSpan(
  calendars: BusinessCalendar | readonly BusinessCalendar[],
  from: InstantInput,
  to: InstantInput,
): BusinessExplanation {
  const all = list(calendars);
  const zone = all[0]?.timeZone ?? 'UTC';
  const fromMs = toMillis(from);
  const toMs = toMillis(to);
  const windows = combinedTimeline(all)
    .windows(fromMs, toMs)
    .map(([start, end]) => {
      const a = hhmm(start, zone);
      const b = hhmm(end, zone);
      return { date: a.date, from: a.time, to: b.date === a.date ? b.time : '24:00', minutes: (end - start) / 60_000 };
    });
  const closedDays: ClosedDay[] = [];
  const makeUpDays: MakeUpDay[] = [];
  all.forEach((calendar, index) => {
    const label = calendarLabel(calendar, index);
    let date = DateTime.fromMillis(fromMs, { zone: calendar.timeZone }).toISODate() ?? '';
    const last = DateTime.fromMillis(toMs, { zone: calendar.timeZone }).toISODate() ?? '';
    for (let guard = 0; date <= last && guard < 800; guard += 1) {
      const plan = planDay(calendar, date);
      const weekday = weekdayName(date);
      if (plan.status.reason === 'holiday')
        closedDays.push({ date, weekday, calendar: label, reason: 'holiday', holiday: plan.status.holiday.name });
      else if (plan.status.reason === 'closed_date')
        closedDays.push({ date, weekday, calendar: label, reason: 'closed_date' });
      else if (plan.windows.length === 0) closedDays.push({ date, weekday, calendar: label, reason: 'weekend' });
      if (plan.status.reason === 'make_up_working_day')
        makeUpDays.push({ date, calendar: label, note: plan.status.note });
      date = addDays(date, 1);
    }
  });
  const countedMinutes = windows.reduce((sum, window) => sum + window.minutes, 0);
  const parts = [
    `Counted ${formatMinutes(countedMinutes)} of open time in ${zone} from ${isoIn(fromMs, zone)} to ${isoIn(toMs, zone)}.`,
    windows.length > 0
      ? `Open windows: ${windows.map((w) => `${w.date} ${w.from}-${w.to}`).join(', ')}.`
      : 'No open window in between.',
  ];
  if (closedDays.length > 0) {
    parts.push(
      `Skipped: ${closedDays.map((day) => `${day.date} ${day.weekday} (${day.reason === 'holiday' ? `holiday: ${day.holiday ?? ''}` : day.reason === 'weekend' ? 'closed that weekday' : 'closed date'}${all.length > 1 ? `, ${day.calendar}` : ''})`).join(', ')}.`,
    );
  }
  if (makeUpDays.length > 0)
    parts.push(`Make-up working days counted: ${makeUpDays.map((day) => `${day.date} (${day.note})`).join(', ')}.`);
  parts.push('Hours outside the opening windows were not counted.');
  const zh = [
    `在${zone}时区自${isoIn(fromMs, zone)}至${isoIn(toMs, zone)}共计入${formatMinutesZh(countedMinutes)}营业时间。`,
    windows.length > 0
      ? `计入的营业时段：${windows.map((w) => `${w.date} ${w.from}-${w.to}`).join('，')}。`
      : '其间没有营业时段。',
  ];
  if (closedDays.length > 0) {
    zh.push(
      `跳过：${closedDays.map((day) => `${day.date}（${day.reason === 'holiday' ? `节假日：${day.holiday ?? ''}` : day.reason === 'weekend' ? '该星期几不营业' : '停业日'}${all.length > 1 ? `，${day.calendar}` : ''}）`).join('，')}。`,
    );
  }
  if (makeUpDays.length > 0)
    zh.push(`计入的调休工作日：${makeUpDays.map((day) => `${day.date}（${day.note}）`).join('，')}。`);
  zh.push('营业时段以外的时间不计入。');
  const summary = parts.join(' ');
  return {
    zone,
    start: isoIn(fromMs, zone),
    due: isoIn(toMs, zone),
    countedMinutes,
    windows,
    closedDays,
    makeUpDays,
    summary,
    summaries: { en: summary, 'zh-CN': zh.join('') },
  };
}

export { isoIn };

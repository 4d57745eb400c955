import { DateTime } from 'luxon';
import { toMajor, type Money } from '../domain';

const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatMoney(money: Money, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    moneyFormats.set(key, format);
  }
  return format.format(toMajor(money));
}

/** The one date style replies use, so the pre-send check can read dates back (dateReader.ts). */
export const REPLY_DATE_STYLE = 'long' as const;

/** An instant shown as the calendar date it is in the customer's zone. */
export function formatInstantDate(instant: string, locale: string, timeZone: string): string {
  const date = DateTime.fromISO(instant, { setZone: true });
  if (!date.isValid) throw new Error(`not an ISO instant: ${instant}`);
  return formatDateOnly(date.setZone(timeZone).toISODate() ?? '', locale);
}

/**
 * A calendar date (a legal deadline is a whole day) shown without any zone shift. Always Gregorian:
 * ar-SA would default to the Hijri calendar, and a legal deadline must match the law's own dates.
 */
export function formatDateOnly(isoDate: string, locale: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'UTC' });
  if (!date.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`not an ISO date: ${isoDate}`);
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: REPLY_DATE_STYLE, timeZone: 'UTC', calendar: 'gregory' });
    dateFormats.set(locale, format);
  }
  return format.format(date.toJSDate());
}

export function instantToLocalDate(instant: string, timeZone: string): string {
  const date = DateTime.fromISO(instant, { setZone: true }).setZone(timeZone);
  const iso = date.toISODate();
  if (!date.isValid || !iso) throw new Error(`not an ISO instant: ${instant}`);
  return iso;
}

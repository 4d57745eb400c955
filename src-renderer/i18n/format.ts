/**
 * Dates, numbers and durations through Intl in the UI locale (never hand-built strings), so digits,
 * separators and unit words follow the agent's language, Arabic-Indic digits included.
 */

// Building an Intl formatter costs far more than formatting with one, and queue rows, counts and the
// market menu format on every render: keep one per locale (and options) for the page's lifetime.
function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const languageNames = new Map<string, Intl.DisplayNames>();
const regionNames = new Map<string, Intl.DisplayNames>();

export function formatDateTime(locale: string, iso: string): string {
  return cached(
    dateTimeFormats,
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
}

export function formatNumber(locale: string, value: number): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
}

// Countdowns re-render every second for every visible row: build each formatter once per locale.
const unitFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function unitFormat(locale: string, unit: 'day' | 'hour' | 'minute'): Intl.NumberFormat {
  const key = `${locale}|${unit}`;
  let format = unitFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
    unitFormats.set(key, format);
  }
  return format;
}

function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (format === undefined) {
    format = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' });
    listFormats.set(locale, format);
  }
  return format;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 hr 5 min" style: the two largest units of a non-negative duration, in the locale's words. */
export function formatDuration(locale: string, ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE)) * MINUTE;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const unit = (value: number, name: 'day' | 'hour' | 'minute') => unitFormat(locale, name).format(value);
  // "1 day", not "1 day, 0 hr": a zero second unit says nothing.
  const parts =
    days > 0
      ? [unit(days, 'day'), ...(hours > 0 ? [unit(hours, 'hour')] : [])]
      : hours > 0
        ? [unit(hours, 'hour'), ...(minutes > 0 ? [unit(minutes, 'minute')] : [])]
        : [unit(minutes, 'minute')];
  return listFormat(locale).format(parts);
}

export function languageName(locale: string, tag: string): string {
  try {
    return (
      cached(
        languageNames,
        locale,
        () => new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'standard' }),
      ).of(tag) ?? tag
    );
  } catch {
    return tag;
  }
}

export function regionName(locale: string, code: string): string {
  try {
    return cached(regionNames, locale, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

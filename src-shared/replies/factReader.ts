import { minorDigits } from '../domain';
import { stripBidiControls } from './bidi';
import { REPLY_DATE_STYLE } from './formatters';

/** Facts read back out of a written reply, to compare two renderings that share no words. */
export interface ReplyFacts {
  identifiers: string[];
  /** "EUR:123450" (currency and minor units). */
  amounts: string[];
  /** ISO dates (YYYY-MM-DD). */
  dates: string[];
}

const DIGIT_BLOCKS = [0x0660, 0x06f0, 0xff10, 0x0966];

/** Arabic-Indic, Persian, full-width and Devanagari digits become ASCII; bidi marks go. */
export function normalizeText(text: string): string {
  let out = '';
  for (const char of stripBidiControls(text)) {
    const code = char.codePointAt(0) ?? 0;
    const block = DIGIT_BLOCKS.find((start) => code >= start && code <= start + 9);
    out += block === undefined ? char : String(code - block);
  }
  return out.normalize('NFC');
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flexibleSpace = (text: string): string => escape(text).replace(/\s+/gu, '\\s*');

interface AmountReader {
  currency: string;
  pattern: RegExp;
  group: string;
  decimal: string;
}
const amountReaders = new Map<string, AmountReader>();

function amountReader(locale: string, currency: string): AmountReader {
  const key = `${locale}|${currency}`;
  const cached = amountReaders.get(key);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1234567.5);
  const part = (type: string): string => normalizeText(parts.find((p) => p.type === type)?.value ?? '');
  const group = part('group') || ',';
  const decimal = part('decimal') || '.';
  const symbols = [...new Set([part('currency').trim(), currency])].filter(Boolean).map(flexibleSpace);
  const symbol = `(?:${symbols.join('|')})`;
  const number = `(\\d{1,3}(?:${escape(group)}\\d{3})+(?:${escape(decimal)}\\d+)?|\\d+(?:${escape(decimal)}\\d+)?)`;
  const gap = '[\\s]*';
  const pattern = new RegExp(`${symbol}${gap}${number}|${number.replace('(', '(?<after>')}${gap}${symbol}`, 'gu');
  const reader = { currency, pattern, group, decimal };
  amountReaders.set(key, reader);
  return reader;
}

/** Amounts written in `locale`'s currency format for any of `currencies`. */
export function readAmounts(text: string, locale: string, currencies: readonly string[]): string[] {
  const normalized = normalizeText(text);
  const found: string[] = [];
  for (const currency of new Set(currencies)) {
    const reader = amountReader(locale, currency);
    for (const match of normalized.matchAll(reader.pattern)) {
      const raw = match[1] ?? match.groups?.after ?? '';
      const value = Number(raw.split(reader.group).join('').replace(reader.decimal, '.'));
      if (Number.isFinite(value)) found.push(`${currency}:${Math.round(value * 10 ** minorDigits(currency))}`);
    }
  }
  return found;
}

interface DateReader {
  pattern: RegExp;
  order: ('day' | 'month' | 'year')[];
  months: Map<string, number> | null;
}
const dateReaders = new Map<string, DateReader>();

/** Reads dates back in exactly the style replies write them (formatters.ts), learnt from Intl's parts. */
function dateReader(locale: string): DateReader {
  const cached = dateReaders.get(locale);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: REPLY_DATE_STYLE, timeZone: 'UTC', calendar: 'gregory' });
  const parts = format.formatToParts(new Date(Date.UTC(2026, 10, 23)));
  const monthPart = normalizeText(parts.find((p) => p.type === 'month')?.value ?? '');
  const numericMonth = /^\d+$/.test(monthPart);
  const months = numericMonth ? null : new Map<string, number>();
  for (let month = 1; month <= 12 && months; month++) {
    const name = format.formatToParts(new Date(Date.UTC(2026, month - 1, 15))).find((p) => p.type === 'month')?.value;
    if (name) months.set(normalizeText(name).toLocaleLowerCase(locale), month);
  }
  const order: DateReader['order'] = [];
  let source = '';
  const lastField = parts.findLastIndex((p) => p.type === 'day' || p.type === 'month' || p.type === 'year');
  for (const [index, part] of parts.entries()) {
    if (part.type === 'day' || part.type === 'year' || part.type === 'month') order.push(part.type);
    if (part.type === 'day') source += '(\\d{1,2})';
    else if (part.type === 'year') source += '(\\d{4})';
    else if (part.type === 'month') {
      source += months
        ? `(${[...months.keys()]
            .sort((a, b) => b.length - a.length)
            .map(flexibleSpace)
            .join('|')})`
        : '(\\d{1,2})';
    } else if (part.type === 'era') {
      // Thai writes the era of a Gregorian date ("ค.ศ. 2026") so it is not read as a Buddhist year.
      source += `(?:${flexibleSpace(normalizeText(part.value))})?`;
    } else if (part.type === 'literal') {
      // A trailing literal ("г." in Russian) may be cut off by the sentence splitter.
      const literal = flexibleSpace(normalizeText(part.value));
      source += index > lastField ? `(?:${literal})?` : literal;
    }
  }
  const reader = { pattern: new RegExp(source, 'giu'), order, months };
  dateReaders.set(locale, reader);
  return reader;
}

export function readDates(text: string, locale: string): string[] {
  const reader = dateReader(locale);
  const found: string[] = [];
  for (const match of normalizeText(text).matchAll(reader.pattern)) {
    const fields: Record<string, number> = {};
    reader.order.forEach((field, index) => {
      const raw = match[index + 1] ?? '';
      fields[field] =
        field === 'month' && reader.months ? (reader.months.get(raw.toLocaleLowerCase(locale)) ?? 0) : Number(raw);
    });
    const { year = 0, month = 0, day = 0 } = fields;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      found.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
  }
  return found;
}

/**
 * Order ids, case references and tracking numbers: Latin letters, digits and dashes with at least four
 * digits, and a letter or dash (or six digits) so a year or a bare count is not taken for an id.
 */
const IDENTIFIER = /(?<![A-Za-z0-9_-])[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?![A-Za-z0-9_-])/gu;

export function readIdentifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of normalizeText(text).matchAll(IDENTIFIER)) {
    const token = match[0];
    const digits = token.replace(/\D/g, '').length;
    if (digits >= 4 && (/[A-Za-z-]/.test(token) || digits >= 6)) found.push(token);
  }
  return found;
}

export function readFacts(text: string, locale: string, currencies: readonly string[]): ReplyFacts {
  return {
    identifiers: readIdentifiers(text),
    amounts: readAmounts(text, locale, currencies),
    dates: readDates(text, locale),
  };
}

import { z } from 'zod';

/** Entity ids are client- or server-minted UUIDs (v4 or v7), so offline writes never collide. */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** Instants travel as ISO-8601 strings with an offset, so nothing depends on the host's zone. */
export const InstantSchema = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof InstantSchema>;

/** A calendar date without a time (YYYY-MM-DD), for holidays and legal day counts. */
export const DateOnlySchema = z.iso.date();
export type DateOnly = z.infer<typeof DateOnlySchema>;

/** BCP 47 language tag (zh-CN, pt-BR, ar-SA, ...). */
export const LocaleSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|\d{3}))?$/, 'a BCP 47 tag such as zh-CN or pt-BR');
export type Locale = z.infer<typeof LocaleSchema>;

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
export type Currency = z.infer<typeof CurrencySchema>;

// Constructing a DateTimeFormat costs ~80 µs, which made it most of a case's validation (a bootstrap checks
// 100,000 customers); the runtime's tz database does not change while it runs, so a zone is checked once.
const knownZones = new Set<string>();

/** IANA time zone name; validated against the runtime's tz database. */
export const TimeZoneSchema = z.string().refine((zone) => {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}, 'an IANA time zone such as Europe/Berlin');
export type TimeZone = z.infer<typeof TimeZoneSchema>;

import { z } from 'zod';
import {
  CASE_EVENT_KINDS,
  DELIVERY_STATES,
  ITEM_CATEGORIES,
  type Case,
  type CaseEvent,
  type Message,
  type Note,
} from './case';
import { CASE_STATUSES } from './caseStatus';
import { CASE_TYPES, CHANNELS, PRIORITIES } from './caseType';
import { TimeZoneSchema } from './ids';
import { MARKET_CODES } from './market';
import { TEXT_LIMITS } from './limits';

/*
 * CaseSchema, MessageSchema, NoteSchema and CaseEventSchema written out as plain checks, for a bootstrap's
 * 500,000 rows at 100,000 cases, where zod cost ~7 us a row (BENCHMARKS.md "Sync"). Each check answers one
 * question: would the schema accept this JSON value and return it unchanged (no default filled in, no key
 * stripped)? True means the value can be used and stored as it is; false means "ask zod", which then
 * rejects the value or returns the changed copy. So a check may say false too often (only slower) but must
 * never say true where zod would reject or change anything: canonical.test.ts holds them to that against
 * the schemas.
 *
 * The checks take values JSON.parse returned: plain objects and arrays, no undefined, no symbols, no
 * accessors, no shared references. Anything else must go to zod.
 */

type JsonObject = Record<string, unknown>;

// The schemas' own patterns: z.iso.datetime({ offset: true }) and z.iso.date() are built from these.
const INSTANT = z.regexes.datetime({ offset: true, local: false, precision: null });
const DATE = z.regexes.date;
// Copies of the patterns LocaleSchema, CurrencySchema, RegionCodeSchema and CaseSchema.ref pass to .regex().
const LOCALE = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|\d{3}))?$/;
const CURRENCY = /^[A-Z]{3}$/;
const REGION = /^[A-Z0-9]{1,3}$/;
const REF = /^CD-\d{4,9}$/;

const oneOf = (values: readonly string[]): ((value: unknown) => boolean) => {
  const set: ReadonlySet<unknown> = new Set(values);
  return (value) => set.has(value);
};
const isCaseType = oneOf(CASE_TYPES);
const isCaseStatus = oneOf(CASE_STATUSES);
const isPriority = oneOf(PRIORITIES);
const isChannel = oneOf(CHANNELS);
const isMarket = oneOf(MARKET_CODES);
const isCategory = oneOf(ITEM_CATEGORIES);
const isDeliveryState = oneOf(DELIVERY_STATES);
const isEventKind = oneOf(CASE_EVENT_KINDS);
const isNameOrder = oneOf(['given_family', 'family_given']);
const isGender = oneOf(['female', 'male', 'unknown']);
const isDirection = oneOf(['inbound', 'outbound']);
const isAuthorKind = oneOf(['customer', 'agent', 'automation']);

// TimeZoneSchema asks Intl, which is slow; the runtime's zone database does not change while it runs.
const knownZones = new Set<string>();
function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (knownZones.has(value)) return true;
  if (!TimeZoneSchema.safeParse(value).success) return false;
  knownZones.add(value);
  return true;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Exactly `count` own keys: with every expected key checked present, none is left for zod to strip. */
const hasKeys = (value: JsonObject, count: number): boolean => Object.keys(value).length === count;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const isHexDigit = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
/**
 * UUID's test written out (a bootstrap checks ~1.2 million ids, and the pattern cost ~0.3 s of it):
 * hex digits with hyphens at 8, 13, 18 and 23, a version 1-8, a variant 8, 9, a or b, or the nil or max
 * UUID. canonical.test.ts holds the two to the same verdict.
 */
export function isUuid(value: string): boolean {
  if (value.length !== 36) return false;
  if (value === NIL_UUID || value === MAX_UUID) return true;
  for (let index = 0; index < 36; index++) {
    const code = value.charCodeAt(index);
    if (index === 8 || index === 13 || index === 18 || index === 23 ? code !== 45 : !isHexDigit(code)) return false;
  }
  const version = value.charCodeAt(14);
  const variant = value.charCodeAt(19) | 0x20;
  return version >= 49 && version <= 56 && (variant === 56 || variant === 57 || variant === 97 || variant === 98);
}
const isId = (value: unknown): boolean => typeof value === 'string' && isUuid(value);
const isIdOrNull = (value: unknown): boolean => value === null || isId(value);
const isInstant = (value: unknown): boolean => typeof value === 'string' && INSTANT.test(value);
const isInstantOrNull = (value: unknown): boolean => value === null || isInstant(value);
const isLocale = (value: unknown): boolean => typeof value === 'string' && LOCALE.test(value);
const isText = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'string' && value.length >= min && (value.length <= max || codePoints(value) <= max);

/** zod measures a string's length in code points (a surrogate pair is one); UTF-16 units overcount only. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}
const isInt = (value: unknown, min: number): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

function isMoney(value: unknown): boolean {
  return (
    isObject(value) &&
    hasKeys(value, 2) &&
    isInt(value.amountMinor, 0) &&
    typeof value.currency === 'string' &&
    CURRENCY.test(value.currency)
  );
}

function isPersonName(value: unknown): boolean {
  // gender has a default: a name without one is not canonical (zod adds it).
  return (
    isObject(value) &&
    hasKeys(value, 4) &&
    isText(value.given, 0, 120) &&
    isText(value.family, 0, 120) &&
    isNameOrder(value.order) &&
    isGender(value.gender)
  );
}

function isContact(value: unknown): boolean {
  return isObject(value) && hasKeys(value, 2) && isChannel(value.channel) && isText(value.address, 1, 320);
}

function isCustomer(value: unknown): boolean {
  if (!isObject(value)) return false;
  let keys = 6;
  if (value.region !== undefined) {
    if (typeof value.region !== 'string' || !REGION.test(value.region)) return false;
    keys++;
  }
  return (
    hasKeys(value, keys) &&
    isId(value.id) &&
    isPersonName(value.name) &&
    isLocale(value.locale) &&
    isMarket(value.market) &&
    isTimeZone(value.timeZone) &&
    isArrayOf(value.contacts, isContact)
  );
}

function isOrderItem(value: unknown): boolean {
  return (
    isObject(value) &&
    hasKeys(value, 5) &&
    isText(value.sku, 1, 64) &&
    isText(value.title, 1, 300) &&
    isCategory(value.category) &&
    isInt(value.quantity, 1) &&
    isMoney(value.unitPrice)
  );
}

function isOrder(value: unknown): boolean {
  if (!isObject(value)) return false;
  let keys = 5;
  for (const key of ['shippedAt', 'deliveredAt'] as const) {
    if (value[key] === undefined) continue;
    if (!isInstant(value[key])) return false;
    keys++;
  }
  if (value.returnReceivedAt !== undefined) {
    if (typeof value.returnReceivedAt !== 'string' || !DATE.test(value.returnReceivedAt)) return false;
    keys++;
  }
  return (
    hasKeys(value, keys) &&
    isText(value.platform, 1, 64) &&
    isText(value.orderId, 1, 64) &&
    Array.isArray(value.items) &&
    value.items.length >= 1 &&
    isArrayOf(value.items, isOrderItem) &&
    isMoney(value.total) &&
    isInstant(value.purchasedAt)
  );
}

function isArrayOf(value: unknown, isItem: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isItem(item)) return false;
  return true;
}

const isTag = (value: unknown): boolean => isText(value, 1, 64);

/** Whether CaseSchema returns this JSON value unchanged. */
export function isCanonicalCase(value: unknown): value is Case {
  if (!isObject(value)) return false;
  let keys = 21;
  if (value.order !== undefined) {
    if (!isOrder(value.order)) return false;
    keys++;
  }
  return (
    hasKeys(value, keys) &&
    isId(value.id) &&
    typeof value.ref === 'string' &&
    REF.test(value.ref) &&
    isCaseType(value.type) &&
    isCaseStatus(value.status) &&
    isPriority(value.priority) &&
    isChannel(value.channel) &&
    isText(value.subject, 0, 300) &&
    isLocale(value.locale) &&
    isCustomer(value.customer) &&
    isId(value.teamId) &&
    isIdOrNull(value.assigneeId) &&
    isArrayOf(value.tags, isTag) &&
    isInstant(value.createdAt) &&
    isInstant(value.updatedAt) &&
    isInstant(value.statusChangedAt) &&
    isInstantOrNull(value.firstRepliedAt) &&
    isInstantOrNull(value.lastCustomerMessageAt) &&
    isInstantOrNull(value.slaDueAt) &&
    isIdOrNull(value.mergedIntoId) &&
    isInt(value.version, 1) &&
    isInt(value.assigneeVersion, 1)
  );
}

/** Whether MessageSchema returns this JSON value unchanged. */
export function isCanonicalMessage(value: unknown): value is Message {
  return (
    isObject(value) &&
    hasKeys(value, 11) &&
    isId(value.id) &&
    isId(value.caseId) &&
    isDirection(value.direction) &&
    isAuthorKind(value.authorKind) &&
    isIdOrNull(value.authorId) &&
    isLocale(value.locale) &&
    isChannel(value.channel) &&
    isText(value.body, 1, TEXT_LIMITS.messageBody) &&
    isInstant(value.createdAt) &&
    isInstant(value.writtenAt) &&
    isDeliveryState(value.deliveryState)
  );
}

/** Whether NoteSchema returns this JSON value unchanged. */
export function isCanonicalNote(value: unknown): value is Note {
  return (
    isObject(value) &&
    hasKeys(value, 6) &&
    isId(value.id) &&
    isId(value.caseId) &&
    isId(value.authorId) &&
    isText(value.body, 1, TEXT_LIMITS.messageBody) &&
    isInstant(value.createdAt) &&
    isInstant(value.writtenAt)
  );
}

function isEventData(value: unknown): boolean {
  // z.record copies every key but __proto__ (which it drops): such a record is not returned unchanged.
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return false;
    const item = value[key];
    if (
      item !== null &&
      typeof item !== 'string' &&
      typeof item !== 'boolean' &&
      !(typeof item === 'number' && Number.isFinite(item))
    )
      return false;
  }
  return true;
}

/** Whether CaseEventSchema returns this JSON value unchanged. */
export function isCanonicalCaseEvent(value: unknown): value is CaseEvent {
  return (
    isObject(value) &&
    hasKeys(value, 6) &&
    isId(value.id) &&
    isId(value.caseId) &&
    isEventKind(value.kind) &&
    isIdOrNull(value.actorId) &&
    isInstant(value.at) &&
    isEventData(value.data)
  );
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemoData } from '../demo';
import {
  CASE_EVENT_KINDS,
  CaseEventSchema,
  CaseSchema,
  DELIVERY_STATES,
  ITEM_CATEGORIES,
  MessageSchema,
  NoteSchema,
} from './case';
import { isCanonicalCase, isCanonicalCaseEvent, isCanonicalMessage, isCanonicalNote, isUuid } from './canonical';
import { CASE_STATUSES } from './caseStatus';
import { CASE_TYPES, CHANNELS, PRIORITIES } from './caseType';
import { MARKET_CODES } from './market';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Deep equality of JSON values, key order aside (zod returns an object's keys in the schema's order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** What the check must say: the schema accepts the value and returns it unchanged. */
function unchangedBy(schema: z.ZodType, value: unknown): boolean {
  const parsed = schema.safeParse(value);
  return parsed.success && sameJson(parsed.data, value);
}

const demo = JSON.parse(
  JSON.stringify(generateDemoData({ seed: 'canonical', cases: 60, now: '2026-11-25T09:00:00.000Z' })),
) as {
  cases: Json[];
  messages: Json[];
  notes: Json[];
  events: Json[];
};

const long = (n: number) => 'a'.repeat(n);
/** Values near every boundary the four schemas draw, valid and not, plus arbitrary ones. */
const INTERESTING: Json[] = [
  'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  '01890a5d-ac96-774b-bcce-b302099a8057',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'F47AC10B-58CC-4372-A567-0E02B2C3D479',
  '00000000-0000-0000-0000-000000000001',
  'f47ac10b-58cc-0372-a567-0e02b2c3d479',
  'f47ac10b-58cc-4372-c567-0e02b2c3d479',
  'f47ac10b58cc4372a5670e02b2c3d479',
  '2026-11-25T09:00:00.000Z',
  '2026-11-25T09:00:00Z',
  '2026-11-25T09:00:00+01:00',
  '2026-11-25T09:00:00.123456789-23:59',
  '2026-11-25T09:00:00',
  '2026-11-25T24:00:00Z',
  '2024-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2026-11-25 09:00:00Z',
  '2026-11-25T09:00Z',
  '2026-11-25T09:00:00+0100',
  '2026-11-20',
  '2024-02-29',
  '2023-02-29',
  '2026-13-01',
  '2026-1-01',
  'zh-CN',
  'pt-BR',
  'zh-Hans-CN',
  'es-419',
  'en',
  'EN',
  'en_US',
  'abcd',
  'de-DE-x',
  'EUR',
  'eur',
  'EURO',
  'CA',
  'QC',
  '1',
  'ABCD',
  'ca',
  'CD-1234',
  'CD-123',
  'CD-123456789',
  'CD-1234567890',
  'cd-1234',
  ' CD-1234',
  'Europe/Berlin',
  'UTC',
  'europe/berlin',
  'Mars/Olympus',
  'Etc/GMT+5',
  'given_family',
  'family_given',
  'female',
  'male',
  'unknown',
  'inbound',
  'outbound',
  'customer',
  'agent',
  'automation',
  'Open',
  'open ',
  '',
  '__proto__',
  'constructor',
  ...CASE_TYPES,
  ...CASE_STATUSES,
  ...PRIORITIES,
  ...CHANNELS,
  ...MARKET_CODES,
  ...ITEM_CATEGORIES,
  ...DELIVERY_STATES,
  ...CASE_EVENT_KINDS,
  long(1),
  long(63),
  long(64),
  long(65),
  long(119),
  long(120),
  long(121),
  long(299),
  long(300),
  long(301),
  long(320),
  long(321),
  long(20_000),
  long(20_001),
  ...[32, 33, 60, 61, 64, 65, 120, 121, 150, 151, 300, 301, 320, 321].map((n) => '𝄞'.repeat(n)),
  '\ud834'.repeat(65),
  `${'𝄞'.repeat(64)}\ud834`,
  0,
  1,
  -1,
  2,
  1.5,
  2 ** 53 - 1,
  2 ** 53,
  1e21,
  -1e-7,
  true,
  false,
  null,
  [],
  [''],
  ['a'],
  {},
  { a: 1 },
  { amountMinor: 100, currency: 'EUR' },
  { given: 'Li', family: 'Wang', order: 'family_given' },
  { given: 'Li', family: 'Wang', order: 'family_given', gender: 'male' },
  { channel: 'email', address: 'a@b.c' },
];
const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
);
const KEY_NAMES = [
  'region',
  'order',
  'shippedAt',
  'deliveredAt',
  'returnReceivedAt',
  'gender',
  'extra',
  '__proto__',
  'id',
  'data',
];

type Edit =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: Json };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...KEY_NAMES), fc.string({ maxLength: 3 })),
    value: jsonValue,
  }),
);

/** Every object and array in the value with the keys it holds, the value itself first. */
function containers(value: Json): { holder: Json[] | { [key: string]: Json }; keys: string[] }[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys = Object.keys(value);
  const nested = keys.flatMap((key) => containers((value as Record<string, Json>)[key] ?? null));
  return [{ holder: value, keys }, ...nested];
}

/** Applies the edits to a copy, which then goes through JSON text, as a bootstrap row's data does. */
function edited(base: Json, edits: readonly Edit[]): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  for (const e of edits) {
    const all = containers(copy);
    const target = all[e.at % all.length];
    if (!target) break;
    const { holder, keys } = target;
    if (e.kind === 'add') {
      if (Array.isArray(holder)) holder.push(e.value);
      // An own "__proto__" key, as JSON.parse makes one.
      else
        Object.defineProperty(holder, e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const key = keys[e.at % Math.max(1, keys.length)];
    if (key === undefined) continue;
    if (Array.isArray(holder)) {
      if (e.kind === 'set') holder[Number(key)] = e.value;
      else holder.splice(Number(key), 1);
    } else if (e.kind === 'set') {
      Object.defineProperty(holder, key, { value: e.value, enumerable: true, writable: true, configurable: true });
    } else {
      delete holder[key];
    }
  }
  return JSON.parse(JSON.stringify(copy));
}

const CHECKS = [
  { name: 'case', check: isCanonicalCase, schema: CaseSchema, values: demo.cases },
  { name: 'message', check: isCanonicalMessage, schema: MessageSchema, values: demo.messages },
  { name: 'note', check: isCanonicalNote, schema: NoteSchema, values: demo.notes },
  { name: 'case event', check: isCanonicalCaseEvent, schema: CaseEventSchema, values: demo.events },
];

describe.each(CHECKS)('canonical $name', ({ check, schema, values }) => {
  it('holds every demo value, which the schema returns unchanged', () => {
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) expect(check(value), JSON.stringify(value)).toBe(true);
  });

  it('says true exactly when the schema accepts a value and returns it unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...values), fc.array(edit, { minLength: 1, maxLength: 3 }), (base, edits) => {
        const value = edited(base, edits);
        expect(check(value)).toBe(unchangedBy(schema, value));
      }),
      { seed: 5, numRuns: 4000 },
    );
  });

  it('says false for anything else the schema might see', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(check(value)).toBe(unchangedBy(schema, value));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('canonical details zod decides', () => {
  const [c] = demo.cases as Record<string, Json>[];
  if (!c) throw new Error('no demo case');
  const customer = c.customer as Record<string, Json>;
  it('a name without its gender is valid but not canonical: zod fills in the default', () => {
    const { gender: _, ...name } = customer.name as Record<string, Json>;
    const value = { ...c, customer: { ...customer, name } };
    expect(CaseSchema.safeParse(value).success).toBe(true);
    expect(isCanonicalCase(value)).toBe(false);
  });
  it('an extra key is valid but not canonical: zod strips it', () => {
    expect(CaseSchema.safeParse({ ...c, extra: 1 }).success).toBe(true);
    expect(isCanonicalCase({ ...c, extra: 1 })).toBe(false);
  });
  it('an event record with a __proto__ key is not canonical: zod drops that key', () => {
    const [event] = demo.events as Record<string, Json>[];
    const value: unknown = JSON.parse(`{"__proto__":"x","tag":"a"}`);
    expect(isCanonicalCaseEvent({ ...event, data: value })).toBe(
      unchangedBy(CaseEventSchema, { ...event, data: value }),
    );
    expect(isCanonicalCaseEvent({ ...event, data: value })).toBe(false);
  });
});

describe('isUuid', () => {
  const pattern = z.regexes.uuid();
  // Near-UUIDs: the hyphen layout with characters drawn mostly from hex digits, and mutations of real ones.
  const chars = fc.constantFrom(...'0123456789abcdefABCDEF-gGxX8b0fF '.split(''));
  const shaped = fc.array(chars, { minLength: 36, maxLength: 36 }).map((list) => list.join(''));
  const mutated = fc
    .tuple(fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }), fc.nat(35), chars)
    .map(([id, at, char]) => id.slice(0, at) + char + id.slice(at + 1));
  const edges = fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '00000000-0000-0000-0000-000000000001',
    '',
    'a2b4c6d8-1234-4abc-8def-0123456789ab\n',
  );

  it('gives the verdict of the pattern z.uuid() uses', () => {
    fc.assert(
      fc.property(fc.oneof(shaped, mutated, fc.uuid(), edges, fc.string()), (value) => {
        expect(isUuid(value)).toBe(pattern.test(value));
      }),
      { numRuns: 20_000 },
    );
  });
});

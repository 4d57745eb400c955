import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CaseEventSchema, CaseSchema, MessageSchema, NoteSchema } from '../../../../src-shared/domain/case';
import { TeamSchema, UserSchema } from '../../../../src-shared/domain/user';
import { generateDemoData } from '../../../../src-shared/demo';
import { BootstrapRowSchema, ENTITIES, type Entity } from '../../../../src-shared/sync/protocol';
import { readNextRow } from './nextGenerationRow';
import type { NextRow } from './nextGeneration';
import { StoreError } from '../ports';

const SCHEMAS = {
  case: CaseSchema,
  message: MessageSchema,
  note: NoteSchema,
  case_event: CaseEventSchema,
  user: UserSchema,
  team: TeamSchema,
} as const;

/** The store's check before readNextRow: BootstrapRowSchema, then the entity's schema, then the id; null where it threw. */
function reference(raw: Record<string, unknown>): { entity: Entity; version: number; data: unknown } | null {
  let data = raw.data;
  if (typeof raw.dataText === 'string') {
    try {
      data = JSON.parse(raw.dataText);
    } catch {
      return null;
    }
  }
  const hasData = typeof raw.dataText === 'string' || 'data' in raw;
  const row = BootstrapRowSchema.safeParse({
    entity: raw.entity,
    entityId: raw.entityId,
    version: raw.version,
    ...(hasData ? { data } : {}),
  });
  if (!row.success) return null;
  const parsed = SCHEMAS[row.data.entity].safeParse(data);
  if (!parsed.success || parsed.data.id !== row.data.entityId) return null;
  return { entity: row.data.entity, version: row.data.version, data: parsed.data };
}

function attempt(raw: unknown): NextRow | StoreError {
  try {
    return readNextRow(raw);
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
}

const demo = generateDemoData({ seed: 'rows', cases: 30, now: '2026-11-25T09:00:00.000Z' });
const samples: Record<Entity, readonly object[]> = {
  case: demo.cases,
  message: demo.messages,
  note: demo.notes,
  case_event: demo.events,
  user: demo.users,
  team: demo.teams,
};

const data = fc.constantFrom(...ENTITIES).chain((entity) =>
  fc
    .tuple(
      fc.constant(entity),
      fc.constantFrom(...samples[entity]),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        fc.record({
          key: fc.constantFrom('id', 'subject', 'body', 'kind', 'extra', 'customer', 'name', 'data'),
          value: fc.jsonValue({ maxDepth: 1 }),
        }),
        fc.record({ key: fc.constantFrom('id', 'subject', 'body', 'kind', 'order', 'tags', 'createdAt') }),
      ),
    )
    .map(([entity, base, change]): [Entity, Record<string, unknown>] => {
      const value: Record<string, unknown> = { ...base };
      if (change && 'value' in change) value[change.key] = change.value;
      else if (change) delete value[change.key];
      return [entity, value];
    }),
);

const row = fc
  .tuple(
    data,
    fc.oneof({ weight: 4, arbitrary: fc.constant('own id') }, fc.string(), fc.integer()),
    fc.oneof({ weight: 4, arbitrary: fc.nat() }, fc.constantFrom(-1, 1.5, 2 ** 53, '3')),
    fc.constantFrom('data', 'compact text', 'spaced text', 'broken text', 'no data'),
    fc.oneof({ weight: 9, arbitrary: fc.constant<string | null>(null) }, fc.constantFrom('cases', 'Case')),
  )
  .map(([[entity, value], entityId, version, form, otherEntity]) => {
    const head = { entity: otherEntity ?? entity, entityId: entityId === 'own id' ? value.id : entityId, version };
    switch (form) {
      case 'data':
        return { ...head, data: value };
      case 'compact text':
        return { ...head, dataText: JSON.stringify(value) };
      case 'spaced text':
        return { ...head, dataText: ` ${JSON.stringify(value, null, 1)} ` };
      case 'broken text':
        return { ...head, dataText: JSON.stringify(value).slice(0, -1) };
      case 'no data':
        return head;
    }
  });

describe('readNextRow', () => {
  it('accepts exactly the rows the schemas accept, and keeps JSON text that parses to what they return', () => {
    fc.assert(
      fc.property(row, (raw) => {
        const expected = reference(raw);
        const result = attempt(raw);
        if (expected === null) {
          expect(result).toBeInstanceOf(StoreError);
          return;
        }
        if (result instanceof StoreError) throw result;
        expect({ entity: result.entity, version: result.version }).toEqual({
          entity: expected.entity,
          version: expected.version,
        });
        expect(isDeepStrictEqual(result.data, expected.data)).toBe(true);
        expect(isDeepStrictEqual(JSON.parse(result.json), expected.data)).toBe(true);
        // Received text the schema returns unchanged is kept as it came (users and teams are few: always serialized).
        const bulk = expected.entity !== 'user' && expected.entity !== 'team';
        if ('dataText' in raw && bulk && isDeepStrictEqual(JSON.parse(raw.dataText), expected.data))
          expect(result.json).toBe(raw.dataText);
      }),
      { seed: 17, numRuns: 3000 },
    );
  });

  it('serializes what zod returns when it changes the data (a default filled in, a key stripped)', () => {
    const [c] = demo.cases;
    if (!c) throw new Error('no demo case');
    const { gender: _, ...name } = c.customer.name;
    const text = JSON.stringify({ ...c, extra: true, customer: { ...c.customer, name } });
    const result = readNextRow({ entity: 'case', entityId: c.id, version: 3, dataText: text });
    expect(result.json).not.toBe(text);
    expect(JSON.parse(result.json)).toEqual({
      ...c,
      customer: { ...c.customer, name: { ...name, gender: 'unknown' } },
    });
  });
});

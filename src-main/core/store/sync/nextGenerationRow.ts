import { z } from 'zod';
import { CaseEventSchema, CaseSchema, MessageSchema, NoteSchema } from '../../../../src-shared/domain/case';
import {
  isCanonicalCase,
  isCanonicalCaseEvent,
  isCanonicalMessage,
  isCanonicalNote,
} from '../../../../src-shared/domain/canonical';
import { TeamSchema, UserSchema } from '../../../../src-shared/domain/user';
import { BootstrapRowSchema, ENTITIES, type Entity } from '../../../../src-shared/sync/protocol';
import type { NextRow } from './nextGeneration';
import { StoreError } from '../ports';

/** Each entity's schema, for rows from the server (bootstrap rows here, pull pages in serverChanges.ts). */
export const ENTITY_SCHEMAS = {
  case: CaseSchema,
  message: MessageSchema,
  note: NoteSchema,
  case_event: CaseEventSchema,
  user: UserSchema,
  team: TeamSchema,
} as const;
/** The bulk of a bootstrap (users and teams are a few dozen rows and stay with zod). */
const CANONICAL: Partial<Record<Entity, (value: unknown) => boolean>> = {
  case: isCanonicalCase,
  message: isCanonicalMessage,
  note: isCanonicalNote,
  case_event: isCanonicalCaseEvent,
};
const ENTITY_NAMES: ReadonlySet<unknown> = new Set(ENTITIES);

type Head = { entity: Entity; entityId: string; version: number };
/** A bootstrap row's head (entity, id, version) as BootstrapRowSchema checks it, written out for speed. */
export function isBootstrapRowHead(value: object): value is Head {
  return (
    'entity' in value &&
    'entityId' in value &&
    'version' in value &&
    ENTITY_NAMES.has(value.entity) &&
    typeof value.entityId === 'string' &&
    value.entityId.length > 0 &&
    typeof value.version === 'number' &&
    Number.isSafeInteger(value.version) &&
    value.version >= 0
  );
}

function badRow(raw: unknown): StoreError {
  const parsed = BootstrapRowSchema.safeParse(raw);
  return new StoreError('BAD_CHANGE', parsed.success ? 'a bootstrap row without data' : z.prettifyError(parsed.error));
}

/**
 * One bootstrap row checked as BootstrapRowSchema and its entity's schema define, with the JSON text the
 * store keeps for its data. A row whose data came as text (dataText, from readBootstrapRow) is parsed
 * here; when the parsed value is one the entity's schema returns unchanged (src-shared/domain/canonical.ts),
 * the text is kept as received. Any other row goes through zod and its result is serialized, as before.
 * Throws StoreError BAD_CHANGE for a row the schemas reject.
 */
export function readNextRow(raw: unknown): NextRow {
  if (typeof raw !== 'object' || raw === null || !isBootstrapRowHead(raw)) throw badRow(raw);
  const { entity, entityId, version } = raw;
  let data: unknown;
  let text: string | null = null;
  if ('dataText' in raw && typeof raw.dataText === 'string') {
    text = raw.dataText;
    try {
      data = JSON.parse(text);
    } catch {
      throw new StoreError('BAD_CHANGE', `${entity} ${entityId}: its data is not JSON`);
    }
  } else if ('data' in raw) {
    data = raw.data;
  } else {
    throw badRow(raw);
  }
  if (text !== null && CANONICAL[entity]?.(data)) return checked(entity, entityId, version, data, text);
  const parsed = ENTITY_SCHEMAS[entity].safeParse(data);
  if (!parsed.success) throw new StoreError('BAD_CHANGE', `${entity} ${entityId}: ${z.prettifyError(parsed.error)}`);
  return checked(entity, entityId, version, parsed.data, JSON.stringify(parsed.data));
}

function checked(entity: Entity, entityId: string, version: number, data: unknown, json: string): NextRow {
  const { id } = data as { id: string };
  if (id !== entityId) throw new StoreError('BAD_CHANGE', `${entity} ${entityId} carries data for ${id}`);
  return { entity, version, data, json } as NextRow;
}

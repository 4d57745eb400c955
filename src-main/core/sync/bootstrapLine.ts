import { ENTITIES, type Entity } from '../../../src-shared/sync/protocol';
import type { BootstrapRow } from '../store';
import { isBootstrapRowHead } from '../store/sync/nextGenerationRow';

const ENTITY_NAMES: ReadonlySet<unknown> = new Set(ENTITIES);
const isEntity = (value: string): value is Entity => ENTITY_NAMES.has(value);

/**
 * BootstrapRowSchema's check written out: a bootstrap is 580,000 such lines at 100,000 cases, and zod's
 * union of the three line shapes cost a second of the stream. The store validates each row's data.
 */
export function isBootstrapRow(value: unknown): value is BootstrapRow {
  return typeof value === 'object' && value !== null && 'data' in value && isBootstrapRowHead(value);
}

const ENTITY = '{"entity":"';
const ENTITY_ID = '","entityId":"';
const VERSION = ',"version":';
const DATA = ',"data":';
/** In a JSON string's text, an escape or a control character: without them the text is the value. */
const NOT_PLAIN = /[\\\p{Cc}]/u;
/** A JSON number that is a non-negative integer, written without sign, fraction or exponent. */
const DIGITS = /^(?:0|[1-9]\d*)$/;

/**
 * A row line in the layout the server writes (src-server/sync/bootstrap.ts), read without parsing its data:
 * `{"entity":"<entity>","entityId":"<id>","version":<n>,"data":<data>}` with the data's JSON text as
 * dataText, for the store to parse and keep (BENCHMARKS.md "Sync": serializing the data again cost ~5 us a
 * row). The head is checked as isBootstrapRow checks it; that dataText is one JSON value is for the store to
 * find out when it parses it, and only then is the line, head plus data, the JSON object its fields say.
 * Null for any other line (a token line, a row in another layout): JSON.parse decides those.
 */
export function readBootstrapRow(line: string): BootstrapRow | null {
  if (!line.startsWith(ENTITY) || !line.endsWith('}')) return null;
  const entityEnd = line.indexOf('"', ENTITY.length);
  const entity = line.slice(ENTITY.length, entityEnd);
  if (entityEnd === -1 || !isEntity(entity) || !line.startsWith(ENTITY_ID, entityEnd)) return null;
  const idStart = entityEnd + ENTITY_ID.length;
  const idEnd = line.indexOf('"', idStart);
  const entityId = line.slice(idStart, idEnd);
  if (idEnd === -1 || entityId.length === 0 || NOT_PLAIN.test(entityId) || !line.startsWith(VERSION, idEnd + 1))
    return null;
  const versionStart = idEnd + 1 + VERSION.length;
  const versionEnd = line.indexOf(DATA, versionStart);
  const digits = line.slice(versionStart, versionEnd);
  const version = Number(digits);
  if (versionEnd === -1 || !DIGITS.test(digits) || !Number.isSafeInteger(version)) return null;
  return { entity, entityId, version, dataText: line.slice(versionEnd + DATA.length, -1) };
}

import { ENTITIES } from '../../../src-shared/sync/protocol';
import type { BootstrapRow } from './syncStore';

const ENTITY_NAMES: ReadonlySet<unknown> = new Set(ENTITIES);

/**
 * BootstrapRowSchema's check written out: a bootstrap is 580,000 such lines at 100,000 cases, and zod's
 * union of the three line shapes cost a second of the stream. The store validates each row's data.
 */
export function isBootstrapRow(value: unknown): value is BootstrapRow {
  return typeof value === 'object' && value !== null && 'entity' in value && 'entityId' in value && 'version' in value && 'data' in value
    && ENTITY_NAMES.has(value.entity) && typeof value.entityId === 'string' && value.entityId.length > 0
    && typeof value.version === 'number' && Number.isSafeInteger(value.version) && value.version >= 0;
}

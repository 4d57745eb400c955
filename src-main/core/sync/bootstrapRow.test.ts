import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BootstrapRowSchema } from '../../../src-shared/sync/protocol';
import { isBootstrapRow } from './bootstrapRow';

describe('isBootstrapRow', () => {
  it('accepts exactly what BootstrapRowSchema accepts', () => {
    const edges: unknown[] = [
      { entity: 'case', entityId: 'a', version: 0, data: {} }, { entity: 'case', entityId: 'a', version: 0 },
      { entity: 'case', entityId: '', version: 0 }, { entity: 'cases', entityId: 'a', version: 0 },
      { entity: 'note', entityId: 'a', version: -1 }, { entity: 'note', entityId: 'a', version: 1.5 },
      { entity: 'note', entityId: 'a', version: 2 ** 53 }, { entity: 'note', entityId: 'a', version: '1' },
      { entity: 'team', entityId: 7, version: 1 }, { pageToken: 'p' }, { complete: true, cursor: 'c' }, null, [], 'case',
    ];
    for (const value of edges) expect(isBootstrapRow(value), JSON.stringify(value)).toBe(BootstrapRowSchema.safeParse(value).success);
    const row = fc.record({
      entity: fc.oneof(fc.constantFrom('case', 'message', 'note', 'case_event', 'user', 'team'), fc.string()),
      entityId: fc.oneof(fc.string(), fc.integer()),
      version: fc.oneof(fc.integer(), fc.double(), fc.string()),
      data: fc.anything(),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(row, fc.anything()), (value) => isBootstrapRow(value) === BootstrapRowSchema.safeParse(value).success), { seed: 13 });
  });
});

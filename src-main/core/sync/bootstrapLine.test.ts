import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BootstrapRowSchema, ENTITIES } from '../../../src-shared/sync/protocol';
import { isBootstrapRow, readBootstrapRow } from './bootstrapLine';

describe('isBootstrapRow', () => {
  it('accepts exactly what BootstrapRowSchema accepts', () => {
    const edges: unknown[] = [
      { entity: 'case', entityId: 'a', version: 0, data: {} },
      { entity: 'case', entityId: 'a', version: 0 },
      { entity: 'case', entityId: '', version: 0 },
      { entity: 'cases', entityId: 'a', version: 0 },
      { entity: 'note', entityId: 'a', version: -1 },
      { entity: 'note', entityId: 'a', version: 1.5 },
      { entity: 'note', entityId: 'a', version: 2 ** 53 },
      { entity: 'note', entityId: 'a', version: '1' },
      { entity: 'team', entityId: 7, version: 1 },
      { pageToken: 'p' },
      { complete: true, cursor: 'c' },
      null,
      [],
      'case',
    ];
    for (const value of edges)
      expect(isBootstrapRow(value), JSON.stringify(value)).toBe(BootstrapRowSchema.safeParse(value).success);
    const row = fc.record(
      {
        entity: fc.oneof(fc.constantFrom('case', 'message', 'note', 'case_event', 'user', 'team'), fc.string()),
        entityId: fc.oneof(fc.string(), fc.integer()),
        version: fc.oneof(fc.integer(), fc.double(), fc.string()),
        data: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(row, fc.anything()),
        (value) => isBootstrapRow(value) === BootstrapRowSchema.safeParse(value).success,
      ),
      { seed: 13 },
    );
  });
});

describe('readBootstrapRow', () => {
  const entity = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ENTITIES) }, fc.string({ maxLength: 4 }));
  const entityId = fc.oneof({ weight: 5, arbitrary: fc.uuid() }, fc.string({ maxLength: 6 }));
  const version = fc.oneof({ weight: 5, arbitrary: fc.nat() }, fc.constantFrom(-1, 1.5, 2 ** 53, 1e21, -0));
  /** A row line as src-server/sync/bootstrap.ts writes one (its data the stored jsonb's text). */
  const serverLine = fc
    .tuple(entity, entityId, version, fc.jsonValue({ maxDepth: 2 }), fc.boolean())
    .map(
      ([e, id, v, data, spaced]) =>
        `{"entity":${JSON.stringify(e)},"entityId":${JSON.stringify(id)},"version":${JSON.stringify(v)},"data":${JSON.stringify(data, null, spaced ? 1 : 0)}}`,
    );
  const edit = fc.record({
    at: fc.nat(),
    drop: fc.nat({ max: 2 }),
    insert: fc.constantFrom('', '"', '\\', ',', '}', '{', ':', '0', '1', '-', ' ', '\u0001', 'e', ',"data":1'),
  });
  const line = fc.oneof(
    serverLine,
    fc.tuple(serverLine, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([text, edits]) =>
      edits.reduce((s, e) => {
        const at = e.at % (s.length + 1);
        return s.slice(0, at) + e.insert + s.slice(at + e.drop);
      }, text),
    ),
    fc.string(),
  );

  it("reads the server's row lines without parsing their data", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENTITIES), fc.uuid(), fc.nat(), fc.jsonValue(), (e, id, v, data) => {
        const dataText = JSON.stringify(data, null, 1);
        expect(
          readBootstrapRow(`{"entity":"${e}","entityId":${JSON.stringify(id)},"version":${v},"data":${dataText}}`),
        ).toEqual({ entity: e, entityId: id, version: v, dataText });
      }),
      { seed: 3 },
    );
  });

  it('reads a line only when, its data text parsed, the line is the row it says', () => {
    fc.assert(
      fc.property(line, (text) => {
        const row = readBootstrapRow(text);
        if (!row || !('dataText' in row)) return;
        let data: unknown;
        try {
          data = JSON.parse(row.dataText);
        } catch {
          // The store refuses the row when it parses the text.
          return;
        }
        const whole: unknown = JSON.parse(text);
        expect(whole).toEqual({ entity: row.entity, entityId: row.entityId, version: row.version, data });
        expect(isBootstrapRow(whole)).toBe(true);
      }),
      { seed: 11, numRuns: 5000 },
    );
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../../src-shared/sync/protocol';
import { openLocalStore, type LocalStore } from '../localStore';
import { manualClock, sequentialIds, tempStore, withTestConnection, type TempStore } from '../testStore';

// The reference indexes every row as it is written; the other store receives the same rows as a bootstrap,
// in the same order (so the same rids), and indexes them afterwards.
let reference: TempStore;
let dir: string;
let store: LocalStore;
beforeAll(() => {
  reference = tempStore(300);
  dir = mkdtempSync(join(tmpdir(), 'crossdesk-backlog-'));
  store = openLocalStore({ path: join(dir, 'workstation.db'), clock: manualClock(), ids: sequentialIds('b') });
  const generation = store.beginBootstrap();
  const { cases, messages } = reference.data;
  store.stageBootstrap(
    generation,
    cases.map((c) => ({ entity: 'case', entityId: c.id, version: c.version, data: c })),
    'p1',
  );
  store.stageBootstrap(
    generation,
    messages.map((m) => ({ entity: 'message', entityId: m.id, version: 1, data: m })),
    null,
  );
  store.completeBootstrap(generation, 'cursor-1');
});
afterAll(() => {
  store.close();
  reference.dispose();
  rmSync(dir, { recursive: true, force: true });
});

// Queries whose case folding LIKE gets right (ASCII-only folding aside): CJK, Hangul, Thai, Arabic, exact case.
const QUERIES = [
  '退款',
  '退货退款',
  '王',
  '返品',
  '환불',
  '반품 접수',
  '退货退款 谢谢',
  'คืนเงิน',
  'استرداد',
  'Erstattung',
  'reembolso',
  'refund',
];
const ids = (s: LocalStore, query: string) => s.search(query, 100).map((hit) => hit.row.id);

describe('search backlog after a bootstrap', () => {
  it('finds what the indexed store finds, in the same order, before, while and after the indexes are built', () => {
    expect(store.searchBacklog()).toBeGreaterThan(0);
    for (const query of QUERIES) expect(ids(store, query), query).toEqual(ids(reference.store, query));
    expect(store.indexSearchBacklog(120)).toBeGreaterThan(0);
    for (const query of QUERIES)
      expect(ids(store, query), `${query}, partly indexed`).toEqual(ids(reference.store, query));
    while (store.indexSearchBacklog(100) > 0);
    expect(store.searchBacklog()).toBe(0);
    for (const query of QUERIES) expect(ids(store, query), `${query}, indexed`).toEqual(ids(reference.store, query));
  });

  it('indexes a row changed or removed before the backlog reached it as it is then, exactly once', () => {
    const fresh = openLocalStore({ path: join(dir, 'second.db'), clock: manualClock(), ids: sequentialIds('c') });
    try {
      const generation = fresh.beginBootstrap();
      const [renamed, removed] = reference.data.cases;
      if (!renamed || !removed) throw new Error('demo cases missing');
      fresh.stageBootstrap(
        generation,
        reference.data.cases.map((c) => ({ entity: 'case', entityId: c.id, version: c.version, data: c })),
        null,
      );
      fresh.completeBootstrap(generation, 'cursor-1');
      const changes: Change[] = [
        {
          seq: 1,
          entity: 'case',
          entityId: renamed.id,
          op: 'upsert',
          version: renamed.version + 1,
          data: { ...renamed, subject: 'Quokkazebra parcel' },
        },
        { seq: 2, entity: 'case', entityId: removed.id, op: 'delete', version: removed.version + 1 },
      ];
      fresh.applyServerChanges(changes, 'cursor-2');
      expect(ids(fresh, 'Quokkazebra')).toEqual([renamed.id]);
      expect(ids(fresh, removed.subject)).not.toContain(removed.id);
      while (fresh.indexSearchBacklog(50) > 0);
      expect(ids(fresh, 'Quokkazebra')).toEqual([renamed.id]);
      expect(ids(fresh, removed.subject)).not.toContain(removed.id);
      const entries = withTestConnection(join(dir, 'second.db'), (db) =>
        db.prepare('SELECT rowid FROM case_fts WHERE case_fts MATCH \'"Quokkazebra"\'').all(),
      );
      expect(entries).toHaveLength(1);
      // A case written after the swap is indexed at once, as always.
      expect(fresh.searchBacklog()).toBe(0);
    } finally {
      fresh.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_VIEWS, type QueueSort, type QueueView } from '../../../../src-shared/contract/workstation';
import type { Case } from '../../../../src-shared/domain/case';
import { PRIORITY_RANK } from '../../../../src-shared/domain/caseType';
import { StoreError } from '../ports';
import { createQueueQueries, type Viewer } from './queueQueries';
import { tempStore, TEST_NOW, type TempStore } from '../testStore';

let t: TempStore;
beforeAll(() => {
  t = tempStore(600);
});
afterAll(() => t.dispose());

const HORIZON = Date.parse(TEST_NOW) + 4 * 3_600_000;

/** The views written out independently in plain code, to check the SQL against. */
function expected(view: QueueView, sort: QueueSort, filter: (c: Case) => boolean = () => true): string[] {
  const me = t.store.getSyncState().userId;
  const teams = t.store.currentUser()?.teamIds ?? [];
  const active = (c: Case) => c.status === 'new' || c.status === 'open' || c.status === 'on_hold';
  const inView = (c: Case): boolean => {
    switch (view) {
      case 'mine':
        return c.assigneeId === me && active(c);
      case 'pending_customer':
        return c.assigneeId === me && c.status === 'pending_customer';
      case 'team_unassigned':
        return c.assigneeId === null && active(c) && teams.includes(c.teamId);
      case 'breaching_soon':
        return (
          active(c) &&
          c.slaDueAt !== null &&
          Date.parse(c.slaDueAt) <= HORIZON &&
          (c.assigneeId === me || (c.assigneeId === null && teams.includes(c.teamId)))
        );
      case 'all':
        return true;
    }
  };
  const sla = (c: Case) => (c.slaDueAt === null ? Infinity : Date.parse(c.slaDueAt));
  const order = t.data.cases.map((c, i) => ({ c, i }));
  const keys: Record<QueueSort, (x: { c: Case; i: number }) => number[]> = {
    sla: ({ c, i }) => [sla(c), i],
    priority: ({ c, i }) => [-PRIORITY_RANK[c.priority], sla(c), i],
    age: ({ c, i }) => [Date.parse(c.createdAt), i],
  };
  const cmp = (a: number[], b: number[]) => {
    for (let k = 0; k < a.length; k++) if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) < (b[k] ?? 0) ? -1 : 1;
    return 0;
  };
  return order
    .filter(({ c }) => inView(c) && filter(c))
    .sort((a, b) => cmp(keys[sort](a), keys[sort](b)))
    .map(({ c }) => c.id);
}

function allPages(
  view: QueueView,
  sort: QueueSort,
  limit: number,
  extra: { market?: 'DE'; type?: 'return_refund' } = {},
): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = t.store.queue({ view, sort, limit, cursor, ...extra });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    ids.push(...page.rows.map((r) => r.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('queue views', () => {
  it('every view is non-empty in the demo set for the test agent', () => {
    const counts = t.store.counts({});
    for (const view of QUEUE_VIEWS) expect(counts[view], view).toBeGreaterThan(0);
  });

  it.each(QUEUE_VIEWS.flatMap((view) => (['sla', 'priority', 'age'] as const).map((sort) => [view, sort] as const)))(
    '%s sorted by %s pages through exactly the expected cases',
    (view, sort) => {
      expect(allPages(view, sort, 7)).toEqual(expected(view, sort));
    },
  );

  it('filters by market and type, and counts match the lists', () => {
    expect(allPages('all', 'sla', 50, { market: 'DE' })).toEqual(
      expected('all', 'sla', (c) => c.customer.market === 'DE'),
    );
    expect(allPages('all', 'age', 50, { type: 'return_refund' })).toEqual(
      expected('all', 'age', (c) => c.type === 'return_refund'),
    );
    const counts = t.store.counts({ market: 'DE' });
    for (const view of QUEUE_VIEWS)
      expect(counts[view]).toBe(expected(view, 'sla', (c) => c.customer.market === 'DE').length);
  });

  it('rejects a cursor from another view or a damaged one', () => {
    const page = t.store.queue({ view: 'all', sort: 'sla', limit: 5 });
    expect(() => t.store.queue({ view: 'all', sort: 'age', limit: 5, cursor: page.nextCursor ?? '' })).toThrow(
      StoreError,
    );
    expect(() => t.store.queue({ view: 'all', sort: 'sla', limit: 5, cursor: 'garbage' })).toThrow(/cursor/);
  });
});

describe('query plans', () => {
  // The store's queue queries built again on the test's own connection, for the viewer the store would use.
  const horizon = () => Date.parse(TEST_NOW) + 4 * 3_600_000;
  function viewer(): Viewer {
    const user = t.store.currentUser();
    return { userId: user?.id ?? null, teamIds: user?.teamIds ?? [] };
  }
  function plan(sql: string, params: Record<string, unknown>): string {
    return t.sql
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
  }

  it.each(QUEUE_VIEWS.flatMap((view) => (['sla', 'priority', 'age'] as const).map((sort) => [view, sort] as const)))(
    '%s by %s reads an index in order: no table scan, no sort step',
    (view, sort) => {
      const first = t.store.queue({ view, sort, limit: 2 });
      for (const cursor of [undefined, first.nextCursor ?? undefined]) {
        const { sql, params } = createQueueQueries(t.sql).pageSql(
          { view, sort, limit: 100, cursor },
          viewer(),
          horizon(),
        );
        const detail = plan(sql, params);
        expect(detail).toMatch(/USING (COVERING )?INDEX cases_/);
        // A SCAN along an index in sort order stops after the page (LIMIT); a bare table scan never does.
        expect(detail).not.toMatch(/SCAN cases(?! USING)/);
        if (view === 'breaching_soon') {
          // Mine and my teams' unassigned: two index range searches up to the horizon, merged; only the
          // merge sorts, over at most two pages of rows. By deadline, each branch reads in index order.
          expect(detail).toMatch(/MERGE \(UNION ALL\)/);
          expect(
            detail.match(/SEARCH cases USING INDEX cases_assignee_\w+ \(assignee_id=\? AND state_group=\?/g)?.length,
          ).toBe(2);
          if (sort === 'sla') expect(detail).not.toMatch(/SEARCH cases[^\n]*\nUSE TEMP B-TREE/);
        } else {
          expect(detail).not.toMatch(/TEMP B-TREE/);
        }
      }
    },
  );

  it('counts of the personal views use an index', () => {
    for (const view of ['mine', 'pending_customer', 'team_unassigned', 'breaching_soon'] as const) {
      const { sql, params } = createQueueQueries(t.sql).countSql(view, {}, viewer(), horizon());
      expect(plan(sql, params), view).toMatch(/INDEX cases_/);
    }
  });

  it('a case detail reads messages, notes and events by index', () => {
    const detail = plan('SELECT data FROM messages WHERE case_id = @id ORDER BY created_at, rid', { id: 'x' });
    expect(detail).toMatch(/INDEX messages_case/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});

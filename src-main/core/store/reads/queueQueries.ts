import type Database from 'better-sqlite3-multiple-ciphers';
import type { CaseType } from '../../../../src-shared/domain/caseType';
import type { MarketCode } from '../../../../src-shared/domain/market';
import {
  QUEUE_VIEWS,
  type QueuePage,
  type QueueSort,
  type QueueView,
  type ViewCounts,
} from '../../../../src-shared/contract/workstation';
import { CASE_ROW_SELECT, toCaseRow, type CaseRowRecord } from '../writes/caseRows';
import { StoreError } from '../ports';

export interface Viewer {
  userId: string | null;
  teamIds: readonly string[];
}

export interface QueueFilters {
  market?: MarketCode | undefined;
  type?: CaseType | undefined;
}

export interface QueueRequest extends QueueFilters {
  view: QueueView;
  /** Only what one person holds (assigned, not done), or with null the team queue (unassigned, not done). */
  holder?: { assigneeId: string | null } | undefined;
  sort: QueueSort;
  cursor?: string | undefined;
  limit: number;
}

/** Sort keys per order; every list is ascending and ends on rid, so one index serves each view and sort. */
const SORT_COLUMNS: Readonly<Record<QueueSort, readonly string[]>> = {
  sla: ['sla_sort', 'rid'],
  priority: ['priority_sort', 'sla_sort', 'rid'],
  age: ['created_ms', 'rid'],
};

interface Cursor {
  view: QueueView;
  sort: QueueSort;
  key: number[];
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.view, cursor.sort, ...cursor.key])).toString('base64url');
}

function decodeCursor(text: string, view: QueueView, sort: QueueSort): number[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed[0] === view && parsed[1] === sort) {
      const key = parsed.slice(2);
      if (key.length === SORT_COLUMNS[sort].length && key.every((v) => Number.isSafeInteger(v))) return key as number[];
    }
  } catch {
    // falls through to the error below
  }
  throw new StoreError(
    'BAD_CURSOR',
    'This page cursor belongs to another view or sort, or is damaged; start from the first page.',
  );
}

/**
 * Queue views for the agent's work (ARCHITECTURE.md roles): mine = assigned to me and active (new, open,
 * on hold); pending_customer = mine waiting on the customer; team_unassigned = active, nobody's, in my
 * teams; breaching_soon = active mine or my teams' unassigned with a deadline within the horizon (overdue
 * included); all = everything in this workstation. Keyset pagination with an opaque cursor.
 * Over 100 lines as a factory only: the statement cache and the WHERE builders are shared; each function is short.
 */
export function createQueueQueries(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  function prepared(sql: string): Database.Statement {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  function viewWhere(view: QueueView, viewer: Viewer, horizonMs: number, params: Record<string, unknown>): string[] {
    const teams = viewer.teamIds.map((id, i) => {
      params[`team${i}`] = id;
      return `@team${i}`;
    });
    const inTeams = teams.length > 0 ? `team_id IN (${teams.join(', ')})` : '0';
    params.me = viewer.userId ?? '';
    switch (view) {
      case 'mine':
        return ['assignee_id = @me', 'state_group = 0'];
      case 'pending_customer':
        return ['assignee_id = @me', 'state_group = 1'];
      case 'team_unassigned':
        return ['assignee_id IS NULL', 'state_group = 0', inTeams];
      case 'breaching_soon':
        params.horizon = horizonMs;
        return [
          'sla_sort <= @horizon',
          'state_group = 0',
          `(assignee_id = @me OR (assignee_id IS NULL AND ${inTeams}))`,
        ];
      case 'all':
        return [];
    }
  }

  function filterWhere(filters: QueueFilters, params: Record<string, unknown>): string[] {
    const where: string[] = [];
    if (filters.market) {
      params.market = filters.market;
      where.push('market = @market');
    }
    if (filters.type) {
      params.type = filters.type;
      where.push('type = @type');
    }
    return where;
  }

  function holderWhere(holder: QueueRequest['holder'], params: Record<string, unknown>): string[] {
    if (holder === undefined) return [];
    if (holder.assigneeId === null) return ['assignee_id IS NULL', 'state_group < 2'];
    params.holder = holder.assigneeId;
    return ['assignee_id = @holder', 'state_group < 2'];
  }

  function pageSql(
    request: QueueRequest,
    viewer: Viewer,
    horizonMs: number,
  ): { sql: string; params: Record<string, unknown> } {
    const params: Record<string, unknown> = {};
    const columns = SORT_COLUMNS[request.sort];
    const order = `ORDER BY ${columns.join(', ')} LIMIT @limit`;
    const extra = [...filterWhere(request, params), ...holderWhere(request.holder, params)];
    if (request.cursor !== undefined) {
      const key = decodeCursor(request.cursor, request.view, request.sort);
      key.forEach((value, i) => {
        params[`k${i}`] = value;
      });
      extra.push(`(${columns.join(', ')}) > (${columns.map((_, i) => `@k${i}`).join(', ')})`);
    }
    params.limit = request.limit + 1;
    const select = (where: readonly string[]) =>
      `SELECT ${CASE_ROW_SELECT} FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${order}`;
    if (request.view === 'breaching_soon') {
      // Mine and my teams' unassigned, each read in sort order from its own index range and merged:
      // the page never depends on how many cases are overdue in total.
      const [mine, unassigned] = breachingBranches(viewer, horizonMs, params);
      return {
        sql: `SELECT * FROM (${select([...mine, ...extra])}) UNION ALL SELECT * FROM (${select([...unassigned, ...extra])}) ${order}`,
        params,
      };
    }
    return { sql: select([...viewWhere(request.view, viewer, horizonMs, params), ...extra]), params };
  }

  function breachingBranches(viewer: Viewer, horizonMs: number, params: Record<string, unknown>): [string[], string[]] {
    params.me = viewer.userId ?? '';
    params.horizon = horizonMs;
    const teams = viewer.teamIds.map((id, i) => {
      params[`team${i}`] = id;
      return `@team${i}`;
    });
    const inTeams = teams.length > 0 ? `team_id IN (${teams.join(', ')})` : '0';
    return [
      ['assignee_id = @me', 'state_group = 0', 'sla_sort <= @horizon'],
      ['assignee_id IS NULL', 'state_group = 0', 'sla_sort <= @horizon', inTeams],
    ];
  }

  function countSql(
    view: QueueView,
    filters: QueueFilters,
    viewer: Viewer,
    horizonMs: number,
  ): { sql: string; params: Record<string, unknown> } {
    const params: Record<string, unknown> = {};
    const extra = filterWhere(filters, params);
    const count = (where: readonly string[], alias = '') =>
      `SELECT count(*)${alias} FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    if (view === 'breaching_soon') {
      // Two counts over the covering count index instead of one OR that visits every matching row.
      const [mine, unassigned] = breachingBranches(viewer, horizonMs, params);
      return { sql: `SELECT (${count([...mine, ...extra])}) + (${count([...unassigned, ...extra])}) AS n`, params };
    }
    return { sql: count([...viewWhere(view, viewer, horizonMs, params), ...extra], ' AS n'), params };
  }

  return {
    pageSql,
    countSql,
    page(request: QueueRequest, viewer: Viewer, horizonMs: number): QueuePage {
      const { sql, params } = pageSql(request, viewer, horizonMs);
      const records = prepared(sql).all(params) as CaseRowRecord[];
      const more = records.length > request.limit;
      const rows = more ? records.slice(0, request.limit) : records;
      const last = rows[rows.length - 1];
      const nextCursor =
        more && last
          ? encodeCursor({
              view: request.view,
              sort: request.sort,
              key: SORT_COLUMNS[request.sort].map((c) => Number(last[c as keyof CaseRowRecord])),
            })
          : null;
      return { rows: rows.map(toCaseRow), nextCursor };
    },
    counts(filters: QueueFilters, viewer: Viewer, horizonMs: number): ViewCounts {
      const counts: Partial<ViewCounts> = {};
      for (const view of QUEUE_VIEWS) {
        const { sql, params } = countSql(view, filters, viewer, horizonMs);
        counts[view] = (prepared(sql).get(params) as { n: number }).n;
      }
      return counts as ViewCounts;
    },
  };
}
export type QueueQueries = ReturnType<typeof createQueueQueries>;

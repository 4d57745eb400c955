import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { HttpError } from '../http/httpError';
import type { PageToken } from './cursor';
import { BOOTSTRAP_STAGES, decodePageToken, encodeCursor, encodePageToken } from './cursor';
import { textArray } from '../db/sqlArray';
import { visibleSql } from './scope';
import { readSyncState } from './syncState';

export const BOOTSTRAP_PAGE_ROWS = 1000;
/**
 * Pages read per query: each query is a keyset scan, and a query per 1,000-row page spent much of the
 * stream's time in PGlite's per-query work rather than in rows.
 */
export const BOOTSTRAP_PAGES_PER_QUERY = 20;
type Stage = PageToken['stage'];
/**
 * data is the stored jsonb as text, put on the wire as it is (never parsed and serialized again), or null
 * for a row of the scanned id range the caller may not see.
 */
type ScannedRow = { id: string; version: number; data: string | null };

/**
 * The caller's scope as of one change-log position (the cursor in the final line), as NDJSON text: one
 * chunk per page (its row lines, then its pageToken line), the last chunk ending with the complete line.
 * Rows are read in id order without holding a transaction open; a row changed after the snapshot may be
 * newer than the cursor, which is harmless because pulling from the cursor replays those changes in order.
 * The chunks are produced only as fast as they are consumed, so a slow client holds two queries' rows.
 */
export async function* bootstrapNdjson(
  db: Db, principal: Principal, pageToken: string | undefined, pageRows = BOOTSTRAP_PAGE_ROWS, pagesPerQuery = BOOTSTRAP_PAGES_PER_QUERY,
): AsyncGenerator<string> {
  const state = await readSyncState(db);
  let token: PageToken;
  if (pageToken) {
    token = decodePageToken(pageToken);
    if (token.epoch !== state.epoch) throw new HttpError(409, 'RESET_REQUIRED', 'the server was reset: bootstrap again from the start', { reason: 'epoch' });
    if (token.seq < state.floorSeq) throw new HttpError(409, 'RESET_REQUIRED', 'the snapshot is older than the change log keeps', { reason: 'expired' });
  } else {
    token = { v: 1, epoch: state.epoch, seq: state.highSeq, stage: 'team', after: '' };
  }
  const windowRows = pageRows * Math.max(1, pagesPerQuery);
  let visible: Promise<VisibleCases | null> | undefined;
  const tokenLine = (stage: Stage, after: string) =>
    `${JSON.stringify({ pageToken: encodePageToken({ epoch: token.epoch, seq: token.seq, stage, after }) })}\n`;
  for (let stageIndex = BOOTSTRAP_STAGES.indexOf(token.stage); stageIndex < BOOTSTRAP_STAGES.length; stageIndex++) {
    const stage = BOOTSTRAP_STAGES[stageIndex] ?? 'team';
    const nextStage = BOOTSTRAP_STAGES[stageIndex + 1];
    const prefix = `{"entity":"${stage}","entityId":`;
    const after = stageIndex === BOOTSTRAP_STAGES.indexOf(token.stage) ? token.after : '';
    let chunk = '';
    let inPage = 0;
    const ofCases = stage === 'message' || stage === 'note' || stage === 'case_event';
    const scope = ofCases ? await (visible ??= visibleCases(db, principal)) : null;
    const read = (from: string): Promise<ScannedRow[]> => {
      const rows = scanWindow(db, principal, stage, from, windowRows, scope);
      // Awaited below, unless the client went away first; then its failure has nobody to tell.
      rows.catch(() => undefined);
      return rows;
    };
    let nextWindow = read(after);
    for (;;) {
      const rows = await nextWindow;
      const last = rows[rows.length - 1];
      const more = rows.length === windowRows && last !== undefined;
      // The next window is read while this one is sent: the database's work overlaps the server's
      // (~3 s each at 100,000 cases on PostgreSQL, which ran one after the other).
      if (more) nextWindow = read(last.id);
      for (const row of rows) {
        if (row.data === null) continue;
        chunk += `${prefix}${JSON.stringify(row.id)},"version":${row.version},"data":${row.data}}\n`;
        // A full page may have more rows after it in this stage: resume after its last row.
        if (++inPage === pageRows) {
          yield chunk + tokenLine(stage, row.id);
          chunk = '';
          inPage = 0;
        }
      }
      if (!more) break;
    }
    if (inPage > 0) yield nextStage ? chunk + tokenLine(nextStage, '') : chunk;
  }
  yield `${JSON.stringify({ complete: true, cursor: encodeCursor(token.epoch, token.seq) })}\n`;
}

/**
 * The cases the caller sees now, read once per stream for its messages, notes and events (joining the
 * cases table for each window read all of it again, 180 MB at 100,000 cases, per window); null when the
 * caller sees every case. Read after the snapshot's cursor, so a case that changes scope later reaches the
 * client through the change log, children included.
 */
/**
 * How children are filtered. 'sql': the ids go into each window's query as an array the planner hashes,
 * so rows the caller may not see are never read out; 'here': when the caller sees most cases, parsing and
 * hashing that array again for each of ~24 windows cost more (~1.5 s of PostgreSQL CPU at 100,000 cases)
 * than reading the few rows they may not see and dropping them here.
 */
type VisibleCases = { filter: 'sql'; arraySql: string } | { filter: 'here'; ids: ReadonlySet<string> };

async function visibleCases(db: Db, principal: Principal): Promise<VisibleCases | null> {
  if (principal.role === 'admin') return null;
  const params: SqlParam[] = [];
  const rows = await db.query<{ id: string }>(`SELECT c.id FROM cases c WHERE ${visibleSql(principal, 'c.team_id', 'c.assignee_id', params)}`, params);
  const [total] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM cases');
  const ids = rows.map((row) => row.id);
  return ids.length * 2 >= (total?.count ?? 0) ? { filter: 'here', ids: new Set(ids) } : { filter: 'sql', arraySql: textArray(ids) };
}

/**
 * The next `limit` rows of a stage's table after `after` in id order, visible or not. The LIMIT is on
 * the table alone so PostgreSQL walks the primary key. Children are visible when their case is (null:
 * every case).
 */
async function scanWindow(db: Db, principal: Principal, stage: Stage, after: string, limit: number, visible: VisibleCases | null): Promise<ScannedRow[]> {
  const params: SqlParam[] = [after, limit];
  const childWindow = async (table: string): Promise<ScannedRow[]> => {
    if (visible?.filter === 'here') {
      const { ids } = visible;
      const rows = await db.query<ScannedRow & { case_id: string }>(
        `SELECT id, version, case_id, data::text AS data FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`, params);
      return rows.map((row) => ({ id: row.id, version: row.version, data: ids.has(row.case_id) ? row.data : null }));
    }
    const inScope = visible === null ? 'TRUE' : `w.case_id = ANY($${params.push(visible.arraySql)}::text[])`;
    return db.query<ScannedRow>(`SELECT w.id, w.version, CASE WHEN ${inScope} THEN w.data::text END AS data
      FROM (SELECT id, version, data, case_id FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2) w ORDER BY w.id`, params);
  };
  switch (stage) {
    case 'team': {
      const teams = principal.role === 'admin' ? 'TRUE' : `t.id IN (SELECT team_id FROM team_members WHERE user_id = $${params.push(principal.id)})`;
      return db.query(`SELECT t.id, 1 AS version, t.data::text AS data FROM teams t WHERE t.id > $1 AND ${teams} ORDER BY t.id LIMIT $2`, params);
    }
    case 'user': {
      // An admin's query has no parameter for their id: PostgreSQL refuses parameters a statement does not use.
      const me = principal.role === 'admin' ? '' : `$${params.push(principal.id)}`;
      const users = principal.role === 'admin'
        ? 'TRUE'
        : `(u.id = ${me} OR u.id IN (SELECT tm.user_id FROM team_members tm JOIN team_members mine ON mine.team_id = tm.team_id WHERE mine.user_id = ${me}))`;
      return db.query(`SELECT u.id, 1 AS version, u.data::text AS data FROM users u WHERE u.id > $1 AND ${users} ORDER BY u.id LIMIT $2`, params);
    }
    case 'case':
      return db.query(`SELECT c.id, c.version, CASE WHEN ${visibleSql(principal, 'c.team_id', 'c.assignee_id', params)} THEN c.data::text END AS data
        FROM (SELECT id, version, data, team_id, assignee_id FROM cases WHERE id > $1 ORDER BY id LIMIT $2) c ORDER BY c.id`, params);
    case 'message':
      return childWindow('messages');
    case 'note':
      return childWindow('notes');
    case 'case_event':
      return childWindow('case_events');
  }
}

import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { HttpError } from '../http/httpError';
import type { PageToken } from './cursor';
import { BOOTSTRAP_STAGES, decodePageToken, encodeCursor, encodePageToken } from './cursor';
import { visibleSql } from './scope';
import { readSyncState } from './syncState';

export const BOOTSTRAP_PAGE_ROWS = 1000;
/**
 * Pages read per query: each query is a keyset scan, and a query per 1,000-row page spent much of the
 * stream's time in PGlite's per-query work rather than in rows.
 */
export const BOOTSTRAP_PAGES_PER_QUERY = 20;
type Stage = PageToken['stage'];
/** data is the stored jsonb as text: it goes onto the wire as it is, never parsed and serialized again. */
type StageRow = { id: string; version: number; data: string };

/**
 * The caller's scope as of one change-log position (the cursor in the final line), as NDJSON text: one
 * chunk per page (its row lines, then its pageToken line), the last chunk ending with the complete line.
 * Rows are read in id order without holding a transaction open; a row changed after the snapshot may be
 * newer than the cursor, which is harmless because pulling from the cursor replays those changes in order.
 * The chunks are produced only as fast as they are consumed, so a slow client holds one query's rows.
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
  const perQuery = pageRows * Math.max(1, pagesPerQuery);
  const tokenLine = (stage: Stage, after: string) =>
    `${JSON.stringify({ pageToken: encodePageToken({ epoch: token.epoch, seq: token.seq, stage, after }) })}\n`;
  let stageIndex = BOOTSTRAP_STAGES.indexOf(token.stage);
  let after = token.after;
  while (stageIndex < BOOTSTRAP_STAGES.length) {
    const stage = BOOTSTRAP_STAGES[stageIndex] ?? 'team';
    const rows = await readRows(db, principal, stage, after, perQuery);
    const prefix = `{"entity":"${stage}","entityId":`;
    for (let start = 0; start < rows.length; start += pageRows) {
      const page = rows.slice(start, start + pageRows);
      let chunk = '';
      for (const row of page) chunk += `${prefix}${JSON.stringify(row.id)},"version":${row.version},"data":${row.data}}\n`;
      const lastId = page[page.length - 1]?.id ?? '';
      // A full page may have more rows after it in this stage; a short one ends the stage.
      if (page.length === pageRows) chunk += tokenLine(stage, lastId);
      else if (stageIndex + 1 < BOOTSTRAP_STAGES.length) chunk += tokenLine(BOOTSTRAP_STAGES[stageIndex + 1] ?? 'team', '');
      yield chunk;
    }
    const lastRow = rows[rows.length - 1];
    if (rows.length === perQuery && lastRow) {
      after = lastRow.id;
    } else {
      stageIndex++;
      after = '';
    }
  }
  yield `${JSON.stringify({ complete: true, cursor: encodeCursor(token.epoch, token.seq) })}\n`;
}

function readRows(db: Db, principal: Principal, stage: Stage, after: string, limit: number): Promise<StageRow[]> {
  const params: SqlParam[] = [after, limit];
  const visible = () => visibleSql(principal, 'c.team_id', 'c.assignee_id', params);
  switch (stage) {
    case 'team': {
      const teams = principal.role === 'admin' ? 'TRUE' : `t.id IN (SELECT team_id FROM team_members WHERE user_id = $${params.push(principal.id)})`;
      return db.query(`SELECT t.id, 1 AS version, t.data::text AS data FROM teams t WHERE t.id > $1 AND ${teams} ORDER BY t.id LIMIT $2`, params);
    }
    case 'user': {
      const me = `$${params.push(principal.id)}`;
      const users = principal.role === 'admin'
        ? 'TRUE'
        : `(u.id = ${me} OR u.id IN (SELECT tm.user_id FROM team_members tm JOIN team_members mine ON mine.team_id = tm.team_id WHERE mine.user_id = ${me}))`;
      return db.query(`SELECT u.id, 1 AS version, u.data::text AS data FROM users u WHERE u.id > $1 AND ${users} ORDER BY u.id LIMIT $2`, params);
    }
    case 'case':
      return db.query(`SELECT c.id, c.version, c.data::text AS data FROM cases c WHERE c.id > $1 AND ${visible()} ORDER BY c.id LIMIT $2`, params);
    case 'message':
      return db.query(`SELECT m.id, m.version, m.data::text AS data FROM messages m JOIN cases c ON c.id = m.case_id
        WHERE m.id > $1 AND ${visible()} ORDER BY m.id LIMIT $2`, params);
    case 'note':
      return db.query(`SELECT n.id, n.version, n.data::text AS data FROM notes n JOIN cases c ON c.id = n.case_id
        WHERE n.id > $1 AND ${visible()} ORDER BY n.id LIMIT $2`, params);
    case 'case_event':
      return db.query(`SELECT e.id, e.version, e.data::text AS data FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE e.id > $1 AND ${visible()} ORDER BY e.id LIMIT $2`, params);
  }
}

import type { Principal } from '../auth/principal';
import type { Db, SqlParam } from '../db/db';
import { HttpError } from '../http/httpError';
import type { PageToken } from './cursor';
import { BOOTSTRAP_STAGES, signCursor, signPageToken, verifyPageToken } from './cursor';
import { copyRows } from '../db/copyBinary';
import { inlineParams, textArray } from '../db/sqlArray';
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
 * line is the row's NDJSON line as PostgreSQL wrote it (the stored jsonb as text, never parsed and
 * serialized again), or null for a row of the scanned id range the caller may not see.
 */
type ScannedRow = { id: Buffer; line: Buffer | null };
const NEWLINE = Buffer.from('\n');

/**
 * The caller's scope as of one change-log position (the cursor in the final line), as NDJSON bytes: one
 * chunk per page (its row lines, then its pageToken line), the last chunk ending with the complete line.
 * Rows are read in id order without holding a transaction open; a row changed after the snapshot may be
 * newer than the cursor, which is harmless because pulling from the cursor replays those changes in order.
 * The chunks are produced only as fast as they are consumed, so a slow client holds two queries' rows.
 */
export async function* bootstrapNdjson(
  db: Db,
  principal: Principal,
  pageToken: string | undefined,
  pageRows = BOOTSTRAP_PAGE_ROWS,
  pagesPerQuery = BOOTSTRAP_PAGES_PER_QUERY,
): AsyncGenerator<Buffer> {
  const state = await readSyncState(db);
  const signer = { key: state.signingKey, userId: principal.id };
  let token: PageToken;
  if (pageToken) {
    token = verifyPageToken(signer, pageToken);
    if (token.epoch !== state.epoch)
      throw new HttpError(409, 'RESET_REQUIRED', 'the server was reset: bootstrap again from the start', {
        reason: 'epoch',
      });
    if (token.seq < state.floorSeq)
      throw new HttpError(409, 'RESET_REQUIRED', 'the snapshot is older than the change log keeps', {
        reason: 'expired',
      });
  } else {
    token = { v: 2, u: principal.id, epoch: state.epoch, seq: state.highSeq, stage: 'team', after: '' };
  }
  const windowRows = pageRows * Math.max(1, pagesPerQuery);
  let visible: Promise<VisibleCases | null> | undefined;
  const tokenLine = (stage: Stage, after: string) =>
    Buffer.from(
      `${JSON.stringify({ pageToken: signPageToken(signer, { epoch: token.epoch, seq: token.seq, stage, after }) })}\n`,
    );
  for (let stageIndex = BOOTSTRAP_STAGES.indexOf(token.stage); stageIndex < BOOTSTRAP_STAGES.length; stageIndex++) {
    const stage = BOOTSTRAP_STAGES[stageIndex] ?? 'team';
    const nextStage = BOOTSTRAP_STAGES[stageIndex + 1];
    const after = stageIndex === BOOTSTRAP_STAGES.indexOf(token.stage) ? token.after : '';
    let page: Buffer[] = [];
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
      if (more) nextWindow = read(last.id.toString());
      for (const row of rows) {
        if (row.line === null) continue;
        page.push(row.line, NEWLINE);
        // A full page may have more rows after it in this stage: resume after its last row.
        if (++inPage === pageRows) {
          page.push(tokenLine(stage, row.id.toString()));
          yield Buffer.concat(page);
          page = [];
          inPage = 0;
        }
      }
      if (!more) break;
    }
    if (inPage > 0) yield Buffer.concat(nextStage ? [...page, tokenLine(nextStage, '')] : page);
  }
  yield Buffer.from(`${JSON.stringify({ complete: true, cursor: signCursor(signer, token.epoch, token.seq) })}\n`);
}

/**
 * How children are filtered. 'sql': the ids go into each window's query as an array the planner hashes,
 * so rows the caller may not see are never read out; 'here': when the caller sees most cases, parsing and
 * hashing that array again for each of ~24 windows cost more (~1.5 s of PostgreSQL CPU at 100,000 cases)
 * than reading the few rows they may not see and dropping them here (ids as bytesKey gives them).
 */
type VisibleCases = { filter: 'sql'; arraySql: string } | { filter: 'here'; ids: ReadonlySet<string> };

/** A case id as the latin1 reading of its UTF-8 bytes: COPY's bytes compare to it without being decoded. */
const bytesKey = (id: string) => Buffer.from(id).toString('latin1');

/**
 * The cases the caller sees now, read once per stream for its messages, notes and events (joining the
 * cases table for each window read all of it again, 180 MB at 100,000 cases, per window); null when the
 * caller sees every case. Read after the snapshot's cursor, so a case that changes scope later reaches the
 * client through the change log, children included.
 */
async function visibleCases(db: Db, principal: Principal): Promise<VisibleCases | null> {
  if (principal.role === 'admin') return null;
  const params: SqlParam[] = [];
  const rows = await db.query<{ id: string }>(
    `SELECT c.id FROM cases c WHERE ${visibleSql(principal, 'c.team_id', 'c.assignee_id', params)}`,
    params,
  );
  const [total] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM cases');
  const ids = rows.map((row) => row.id);
  return ids.length * 2 >= (total?.count ?? 0)
    ? { filter: 'here', ids: new Set(ids.map(bytesKey)) }
    : { filter: 'sql', arraySql: textArray(ids) };
}

/**
 * A row's NDJSON line as PostgreSQL writes it, in the layout the desktop reads without parsing its head
 * (src-main/core/sync/bootstrapLine.ts): to_json quotes the id, the stored jsonb goes out as its text.
 */
function lineSql(stage: Stage, alias: string, version: string): string {
  return `'{"entity":"${stage}","entityId":' || to_json(${alias}.id)::text || ',"version":' || ${version} || ',"data":' || ${alias}.data::text || '}'`;
}

/**
 * The next `limit` rows of a stage's table after `after` in id order, visible or not. The LIMIT is on
 * the table alone so PostgreSQL walks the primary key. Children are visible when their case is (null:
 * every case). Read through binary COPY, so lines go from PostgreSQL to the socket as bytes.
 */
async function scanWindow(
  db: Db,
  principal: Principal,
  stage: Stage,
  after: string,
  limit: number,
  visible: VisibleCases | null,
): Promise<ScannedRow[]> {
  const params: SqlParam[] = [after, limit];
  const line = (alias: string, version = `${alias}.version`) => lineSql(stage, alias, version);
  const childWindow = (table: string): Promise<ScannedRow[]> => {
    if (visible?.filter === 'here') {
      return copyWindow(
        db,
        `SELECT id, ${line('w')}, case_id FROM ${table} w WHERE id > $1 ORDER BY id LIMIT $2`,
        params,
        visible.ids,
      );
    }
    const inScope = visible === null ? 'TRUE' : `w.case_id = ANY($${params.push(visible.arraySql)}::text[])`;
    return copyWindow(
      db,
      `SELECT w.id, CASE WHEN ${inScope} THEN ${line('w')} END
      FROM (SELECT id, version, data, case_id FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2) w ORDER BY w.id`,
      params,
    );
  };
  switch (stage) {
    case 'team': {
      const teams =
        principal.role === 'admin'
          ? 'TRUE'
          : `t.id IN (SELECT team_id FROM team_members WHERE user_id = $${params.push(principal.id)})`;
      return copyWindow(
        db,
        `SELECT t.id, ${line('t', "'1'")} FROM teams t WHERE t.id > $1 AND ${teams} ORDER BY t.id LIMIT $2`,
        params,
      );
    }
    case 'user': {
      const me = `$${params.push(principal.id)}`;
      const users =
        principal.role === 'admin'
          ? 'TRUE'
          : `(u.id = ${me} OR u.id IN (SELECT tm.user_id FROM team_members tm JOIN team_members mine ON mine.team_id = tm.team_id WHERE mine.user_id = ${me}))`;
      return copyWindow(
        db,
        `SELECT u.id, ${line('u', "'1'")} FROM users u WHERE u.id > $1 AND ${users} ORDER BY u.id LIMIT $2`,
        params,
      );
    }
    case 'case':
      return copyWindow(
        db,
        `SELECT c.id, CASE WHEN ${visibleSql(principal, 'c.team_id', 'c.assignee_id', params)} THEN ${line('c')} END
        FROM (SELECT id, version, data, team_id, assignee_id FROM cases WHERE id > $1 ORDER BY id LIMIT $2) c ORDER BY c.id`,
        params,
      );
    case 'message':
      return childWindow('messages');
    case 'note':
      return childWindow('notes');
    case 'case_event':
      return childWindow('case_events');
  }
}

/**
 * The rows of a window query selecting (id, line) or, to be filtered here by visibleIds, (id, line, case_id).
 */
async function copyWindow(
  db: Db,
  sql: string,
  params: readonly SqlParam[],
  visibleIds?: ReadonlySet<string>,
): Promise<ScannedRow[]> {
  const rows: ScannedRow[] = [];
  for await (const batch of copyRows(db.copyOut(inlineParams(sql, params)))) {
    for (const fields of batch) {
      const id = fields[0];
      if (!id) throw new Error('a bootstrap window row without its id');
      const caseId = fields[2];
      const visible = visibleIds === undefined || (caseId ? visibleIds.has(caseId.toString('latin1')) : false);
      rows.push({ id, line: visible ? (fields[1] ?? null) : null });
    }
  }
  return rows;
}

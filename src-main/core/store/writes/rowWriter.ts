import type Database from 'better-sqlite3-multiple-ciphers';
import type { Case, CaseEvent, Message, Note } from '../../../../src-shared/domain/case';
import type { Team, User } from '../../../../src-shared/domain/user';
import { caseColumns, type CaseColumns } from './caseRows';
import { cjkTokens } from '../search/cjkText';
import { INDEX_CASE_RANGE } from '../search/caseSearchText';
import { createSearchBacklog } from '../search/searchBacklog';

/**
 * The only code that writes entity rows, so the search indexes can never drift from the tables:
 * every insert, update and delete of a case, message or note updates its FTS rows in the same call,
 * except for rows a bootstrap's search backlog will index (searchBacklog.ts), which it reads as they are then.
 */
/** Columns of cases that an index or the search index reads. */
const CASE_KEY_COLUMNS = [
  'ref',
  'type',
  'state_group',
  'priority_sort',
  'market',
  'team_id',
  'assignee_id',
  'sla_sort',
  'created_ms',
  'subject',
  'customer_name',
  'order_id',
] as const satisfies readonly (keyof CaseColumns)[];
type CaseKeys = Pick<CaseColumns, (typeof CASE_KEY_COLUMNS)[number]> & { rid: number };
type CaseBody = Pick<
  CaseColumns,
  | 'server_version'
  | 'status'
  | 'priority'
  | 'locale'
  | 'tags'
  | 'sla_due_at'
  | 'created_at'
  | 'updated_at'
  | 'has_pending'
  | 'data'
> & { rid: number };

// Over 100 lines as a factory only: its prepared statements are made once per connection and shared by the
// small write and index functions inside.
export function createRowWriter(db: Database.Database) {
  db.function('cjk_tokens', { deterministic: true }, (text: unknown) =>
    cjkTokens(typeof text === 'string' ? text : ''),
  );
  const searchBacklog = createSearchBacklog(db);
  const caseRid = db.prepare<[string], { rid: number }>('SELECT rid FROM cases WHERE id = ?');
  const caseKeys = db.prepare<[string], CaseKeys>(`SELECT rid, ${CASE_KEY_COLUMNS.join(', ')} FROM cases WHERE id = ?`);
  // SQLite rewrites every index on a column named in SET, changed or not: a case whose indexed and searched
  // columns stay (a tag, a note, a new version) is updated without touching its 12 indexes or its FTS rows.
  const updateCaseBody = db.prepare<CaseBody>(`UPDATE cases SET server_version = @server_version, status = @status,
    priority = @priority, locale = @locale, tags = @tags, sla_due_at = @sla_due_at, created_at = @created_at,
    updated_at = @updated_at, has_pending = @has_pending, data = @data WHERE rid = @rid`);
  const insertCase =
    db.prepare<CaseColumns>(`INSERT INTO cases (id, server_version, ref, type, status, state_group, priority,
    priority_sort, market, locale, team_id, assignee_id, subject, customer_name, order_id, tags, sla_due_at, sla_sort, created_at,
    created_ms, updated_at, has_pending, data) VALUES (@id, @server_version, @ref, @type, @status, @state_group, @priority,
    @priority_sort, @market, @locale, @team_id, @assignee_id, @subject, @customer_name, @order_id, @tags, @sla_due_at, @sla_sort,
    @created_at, @created_ms, @updated_at, @has_pending, @data)`);
  const updateCase =
    db.prepare<CaseColumns>(`UPDATE cases SET server_version = @server_version, ref = @ref, type = @type,
    status = @status, state_group = @state_group, priority = @priority, priority_sort = @priority_sort, market = @market,
    locale = @locale, team_id = @team_id, assignee_id = @assignee_id, subject = @subject, customer_name = @customer_name,
    order_id = @order_id, tags = @tags, sla_due_at = @sla_due_at, sla_sort = @sla_sort, created_at = @created_at,
    created_ms = @created_ms, updated_at = @updated_at, has_pending = @has_pending, data = @data WHERE id = @id`);
  const deleteCaseRow = db.prepare<[number]>('DELETE FROM cases WHERE rid = ?');
  // From the row just written, by the one definition of a case's search text (caseSearchText.ts).
  const caseFtsInsert = db.prepare<[number, number]>(INDEX_CASE_RANGE);
  const caseFtsDelete = db.prepare<[number]>('DELETE FROM case_fts WHERE rowid = ?');
  const cjkInsert = db.prepare<[number, string]>('INSERT INTO cjk_fts (rowid, text) VALUES (?, ?)');
  const cjkDelete = db.prepare<[number]>('DELETE FROM cjk_fts WHERE rowid = ?');

  const messageRid = db.prepare<[string], { rid: number; body: string | null }>(
    "SELECT rid, data ->> '$.body' AS body FROM messages WHERE id = ?",
  );
  const insertMessage = db.prepare<[string, string, string, number, number, string | null, string]>(
    'INSERT INTO messages (id, case_id, created_at, server_version, pending, mutation_uuid, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const updateMessage = db.prepare<[string, string, number, number, string, number]>(
    'UPDATE messages SET case_id = ?, created_at = ?, server_version = ?, pending = ?, data = ? WHERE rid = ?',
  );
  const deleteMessageRow = db.prepare<[number]>('DELETE FROM messages WHERE rid = ?');
  const messageFtsInsert = db.prepare<[number, string]>('INSERT INTO message_fts (rowid, body) VALUES (?, ?)');
  const messageFtsDelete = db.prepare<[number]>('DELETE FROM message_fts WHERE rowid = ?');

  const upsertNoteStmt = db.prepare<[string, string, string, number, number, string | null, string]>(`INSERT INTO notes
    (id, case_id, created_at, server_version, pending, mutation_uuid, data) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, created_at = excluded.created_at,
    server_version = excluded.server_version, pending = excluded.pending, data = excluded.data`);
  const upsertEventStmt = db.prepare<
    [string, string, string, number, string]
  >(`INSERT INTO case_events (id, case_id, at, server_version, data)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, at = excluded.at,
    server_version = excluded.server_version, data = excluded.data`);

  const upsertUserStmt = db.prepare<[string, number, string]>(`INSERT INTO users (id, server_version, data)
    VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET server_version = excluded.server_version, data = excluded.data`);
  const upsertTeamStmt = db.prepare<[string, number, string]>(`INSERT INTO teams (id, server_version, data)
    VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET server_version = excluded.server_version, data = excluded.data`);

  function indexCase(rid: number, cols: CaseColumns): void {
    if (rid <= searchBacklog.get().cases) return;
    caseFtsInsert.run(rid - 1, rid);
    const cjk = cjkTokens(`${cols.subject} ${cols.customer_name}`);
    if (cjk) cjkInsert.run(rid * 2 + 1, cjk);
  }

  function unindexCase(rid: number): void {
    if (rid <= searchBacklog.get().cases) return;
    caseFtsDelete.run(rid);
    cjkDelete.run(rid * 2 + 1);
  }

  function indexMessage(rid: number, body: string): void {
    if (rid <= searchBacklog.get().messages) return;
    messageFtsInsert.run(rid, body);
    const cjk = cjkTokens(body);
    if (cjk) cjkInsert.run(rid * 2, cjk);
  }

  function unindexMessage(rid: number): void {
    if (rid <= searchBacklog.get().messages) return;
    messageFtsDelete.run(rid);
    cjkDelete.run(rid * 2);
  }

  return {
    searchBacklog,
    /** Insert or replace the visible row of a case (canonical, or optimistic when hasPending). */
    writeCase(c: Case, serverVersion: number, hasPending: boolean): void {
      const cols = caseColumns(c, serverVersion, hasPending);
      const existing = caseKeys.get(c.id);
      if (existing && CASE_KEY_COLUMNS.every((column) => existing[column] === cols[column])) {
        updateCaseBody.run({
          rid: existing.rid,
          server_version: cols.server_version,
          status: cols.status,
          priority: cols.priority,
          locale: cols.locale,
          tags: cols.tags,
          sla_due_at: cols.sla_due_at,
          created_at: cols.created_at,
          updated_at: cols.updated_at,
          has_pending: cols.has_pending,
          data: cols.data,
        });
      } else if (existing) {
        updateCase.run(cols);
        unindexCase(existing.rid);
        indexCase(existing.rid, cols);
      } else {
        const rid = Number(insertCase.run(cols).lastInsertRowid);
        indexCase(rid, cols);
      }
    },
    deleteCase(id: string): boolean {
      const existing = caseRid.get(id);
      if (!existing) return false;
      unindexCase(existing.rid);
      deleteCaseRow.run(existing.rid);
      return true;
    },
    writeMessage(m: Message, serverVersion: number, pending: boolean, mutationUuid: string | null): void {
      const existing = messageRid.get(m.id);
      const data = JSON.stringify(m);
      if (existing) {
        updateMessage.run(m.caseId, m.createdAt, serverVersion, pending ? 1 : 0, data, existing.rid);
        if (existing.body !== m.body) {
          unindexMessage(existing.rid);
          indexMessage(existing.rid, m.body);
        }
      } else {
        const rid = Number(
          insertMessage.run(m.id, m.caseId, m.createdAt, serverVersion, pending ? 1 : 0, mutationUuid, data)
            .lastInsertRowid,
        );
        indexMessage(rid, m.body);
      }
    },
    deleteMessage(id: string): boolean {
      const existing = messageRid.get(id);
      if (!existing) return false;
      unindexMessage(existing.rid);
      deleteMessageRow.run(existing.rid);
      return true;
    },
    writeNote(n: Note, serverVersion: number, pending: boolean, mutationUuid: string | null): void {
      upsertNoteStmt.run(n.id, n.caseId, n.createdAt, serverVersion, pending ? 1 : 0, mutationUuid, JSON.stringify(n));
    },
    writeUser(u: User, serverVersion: number): void {
      upsertUserStmt.run(u.id, serverVersion, JSON.stringify(u));
    },
    writeTeam(t: Team, serverVersion: number): void {
      upsertTeamStmt.run(t.id, serverVersion, JSON.stringify(t));
    },
    writeEvent(e: CaseEvent, serverVersion: number): void {
      upsertEventStmt.run(e.id, e.caseId, e.at, serverVersion, JSON.stringify(e));
    },
  };
}
export type RowWriter = ReturnType<typeof createRowWriter>;

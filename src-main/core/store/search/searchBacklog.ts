import type Database from 'better-sqlite3-multiple-ciphers';
import { INDEX_CASE_RANGE } from './caseSearchText';

/** Rows whose rid is at most these are not in the search indexes yet (0: every row is). */
export interface SearchBacklog {
  cases: number;
  messages: number;
}

/** What a case or message puts in the search indexes, in SQL over a rid range (rid > ? AND rid <= ?). */
const INDEX_CASES = `${INDEX_CASE_RANGE};
  INSERT INTO cjk_fts (rowid, text) SELECT rid * 2 + 1, tokens
    FROM (SELECT rid, cjk_tokens(subject || ' ' || customer_name) AS tokens FROM cases WHERE rid > ? AND rid <= ?) WHERE tokens <> ''`;
const INDEX_MESSAGES = `INSERT INTO message_fts (rowid, body) SELECT rid, data ->> '$.body' FROM messages WHERE rid > ? AND rid <= ?;
  INSERT INTO cjk_fts (rowid, text) SELECT rid * 2, tokens
    FROM (SELECT rid, cjk_tokens(data ->> '$.body') AS tokens FROM messages WHERE rid > ? AND rid <= ?) WHERE tokens <> ''`;

/**
 * The search entries of a fresh generation. Tokenizing 100,000 cases and their messages for the trigram
 * and CJK indexes cost ~3 s of a bootstrap's ~10 s (BENCHMARKS.md "Sync"), so a bootstrap swaps its
 * tables in without them and they are built afterwards, newest rows first, a slice at a time between
 * other work. Meanwhile search scans the rows not indexed yet (searchQueries.ts), and the row writer
 * leaves their entries to this backlog, which reads the rows as they are when it reaches them: every row
 * is indexed exactly once, whatever changes in between.
 */
export function createSearchBacklog(db: Database.Database) {
  // A store opened at a schema before migration 006 (migration tests) has no backlog columns, and no backlog.
  const hasColumns =
    db.prepare("SELECT 1 FROM pragma_table_info('sync_state') WHERE name = 'search_backlog_cases'").get() !== undefined;
  const read = db.prepare<[], SearchBacklog>(
    hasColumns
      ? 'SELECT search_backlog_cases AS cases, search_backlog_messages AS messages FROM sync_state WHERE singleton = 1'
      : 'SELECT 0 AS cases, 0 AS messages',
  );
  const write = hasColumns
    ? db.prepare<[number, number]>(
        'UPDATE sync_state SET search_backlog_cases = ?, search_backlog_messages = ? WHERE singleton = 1',
      )
    : null;
  const statements = (sql: string) => sql.split(';').map((statement) => db.prepare<[number, number]>(statement));
  const indexCases = statements(INDEX_CASES);
  const indexMessages = statements(INDEX_MESSAGES);
  const get = (): SearchBacklog => read.get() ?? { cases: 0, messages: 0 };

  const indexSlice = db.transaction((limit: number): number => {
    const left = get();
    const cases = Math.max(0, left.cases - limit);
    const messages = Math.max(0, left.messages - Math.max(0, limit - left.cases));
    if (cases < left.cases) for (const statement of indexCases) statement.run(cases, left.cases);
    if (messages < left.messages) for (const statement of indexMessages) statement.run(messages, left.messages);
    write?.run(cases, messages);
    return cases + messages;
  });

  return {
    get,
    /** Everything up to these rids waits to be indexed (after a swap), or nothing does (0, 0). */
    set(backlog: SearchBacklog): void {
      write?.run(backlog.cases, backlog.messages);
    },
    /**
     * Indexes up to `limit` of the newest rows left, in one transaction (cases before messages: a case's
     * subject and customer are what agents search for first). Returns how many rids are left (0: done).
     */
    indexSlice: (limit: number): number => indexSlice.immediate(limit),
  };
}
export type SearchBacklogStore = ReturnType<typeof createSearchBacklog>;

import type Database from 'better-sqlite3-multiple-ciphers';
import type { Case, CaseEvent, Message, Note } from '../../../../src-shared/domain/case';
import type { Team, User } from '../../../../src-shared/domain/user';
import { caseColumns, type CaseColumns } from '../writes/caseRows';
import { StoreError } from '../ports';

/**
 * The tables a bootstrap replaces, search indexes included. Their next generation is received into
 * next_<table>, tables made from the live tables' own definitions, and swapped in by renaming: every row
 * is written once, where it stays, instead of once into a staging table and again into the tables
 * (BENCHMARKS.md "Sync"). The search indexes come in empty but for pending local messages; the
 * snapshot's entries are built after the swap (searchBacklog.ts).
 */
const TABLES = [
  'teams',
  'users',
  'cases',
  'messages',
  'notes',
  'case_events',
  'case_fts',
  'message_fts',
  'cjk_fts',
] as const;
type Table = (typeof TABLES)[number];
const nextName = (table: Table) => `next_${table}`;
/** The cases columns in insert order: bound by position, as naming 23 parameters cost ~1.7 us a row in better-sqlite3. */
const CASE_COLUMNS = [
  'id',
  'server_version',
  'ref',
  'type',
  'status',
  'state_group',
  'priority',
  'priority_sort',
  'market',
  'locale',
  'team_id',
  'assignee_id',
  'subject',
  'customer_name',
  'order_id',
  'tags',
  'sla_due_at',
  'sla_sort',
  'created_at',
  'created_ms',
  'updated_at',
  'has_pending',
  'data',
] as const satisfies readonly (keyof CaseColumns)[];
type CaseValues = CaseColumns[(typeof CASE_COLUMNS)[number]][];
type Entity = NextRow['entity'];
/** Values bound per row, in each insert statement's parameter order. */
const WIDTH: Record<Entity, number> = {
  case: CASE_COLUMNS.length,
  message: 5,
  note: 5,
  case_event: 5,
  user: 3,
  team: 3,
};
/** Consecutive rows of one entity as their bound values, flat: a page as it crosses to the bootstrap writer's thread. */
export type RowGroup = { entity: Entity; values: (string | number | null)[] };
const NAMED = /^(CREATE (?:VIRTUAL )?TABLE)\s+"?\w+"?/;

/** A validated bootstrap row (nextGenerationRow.ts), with the JSON text of its data as the tables keep it. */
export type NextRow = { version: number; json: string } & (
  | { entity: 'case'; data: Case }
  | { entity: 'message'; data: Message }
  | { entity: 'note'; data: Note }
  | { entity: 'case_event'; data: CaseEvent }
  | { entity: 'user'; data: User }
  | { entity: 'team'; data: Team }
);

/** A page's validated rows as the bound values of their inserts, runs of one entity grouped. */
export function rowGroups(rows: readonly NextRow[]): RowGroup[] {
  const groups: RowGroup[] = [];
  let group: RowGroup | undefined;
  for (const row of rows) {
    if (group?.entity !== row.entity) groups.push((group = { entity: row.entity, values: [] }));
    const { values } = group;
    const { json } = row;
    switch (row.entity) {
      case 'case': {
        const cols = caseColumns(row.data, row.version, false, json);
        for (const column of CASE_COLUMNS) values.push(cols[column]);
        break;
      }
      case 'message':
      case 'note':
        values.push(row.data.id, row.data.caseId, row.data.createdAt, row.version, json);
        break;
      case 'case_event':
        values.push(row.data.id, row.data.caseId, row.data.at, row.version, json);
        break;
      case 'user':
      case 'team':
        values.push(row.data.id, row.version, json);
        break;
    }
  }
  return groups;
}

export function createNextGeneration(db: Database.Database) {
  const definition = db.prepare<[string, string], { sql: string }>(
    'SELECT sql FROM sqlite_master WHERE type = ? AND name = ?',
  );
  const indexDefinitions = db.prepare<[string], { sql: string }>(
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
  );
  const nextDefinition = (table: Table): string => {
    const live = definition.get('table', table);
    if (!live) throw new Error(`table ${table} missing`);
    return live.sql.replace(NAMED, `$1 ${nextName(table)}`);
  };

  // Prepared on first use: the next tables exist only while a bootstrap is being received. SQLite
  // prepares them again by itself after the tables are made anew.
  let inserts: {
    case: Database.Statement<CaseValues>;
    message: Database.Statement<[string, string, string, number, string]>;
    note: Database.Statement<[string, string, string, number, string]>;
    case_event: Database.Statement<[string, string, string, number, string]>;
    user: Database.Statement<[string, number, string]>;
    team: Database.Statement<[string, number, string]>;
  } | null = null;
  // A row sent twice (a page sent again) replaces the first copy.
  function statements(): NonNullable<typeof inserts> {
    inserts ??= {
      case: db.prepare<CaseValues>(
        `INSERT OR REPLACE INTO next_cases (${CASE_COLUMNS.join(', ')}) VALUES (${CASE_COLUMNS.map(() => '?').join(', ')})`,
      ),
      message:
        db.prepare(`INSERT OR REPLACE INTO next_messages (id, case_id, created_at, server_version, pending, mutation_uuid, data)
        VALUES (?, ?, ?, ?, 0, NULL, ?)`),
      note: db.prepare(`INSERT OR REPLACE INTO next_notes (id, case_id, created_at, server_version, pending, mutation_uuid, data)
        VALUES (?, ?, ?, ?, 0, NULL, ?)`),
      case_event: db.prepare(
        'INSERT OR REPLACE INTO next_case_events (id, case_id, at, server_version, data) VALUES (?, ?, ?, ?, ?)',
      ),
      user: db.prepare('INSERT OR REPLACE INTO next_users (id, server_version, data) VALUES (?, ?, ?)'),
      team: db.prepare('INSERT OR REPLACE INTO next_teams (id, server_version, data) VALUES (?, ?, ?)'),
    };
    return inserts;
  }

  function drop(): void {
    for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${nextName(table)}`);
  }

  return {
    /** Empty next tables shaped like the live ones (their secondary indexes are built when swapped in). Call inside a transaction. */
    create(): void {
      drop();
      for (const table of TABLES) db.exec(nextDefinition(table));
    },
    drop,
    /**
     * Whether the next tables exist with the live tables' columns: a bootstrap begun before an upgrade (staged
     * elsewhere, or into tables a migration has changed since) cannot resume into them.
     */
    matchesLive(): boolean {
      return TABLES.every((table) => definition.get('table', nextName(table))?.sql === nextDefinition(table));
    },
    /** Writes a page's rows (rowGroups) into the next tables. Call inside a transaction. */
    putGroups(groups: readonly RowGroup[]): void {
      const s = statements();
      for (const { entity, values } of groups) {
        const statement = s[entity] as Database.Statement<unknown[]>;
        const width = WIDTH[entity];
        if (values.length % width !== 0)
          throw new Error(`${entity} rows of ${width} values each, got ${values.length}`);
        for (let at = 0; at < values.length; at += width) statement.run(values.slice(at, at + width));
      }
    },
    /**
     * The next generation becomes the live tables. Pending local messages and notes come along (one whose
     * id the snapshot holds is the server's copy now, keeping the mutation that wrote it) and are indexed
     * for search; optimistic shadows go, for the caller to rebuild by rebasing; secondary indexes are built
     * anew in bulk. Call inside the completing transaction.
     */
    swap(): void {
      const indexes = TABLES.flatMap((table) => indexDefinitions.all(table).map((row) => row.sql));
      for (const table of ['messages', 'notes'] as const) {
        const next = nextName(table);
        db.exec(`UPDATE ${next} SET mutation_uuid = (SELECT l.mutation_uuid FROM ${table} l WHERE l.id = ${next}.id)
          WHERE id IN (SELECT id FROM ${table} WHERE pending = 1);
          INSERT INTO ${next} (id, case_id, created_at, server_version, pending, mutation_uuid, data)
          SELECT id, case_id, created_at, server_version, pending, mutation_uuid, data FROM ${table} l
          WHERE pending = 1 AND NOT EXISTS (SELECT 1 FROM ${next} n WHERE n.id = l.id) ORDER BY rid;`);
      }
      db.exec(`INSERT INTO next_message_fts (rowid, body) SELECT rid, data ->> '$.body' FROM next_messages WHERE pending = 1;
        WITH tokens AS MATERIALIZED (SELECT rid, cjk_tokens(data ->> '$.body') AS text FROM next_messages WHERE pending = 1)
        INSERT INTO next_cjk_fts (rowid, text) SELECT rid * 2, text FROM tokens WHERE text <> '';`);
      db.exec('DELETE FROM case_shadow');
      for (const table of TABLES) db.exec(`DROP TABLE ${table}; ALTER TABLE ${nextName(table)} RENAME TO ${table};`);
      for (const sql of indexes) db.exec(sql);
      inserts = null;
    },
  };
}
export type NextGeneration = ReturnType<typeof createNextGeneration>;

/**
 * One page staged in one transaction: its rows into the next tables and the token to resume after it,
 * only while `generation` is the bootstrap in progress (else StoreError STALE_BOOTSTRAP). The store's own
 * connection and the bootstrap writer's thread (bootstrapWriter.ts) stage through this same function.
 */
export function createPageStager(db: Database.Database, nextGeneration: NextGeneration) {
  const inProgress = db.prepare<[], { generation: number | null }>(
    'SELECT bootstrap_generation AS generation FROM sync_state WHERE singleton = 1',
  );
  const setPageToken = db.prepare<[string | null]>(
    'UPDATE sync_state SET bootstrap_page_token = ? WHERE singleton = 1',
  );
  return db.transaction((generation: number, groups: readonly RowGroup[], pageToken: string | null) => {
    if (inProgress.get()?.generation !== generation) {
      throw new StoreError('STALE_BOOTSTRAP', `bootstrap generation ${generation} is not the one in progress`);
    }
    nextGeneration.putGroups(groups);
    setPageToken.run(pageToken);
  });
}

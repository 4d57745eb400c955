import type Database from 'better-sqlite3-multiple-ciphers';
import type { Case, CaseEvent, Message, Note } from '../../../src-shared/domain/case';
import type { Team, User } from '../../../src-shared/domain/user';
import { RejectionReasonSchema, type MutationKey, type RejectionReason } from '../../../src-shared/sync/mutations';
import type {
  AttentionItem,
  CaseDetail,
  QueuePage,
  SearchHit,
  Settings,
  ViewCounts,
} from '../../../src-shared/contract/workstation';
import { createCaseState } from './caseState';
import { readJson } from './json';
import { createLocalWrites, type BulkOutcome, type WriteOutcome } from './localWrites';
import type { Migration } from './schema/migrate';
import { openDatabase } from './schema/openDatabase';
import { StoreError, type Clock, type IdGenerator } from './ports';
import { createQueueQueries, type QueueFilters, type QueueRequest, type Viewer } from './reads/queueQueries';
import { createRowWriter } from './writes/rowWriter';
import { createSearchQueries } from './search/searchQueries';
import { createServerSync } from './sync/serverChanges';
import { BREACHING_SOON_MS } from '../../../src-shared/sla/breachingSoon';

export interface LocalStoreOptions {
  path: string;
  clock: Clock;
  ids: IdGenerator;
  /** "Breaching soon" looks this far ahead of now. */
  breachingHorizonHours?: number;
  /** Tests pass a fixture set; the app uses the shipped migrations. */
  migrations?: readonly Migration[];
  /**
   * The install's key (storeKey.ts): the database is encrypted at rest with it, and a plain one from
   * before is encrypted on open. Null or absent only for tools and tests that want a plain file.
   */
  key?: Buffer | null;
}

/** Canonical rows for a bulk load (demo data, benchmarks): the version each entity carries. */
export interface CanonicalBatch {
  teams?: readonly Team[];
  users?: readonly User[];
  cases?: readonly Case[];
  messages?: readonly Message[];
  notes?: readonly Note[];
  events?: readonly CaseEvent[];
}

/** The server's machine reason kept with an attention item; items stored before it existed have none. */
function storedReason(text: string | null): RejectionReason | null {
  if (text === null) return null;
  const parsed = RejectionReasonSchema.safeParse(readJson<unknown>(text));
  return parsed.success ? parsed.data : null;
}

const DEFAULT_SETTINGS: Settings = { uiLocale: 'en', agentLanguages: ['en'], serverUrl: null };

/**
 * The agent's local store (better-sqlite3, synchronous; run it in a worker, never on the Electron main
 * thread). Everything the UI reads is canonical data with pending mutations applied on top.
 *
 * API for the sync engine (see sync/serverChanges.ts for details):
 *   getSyncState() / setSyncState(patch)        client id, user, cursor, lastMutationId, server offset
 *   pendingMutations(limit)                     outbox envelopes in id order, ids per client without gaps
 *   applyServerChanges(changes, newCursor, results?)
 *                                               one pull page and its results in ONE transaction, then
 *                                               pending re-applied once per touched case
 *   markResults(results)                        applied: outbox row dropped; rejected: attention item with
 *                                               the agent's text, optimistic effect rolled back
 *   beginBootstrap() / stageBootstrap(g, rows, pageToken) / completeBootstrap(g, cursor)
 *                                               a snapshot goes current only on complete, outbox kept
 *   resetClientIdentity(clientId)               CLIENT_STATE_CONFLICT: new id, outbox renumbered from 1
 *   verifyHash()                                {count, hash} exactly as the server computes it
 * Local writes (one transaction each, with the outbox row): write(key, args), bulk(caseIds, action).
 * Reads: queue(request), counts(filters), search(text, limit), caseDetail(id), attention(), settings().
 * Mutating methods throw StoreError with a code on refusal and leave the database unchanged.
 */
export function openLocalStore(options: LocalStoreOptions) {
  const { clock, ids } = options;
  const db: Database.Database = openDatabase(options.path, ids, options.migrations, options.key ?? null);
  const writer = createRowWriter(db);
  const state = createCaseState(db, writer);
  const userIdStmt = db.prepare<[], { user_id: string | null }>('SELECT user_id FROM sync_state WHERE singleton = 1');
  const userId = () => userIdStmt.get()?.user_id ?? null;
  const writes = createLocalWrites({ db, writer, state, clock, ids, userId });
  const sync = createServerSync({ db, writer, state, clock, ids, userId });
  const queue = createQueueQueries(db);
  const searcher = createSearchQueries(db, writer.searchBacklog.get);
  const horizonMs =
    options.breachingHorizonHours === undefined ? BREACHING_SOON_MS : options.breachingHorizonHours * 3_600_000;

  const userById = db.prepare<[string], { data: string }>('SELECT data FROM users WHERE id = ?');
  const allTeams = db.prepare<[], { data: string }>('SELECT data FROM teams ORDER BY id');
  const allUsers = db.prepare<[], { data: string }>('SELECT data FROM users ORDER BY id');
  const messagesOf = db.prepare<[string], { data: string; pending: number }>(
    'SELECT data, pending FROM messages WHERE case_id = ? ORDER BY created_at, rid',
  );
  const notesOf = db.prepare<[string], { data: string; pending: number }>(
    'SELECT data, pending FROM notes WHERE case_id = ? ORDER BY created_at, rid',
  );
  const eventsOf = db.prepare<[string], { data: string }>(
    'SELECT data FROM case_events WHERE case_id = ? ORDER BY at, rid',
  );
  const outboxCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE case_id = ?');
  const attentionRows = db.prepare<
    [],
    {
      id: string;
      case_id: string;
      case_ref: string | null;
      mutation_name: string;
      code: AttentionItem['code'];
      message: string;
      body: string | null;
      locale: string | null;
      created_at: string;
      reason?: string | null;
    }
  >('SELECT * FROM attention ORDER BY created_at, id');
  const attentionById = db.prepare<
    [string],
    { id: string; case_id: string; mutation_name: string; body: string | null; locale: string | null }
  >('SELECT * FROM attention WHERE id = ?');
  const deleteAttention = db.prepare<[string]>('DELETE FROM attention WHERE id = ?');
  const settingsGet = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const settingsPut = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const upsertUser = db.prepare<[string, number, string]>(`INSERT INTO users (id, server_version, data) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET server_version = excluded.server_version, data = excluded.data`);
  const upsertTeam = db.prepare<[string, number, string]>(`INSERT INTO teams (id, server_version, data) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET server_version = excluded.server_version, data = excluded.data`);
  const caseCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases');

  function currentUser(): User | null {
    const id = userId();
    const row = id ? userById.get(id) : undefined;
    return row ? readJson<User>(row.data) : null;
  }

  function viewer(): Viewer {
    const user = currentUser();
    return { userId: user?.id ?? userId(), teamIds: user?.teamIds ?? [] };
  }

  function settings(): Settings {
    const row = settingsGet.get('settings');
    const user = currentUser();
    const defaults: Settings = user
      ? { ...DEFAULT_SETTINGS, uiLocale: user.uiLocale, agentLanguages: user.languages }
      : DEFAULT_SETTINGS;
    return row ? { ...defaults, ...readJson<Partial<Settings>>(row.value) } : defaults;
  }

  return {
    db,
    close: () => db.close(),
    ...sync,
    write: writes.write,
    bulk: (caseIds: readonly string[], action: (caseId: string) => [MutationKey, unknown]): BulkOutcome =>
      writes.bulk(caseIds, action),

    currentUser,
    users: (): User[] => allUsers.all().map((r) => readJson<User>(r.data)),
    teams: (): Team[] => allTeams.all().map((r) => readJson<Team>(r.data)),
    caseCount: () => caseCount.get()?.n ?? 0,

    queue: (request: QueueRequest): QueuePage => queue.page(request, viewer(), clock.now() + horizonMs),
    queueSql: (request: QueueRequest) => queue.pageSql(request, viewer(), clock.now() + horizonMs),
    countSql: (view: QueueRequest['view'], filters: QueueFilters) =>
      queue.countSql(view, filters, viewer(), clock.now() + horizonMs),
    counts: (filters: QueueFilters): ViewCounts => queue.counts(filters, viewer(), clock.now() + horizonMs),
    search: (text: string, limit: number): SearchHit[] => searcher.search(text, limit),
    /** Rows a bootstrap left to index for search (searchBacklog.ts); 0 when search uses its indexes alone. */
    searchBacklog: (): number => {
      const left = writer.searchBacklog.get();
      return left.cases + left.messages;
    },
    /** Indexes up to `limit` more rows of the backlog, newest first; returns how many are left. */
    indexSearchBacklog: (limit: number): number => writer.searchBacklog.indexSlice(limit),

    caseDetail(id: string): CaseDetail | null {
      const c = state.visible(id);
      if (!c) return null;
      return {
        case: c,
        messages: messagesOf.all(id).map((r) => ({ ...readJson<Message>(r.data), isPending: r.pending === 1 })),
        notes: notesOf.all(id).map((r) => ({ ...readJson<Note>(r.data), isPending: r.pending === 1 })),
        events: eventsOf.all(id).map((r) => readJson<CaseEvent>(r.data)),
        pendingMutationCount: outboxCount.get(id)?.n ?? 0,
      };
    },

    attention: (): AttentionItem[] =>
      attentionRows.all().map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseRef: r.case_ref,
        mutationName: r.mutation_name,
        code: r.code,
        message: r.message,
        body: r.body,
        locale: r.locale,
        createdAt: r.created_at,
        reason: storedReason(r.reason ?? null),
      })),
    /**
     * discard drops the item knowingly. reopen_and_send reopens a solved case and sends the kept reply or
     * note again under a new id, all in one transaction with the item's removal.
     */
    resolveAttention(id: string, action: 'reopen_and_send' | 'discard'): WriteOutcome | null {
      return db
        .transaction((): WriteOutcome | null => {
          const item = attentionById.get(id);
          if (!item) throw new StoreError('NOT_FOUND', 'This item was already resolved.');
          deleteAttention.run(id);
          if (action === 'discard') return null;
          if (item.body === null)
            throw new StoreError(
              'NOTHING_TO_SEND',
              'Only a rejected reply or note can be sent again; discard this one.',
            );
          const c = state.visible(item.case_id);
          if (!c)
            throw new StoreError(
              'NOT_FOUND',
              'The case is no longer in this workstation; copy the text before discarding.',
            );
          if (c.status === 'closed')
            throw new StoreError(
              'CASE_CLOSED',
              `Case ${c.ref} is closed and cannot be reopened; copy the text into a follow-up case.`,
            );
          if (c.status === 'solved') writes.write('case.setStatus@1', { caseId: c.id, to: 'open' });
          if (item.mutation_name === 'case.addNote')
            return writes.write('case.addNote@1', { caseId: c.id, noteId: ids.uuid(), body: item.body });
          return writes.write('case.reply@1', {
            caseId: c.id,
            messageId: ids.uuid(),
            body: item.body,
            locale: item.locale ?? c.locale,
          });
        })
        .immediate();
    },

    settings,
    updateSettings(patch: Partial<Settings>): Settings {
      const next = { ...settings(), ...patch };
      settingsPut.run('settings', JSON.stringify(next));
      return next;
    },

    /**
     * Bulk load of canonical rows in one transaction (demo data, benchmarks): the same row writer as
     * sync, so indexes and search stay consistent. Versions: a case's own version, 1 for the rest.
     */
    importCanonical(batch: CanonicalBatch): void {
      db.transaction(() => {
        for (const t of batch.teams ?? []) upsertTeam.run(t.id, 1, JSON.stringify(t));
        for (const u of batch.users ?? []) upsertUser.run(u.id, 1, JSON.stringify(u));
        for (const c of batch.cases ?? []) state.writeServerCase(c, c.version);
        for (const m of batch.messages ?? []) writer.writeMessage(m, 1, false, null);
        for (const n of batch.notes ?? []) writer.writeNote(n, 1, false, null);
        for (const e of batch.events ?? []) writer.writeEvent(e, 1);
      }).immediate();
    },
  };
}
export type LocalStore = ReturnType<typeof openLocalStore>;

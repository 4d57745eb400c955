import type Database from 'better-sqlite3-multiple-ciphers';
import type { AttentionItem, CaseDetail, Settings, TagUse } from '../../../../src-shared/contract/workstation';
import type { CaseEvent, Message, Note } from '../../../../src-shared/domain/case';
import type { Team, User } from '../../../../src-shared/domain/user';
import { RejectionReasonSchema, type RejectionReason } from '../../../../src-shared/sync/mutations';
import type { CaseState } from '../caseState';
import type { StoreReads } from '../interface';
import { readJson } from '../json';
import type { Clock } from '../ports';
import { createQueueQueries, type QueueFilters, type QueueRequest, type Viewer } from './queueQueries';
import { createSearchQueries } from '../search/searchQueries';
import type { RowWriter } from '../writes/rowWriter';

/** The server's machine reason kept with an attention item; items stored before it existed have none. */
function storedReason(text: string | null): RejectionReason | null {
  if (text === null) return null;
  const parsed = RejectionReasonSchema.safeParse(readJson<unknown>(text));
  return parsed.success ? parsed.data : null;
}

const DEFAULT_SETTINGS: Settings = { uiLocale: 'en', agentLanguages: ['en'], serverUrl: null };

type AttentionRecord = {
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
};

interface Deps {
  db: Database.Database;
  writer: RowWriter;
  state: CaseState;
  clock: Clock;
  userId: () => string | null;
  /** "Breaching soon" looks this far ahead of now. */
  breachingHorizonMs: number;
}

/** Everything the workstation reads from the store (StoreReads): the visible rows, never the shadows. */
export function createLocalReads(deps: Deps): StoreReads {
  const { db, writer, state, clock, userId } = deps;
  const queue = createQueueQueries(db);
  const searcher = createSearchQueries(db, writer.searchBacklog.get);
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
  const attentionRows = db.prepare<[], AttentionRecord>('SELECT * FROM attention ORDER BY created_at, id');
  const settingsGet = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const caseCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases');
  // Cases without tags skip json_each; the scan reads the short tags column only.
  const tagsInUse = db.prepare<[number], TagUse>(`SELECT tag.value AS tag, count(*) AS cases
    FROM cases, json_each(cases.tags) AS tag WHERE cases.tags <> '[]'
    GROUP BY tag.value ORDER BY cases DESC, tag.value LIMIT ?`);

  function currentUser(): User | null {
    const id = userId();
    const row = id ? userById.get(id) : undefined;
    return row ? readJson<User>(row.data) : null;
  }

  function viewer(): Viewer {
    const user = currentUser();
    return { userId: user?.id ?? userId(), teamIds: user?.teamIds ?? [] };
  }
  const horizon = () => clock.now() + deps.breachingHorizonMs;

  return {
    currentUser,
    users: (): User[] => allUsers.all().map((r) => readJson<User>(r.data)),
    teams: (): Team[] => allTeams.all().map((r) => readJson<Team>(r.data)),
    caseCount: () => caseCount.get()?.n ?? 0,
    queue: (request: QueueRequest) => queue.page(request, viewer(), horizon()),
    counts: (filters: QueueFilters) => queue.counts(filters, viewer(), horizon()),
    search: (text, limit) => searcher.search(text, limit),
    tagsInUse: (limit) => tagsInUse.all(limit),
    searchBacklog: (): number => {
      const left = writer.searchBacklog.get();
      return left.cases + left.messages;
    },
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
    settings(): Settings {
      const row = settingsGet.get('settings');
      const user = currentUser();
      const defaults: Settings = user
        ? { ...DEFAULT_SETTINGS, uiLocale: user.uiLocale, agentLanguages: user.languages }
        : DEFAULT_SETTINGS;
      return row ? { ...defaults, ...readJson<Partial<Settings>>(row.value) } : defaults;
    },
  };
}

import { createHash } from 'node:crypto';
import type { SearchBacklog } from '../search/searchBacklog';
import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { CaseEventSchema, CaseSchema, MessageSchema, NoteSchema } from '../../../../src-shared/domain/case';
import { TeamSchema, UserSchema } from '../../../../src-shared/domain/user';
import {
  MutationResultSchema,
  type MutationEnvelope,
  type MutationResult,
} from '../../../../src-shared/sync/mutations';
import {
  ChangeSchema,
  VERIFY_ENTITIES,
  verifyLine,
  type Change,
  type Entity,
} from '../../../../src-shared/sync/protocol';
import type { CaseState, OutboxRecord } from '../caseState';
import { readNextRow } from './nextGenerationRow';
import { startBootstrapWriter, type BootstrapWriter } from './bootstrapWriter';
import { connectionKey } from '../schema/openDatabase';
import { readJson } from '../json';
import { StoreError, type Clock, type IdGenerator } from '../ports';
import { createNextGeneration, createPageStager, rowGroups } from './nextGeneration';
import type { RowWriter } from '../writes/rowWriter';

/** What the sync engine reads and sets besides the data itself (SYNC.md identities and cursor). */
export interface SyncState {
  clientId: string;
  userId: string | null;
  cursor: string | null;
  lastMutationId: number;
  nextMutationId: number;
  generation: number;
  bootstrapGeneration: number | null;
  bootstrapPageToken: string | null;
  serverOffsetMs: number;
  lastSyncedAt: string | null;
}
export type SyncStatePatch = Partial<
  Pick<SyncState, 'userId' | 'cursor' | 'lastMutationId' | 'serverOffsetMs' | 'lastSyncedAt'>
>;

export interface ApplyOutcome {
  caseIds: string[];
}
export interface ResultsOutcome {
  caseIds: string[];
  attentionAdded: number;
}

const ENTITY_SCHEMAS = {
  case: CaseSchema,
  message: MessageSchema,
  note: NoteSchema,
  case_event: CaseEventSchema,
  user: UserSchema,
  team: TeamSchema,
} as const;

type TypedChange =
  | { entity: 'case'; op: 'upsert'; id: string; version: number; data: z.infer<typeof CaseSchema> }
  | { entity: 'message'; op: 'upsert'; id: string; version: number; data: z.infer<typeof MessageSchema> }
  | { entity: 'note'; op: 'upsert'; id: string; version: number; data: z.infer<typeof NoteSchema> }
  | { entity: 'case_event'; op: 'upsert'; id: string; version: number; data: z.infer<typeof CaseEventSchema> }
  | { entity: 'user'; op: 'upsert'; id: string; version: number; data: z.infer<typeof UserSchema> }
  | { entity: 'team'; op: 'upsert'; id: string; version: number; data: z.infer<typeof TeamSchema> }
  | { entity: Entity; op: 'delete' | 'remove_from_scope'; id: string; version: number };

/** Validates a whole page before anything is written, so a bad row leaves the store untouched. */
function typed(entity: Entity, op: Change['op'], id: string, version: number, data: unknown): TypedChange {
  if (op !== 'upsert') return { entity, op, id, version };
  const parsed = ENTITY_SCHEMAS[entity].safeParse(data);
  if (!parsed.success) throw new StoreError('BAD_CHANGE', `${entity} ${id}: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.id !== id) throw new StoreError('BAD_CHANGE', `${entity} ${id} carries data for ${parsed.data.id}`);
  return { entity, op, id, version, data: parsed.data } as TypedChange;
}

function parseResults(results: readonly unknown[]): MutationResult[] {
  return results.map((raw) => {
    const r = MutationResultSchema.safeParse(raw);
    if (!r.success) throw new StoreError('BAD_RESULT', z.prettifyError(r.error));
    return r.data;
  });
}

const BODY_ARGS = z.object({
  body: z.string().optional(),
  locale: z.string().optional(),
  messageId: z.string().optional(),
  noteId: z.string().optional(),
});

interface Deps {
  db: Database.Database;
  writer: RowWriter;
  state: CaseState;
  clock: Clock;
  ids: IdGenerator;
  userId: () => string | null;
}

export function createServerSync(deps: Deps) {
  const { db, writer, state, clock, ids } = deps;
  const readState = db.prepare<
    [],
    {
      client_id: string;
      user_id: string | null;
      cursor: string | null;
      last_mutation_id: number;
      next_mutation_id: number;
      generation: number;
      bootstrap_generation: number | null;
      bootstrap_page_token: string | null;
      server_offset_ms: number;
      last_synced_at: string | null;
    }
  >('SELECT * FROM sync_state WHERE singleton = 1');
  const setCursor = db.prepare<[string, string]>(
    'UPDATE sync_state SET cursor = ?, last_synced_at = ? WHERE singleton = 1',
  );
  const childMessages = db.prepare<[string], { id: string }>(
    'SELECT id FROM messages WHERE case_id = ? AND pending = 0',
  );
  const deleteChildNotes = db.prepare<[string]>('DELETE FROM notes WHERE case_id = ? AND pending = 0');
  const deleteChildEvents = db.prepare<[string]>('DELETE FROM case_events WHERE case_id = ?');
  const canonicalMessage = db.prepare<[string], { pending: number }>('SELECT pending FROM messages WHERE id = ?');
  const deleteNote = db.prepare<[string]>('DELETE FROM notes WHERE id = ? AND pending = 0');
  const deleteEvent = db.prepare<[string]>('DELETE FROM case_events WHERE id = ?');
  const upsertUser = db.prepare<[string, number, string]>(`INSERT INTO users (id, server_version, data) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET server_version = excluded.server_version, data = excluded.data`);
  const upsertTeam = db.prepare<[string, number, string]>(`INSERT INTO teams (id, server_version, data) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET server_version = excluded.server_version, data = excluded.data`);
  const deleteUser = db.prepare<[string]>('DELETE FROM users WHERE id = ?');
  const deleteTeam = db.prepare<[string]>('DELETE FROM teams WHERE id = ?');
  const outboxPage = db.prepare<[number, number], OutboxRecord>(
    'SELECT * FROM outbox WHERE id > ? ORDER BY id LIMIT ?',
  );
  const outboxById = db.prepare<[number], OutboxRecord>('SELECT * FROM outbox WHERE id = ?');
  const deleteOutbox = db.prepare<[number]>('DELETE FROM outbox WHERE id = ?');
  const pendingMessage = db.prepare<[string], { case_id: string }>(
    'SELECT case_id FROM messages WHERE id = ? AND pending = 1',
  );
  const moveMessage = db.prepare<[string, string]>('UPDATE messages SET case_id = ? WHERE id = ? AND pending = 1');
  const deletePendingNote = db.prepare<[string]>('DELETE FROM notes WHERE id = ? AND pending = 1');
  const caseRef = db.prepare<[string], { ref: string }>('SELECT ref FROM cases WHERE id = ?');
  const insertAttention = db.prepare<
    [string, string, string | null, string, string, string, string, string, string | null, string | null, string]
  >(
    `INSERT INTO attention (id, case_id, case_ref, mutation_uuid, mutation_name, args, code, message, body, locale, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const pendingCountStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox');
  // Prepared on first use: a store opened at a schema before migration 005 (upgrade tests) never needs it.
  let attentionReason: Database.Statement<[string, string]> | undefined;
  const attentionReasonStmt = () =>
    (attentionReason ??= db.prepare<[string, string]>('UPDATE attention SET reason = ? WHERE id = ?'));
  const casesWithOutbox = db.prepare<[], { case_id: string }>('SELECT DISTINCT case_id FROM outbox');

  function nowIso(): string {
    return new Date(clock.now()).toISOString();
  }

  function removeCase(id: string): void {
    for (const m of childMessages.all(id)) writer.deleteMessage(m.id);
    deleteChildNotes.run(id);
    deleteChildEvents.run(id);
    writer.deleteCase(id);
  }

  /** Writes one validated change; returns the case it touched, if any. */
  function applyOne(change: TypedChange): string | null {
    if (change.op !== 'upsert') {
      switch (change.entity) {
        case 'case':
          removeCase(change.id);
          return change.id;
        case 'message': {
          if (canonicalMessage.get(change.id)?.pending === 0) writer.deleteMessage(change.id);
          return null;
        }
        case 'note':
          deleteNote.run(change.id);
          return null;
        case 'case_event':
          deleteEvent.run(change.id);
          return null;
        case 'user':
          deleteUser.run(change.id);
          return null;
        case 'team':
          deleteTeam.run(change.id);
          return null;
      }
    }
    switch (change.entity) {
      case 'case':
        state.writeServerCase(change.data, change.version);
        return change.id;
      case 'message':
        writer.writeMessage(change.data, change.version, false, null);
        return null;
      case 'note':
        writer.writeNote(change.data, change.version, false, null);
        return null;
      case 'case_event':
        writer.writeEvent(change.data, change.version);
        return null;
      case 'user':
        upsertUser.run(change.id, change.version, JSON.stringify(change.data));
        return null;
      case 'team':
        upsertTeam.run(change.id, change.version, JSON.stringify(change.data));
        return null;
    }
    return null;
  }

  function syncState(): SyncState {
    const row = readState.get();
    if (!row) throw new Error('sync_state row missing');
    return {
      clientId: row.client_id,
      userId: row.user_id,
      cursor: row.cursor,
      lastMutationId: row.last_mutation_id,
      nextMutationId: row.next_mutation_id,
      generation: row.generation,
      bootstrapGeneration: row.bootstrap_generation,
      bootstrapPageToken: row.bootstrap_page_token,
      serverOffsetMs: row.server_offset_ms,
      lastSyncedAt: row.last_synced_at,
    };
  }

  /** Outbox rows answered by these results leave; rejections become attention items. Rebasing is left to the caller. */
  function settleResults(results: readonly MutationResult[], touched: Set<string>): number {
    let attentionAdded = 0;
    for (const result of results) {
      const row = outboxById.get(result.mutationId);
      if (!row || row.uuid !== result.uuid) continue;
      deleteOutbox.run(row.id);
      touched.add(row.case_id);
      if (result.status === 'applied') {
        if (result.redirectedToCaseId && row.entity_id && pendingMessage.get(row.entity_id)) {
          moveMessage.run(result.redirectedToCaseId, row.entity_id);
        }
        continue;
      }
      const args = BODY_ARGS.parse(readJson<unknown>(row.args));
      if (args.messageId && pendingMessage.get(args.messageId)) writer.deleteMessage(args.messageId);
      if (args.noteId) deletePendingNote.run(args.noteId);
      const attentionId = ids.uuid();
      insertAttention.run(
        attentionId,
        row.case_id,
        caseRef.get(row.case_id)?.ref ?? null,
        row.uuid,
        row.name,
        row.args,
        result.code,
        result.message,
        args.body ?? null,
        args.locale ?? null,
        nowIso(),
      );
      if (result.reason) attentionReasonStmt().run(JSON.stringify(result.reason), attentionId);
      attentionAdded++;
    }
    return attentionAdded;
  }

  // A pull page and the results it carries settle together, so each touched case is rebased once, after
  // its outbox rows for answered mutations are gone (a drain would otherwise rebuild every case twice).
  const applyTx = db.transaction(
    (changes: readonly TypedChange[], cursor: string, results: readonly MutationResult[]): ResultsOutcome => {
      const touched = new Set<string>();
      for (const change of changes) {
        const caseId = applyOne(change);
        if (caseId) touched.add(caseId);
        if (change.entity === 'message' && change.op === 'upsert') touched.add(change.data.caseId);
      }
      const attentionAdded = settleResults(results, touched);
      for (const id of touched) state.rebase(id, deps.userId());
      setCursor.run(cursor, nowIso());
      return { caseIds: [...touched], attentionAdded };
    },
  );

  const resultsTx = db.transaction((results: readonly MutationResult[]): ResultsOutcome => {
    const touched = new Set<string>();
    const attentionAdded = settleResults(results, touched);
    for (const id of touched) state.rebase(id, deps.userId());
    return { caseIds: [...touched], attentionAdded };
  });

  const nextGeneration = createNextGeneration(db);
  const setPageToken = db.prepare<[string | null]>(
    'UPDATE sync_state SET bootstrap_page_token = ? WHERE singleton = 1',
  );
  function assertBootstrapping(generation: number): void {
    if (syncState().bootstrapGeneration !== generation)
      throw new StoreError('STALE_BOOTSTRAP', `bootstrap generation ${generation} is not the one in progress`);
  }
  const stagePage = createPageStager(db, nextGeneration);
  // A bootstrap received by an older version, or into tables a migration changed since, starts over.
  if (syncState().bootstrapGeneration !== null && !nextGeneration.matchesLive()) {
    db.transaction(() => {
      nextGeneration.drop();
      setPageToken.run(null);
    }).immediate();
  }
  const completeTx = db.transaction((generation: number, cursor: string): ApplyOutcome => {
    assertBootstrapping(generation);
    // The snapshot's rows are indexed for search after the swap (searchBacklog.ts), all of them: entries a
    // bootstrap begun by an older version staged go first.
    const staged = db
      .prepare<[], SearchBacklog>(
        'SELECT (SELECT coalesce(max(rid), 0) FROM next_cases) AS cases, (SELECT coalesce(max(rid), 0) FROM next_messages) AS messages',
      )
      .get();
    db.exec(`INSERT INTO next_case_fts (next_case_fts) VALUES ('delete-all'); INSERT INTO next_message_fts (next_message_fts) VALUES ('delete-all');
      INSERT INTO next_cjk_fts (next_cjk_fts) VALUES ('delete-all');`);
    // The swap drops the optimistic shadows with the old cases; rebase below rebuilds them.
    nextGeneration.swap();
    writer.searchBacklog.set(staged ?? { cases: 0, messages: 0 });
    const touched = casesWithOutbox.all().map((r) => r.case_id);
    for (const id of touched) state.rebase(id, deps.userId());
    db.prepare<[number, string, string]>(
      `UPDATE sync_state SET generation = ?, bootstrap_generation = NULL, bootstrap_page_token = NULL,
      cursor = ?, last_synced_at = ? WHERE singleton = 1`,
    ).run(generation, cursor, nowIso());
    return { caseIds: touched };
  });

  return {
    getSyncState: syncState,
    setSyncState(patch: SyncStatePatch): SyncState {
      const columns: Record<keyof SyncStatePatch, string> = {
        userId: 'user_id',
        cursor: 'cursor',
        lastMutationId: 'last_mutation_id',
        serverOffsetMs: 'server_offset_ms',
        lastSyncedAt: 'last_synced_at',
      };
      const entries = Object.entries(patch).filter(([key]) => Object.hasOwn(columns, key));
      if (entries.length > 0) {
        const sets = entries.map(([key]) => `${columns[key as keyof SyncStatePatch]} = @${key}`).join(', ');
        db.prepare(`UPDATE sync_state SET ${sets} WHERE singleton = 1`).run(Object.fromEntries(entries));
      }
      return syncState();
    },

    /**
     * One pull page in ONE transaction: upserts, deletes and scope removals (which never touch the outbox
     * or pending local rows), then the page's mutation results settled as markResults does (the pull range
     * holds every effect of a mutation whose result it carries), then pending mutations re-applied on the
     * touched cases, then the cursor.
     */
    applyServerChanges(
      changes: readonly unknown[],
      newCursor: string,
      results: readonly unknown[] = [],
    ): ResultsOutcome {
      const page = changes.map((raw) => {
        const change = ChangeSchema.safeParse(raw);
        if (!change.success) throw new StoreError('BAD_CHANGE', z.prettifyError(change.error));
        return typed(change.data.entity, change.data.op, change.data.entityId, change.data.version, change.data.data);
      });
      if (newCursor.length === 0) throw new StoreError('BAD_CHANGE', 'the new cursor is empty');
      return applyTx.immediate(page, newCursor, parseResults(results));
    },

    /** Unacknowledged mutations in id order (after afterId: the next batch of a drain), as envelopes ready to push. */
    pendingMutations(limit: number, afterId = 0): MutationEnvelope[] {
      return outboxPage.all(afterId, limit).map((row) => ({
        id: row.id,
        uuid: row.uuid,
        name: row.name,
        v: row.v,
        args: readJson<unknown>(row.args),
        base: readJson<MutationEnvelope['base']>(row.base),
        clientTime: row.client_time,
      }));
    },
    pendingCount: (): number => pendingCountStmt.get()?.n ?? 0,

    /**
     * Results from push or pull. applied: the outbox row goes (call after applying the pull page that
     * carries the effect, or the effect disappears until the next pull). rejected: the outbox row becomes an
     * attention item keeping the agent's text, and the optimistic effect is rolled back.
     */
    markResults(results: readonly unknown[]): ResultsOutcome {
      return resultsTx.immediate(parseResults(results));
    },

    /**
     * CLIENT_STATE_CONFLICT (SYNC.md identities): a new client id, and the pending mutations renumbered
     * from 1 in their order so they can be sent again under the new id.
     */
    resetClientIdentity(newClientId: string): SyncState {
      db.transaction(() => {
        const rows = db.prepare<[], { id: number }>('SELECT id FROM outbox ORDER BY id').all();
        db.prepare('UPDATE outbox SET id = -id').run();
        const renumber = db.prepare<[number, number]>('UPDATE outbox SET id = ? WHERE id = ?');
        rows.forEach((row, i) => renumber.run(i + 1, -row.id));
        db.prepare<[string, number]>(
          'UPDATE sync_state SET client_id = ?, last_mutation_id = 0, next_mutation_id = ? WHERE singleton = 1',
        ).run(newClientId, rows.length + 1);
      }).immediate();
      return syncState();
    },

    /** Starts (or restarts) receiving a snapshot into a new generation; the current data stays visible. */
    beginBootstrap(): number {
      return db
        .transaction(() => {
          const s = syncState();
          const generation = Math.max(s.generation, s.bootstrapGeneration ?? 0) + 1;
          nextGeneration.create();
          db.prepare<[number]>(
            'UPDATE sync_state SET bootstrap_generation = ?, bootstrap_page_token = NULL WHERE singleton = 1',
          ).run(generation);
          return generation;
        })
        .immediate();
    },
    /**
     * One page of bootstrap rows, with the token to resume after it (an interrupted bootstrap continues).
     * Each row is validated here, once, and written where it stays: into the next generation's tables.
     */
    stageBootstrap(generation: number, rows: readonly unknown[], pageToken: string | null): void {
      stagePage.immediate(generation, rowGroups(rows.map(readNextRow)), pageToken);
    },
    /** stageBootstrap on a thread and connection of its own (bootstrapWriter.ts); null for an in-memory database. */
    openBootstrapWriter: (generation: number): BootstrapWriter | null =>
      startBootstrapWriter(db.name, generation, connectionKey(db)),
    /**
     * The snapshot becomes current in ONE transaction: the next generation's tables swapped in for the
     * canonical ones, the outbox and pending local rows kept and re-applied, the cursor set.
     */
    completeBootstrap(generation: number, cursor: string): ApplyOutcome {
      return completeTx.immediate(generation, cursor);
    },

    /** {count, hash} over canonical cases, case events, messages and notes, as protocol.ts defines it. */
    verifyHash(): { count: number; hash: string } {
      const hash = createHash('sha256');
      let count = 0;
      const sql: Record<(typeof VERIFY_ENTITIES)[number], string> = {
        case: 'SELECT id, server_version AS v FROM cases ORDER BY id',
        case_event: 'SELECT id, server_version AS v FROM case_events ORDER BY id',
        message: 'SELECT id, server_version AS v FROM messages WHERE pending = 0 ORDER BY id',
        note: 'SELECT id, server_version AS v FROM notes WHERE pending = 0 ORDER BY id',
      };
      const entities = [...VERIFY_ENTITIES].sort();
      for (const entity of entities) {
        for (const row of db.prepare<[], { id: string; v: number }>(sql[entity]).iterate()) {
          hash.update(verifyLine(entity, row.id, row.v));
          count++;
        }
      }
      return { count, hash: hash.digest('hex') };
    },
  };
}
export type ServerSync = ReturnType<typeof createServerSync>;

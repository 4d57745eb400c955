import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { CaseEventSchema, CaseSchema, MessageSchema, NoteSchema } from '../../../../src-shared/domain/case';
import { TeamSchema, UserSchema } from '../../../../src-shared/domain/user';
import { MutationResultSchema, type MutationResult } from '../../../../src-shared/sync/mutations';
import { ChangeSchema, type Change, type Entity } from '../../../../src-shared/sync/protocol';
import type { OutboxRecord } from '../caseState';
import type { ResultsOutcome } from '../interface';
import type { CaseWriteDeps } from '../localWrites';
import { readJson } from '../json';
import { StoreError } from '../ports';
import { ENTITY_SCHEMAS } from './nextGenerationRow';

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

/**
 * What the server sends back: pull pages of changes and the results of pushed mutations, applied to the store.
 *
 * Over 100 lines as a factory only: its prepared statements are made once per connection and shared by the page and result transactions; each function inside is short.
 */
export function createServerChanges(deps: CaseWriteDeps) {
  const { db, writer, state, clock, ids } = deps;
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
  const deleteUser = db.prepare<[string]>('DELETE FROM users WHERE id = ?');
  const deleteTeam = db.prepare<[string]>('DELETE FROM teams WHERE id = ?');
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
  // Prepared on first use: a store opened at a schema before migration 005 (upgrade tests) never needs it.
  let attentionReason: Database.Statement<[string, string]> | undefined;
  const attentionReasonStmt = () =>
    (attentionReason ??= db.prepare<[string, string]>('UPDATE attention SET reason = ? WHERE id = ?'));

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
        writer.writeUser(change.data, change.version);
        return null;
      case 'team':
        writer.writeTeam(change.data, change.version);
        return null;
    }
    return null;
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
      for (const id of touched) state.rebase(id);
      setCursor.run(cursor, nowIso());
      return { caseIds: [...touched], attentionAdded };
    },
  );

  const resultsTx = db.transaction((results: readonly MutationResult[]): ResultsOutcome => {
    const touched = new Set<string>();
    const attentionAdded = settleResults(results, touched);
    for (const id of touched) state.rebase(id);
    return { caseIds: [...touched], attentionAdded };
  });

  return {
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
    /**
     * Results from push or pull. applied: the outbox row goes (call after applying the pull page that
     * carries the effect, or the effect disappears until the next pull). rejected: the outbox row becomes an
     * attention item keeping the agent's text, and the optimistic effect is rolled back.
     */
    markResults: (results: readonly unknown[]): ResultsOutcome => resultsTx.immediate(parseResults(results)),
  };
}

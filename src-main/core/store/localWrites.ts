import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { Message, Note } from '../../../src-shared/domain/case';
import { MUTATION_ARGS, type MutationKey } from '../../../src-shared/sync/mutations';
import type { CaseState } from './caseState';
import { applyToCase } from './optimistic';
import { StoreError, type Clock, type IdGenerator } from './ports';
import type { RowWriter } from './writes/rowWriter';

export interface WriteOutcome {
  mutationUuid: string;
  caseId: string;
}

export interface BulkOutcome {
  applied: string[];
  refused: { caseId: string; code: string; message: string }[];
}

interface Deps {
  db: Database.Database;
  writer: RowWriter;
  state: CaseState;
  clock: Clock;
  ids: IdGenerator;
  userId: () => string | null;
}

/**
 * Local writes: ONE transaction holds the optimistic change and its outbox row (SYNC.md client rules),
 * so the UI hears "saved" only when both are on disk. A refusal throws StoreError and changes nothing.
 * Replies and notes are idempotent by their message or note id: a retried send returns the first write.
 */
export function createLocalWrites(deps: Deps) {
  const { db, writer, state, clock, ids } = deps;
  const nextId = db.prepare<[], { next_mutation_id: number }>(
    'SELECT next_mutation_id FROM sync_state WHERE singleton = 1',
  );
  const bumpId = db.prepare('UPDATE sync_state SET next_mutation_id = next_mutation_id + 1 WHERE singleton = 1');
  const insertOutbox = db.prepare<[number, string, string, number, string, string | null, string, string, string]>(
    'INSERT INTO outbox (id, uuid, name, v, case_id, entity_id, args, base, client_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const messageOwner = db.prepare<[string], { case_id: string; mutation_uuid: string | null }>(
    'SELECT case_id, mutation_uuid FROM messages WHERE id = ?',
  );
  const noteOwner = db.prepare<[string], { case_id: string; mutation_uuid: string | null }>(
    'SELECT case_id, mutation_uuid FROM notes WHERE id = ?',
  );

  function parseArgs<T extends { caseId: string }>(schema: z.ZodType<T>, raw: unknown): T {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new StoreError('INVALID_ARGS', z.prettifyError(parsed.error));
    return parsed.data;
  }

  function alreadyWritten(
    owner: { case_id: string; mutation_uuid: string | null } | undefined,
    caseId: string,
    what: string,
  ): WriteOutcome | null {
    if (!owner) return null;
    if (owner.case_id !== caseId || owner.mutation_uuid === null) {
      throw new StoreError('DUPLICATE_ID', `A ${what} with this id already exists; start a new draft.`);
    }
    return { mutationUuid: owner.mutation_uuid, caseId };
  }

  const writeTx = db.transaction((key: MutationKey, raw: unknown): WriteOutcome => {
    const schema: z.ZodType<{ caseId: string }> = MUTATION_ARGS[key];
    const args = parseArgs(schema, raw);
    const caseId = args.caseId;
    const reply = key === 'case.reply@1' ? parseArgs(MUTATION_ARGS[key], raw) : null;
    const noteInput = key === 'case.addNote@1' ? parseArgs(MUTATION_ARGS[key], raw) : null;
    const done = reply
      ? alreadyWritten(messageOwner.get(reply.messageId), caseId, 'reply')
      : noteInput
        ? alreadyWritten(noteOwner.get(noteInput.noteId), caseId, 'note')
        : null;
    if (done) return done;
    const current = state.visible(caseId);
    if (!current) throw new StoreError('NOT_FOUND', `No case ${caseId} in this workstation.`);
    const userId = deps.userId();
    const nowIso = new Date(clock.now()).toISOString();
    const next = applyToCase(current, key, args, { nowIso, userId });
    const canonical = state.ensureShadow(caseId);
    if (!canonical) throw new StoreError('NOT_FOUND', `No case ${caseId} in this workstation.`);
    const id = nextId.get()?.next_mutation_id ?? 1;
    bumpId.run();
    const uuid = ids.uuid();
    const at = key.indexOf('@');
    const name = key.slice(0, at);
    const v = Number(key.slice(at + 1));
    const base = { caseVersion: canonical.case.version, assigneeVersion: canonical.case.assigneeVersion };
    let entityId: string | null = null;
    if (reply) {
      entityId = reply.messageId;
      const message: Message = {
        id: reply.messageId,
        caseId,
        direction: 'outbound',
        authorKind: 'agent',
        authorId: userId,
        locale: reply.locale,
        channel: current.channel,
        body: reply.body,
        createdAt: nowIso,
        writtenAt: nowIso,
        deliveryState: 'queued',
      };
      writer.writeMessage(message, 0, true, uuid);
    } else if (noteInput) {
      if (userId === null) throw new StoreError('FORBIDDEN', 'Sign in to write a note.');
      entityId = noteInput.noteId;
      const note: Note = {
        id: noteInput.noteId,
        caseId,
        authorId: userId,
        body: noteInput.body,
        createdAt: nowIso,
        writtenAt: nowIso,
      };
      writer.writeNote(note, 0, true, uuid);
    }
    insertOutbox.run(id, uuid, name, v, caseId, entityId, JSON.stringify(args), JSON.stringify(base), nowIso);
    writer.writeCase(next, canonical.serverVersion, true);
    return { mutationUuid: uuid, caseId };
  });

  return {
    write: (key: MutationKey, args: unknown): WriteOutcome => writeTx.immediate(key, args),
    /** Each case in its own savepoint inside one transaction: refusals are listed, the rest is saved. */
    bulk(caseIds: readonly string[], action: (caseId: string) => [MutationKey, unknown]): BulkOutcome {
      return db
        .transaction(() => {
          const outcome: BulkOutcome = { applied: [], refused: [] };
          for (const caseId of caseIds) {
            try {
              const [key, args] = action(caseId);
              writeTx(key, args);
              outcome.applied.push(caseId);
            } catch (error) {
              if (!(error instanceof StoreError)) throw error;
              outcome.refused.push({ caseId, code: error.code, message: error.message });
            }
          }
          return outcome;
        })
        .immediate();
    },
  };
}
export type LocalWrites = ReturnType<typeof createLocalWrites>;

import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { createdChildOf, type CaseChanges } from '../../../src-shared/caseRules';
import {
  parseMutationArgs,
  RejectionReasonSchema,
  type MutationArgs,
  type MutationKey,
  type RejectionReason,
} from '../../../src-shared/sync/mutations';
import type { CaseState } from './caseState';
import { StoreError, type Clock, type IdGenerator } from './ports';
import type { RowWriter } from './writes/rowWriter';

export interface WriteOutcome {
  mutationUuid: string;
  caseId: string;
}

export interface BulkOutcome {
  applied: string[];
  refused: { caseId: string; code: string; message: string; reason?: RejectionReason }[];
}

/** The rule's reason a refused write carries in its details, when it has one. */
function reasonOf(error: StoreError): RejectionReason | undefined {
  const parsed = z.object({ reason: RejectionReasonSchema }).safeParse(error.details);
  return parsed.success ? parsed.data.reason : undefined;
}

/** What writes to cases need: the connection, the row writer, the case state and the injected clock and ids. */
export interface CaseWriteDeps {
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
export function createLocalWrites(deps: CaseWriteDeps) {
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

  /** A retried send of the same reply or note answers with its first write instead of writing twice. */
  function earlierWrite<K extends MutationKey>(key: K, args: MutationArgs<K>): WriteOutcome | null {
    const child = createdChildOf(key, args);
    if (child === null) return null;
    const owner = child.entity === 'message' ? messageOwner.get(child.id) : noteOwner.get(child.id);
    return alreadyWritten(owner, args.caseId, child.entity === 'message' ? 'reply' : 'note');
  }

  /** The rows an applied rule created, kept pending on the subject (a redirect moves them when the server says so). */
  function writeCreatedRows(changes: CaseChanges, caseId: string, uuid: string): string | null {
    for (const message of changes.messages) writer.writeMessage({ ...message, caseId }, 0, true, uuid);
    for (const note of changes.notes) writer.writeNote({ ...note, caseId }, 0, true, uuid);
    return changes.messages[0]?.id ?? changes.notes[0]?.id ?? null;
  }

  function writeOne<K extends MutationKey>(key: K, raw: unknown): WriteOutcome {
    const parsed = parseMutationArgs(key, raw);
    if (!parsed.success) throw new StoreError('INVALID_ARGS', z.prettifyError(parsed.error));
    const args = parsed.data;
    const caseId = args.caseId;
    const done = earlierWrite(key, args);
    if (done) return done;
    const current = state.visible(caseId);
    if (!current) throw new StoreError('NOT_FOUND', `No case ${caseId} in this workstation.`);
    const by = state.rules.actor();
    if (by === null) throw new StoreError('FORBIDDEN', 'Sign in to change cases.');
    const nowIso = new Date(clock.now()).toISOString();
    // The versions the agent sees, pending changes included: a take then checks the assignee they saw.
    const base = { caseVersion: current.version, assigneeVersion: current.assigneeVersion };
    const outcome = state.rules.decide(key, current, args, by, { now: nowIso, base });
    if (outcome.status === 'refused') {
      const { code, message, reason } = outcome.refusal;
      throw new StoreError(code, `${current.ref}: ${message}`, { reason });
    }
    const canonical = state.ensureShadow(caseId);
    if (!canonical) throw new StoreError('NOT_FOUND', `No case ${caseId} in this workstation.`);
    const id = nextId.get()?.next_mutation_id ?? 1;
    bumpId.run();
    const uuid = ids.uuid();
    const at = key.indexOf('@');
    const entityId = writeCreatedRows(outcome, caseId, uuid);
    insertOutbox.run(
      id,
      uuid,
      key.slice(0, at),
      Number(key.slice(at + 1)),
      caseId,
      entityId,
      JSON.stringify(args),
      JSON.stringify(base),
      nowIso,
    );
    // Only the subject changes here; another case a rule touched (a merge target) arrives from the server.
    const next = outcome.cases.find((changed) => changed.id === caseId) ?? current;
    writer.writeCase(next, canonical.serverVersion, true);
    return { mutationUuid: uuid, caseId };
  }

  const writeTx = db.transaction((key: MutationKey, raw: unknown): WriteOutcome => writeOne(key, raw));

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
              const reason = reasonOf(error);
              outcome.refused.push({ caseId, code: error.code, message: error.message, ...(reason ? { reason } : {}) });
            }
          }
          return outcome;
        })
        .immediate();
    },
  };
}
export type LocalWrites = ReturnType<typeof createLocalWrites>;

import { z } from 'zod';
import type { MutationEnvelope, MutationKey, MutationResult } from '../../src-shared/sync/mutations';
import { isKnownMutation, mutationKey, MutationResultSchema, parseMutationArgs } from '../../src-shared/sync/mutations';
import type { PushRequest, PushResponse } from '../../src-shared/sync/protocol';
import type { Principal } from '../auth/principal';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/httpError';
import type { MutatorContext, Outcome } from './mutators';
import { applyMutation, referencedCaseIds } from './mutators';
import { UnitOfWork, type LockScope } from './unitOfWork';
import { textArray } from '../db/sqlArray';
import { trainingIdsIn } from '../../src-shared/training/trainingIds';
import type { Case } from '../../src-shared/domain/case';
import { appendAudit, type NewAuditEntry } from '../audit/auditLog';
import { mutationAuditEntry } from '../audit/mutationAudit';

export interface PushOptions {
  nowMs: number;
  replyGraceMs: number;
}

type StoredMutation = {
  mutation_id: number;
  uuid: string;
  result: MutationResult;
};

/** Locks the client row (creating it for its first push) and checks it belongs to the caller. */
export async function lockClient(
  tx: Queryable,
  clientId: string,
  principal: Principal,
  nowMs: number,
): Promise<number> {
  await tx.query(
    'INSERT INTO clients (client_id, user_id, last_mutation_id, created_ms) VALUES ($1, $2, 0, $3) ON CONFLICT (client_id) DO NOTHING',
    [clientId, principal.id, nowMs],
  );
  const rows = await tx.query<{ user_id: string; last_mutation_id: number }>(
    'SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  const row = rows[0];
  if (!row || row.user_id !== principal.id)
    throw new HttpError(403, 'FORBIDDEN', 'this client belongs to another user');
  return row.last_mutation_id;
}

function withIdentity(outcome: Outcome, mutation: MutationEnvelope): MutationResult {
  return MutationResultSchema.parse({ ...outcome, mutationId: mutation.id, uuid: mutation.uuid });
}

/**
 * SYNC.md push algorithm. The whole batch is one transaction: each mutation's effects, change-log rows,
 * result row and the new lastMutationId commit together or not at all (an infrastructure failure rolls
 * the batch back and lastMutationId does not move). Business refusals are results that still advance it.
 */
export async function push(
  db: Db,
  principal: Principal,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResponse & { queuedOutbound: boolean }> {
  const ids = request.mutations.map((mutation) => mutation.id);
  for (let index = 1; index < ids.length; index++) {
    if (ids[index] !== (ids[index - 1] ?? 0) + 1) {
      throw new HttpError(400, 'BAD_REQUEST', 'mutation ids in a push must be consecutive and ascending', { ids });
    }
  }
  return db.transaction(async (tx) => {
    const last = await lockClient(tx, request.clientId, principal, options.nowMs);
    const duplicates = request.mutations.filter((mutation) => mutation.id <= last);
    const fresh = request.mutations.filter((mutation) => mutation.id > last);
    const first = fresh[0];
    if (first && first.id !== last + 1) {
      throw new HttpError(409, 'OUT_OF_ORDER', `expected mutation ${last + 1}, got ${first.id}`, {
        expected: last + 1,
        lastMutationId: last,
      });
    }

    const results: MutationResult[] = [];
    if (duplicates.length > 0) {
      const stored = await tx.query<StoredMutation>(
        'SELECT mutation_id, uuid, result FROM mutations WHERE client_id = $1 AND mutation_id = ANY($2::integer[]) ORDER BY mutation_id',
        [request.clientId, `{${duplicates.map((mutation) => mutation.id).join(',')}}`],
      );
      const byId = new Map(stored.map((row) => [row.mutation_id, row]));
      for (const mutation of duplicates) {
        const row = byId.get(mutation.id);
        if (!row || row.uuid !== mutation.uuid) {
          throw new HttpError(
            409,
            'CLIENT_STATE_CONFLICT',
            "this client's mutation counter is behind the server: start a new client id and re-send",
            {
              lastMutationId: last,
              mutationId: mutation.id,
            },
          );
        }
        results.push(row.result);
      }
    }
    if (fresh.length === 0) return { lastMutationId: last, results, queuedOutbound: false };

    const uow = new UnitOfWork(tx, options.nowMs);
    // Re-sent under a new client id after CLIENT_STATE_CONFLICT: side effects stay deduplicated by uuid,
    // among this user's own clients only, so another user's uuid neither answers for nor blocks theirs.
    const seen = await tx.query<{ uuid: string; result: MutationResult }>(
      `SELECT DISTINCT ON (m.uuid) m.uuid, m.result FROM mutations m JOIN clients c ON c.client_id = m.client_id
       WHERE m.uuid = ANY($1::text[]) AND c.user_id = $2 ORDER BY m.uuid, m.seq`,
      [textArray(fresh.map((mutation) => mutation.uuid)), principal.id],
    );
    const seenByUuid = new Map(seen.map((row) => [row.uuid, row.result]));
    // Only known mutations name cases to read, and only cases the caller could change are locked up front.
    const known = fresh.filter((mutation) => isKnownMutation(mutationKey(mutation.name, mutation.v)));
    await uow.loadCases(
      known.flatMap((mutation) => referencedCaseIds(mutation.args)),
      couldChange(principal),
    );
    await uow.preloadChildIds(
      'message',
      known.flatMap((mutation) => stringArg(mutation.args, 'messageId')),
    );
    await uow.preloadChildIds(
      'note',
      known.flatMap((mutation) => stringArg(mutation.args, 'noteId')),
    );

    const memberCache = new Map<string, Promise<string[]>>();
    const teamMembers = (teamId: string) => {
      let members = memberCache.get(teamId);
      if (!members) {
        members = tx
          .query<{ user_id: string }>('SELECT user_id FROM team_members WHERE team_id = $1', [teamId])
          .then((rows) => rows.map((row) => row.user_id));
        memberCache.set(teamId, members);
      }
      return members;
    };

    const records: { mutation: MutationEnvelope; result: MutationResult }[] = [];
    const audit: NewAuditEntry[] = [];
    const device = { clientId: request.clientId, appVersion: request.appVersion };
    for (const mutation of fresh) {
      const earlier = seenByUuid.get(mutation.uuid);
      const subjectId = stringArg(mutation.args, 'caseId')[0];
      const before = subjectId === undefined ? undefined : snapshot(uow.loaded(subjectId)?.data);
      const outcome = earlier
        ? stripIdentity(earlier)
        : await runMutation(
            {
              uow,
              principal,
              clientTime: mutation.clientTime,
              base: mutation.base,
              replyGraceMs: options.replyGraceMs,
              teamMembers,
            },
            mutation,
          );
      const result = withIdentity(outcome, mutation);
      records.push({ mutation, result });
      results.push(result);
      // A re-send under a new client id was audited when it was first applied.
      if (!earlier) {
        const after = subjectId === undefined ? undefined : snapshot(uow.loaded(subjectId)?.data);
        audit.push(mutationAuditEntry({ principal, device, mutation, result, before, after, nowMs: options.nowMs }));
      }
    }

    await uow.flush();
    await uow.lockChangeLog();
    await tx.query(
      `INSERT INTO mutations (client_id, mutation_id, uuid, name, v, args, base, client_time, result, seq, received_ms)
       SELECT $2, mutation_id, uuid, name, v, args, base, client_time, result, nextval('change_seq'), $3
       FROM jsonb_to_recordset($1::jsonb) AS x(mutation_id integer, uuid text, name text, v integer, args jsonb, base jsonb, client_time text, result jsonb)
       ORDER BY mutation_id`,
      [
        JSON.stringify(
          records.map(({ mutation, result }) => ({
            mutation_id: mutation.id,
            uuid: mutation.uuid,
            name: mutation.name,
            v: mutation.v,
            // An unknown mutation's args are not kept: nothing will ever read them (issue 19.6).
            args: result.status === 'rejected' && result.code === 'UNSUPPORTED_MUTATION' ? {} : (mutation.args ?? null),
            base: mutation.base,
            client_time: mutation.clientTime,
            result,
          })),
        ),
        request.clientId,
        options.nowMs,
      ],
    );
    // In the same transaction as the changes, under the change-log lock taken above: one chain, in commit order.
    await appendAudit(tx, audit, options.nowMs);
    const lastMutationId = fresh[fresh.length - 1]?.id ?? last;
    await tx.query('UPDATE clients SET last_mutation_id = $2 WHERE client_id = $1', [request.clientId, lastMutationId]);
    await uow.seal();
    return { lastMutationId, results, queuedOutbound: uow.hasOutbound };
  });
}

/** A copy of the case as it is now: rules replace it, and some updates change it in place. */
function snapshot(data: Case | undefined): Case | undefined {
  return data === undefined ? undefined : structuredClone(data);
}

/**
 * A superset of who the shared rules may permit to change a case (src-shared/caseRules/caseAccess.ts): an
 * admin any, a supervisor their teams', an agent their teams' and their own, also one reassigned away from
 * them within the offline-reply grace window. Only these rows are locked before a rule has judged.
 */
function couldChange(principal: Principal): (scope: LockScope) => boolean {
  return (scope) => {
    switch (principal.role) {
      case 'admin':
        return true;
      case 'supervisor':
        return principal.teamIds.includes(scope.teamId);
      case 'agent':
        return (
          principal.teamIds.includes(scope.teamId) ||
          scope.assigneeId === principal.id ||
          scope.previousAssigneeId === principal.id
        );
      default:
        return false;
    }
  };
}

function stringArg(args: unknown, key: string): string[] {
  if (typeof args !== 'object' || args === null) return [];
  const value: unknown = Reflect.get(args, key);
  return typeof value === 'string' ? [value] : [];
}

function stripIdentity(result: MutationResult): Outcome {
  if (result.status === 'applied') {
    return result.redirectedToCaseId
      ? { status: 'applied', redirectedToCaseId: result.redirectedToCaseId }
      : { status: 'applied' };
  }
  return {
    status: 'rejected',
    code: result.code,
    message: result.message,
    ...(result.details ? { details: result.details } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
  };
}

/** Parses the args against MUTATION_ARGS by name@v and hands them to the mutator; a refusal otherwise, never a throw. */
async function runMutation(ctx: MutatorContext, mutation: MutationEnvelope): Promise<Outcome> {
  const key = mutationKey(mutation.name, mutation.v);
  if (!isKnownMutation(key)) {
    return {
      status: 'rejected',
      code: 'UNSUPPORTED_MUTATION',
      message: `this server does not know ${key}`,
      details: { name: mutation.name, v: mutation.v },
      reason: { key: 'unknown_mutation', params: { name: key } },
    };
  }
  if (trainingIdsIn(mutation.args).length > 0) {
    return {
      status: 'rejected',
      code: 'FORBIDDEN',
      message: 'a practice (training) id cannot change a live case',
      details: { trainingIds: trainingIdsIn(mutation.args) },
      reason: { key: 'training_sandbox', params: {} },
    };
  }
  return parseAndApply(ctx, key, mutation.args);
}

async function parseAndApply<K extends MutationKey>(ctx: MutatorContext, key: K, rawArgs: unknown): Promise<Outcome> {
  const parsed = parseMutationArgs(key, rawArgs);
  if (!parsed.success) {
    return {
      status: 'rejected',
      code: 'INVALID_ARGS',
      message: `invalid arguments for ${key}`,
      details: { issues: z.treeifyError(parsed.error) },
      reason: { key: 'malformed_args', params: {} },
    };
  }
  return applyMutation(ctx, key, parsed.data);
}

import type { Case } from '../../../src-shared/domain/case';
import { canTransition, DONE_STATUSES, PAUSED_STATUSES } from '../../../src-shared/domain/caseStatus';
import { MUTATION_ARGS, type MutationKey } from '../../../src-shared/sync/mutations';
import { StoreError } from './ports';

export interface ApplyContext {
  nowIso: string;
  userId: string | null;
}

/**
 * The optimistic effect of one mutation on the case row, mirroring the server's mutator closely enough
 * for the UI; the server's copy replaces it when it arrives. Throws StoreError for a refusal the client
 * can already see (an illegal status transition, a closed case), so the write changes nothing.
 */
export function applyToCase(c: Case, key: MutationKey, rawArgs: unknown, ctx: ApplyContext): Case {
  const next: Case = { ...c, tags: [...c.tags] };
  const touch = () => {
    next.updatedAt = ctx.nowIso;
  };
  switch (key) {
    case 'case.reply@1': {
      if (c.status === 'closed')
        throw new StoreError(
          'CASE_CLOSED',
          `Case ${c.ref} is closed; a customer writing again opens a follow-up case.`,
        );
      if (next.firstRepliedAt === null) next.firstRepliedAt = ctx.nowIso;
      touch();
      return next;
    }
    case 'case.addNote@1':
      touch();
      return next;
    case 'case.setStatus@1': {
      const { to } = MUTATION_ARGS[key].parse(rawArgs);
      if (!canTransition(c.status, to)) {
        throw new StoreError('INVALID_TRANSITION', `A case cannot go from ${c.status} to ${to}.`, {
          current: c.status,
        });
      }
      next.status = to;
      next.statusChangedAt = ctx.nowIso;
      if (DONE_STATUSES.includes(to) || PAUSED_STATUSES.includes(to)) next.slaDueAt = null;
      touch();
      return next;
    }
    case 'case.addTag@1': {
      const { tag } = MUTATION_ARGS[key].parse(rawArgs);
      if (!next.tags.includes(tag)) next.tags.push(tag);
      touch();
      return next;
    }
    case 'case.removeTag@1': {
      const { tag } = MUTATION_ARGS[key].parse(rawArgs);
      next.tags = next.tags.filter((t) => t !== tag);
      touch();
      return next;
    }
    case 'case.take@1': {
      if (ctx.userId === null) throw new StoreError('FORBIDDEN', 'Sign in to take a case.');
      if (DONE_STATUSES.includes(c.status)) throw new StoreError('CASE_CLOSED', `Case ${c.ref} is ${c.status}.`);
      next.assigneeId = ctx.userId;
      touch();
      return next;
    }
    case 'case.assign@1': {
      next.assigneeId = MUTATION_ARGS[key].parse(rawArgs).to;
      touch();
      return next;
    }
    case 'case.setField@1': {
      const change = MUTATION_ARGS[key].parse(rawArgs);
      if (change.field === 'priority') next.priority = change.value;
      else if (change.field === 'type') next.type = change.value;
      else if (change.field === 'locale') next.locale = change.value;
      else next.subject = change.value;
      touch();
      return next;
    }
    case 'case.merge@1':
      throw new StoreError('UNSUPPORTED_MUTATION', 'Merging is done on the server by a supervisor.');
  }
}

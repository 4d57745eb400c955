import { randomUUID } from 'node:crypto';
import {
  attachmentIdsOf,
  CASE_RULES,
  caseMissing,
  createdChildOf,
  readsTeamMembers,
  runCaseRule,
  type CaseChanges,
  type Refusal,
  type RuleContext,
} from '../../src-shared/caseRules';
import type {
  MutationArgs,
  MutationBase,
  MutationKey,
  RejectionCode,
  RejectionReason,
} from '../../src-shared/sync/mutations';
import type { Principal } from '../auth/principal';
import type { CaseRecord, UnitOfWork } from './unitOfWork';
import { loadAttachments } from '../attachments/attachmentIndex';

export type Outcome =
  | { status: 'applied'; redirectedToCaseId?: string }
  | {
      status: 'rejected';
      code: RejectionCode;
      message: string;
      details?: Record<string, unknown>;
      reason?: RejectionReason;
    };

export interface MutatorContext {
  uow: UnitOfWork;
  principal: Principal;
  clientTime: string;
  base: MutationBase;
  /** How long a previous assignee may still send an offline reply to a reassigned case. */
  replyGraceMs: number;
  /** Members of a team, for assignment targets. */
  teamMembers(teamId: string): Promise<readonly string[]>;
}

export function rejection(refusal: Refusal): Outcome {
  return { status: 'rejected', ...refusal };
}

/**
 * The server's side of a case mutation: loading what the shared rule reads, then the rule
 * (src-shared/caseRules: permission first, then the decision), then persisting what it decided in the
 * unit of work, which writes the change log and queues replies for delivery at flush. Nothing here decides.
 */
export async function applyMutation<K extends MutationKey>(
  ctx: MutatorContext,
  key: K,
  args: MutationArgs<K>,
): Promise<Outcome> {
  const { uow } = ctx;
  const subject = await uow.getCase(args.caseId);
  if (!subject) return rejection(caseMissing(args.caseId));
  await loadRelatedCases(uow, subject, args);
  const members = readsTeamMembers(key) ? await ctx.teamMembers(subject.data.teamId) : [];
  const child = createdChildOf(key, args);
  const attachments = await loadAttachments(uow.tx, attachmentIdsOf(key, args));
  const rule: RuleContext = {
    actor: ctx.principal,
    now: uow.nowIso,
    clientTime: ctx.clientTime,
    base: ctx.base,
    teamMembers: (teamId) => (teamId === subject.data.teamId ? members : []),
    caseById: (id) => uow.loaded(id)?.data,
    holdsEveryCase: true,
    lastReassignment: (id) => {
      const record = uow.loaded(id);
      return record ? { previousAssigneeId: record.previousAssigneeId, atMs: record.assigneeChangedMs } : null;
    },
    replyGraceMs: ctx.replyGraceMs,
    attachmentById: (id) => attachments.get(id),
    isDuplicate: child !== null && (await uow.childExists(child.entity, child.id)),
  };
  // Authorization before locks (issue 19.6): a case read without its lock is locked only once the rule
  // permits the change, and read again under the lock for the decision.
  const denied = CASE_RULES[key].permit(subject.data, args, rule);
  if (denied) return rejection(denied);
  await uow.lockCases([subject.data.id, ...referencedCaseIds(args), ...mergeChainOf(uow, subject)]);
  const outcome = runCaseRule(key, (uow.loaded(subject.data.id) ?? subject).data, args, rule);
  if (outcome.status === 'refused') return rejection(outcome.refusal);
  persist(uow, outcome);
  return outcome.redirectedToCaseId === undefined
    ? { status: 'applied' }
    : { status: 'applied', redirectedToCaseId: outcome.redirectedToCaseId };
}

/** The cases a rule may look at besides its subject: another case named in the args, and the subject's merge chain. */
async function loadRelatedCases(uow: UnitOfWork, subject: CaseRecord, args: unknown): Promise<void> {
  await uow.loadCases(referencedCaseIds(args));
  let current = subject;
  for (let hop = 0; hop < 8 && current.data.mergedIntoId !== null; hop++) {
    const next = await uow.getCase(current.data.mergedIntoId);
    if (!next) return;
    current = next;
  }
}

/** The ids of the cases a merged subject leads to (loaded by loadRelatedCases). */
function mergeChainOf(uow: UnitOfWork, subject: CaseRecord): string[] {
  const chain: string[] = [];
  for (let next = subject.data.mergedIntoId; next !== null && chain.length < 8;) {
    chain.push(next);
    next = uow.loaded(next)?.data.mergedIntoId ?? null;
  }
  return chain;
}

function persist(uow: UnitOfWork, changes: CaseChanges): void {
  for (const next of changes.cases) {
    const record = uow.loaded(next.id);
    if (!record) throw new Error(`case ${next.id} changed by a rule is not loaded`);
    uow.replaceCase(record, next);
  }
  for (const message of changes.messages) {
    uow.addMessage(message);
    if (message.direction === 'outbound') uow.queueOutbound(message.id, message.caseId);
  }
  for (const note of changes.notes) uow.addChild('note', note);
  for (const event of changes.events) uow.addEvent({ id: randomUUID(), ...event });
}

/** The case ids a mutation touches, read leniently before validation so a batch locks its cases in one query. */
export function referencedCaseIds(args: unknown): string[] {
  if (typeof args !== 'object' || args === null) return [];
  const ids: string[] = [];
  for (const key of ['caseId', 'intoId']) {
    const value: unknown = Reflect.get(args, key);
    if (typeof value === 'string') ids.push(value);
  }
  return ids;
}

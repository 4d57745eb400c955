import { randomUUID } from 'node:crypto';
import type { CaseEvent, Message, Note } from '../../src-shared/domain/case';
import { CASE_EVENT_KINDS } from '../../src-shared/domain/case';
import { canTransition, DONE_STATUSES } from '../../src-shared/domain/caseStatus';
import type {
  MutationArgs,
  MutationBase,
  MutationKey,
  RejectionCode,
  RejectionReason,
  RejectionReasonKey,
} from '../../src-shared/sync/mutations';
import type { Principal } from '../auth/principal';
import type { CaseRecord, UnitOfWork } from './unitOfWork';
import { isVisible } from './scope';
import { scopeOf } from './unitOfWork';

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

export type Mutator<K extends MutationKey> = (ctx: MutatorContext, args: MutationArgs<K>) => Promise<Outcome>;

const applied: Outcome = { status: 'applied' };
/** `because` is the machine-readable reason the client translates; `message` is the English line for logs. */
function reject(
  code: RejectionCode,
  because: RejectionReasonKey,
  message: string,
  details?: Record<string, unknown>,
  params: RejectionReason['params'] = {},
): Outcome {
  const reason = { key: because, params };
  return details
    ? { status: 'rejected', code, message, details, reason }
    : { status: 'rejected', code, message, reason };
}
const notFound = (caseId: string) => reject('NOT_FOUND', 'case_missing', `case ${caseId} does not exist`, { caseId });
const forbidden = (caseId: string) => reject('FORBIDDEN', 'not_permitted', 'you may not change this case', { caseId });

/** Supervisors of the case's team and admins manage it; agents act on what is in their scope. */
function isManager(principal: Principal, record: CaseRecord): boolean {
  return (
    principal.role === 'admin' || (principal.role === 'supervisor' && principal.teamIds.includes(record.data.teamId))
  );
}

function canAct(principal: Principal, record: CaseRecord): boolean {
  return isManager(principal, record) || (principal.role === 'agent' && isVisible(principal, scopeOf(record.data)));
}

/** SYNC.md "offline reply" table: same team, or the previous assignee within the grace window. */
function canWriteTo(ctx: MutatorContext, record: CaseRecord): boolean {
  const { principal } = ctx;
  if (canAct(principal, record)) return true;
  if (principal.role !== 'agent') return false;
  if (principal.teamIds.includes(record.data.teamId)) return true;
  return record.previousAssigneeId === principal.id && ctx.uow.nowMs - record.assigneeChangedMs <= ctx.replyGraceMs;
}

function addEvent(
  ctx: MutatorContext,
  record: CaseRecord,
  kind: (typeof CASE_EVENT_KINDS)[number],
  data: CaseEvent['data'],
): void {
  const event: CaseEvent = {
    id: randomUUID(),
    caseId: record.data.id,
    kind,
    actorId: ctx.principal.id,
    at: ctx.uow.nowIso,
    data,
  };
  ctx.uow.addEvent(event);
}

function touch(ctx: MutatorContext, record: CaseRecord, change: (data: CaseRecord['data']) => void): void {
  ctx.uow.updateCase(record, change);
}

function setStatus(ctx: MutatorContext, record: CaseRecord, to: CaseRecord['data']['status']): void {
  const from = record.data.status;
  touch(ctx, record, (data) => {
    data.status = to;
    data.statusChangedAt = ctx.uow.nowIso;
  });
  addEvent(ctx, record, 'status_changed', { from, to });
}

/** Follows merges to the surviving case; a chain longer than a few hops means corrupt data, not a redirect. */
async function resolveMerged(ctx: MutatorContext, record: CaseRecord): Promise<CaseRecord | undefined> {
  let current = record;
  for (let hop = 0; hop < 8 && current.data.mergedIntoId !== null; hop++) {
    const next = await ctx.uow.getCase(current.data.mergedIntoId);
    if (!next) return undefined;
    current = next;
  }
  return current.data.mergedIntoId === null ? current : undefined;
}

const reply: Mutator<'case.reply@1'> = async (ctx, args) => {
  const original = await ctx.uow.getCase(args.caseId);
  if (!original) return notFound(args.caseId);
  const target = await resolveMerged(ctx, original);
  if (!target) return notFound(args.caseId);
  const redirect = target === original ? {} : { redirectedToCaseId: target.data.id };
  if (await ctx.uow.childExists('message', args.messageId)) return { ...applied, ...redirect };
  if (DONE_STATUSES.includes(target.data.status)) {
    return reject(
      'CASE_CLOSED',
      'case_done',
      `the case is ${target.data.status}`,
      { caseId: target.data.id, status: target.data.status },
      { status: target.data.status },
    );
  }
  if (!canWriteTo(ctx, original) && !canWriteTo(ctx, target)) return forbidden(args.caseId);
  const now = ctx.uow.nowIso;
  const message: Message = {
    id: args.messageId,
    caseId: target.data.id,
    direction: 'outbound',
    authorKind: 'agent',
    authorId: ctx.principal.id,
    locale: args.locale,
    channel: target.data.channel,
    body: args.body,
    createdAt: now,
    writtenAt: ctx.clientTime,
    deliveryState: 'queued',
  };
  ctx.uow.addMessage(message);
  ctx.uow.queueOutbound(message.id, target.data.id);
  if (target.data.status === 'new') setStatus(ctx, target, 'open');
  touch(ctx, target, (data) => {
    data.firstRepliedAt ??= now;
  });
  if (target.data.assigneeId !== null && target.data.assigneeId !== ctx.principal.id) {
    addEvent(ctx, target, 'replied_while_offline', {
      messageId: message.id,
      authorId: ctx.principal.id,
      writtenAt: ctx.clientTime,
    });
  }
  return { ...applied, ...redirect };
};

const addNote: Mutator<'case.addNote@1'> = async (ctx, args) => {
  const original = await ctx.uow.getCase(args.caseId);
  if (!original) return notFound(args.caseId);
  const target = await resolveMerged(ctx, original);
  if (!target) return notFound(args.caseId);
  const redirect = target === original ? {} : { redirectedToCaseId: target.data.id };
  if (await ctx.uow.childExists('note', args.noteId)) return { ...applied, ...redirect };
  if (!canWriteTo(ctx, original) && !canWriteTo(ctx, target)) return forbidden(args.caseId);
  const note: Note = {
    id: args.noteId,
    caseId: target.data.id,
    authorId: ctx.principal.id,
    body: args.body,
    createdAt: ctx.uow.nowIso,
    writtenAt: ctx.clientTime,
  };
  ctx.uow.addChild('note', note);
  touch(ctx, target, () => undefined);
  return { ...applied, ...redirect };
};

async function actable(ctx: MutatorContext, caseId: string): Promise<CaseRecord | Outcome> {
  const record = await ctx.uow.getCase(caseId);
  if (!record) return notFound(caseId);
  if (!canAct(ctx.principal, record)) return forbidden(caseId);
  return record;
}
const isOutcome = (value: CaseRecord | Outcome): value is Outcome => 'status' in value;

const setStatusMutator: Mutator<'case.setStatus@1'> = async (ctx, args) => {
  const record = await actable(ctx, args.caseId);
  if (isOutcome(record)) return record;
  const current = record.data.status;
  if (current === args.to) return applied;
  if (!canTransition(current, args.to)) {
    return reject(
      'INVALID_TRANSITION',
      'status_transition',
      `a case cannot go from ${current} to ${args.to}`,
      { current, to: args.to },
      { from: current, to: args.to },
    );
  }
  setStatus(ctx, record, args.to);
  return applied;
};

const addTag: Mutator<'case.addTag@1'> = async (ctx, args) => {
  const record = await actable(ctx, args.caseId);
  if (isOutcome(record)) return record;
  if (record.data.tags.includes(args.tag)) return applied;
  touch(ctx, record, (data) => {
    data.tags = [...data.tags, args.tag];
  });
  addEvent(ctx, record, 'tag_added', { tag: args.tag });
  return applied;
};

const removeTag: Mutator<'case.removeTag@1'> = async (ctx, args) => {
  const record = await actable(ctx, args.caseId);
  if (isOutcome(record)) return record;
  if (!record.data.tags.includes(args.tag)) return applied;
  touch(ctx, record, (data) => {
    data.tags = data.tags.filter((tag) => tag !== args.tag);
  });
  addEvent(ctx, record, 'tag_removed', { tag: args.tag });
  return applied;
};

function assignTo(ctx: MutatorContext, record: CaseRecord, to: string | null): void {
  const from = record.data.assigneeId;
  ctx.uow.reassign(record, to);
  touch(ctx, record, () => undefined);
  addEvent(ctx, record, 'assigned', { from, to });
}

const take: Mutator<'case.take@1'> = async (ctx, args) => {
  const record = await ctx.uow.getCase(args.caseId);
  if (!record) return notFound(args.caseId);
  const { principal } = ctx;
  const isTeamWorker =
    (principal.role === 'agent' || principal.role === 'supervisor') && principal.teamIds.includes(record.data.teamId);
  if (!isTeamWorker) return forbidden(args.caseId);
  if (record.data.assigneeId === principal.id) return applied;
  if (DONE_STATUSES.includes(record.data.status)) {
    return reject(
      'CASE_CLOSED',
      'case_done',
      `the case is ${record.data.status}`,
      { status: record.data.status },
      { status: record.data.status },
    );
  }
  const seen = ctx.base.assigneeVersion;
  if (seen !== record.data.assigneeVersion || (principal.role === 'agent' && record.data.assigneeId !== null)) {
    return reject('ASSIGNMENT_CHANGED', 'assignment_taken', 'someone else got there first', {
      assigneeId: record.data.assigneeId,
      assigneeVersion: record.data.assigneeVersion,
    });
  }
  assignTo(ctx, record, principal.id);
  return applied;
};

const assign: Mutator<'case.assign@1'> = async (ctx, args) => {
  const record = await ctx.uow.getCase(args.caseId);
  if (!record) return notFound(args.caseId);
  if (!isManager(ctx.principal, record))
    return reject('FORBIDDEN', 'assign_supervisor_only', 'only a supervisor of the team may assign', {
      caseId: args.caseId,
    });
  if (record.data.assigneeId === args.to) return applied;
  if (args.to !== null && !(await ctx.teamMembers(record.data.teamId)).includes(args.to)) {
    return reject('INVALID_ARGS', 'assignee_not_in_team', "the assignee is not a member of the case's team", {
      to: args.to,
      teamId: record.data.teamId,
    });
  }
  assignTo(ctx, record, args.to);
  return applied;
};

const merge: Mutator<'case.merge@1'> = async (ctx, args) => {
  if (args.caseId === args.intoId)
    return reject('INVALID_ARGS', 'merge_into_self', 'a case cannot be merged into itself');
  await ctx.uow.loadCases([args.caseId, args.intoId]);
  const source = await ctx.uow.getCase(args.caseId);
  const into = await ctx.uow.getCase(args.intoId);
  if (!source) return notFound(args.caseId);
  if (!into) return notFound(args.intoId);
  if (!isManager(ctx.principal, source) || !isManager(ctx.principal, into)) {
    return reject('FORBIDDEN', 'merge_supervisor_only', 'only a supervisor of both teams may merge', {
      caseId: args.caseId,
      intoId: args.intoId,
    });
  }
  if (source.data.mergedIntoId === args.intoId) return applied;
  if (source.data.mergedIntoId !== null || source.data.status === 'closed') {
    return reject(
      'INVALID_TRANSITION',
      'merge_source_done',
      'the case is already closed or merged',
      { current: source.data.status },
      { status: source.data.status },
    );
  }
  if (into.data.mergedIntoId !== null || DONE_STATUSES.includes(into.data.status)) {
    return reject(
      'CASE_CLOSED',
      'merge_target_done',
      'cannot merge into a solved, closed or merged case',
      { intoId: args.intoId, status: into.data.status },
      { status: into.data.status },
    );
  }
  const from = source.data.status;
  touch(ctx, source, (data) => {
    data.mergedIntoId = args.intoId;
    data.status = 'closed';
    data.statusChangedAt = ctx.uow.nowIso;
  });
  addEvent(ctx, source, 'status_changed', { from, to: 'closed' });
  addEvent(ctx, source, 'merged', { intoId: args.intoId });
  addEvent(ctx, into, 'merged', { fromId: args.caseId });
  touch(ctx, into, () => undefined);
  return applied;
};

const setField: Mutator<'case.setField@1'> = async (ctx, args) => {
  const record = await actable(ctx, args.caseId);
  if (isOutcome(record)) return record;
  const from = record.data[args.field];
  if (from === args.value) return applied;
  touch(ctx, record, (data) => {
    switch (args.field) {
      case 'priority':
        data.priority = args.value;
        break;
      case 'type':
        data.type = args.value;
        break;
      case 'locale':
        data.locale = args.value;
        break;
      case 'subject':
        data.subject = args.value;
        break;
    }
  });
  addEvent(ctx, record, args.field === 'priority' ? 'priority_changed' : 'field_changed', {
    field: args.field,
    from,
    to: args.value,
  });
  return applied;
};

export const MUTATORS: { [K in MutationKey]: Mutator<K> } = {
  'case.reply@1': reply,
  'case.addNote@1': addNote,
  'case.setStatus@1': setStatusMutator,
  'case.addTag@1': addTag,
  'case.removeTag@1': removeTag,
  'case.take@1': take,
  'case.assign@1': assign,
  'case.merge@1': merge,
  'case.setField@1': setField,
};

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

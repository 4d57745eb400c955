import type { Attachment } from '../domain/attachment';
import type { Case, CaseEvent, Message, Note } from '../domain/case';
import type { Role } from '../domain/user';
import type {
  MutationArgs,
  MutationBase,
  MutationKey,
  RejectionCode,
  RejectionReason,
  RejectionReasonKey,
} from '../sync/mutations';

/** Who asks for a mutation: the signed-in user as the server authenticated them or the desk last synced them. */
export interface Actor {
  id: string;
  role: Role;
  teamIds: readonly string[];
}

/** The last change of a case's assignee, which only the server records (the offline-reply grace window). */
export interface Reassignment {
  previousAssigneeId: string | null;
  atMs: number;
}

/**
 * Everything a rule may know besides the case and the arguments. Both sides fill it from what they hold:
 * the server from its unit of work, the desk from its local store. Rules never read a clock or a database.
 */
export interface RuleContext {
  actor: Actor;
  /** When the change takes effect: the server's time on the server, the agent's clock on the desk. */
  now: string;
  /** When the agent made the change (a message's writtenAt), which may be long before `now` offline. */
  clientTime: string;
  /** The versions the agent saw (a take checks that nobody got there first). */
  base: MutationBase;
  /** User ids of a team's members, for assignment targets. */
  teamMembers(teamId: string): readonly string[];
  /** Another case by id (a merge target, the chain of a merged case); undefined when not held. */
  caseById(id: string): Case | undefined;
  /**
   * The server holds every case, so one caseById does not find does not exist. The desk holds only what it
   * pulled: a case it lacks may exist (outside its scope, or not pulled yet), and only the server can judge it.
   */
  holdsEveryCase: boolean;
  /** The server's record of the case's last reassignment; the desk holds none and passes null. */
  lastReassignment(caseId: string): Reassignment | null;
  /** How long a previous assignee may still send an offline reply to a reassigned case. */
  replyGraceMs: number;
  /**
   * A file uploaded to a case beforehand, as the server's index holds it; undefined when unknown. Only rules
   * that attach files read it (caseRules/attachedFiles.ts); a side that holds no files leaves it out.
   */
  attachmentById?(id: string): Attachment | undefined;
  /** The child row this mutation creates (its message or note id) already exists: a re-send, not a new write. */
  isDuplicate: boolean;
}

/** A case event as a rule decides it; whoever stores it gives it an id, so rules stay free of randomness. */
export type EventDraft = Omit<CaseEvent, 'id'>;

/** What an applied mutation did: every case it changed (each version bumped once), and the rows it created. */
export interface CaseChanges {
  cases: Case[];
  messages: Message[];
  notes: Note[];
  events: EventDraft[];
  /** Set when the mutation landed on the case its subject was merged into. */
  redirectedToCaseId?: string;
}

/** A refusal: `code` for programs, `reason` for the agent's language, `message` in English for logs. */
export interface Refusal {
  code: RejectionCode;
  reason: RejectionReason;
  message: string;
  details?: Record<string, unknown>;
}

export type RuleOutcome = ({ status: 'applied' } & CaseChanges) | { status: 'refused'; refusal: Refusal };

/**
 * One mutation `name@v`: who may ask for it on a case (`permit`, checked before anything about the case
 * is revealed, duplicates included), and what it does or why it is refused (`decide`). The subject is
 * the case named by `args.caseId`; whoever calls a rule has already answered NOT_FOUND for a missing one.
 */
export interface CaseRule<K extends MutationKey> {
  /** The child row the mutation creates, keyed by an id in its args, so a re-sent mutation is recognised. */
  createsChild?: { entity: 'message' | 'note'; idOf(args: MutationArgs<K>): string };
  /** The files the mutation attaches, so the server loads them from its index first. */
  attachmentIdsOf?(args: MutationArgs<K>): readonly string[];
  /** The rule reads ctx.teamMembers, so the server loads the subject team's members first. */
  readsTeamMembers?: boolean;
  permit(subject: Case, args: MutationArgs<K>, ctx: RuleContext): Refusal | null;
  decide(subject: Case, args: MutationArgs<K>, ctx: RuleContext): RuleOutcome;
}

export function refuse(
  code: RejectionCode,
  because: RejectionReasonKey,
  message: string,
  details?: Record<string, unknown>,
  params: RejectionReason['params'] = {},
): Refusal {
  const reason = { key: because, params };
  return details ? { code, reason, message, details } : { code, reason, message };
}

export const refused = (refusal: Refusal): RuleOutcome => ({ status: 'refused', refusal });

export function applied(changes: Partial<CaseChanges> = {}): RuleOutcome {
  return {
    status: 'applied',
    cases: changes.cases ?? [],
    messages: changes.messages ?? [],
    notes: changes.notes ?? [],
    events: changes.events ?? [],
    ...(changes.redirectedToCaseId === undefined ? {} : { redirectedToCaseId: changes.redirectedToCaseId }),
  };
}

export const caseMissing = (caseId: string): Refusal =>
  refuse('NOT_FOUND', 'case_missing', `case ${caseId} does not exist`, { caseId });
export const notPermitted = (caseId: string): Refusal =>
  refuse('FORBIDDEN', 'not_permitted', 'you may not change this case', { caseId });

import { z } from 'zod';
import { CaseEventSchema, CaseSchema, MessageSchema, NoteSchema } from '../domain/case';
import { IdSchema, InstantSchema, LocaleSchema } from '../domain/ids';
import { MarketCodeSchema } from '../domain/market';
import { CaseTypeSchema, PrioritySchema } from '../domain/caseType';
import { CaseStatusSchema } from '../domain/caseStatus';
import { TeamSchema, UserSchema, type Role } from '../domain/user';
import { TEXT_LIMITS } from '../domain/limits';
import { ATTACHMENT_LIMITS, AttachmentSchema, AttachmentVariantSchema } from '../domain/attachment';
import { ServerUrlSchema } from '../net/serverUrl';
import { SyncProblemSchema } from './syncProblem';
import {
  PracticeAnswerSchema,
  PracticeOverviewSchema,
  PracticeRunRefSchema,
  PracticeRunViewSchema,
  PracticeScenarioRefSchema,
  PracticeScenarioVersionSchema,
  PracticeStartSchema,
} from './practice';
import { MUTATION_ARGS, TagSchema } from '../sync/mutations';
import { REASSIGN_REASON_MAX, RejectionCodeSchema, RejectionReasonSchema } from '../sync/mutations';
import { AssignmentRequestSchema, AssignmentSchema } from '../training/records';
import { OverrideSchema } from '../training/overrides';
import {
  AssignmentProgressSchema,
  ReleaseRequestSchema,
  ReviewSchema,
  RunForReviewSchema,
  RunSummarySchema,
} from '../training/review';
import { RubricSchema } from '../training/rubric';
import { TrainingResultsSchema } from '../training/trainingResults';

// Schemas with more than a field or two are wrapped in z.lazy: each is built when it first parses, not
// when this module loads. A renderer parses a handful of results before the queue's first paint and
// builds only those (issue 6: zod construction was ~17 ms of the queue open). What is validated is the same.

/**
 * The one typed contract between the renderer and the workstation core. The Electron shell binds each
 * method to ipcMain.handle('<name>'), the web host serves the same table over a loopback WebSocket, and
 * the renderer's client is generated from it. Inputs are parsed on the core side; outputs are typed.
 */

export const QUEUE_VIEWS = ['mine', 'team_unassigned', 'pending_customer', 'breaching_soon', 'all'] as const;
export const QueueViewSchema = z.enum(QUEUE_VIEWS);
export type QueueView = z.infer<typeof QueueViewSchema>;

export const QUEUE_SORTS = ['sla', 'priority', 'age'] as const;
export const QueueSortSchema = z.enum(QUEUE_SORTS);
export type QueueSort = z.infer<typeof QueueSortSchema>;

export const QueueQuerySchema = z.lazy(() =>
  z.object({
    view: QueueViewSchema,
    market: MarketCodeSchema.optional(),
    type: CaseTypeSchema.optional(),
    sort: QueueSortSchema.default('sla'),
    /**
     * Only the cases one person holds (assigned to them and not done), or with null the team queue's
     * (unassigned, not done): a supervisor's view of someone's work, with the view's other conditions.
     */
    holder: z.object({ assigneeId: IdSchema.nullable() }).optional(),
    /** Opaque keyset cursor from the previous page. */
    cursor: z.string().max(512).optional(),
    limit: z.int().min(1).max(500).default(100),
  }),
);
export type QueueQuery = z.input<typeof QueueQuerySchema>;

/** What a queue row shows; the full case is fetched when it is opened. */
export const CaseRowSchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    ref: z.string(),
    subject: z.string(),
    type: CaseTypeSchema,
    status: CaseStatusSchema,
    priority: PrioritySchema,
    market: MarketCodeSchema,
    locale: LocaleSchema,
    customerName: z.string(),
    assigneeId: IdSchema.nullable(),
    tags: z.array(z.string()),
    slaDueAt: InstantSchema.nullable(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    hasPendingChanges: z.boolean(),
  }),
);
export type CaseRow = z.infer<typeof CaseRowSchema>;

export const QueuePageSchema = z.lazy(() =>
  z.object({ rows: z.array(CaseRowSchema), nextCursor: z.string().nullable() }),
);
export type QueuePage = z.infer<typeof QueuePageSchema>;

export const ViewCountsSchema = z.lazy(() => z.record(QueueViewSchema, z.int().min(0)));
export type ViewCounts = z.infer<typeof ViewCountsSchema>;

export const SearchQuerySchema = z.lazy(() =>
  z.object({
    text: z.string().trim().min(1).max(TEXT_LIMITS.searchText),
    limit: z.int().min(1).max(200).default(50),
  }),
);
/** The tags on the cases this desk holds, most used first: what tag autocomplete offers (issue 14 item 14). */
export const TagUseSchema = z.lazy(() => z.object({ tag: z.string(), cases: z.int().min(1) }));
export type TagUse = z.infer<typeof TagUseSchema>;
export const TagsQuerySchema = z.lazy(() => z.object({ limit: z.int().min(1).max(500).default(200) }));

export const SearchHitSchema = z.lazy(() => z.object({ row: CaseRowSchema, snippet: z.string() }));
export type SearchHit = z.infer<typeof SearchHitSchema>;

const pending = { isPending: z.boolean() };
export const CaseDetailSchema = z.lazy(() =>
  z.object({
    case: CaseSchema,
    messages: z.array(MessageSchema.extend(pending)),
    notes: z.array(NoteSchema.extend(pending)),
    events: z.array(CaseEventSchema),
    pendingMutationCount: z.int().min(0),
  }),
);
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

const CaseRefSchema = z.lazy(() => z.object({ caseId: IdSchema }));

export const ReplyInputSchema = z.lazy(() =>
  z.object({
    caseId: IdSchema,
    /** Minted by the renderer when the draft starts, so a retried send can never create two messages. */
    messageId: IdSchema,
    body: z.string().trim().min(1).max(TEXT_LIMITS.messageBody),
    locale: LocaleSchema,
    /** Files attached with files:attach; they go up before the reply (case.reply@2). */
    attachmentIds: AttachmentIdsInputSchema.optional(),
  }),
);
export const NoteInputSchema = z.lazy(() =>
  z.object({
    caseId: IdSchema,
    noteId: IdSchema,
    body: z.string().trim().min(1).max(TEXT_LIMITS.messageBody),
    attachmentIds: AttachmentIdsInputSchema.optional(),
  }),
);
const AttachmentIdsInputSchema = z.array(IdSchema).min(1).max(ATTACHMENT_LIMITS.filesPerMessage);

/** A file the agent picked, as base64 (the bridge carries JSON); checked by its bytes, never its name. */
export const AttachFileInputSchema = z.lazy(() =>
  z.object({
    caseId: IdSchema,
    fileName: z.string().min(1).max(1000),
    contentBase64: z.string().max(Math.ceil(ATTACHMENT_LIMITS.fileBytes / 3) * 4 + 4),
  }),
);
export const FileContentInputSchema = z.lazy(() =>
  z.object({ attachmentId: IdSchema, variant: AttachmentVariantSchema }),
);
export const FileContentSchema = z.object({ mediaType: z.string(), contentBase64: z.string() });
/** Which copies of each file this desk holds, so the case view can mark what opens offline. */
export const HeldFilesSchema = z.record(z.string(), z.array(AttachmentVariantSchema));
export const StatusInputSchema = z.lazy(() => z.object({ caseId: IdSchema, to: CaseStatusSchema }));
export const TagInputSchema = z.lazy(() => z.object({ caseId: IdSchema, tag: TagSchema }));
/** One after-sales step; the renderer mints stepId when the agent opens the form, so a retry records it once. */
export const RecordStepInputSchema = z.lazy(() => MUTATION_ARGS['case.recordStep@1']);
export const BulkInputSchema = z.lazy(() =>
  z.object({
    caseIds: z.array(IdSchema).min(1).max(500),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('addTag'), tag: TagSchema }),
      z.object({ kind: z.literal('setStatus'), to: CaseStatusSchema }),
    ]),
  }),
);

/** The most case ids one reassignment takes: a whole team's backlog, answered case by case. */
export const MAX_REASSIGN_CASES = 10_000;
export const ReassignInputSchema = z.lazy(() =>
  z.object({
    caseIds: z.array(IdSchema).min(1).max(MAX_REASSIGN_CASES),
    /** A member of each case's team, or null: back to the team's unassigned queue. */
    to: IdSchema.nullable(),
    /** Why, kept on each case's trail (and in the audit log). */
    reason: z.string().trim().min(1).max(REASSIGN_REASON_MAX).optional(),
  }),
);

/** A local write's outcome: saved locally with its outbox row, or refused with the reason. */
export const WriteResultSchema = z.lazy(() => z.object({ mutationUuid: z.uuid() }));
export const BulkResultSchema = z.lazy(() =>
  z.object({
    applied: z.array(IdSchema),
    refused: z.array(
      z.object({
        caseId: IdSchema,
        code: z.string(),
        message: z.string(),
        /** What exactly was refused, worded by the renderer (absent when the code says it all). */
        reason: RejectionReasonSchema.optional(),
      }),
    ),
  }),
);
export type BulkResult = z.infer<typeof BulkResultSchema>;

export const SyncStatusSchema = z.lazy(() =>
  z.object({
    connection: z.enum(['signed_out', 'online', 'offline', 'syncing']),
    pendingCount: z.int().min(0),
    lastSyncedAt: InstantSchema.nullable(),
    /** Server time minus local time, so countdowns use the server's clock (SYNC.md client rules). */
    serverOffsetMs: z.number(),
    bootstrap: z.object({ received: z.int().min(0), total: z.int().min(0).nullable() }).nullable(),
    /** Why the last sync failed, as a code the renderer words (syncProblem.ts); null after a good one. */
    lastError: SyncProblemSchema.nullable(),
  }),
);
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A rejected action from sync, shown in "Needs attention" with the agent's text kept. */
export const AttentionItemSchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    caseId: IdSchema,
    caseRef: z.string().nullable(),
    mutationName: z.string(),
    code: RejectionCodeSchema,
    /** English, for logs; the UI words `code` and `reason` in the agent's language. */
    message: z.string(),
    /** What exactly was refused (absent from servers and stores older than the field). */
    reason: RejectionReasonSchema.nullable().optional(),
    /** The reply or note text the agent wrote, when the action carried one. */
    body: z.string().nullable(),
    locale: LocaleSchema.nullable(),
    createdAt: InstantSchema,
  }),
);
export type AttentionItem = z.infer<typeof AttentionItemSchema>;

export const AttentionResolveSchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    /** reopen_and_send: reopen the case and send the kept reply again; discard: drop it knowingly. */
    action: z.enum(['reopen_and_send', 'discard']),
  }),
);

export const SettingsSchema = z.object({
  uiLocale: LocaleSchema,
  agentLanguages: z.array(LocaleSchema),
  /** Null means the embedded local central API with demo data. */
  serverUrl: ServerUrlSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SERVER_SOURCES = ['flag', 'env', 'settings', 'embedded'] as const;
/** The central API this workstation syncs with, and who chose it (--server-url > CROSSDESK_SERVER_URL > Settings > embedded demo). */
export const ServerInfoSchema = z.lazy(() =>
  z.object({
    /** Null: the embedded local central API with demo data. */
    url: ServerUrlSchema.nullable(),
    source: z.enum(SERVER_SOURCES),
    /**
     * An address saved in Settings by an older version that was not used at this start: plain http:// to
     * another computer would carry passwords and tokens in clear (issue 19.9). It is removed from Settings.
     */
    ignoredSavedUrl: z.string().max(2048).optional(),
  }),
);
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

export const SessionSchema = z.lazy(() =>
  z.object({
    user: UserSchema.nullable(),
    teams: z.array(TeamSchema),
    clientId: z.uuid(),
    /** The people in the directory, so assignees and reply authors show by name (empty from older hosts). */
    colleagues: z.array(UserSchema).default([]),
  }),
);
export type Session = z.infer<typeof SessionSchema>;

export const SignInSchema = z.lazy(() =>
  z.object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
);

const Empty = z.object({}).strict();

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** Who may call a supervisor method: the core refuses everyone else with FORBIDDEN before reading the input. */
export const SUPERVISOR_ROLES = ['supervisor', 'admin'] as const satisfies readonly Role[];

/** A method for supervisors only (the Supervisor section of the app); the server judges each action again. */
function supervisorMethod<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, roles: SUPERVISOR_ROLES };
}

/** Who may call a trainer method (the Training section): the core refuses everyone else with FORBIDDEN. */
export const TRAINER_ROLES = ['trainer', 'admin'] as const satisfies readonly Role[];

/** A method for trainers only; it asks the central API online, which judges each request again. */
function trainerMethod<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, roles: TRAINER_ROLES };
}

const RunRefSchema = z.lazy(() => z.object({ runId: IdSchema }));

/** The trainer's side of practice (issue 16): assign and follow progress, review runs, results, rubrics. */
const trainerMethods = {
  'training:progress': trainerMethod(
    Empty,
    z.lazy(() => z.object({ assignments: z.array(AssignmentProgressSchema) })),
  ),
  'training:assign': trainerMethod(
    z.lazy(() => AssignmentRequestSchema),
    z.lazy(() => z.object({ status: z.enum(['created', 'unchanged']), assignment: AssignmentSchema })),
  ),
  'training:runs': trainerMethod(
    Empty,
    z.lazy(() => z.object({ runs: z.array(RunSummarySchema) })),
  ),
  'training:review': trainerMethod(
    RunRefSchema,
    z.lazy(() => RunForReviewSchema),
  ),
  /** Overrides criteria of a run, each with its required comment; the answer is the review with the score recomputed. */
  'training:override': trainerMethod(
    z.lazy(() => z.object({ runId: IdSchema, overrides: z.array(OverrideSchema).min(1).max(100) })),
    z.lazy(() => z.object({ review: ReviewSchema })),
  ),
  'training:release': trainerMethod(
    z.lazy(() => ReleaseRequestSchema.extend({ runId: IdSchema })),
    z.lazy(() => z.object({ review: ReviewSchema })),
  ),
  'training:results': trainerMethod(
    Empty,
    z.lazy(() => TrainingResultsSchema),
  ),
  'training:rubrics': trainerMethod(
    Empty,
    z.lazy(() => z.object({ rubrics: z.array(RubricSchema) })),
  ),
} as const;

/** Who practises (issue 16): agents; everyone signed in may look at the scenarios. */
export const PRACTICE_ROLES = ['agent'] as const satisfies readonly Role[];

function practiceMethod<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output, roles: PRACTICE_ROLES };
}

export const workstationContract = {
  'session:get': method(Empty, SessionSchema),
  'auth:signIn': method(SignInSchema, SessionSchema),
  'auth:signOut': method(Empty, z.null()),
  /**
   * Signs out and removes every case, message, note, draft-bearing setting and unsent change of this
   * device (the renderer clears its drafts too); the server address stays, so someone can sign in again.
   */
  'auth:signOutAndRemoveData': method(Empty, z.null()),
  'settings:get': method(Empty, SettingsSchema),
  /**
   * A new serverUrl takes effect at once: refused while changes for the current server are unsent or
   * rejected ones wait in Needs attention (UNSENT_CHANGES, NEEDS_ATTENTION) or when the address is set by
   * the command line or environment (SERVER_URL_LOCKED); otherwise the current server's data is cleared
   * and the agent signs in to the new one (the embedded demo signs its demo agent in by itself).
   */
  'settings:update': method(
    z.lazy(() => SettingsSchema.partial()),
    SettingsSchema,
  ),
  'server:get': method(Empty, ServerInfoSchema),
  'cases:list': method(QueueQuerySchema, QueuePageSchema),
  'cases:counts': method(
    z.lazy(() => z.object({ market: MarketCodeSchema.optional(), type: CaseTypeSchema.optional() })),
    ViewCountsSchema,
  ),
  'cases:search': method(
    SearchQuerySchema,
    z.lazy(() => z.array(SearchHitSchema)),
  ),
  'cases:tags': method(
    TagsQuerySchema,
    z.lazy(() => z.array(TagUseSchema)),
  ),
  'cases:get': method(CaseRefSchema, CaseDetailSchema),
  'cases:reply': method(ReplyInputSchema, WriteResultSchema),
  'cases:addNote': method(NoteInputSchema, WriteResultSchema),
  'cases:setStatus': method(StatusInputSchema, WriteResultSchema),
  'cases:addTag': method(TagInputSchema, WriteResultSchema),
  'cases:removeTag': method(TagInputSchema, WriteResultSchema),
  'cases:take': method(CaseRefSchema, WriteResultSchema),
  'cases:recordStep': method(RecordStepInputSchema, WriteResultSchema),
  /** Keeps a file for a reply or note on this desk until it is uploaded (FILE_REFUSED with the reason otherwise). */
  'files:attach': method(AttachFileInputSchema, AttachmentSchema),
  /** A copy of a file: from this desk's cache, else downloaded (OFFLINE when there is no connection). */
  'files:content': method(FileContentInputSchema, FileContentSchema),
  'files:held': method(
    z.lazy(() => z.object({ attachmentIds: z.array(IdSchema).max(500) })),
    HeldFilesSchema,
  ),
  'cases:bulk': method(BulkInputSchema, BulkResultSchema),
  /** Moves every named case to one agent or back to the team queue; the answer says case by case. */
  'cases:reassign': supervisorMethod(ReassignInputSchema, BulkResultSchema),
  'sync:status': method(Empty, SyncStatusSchema),
  'attention:list': method(
    Empty,
    z.lazy(() => z.array(AttentionItemSchema)),
  ),
  'attention:resolve': method(AttentionResolveSchema, z.null()),
  ...trainerMethods,
  // Practice (issue 16): the sandbox's scenarios, assignments and runs, never a live case.
  'practice:overview': method(Empty, PracticeOverviewSchema),
  'practice:scenario': method(PracticeScenarioRefSchema, PracticeScenarioVersionSchema),
  'practice:start': practiceMethod(PracticeStartSchema, PracticeRunViewSchema),
  'practice:answer': practiceMethod(PracticeAnswerSchema, PracticeRunViewSchema),
  'practice:run': method(PracticeRunRefSchema, PracticeRunViewSchema),
} as const;

export type WorkstationContract = typeof workstationContract;
export type MethodName = keyof WorkstationContract;
export type MethodInput<M extends MethodName> = z.input<WorkstationContract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<WorkstationContract[M]['output']>;
export const METHOD_NAMES = Object.keys(workstationContract) as MethodName[];

/** Whether a role (null: nobody signed in) may call the method: supervisor and trainer methods name their roles, the rest are open. */
export function isMethodAllowed(method: MethodName, role: Role | null): boolean {
  const entry = workstationContract[method];
  if (!('roles' in entry)) return true;
  const roles: readonly Role[] = entry.roles;
  return role !== null && roles.includes(role);
}

/** Events the core pushes to the renderer; subscriptions return an unsubscribe function. */
export const workstationEvents = {
  'cases:changed': z.lazy(() => z.object({ caseIds: z.array(IdSchema), all: z.boolean() })),
  'sync:status': SyncStatusSchema,
  'attention:changed': z.object({ count: z.int().min(0) }),
  /** This device's data was removed: at the agent's request, or because an admin revoked the device. */
  'device:wiped': z.object({ reason: z.enum(['requested', 'revoked']) }),
  notify: z.lazy(() =>
    z.object({ kind: z.enum(['case_assigned', 'sla_warning', 'sla_breached', 'reply_rejected']), caseId: IdSchema }),
  ),
} as const;
export type EventName = keyof typeof workstationEvents;
export type EventPayload<E extends EventName> = z.infer<(typeof workstationEvents)[E]>;
export const EVENT_NAMES = Object.keys(workstationEvents) as EventName[];

/** What crosses IPC or the WebSocket: never a thrown error (electron/electron#24427 drops all but message). */
export const ContractErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export type ContractError = z.infer<typeof ContractErrorSchema>;
export type ContractResult<T> = { ok: true; data: T } | { ok: false; error: ContractError };

/** The API surface the renderer sees as window.crossdesk (or the loopback bridge). */
export type WorkstationApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<ContractResult<MethodOutput<M>>>;
} & {
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

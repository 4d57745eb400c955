import { z } from 'zod';
import { IdSchema, InstantSchema, LocaleSchema } from '../domain/ids';
import { CaseStatusSchema } from '../domain/caseStatus';
import { CaseTypeSchema, PrioritySchema } from '../domain/caseType';
import { TEXT_LIMITS } from '../domain/limits';
import { ATTACHMENT_LIMITS } from '../domain/attachment';
import { WorkflowStepInputSchema } from '../domain/workflow';

export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(TEXT_LIMITS.tag)
  .regex(/^[^\s,]+$/u, 'a tag without spaces or commas');

/** The most characters of the reason a supervisor gives for a reassignment. */
export const REASSIGN_REASON_MAX = 500;
const ReplyArgsSchema = z.object({
  caseId: IdSchema,
  messageId: IdSchema,
  body: z.string().trim().min(1).max(20_000),
  locale: LocaleSchema,
});
const NoteArgsSchema = z.object({ caseId: IdSchema, noteId: IdSchema, body: z.string().trim().min(1).max(20_000) });
/** Files uploaded to the case beforehand (PUT /api/v1/attachments/:id), sent with a reply or note. */
const AttachmentIdsSchema = z.array(IdSchema).min(1).max(ATTACHMENT_LIMITS.filesPerMessage);

/**
 * Mutations are intents, never row images (SYNC.md). Each name@v has exactly one args schema;
 * a new shape is a new version, served beside the old one.
 */
export const MUTATION_ARGS = {
  'case.reply@1': ReplyArgsSchema,
  /** A reply with attachments: @1 plus the ids of files already uploaded to the case. */
  'case.reply@2': ReplyArgsSchema.extend({ attachmentIds: AttachmentIdsSchema }),
  'case.addNote@1': NoteArgsSchema,
  'case.addNote@2': NoteArgsSchema.extend({ attachmentIds: AttachmentIdsSchema }),
  'case.setStatus@1': z.object({ caseId: IdSchema, to: CaseStatusSchema }),
  'case.addTag@1': z.object({ caseId: IdSchema, tag: TagSchema }),
  'case.removeTag@1': z.object({ caseId: IdSchema, tag: TagSchema }),
  'case.take@1': z.object({ caseId: IdSchema }),
  /** Supervisor only: a null assignee returns the case to the team's unassigned queue. */
  'case.assign@1': z.object({ caseId: IdSchema, to: IdSchema.nullable() }),
  /**
   * Supervisor only, from the console: as @1 with an optional reason, and refused when the assignee changed
   * after the supervisor saw the case (base.assigneeVersion) or the case is done.
   */
  'case.assign@2': z.object({
    caseId: IdSchema,
    to: IdSchema.nullable(),
    reason: z.string().trim().min(1).max(REASSIGN_REASON_MAX).optional(),
  }),
  /** Supervisor only: closes caseId as a duplicate of intoId; later replies to it are redirected there. */
  'case.merge@1': z.object({ caseId: IdSchema, intoId: IdSchema }),
  'case.setField@1': z.discriminatedUnion('field', [
    z.object({ caseId: IdSchema, field: z.literal('priority'), value: PrioritySchema }),
    z.object({ caseId: IdSchema, field: z.literal('type'), value: CaseTypeSchema }),
    z.object({ caseId: IdSchema, field: z.literal('locale'), value: LocaleSchema }),
    z.object({ caseId: IdSchema, field: z.literal('subject'), value: z.string().trim().min(1).max(300) }),
  ]),
  /** One after-sales step (withdrawal declared, label issued, refund issued...); idempotent by its stepId. */
  'case.recordStep@1': z.object({ caseId: IdSchema, step: WorkflowStepInputSchema }),
} as const;

export type MutationKey = keyof typeof MUTATION_ARGS;
export type MutationName = MutationKey extends `${infer N}@${number}` ? N : never;
export type MutationArgs<K extends MutationKey> = z.infer<(typeof MUTATION_ARGS)[K]>;

/**
 * MUTATION_ARGS[key].safeParse typed by its key: TypeScript cannot relate an indexed access with a
 * generic key to the key's own type, so the one assertion about it lives here.
 */
export function parseMutationArgs<K extends MutationKey>(key: K, raw: unknown): z.ZodSafeParseResult<MutationArgs<K>> {
  const schema: z.ZodType = MUTATION_ARGS[key];
  return schema.safeParse(raw) as z.ZodSafeParseResult<MutationArgs<K>>;
}

export const MutationBaseSchema = z.object({
  caseVersion: z.int().min(0).optional(),
  assigneeVersion: z.int().min(0).optional(),
});
export type MutationBase = z.infer<typeof MutationBaseSchema>;

/** The envelope as it travels; args are checked against MUTATION_ARGS by name@v on the server. */
export const MutationEnvelopeSchema = z.object({
  id: z.int().min(1),
  uuid: z.uuid(),
  name: z.string().min(1).max(64),
  v: z.int().min(1),
  args: z.unknown(),
  base: MutationBaseSchema.default({}),
  clientTime: InstantSchema,
});
export type MutationEnvelope = z.infer<typeof MutationEnvelopeSchema>;

export function mutationKey(name: string, v: number): string {
  return `${name}@${v}`;
}

export function isKnownMutation(key: string): key is MutationKey {
  return Object.hasOwn(MUTATION_ARGS, key);
}

/** Business refusals are results, not HTTP errors (SYNC.md, push step 4). */
export const REJECTION_CODES = [
  'INVALID_TRANSITION',
  'ASSIGNMENT_CHANGED',
  'CASE_CLOSED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNSUPPORTED_MUTATION',
  'INVALID_ARGS',
] as const;
export const RejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof RejectionCodeSchema>;

/**
 * What exactly was refused, for a client to word in the agent's language; `message` stays English for
 * logs and older clients. The key is a plain string on the wire so a newer server's keys never fail an
 * older client's parse; clients show the code's text for a key they do not know.
 */
export const REJECTION_REASONS = [
  'case_missing',
  'not_permitted',
  'assign_supervisor_only',
  'merge_supervisor_only',
  'case_done',
  'merge_target_done',
  'status_transition',
  'merge_source_done',
  'assignment_taken',
  'assignee_not_in_team',
  'merge_into_self',
  'unknown_mutation',
  'malformed_args',
  'outside_supervisor_teams',
  'assignment_changed_meanwhile',
  'attachment_missing',
  'attachments_too_large',
  'step_not_for_case',
  'step_needs',
  'step_once',
  'step_after_refusal',
  'step_in_future',
  'steps_full',
  'refund_needs_reason',
  'refund_over_order',
  'already_refunded',
  'currency_mismatch',
  'price_not_lower',
  /** Practice ids (src-shared/training/trainingIds.ts) never reach a live case. */
  'training_sandbox',
] as const;
export type RejectionReasonKey = (typeof REJECTION_REASONS)[number];
export const RejectionReasonSchema = z.object({
  key: z.string().min(1).max(64),
  /** Values named by the key's text: case statuses as their codes (the client translates them), ids, names. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const MutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    mutationId: z.int().min(1),
    uuid: z.uuid(),
    status: z.literal('applied'),
    /** Set when a reply to a merged case was redirected to the case it was merged into. */
    redirectedToCaseId: IdSchema.optional(),
  }),
  z.object({
    mutationId: z.int().min(1),
    uuid: z.uuid(),
    status: z.literal('rejected'),
    code: RejectionCodeSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    reason: RejectionReasonSchema.optional(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

import { z } from 'zod';
import { MutationEnvelopeSchema, MutationResultSchema } from './mutations';
import { IdSchema, InstantSchema, LocaleSchema, TimeZoneSchema } from '../domain/ids';
import { OrderSchema, PersonNameSchema } from '../domain/case';
import { ATTACHMENT_LIMITS, AttachmentRefusalCodeSchema, AttachmentSchema } from '../domain/attachment';
import { ChannelSchema } from '../domain/caseType';
import { MarketCodeSchema } from '../domain/market';
import { UserSchema } from '../domain/user';

export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PUSH_BYTES = 1_000_000;
export const MAX_PULL_CHANGES = 5_000;

export const PushRequestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  clientId: z.uuid(),
  appVersion: z.string().min(1).max(32),
  schemaVersion: z.int().min(1),
  mutations: z.array(MutationEnvelopeSchema).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResponseSchema = z.object({
  lastMutationId: z.int().min(0),
  results: z.array(MutationResultSchema),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const ENTITIES = ['case', 'message', 'note', 'case_event', 'user', 'team'] as const;
export const EntitySchema = z.enum(ENTITIES);
export type Entity = z.infer<typeof EntitySchema>;

/** One row of the server's change log as a client sees it. */
export const ChangeSchema = z.object({
  seq: z.int().min(1),
  entity: EntitySchema,
  entityId: z.string().min(1),
  op: z.enum(['upsert', 'delete', 'remove_from_scope']),
  version: z.int().min(0),
  /** The entity as its domain schema describes it; absent for delete and remove_from_scope. */
  data: z.unknown().optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const PullRequestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  clientId: z.uuid(),
  /** Opaque to the client; null asks for everything after bootstrap's cursor is unknown (never used). */
  cursor: z.string().min(1).max(512),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema).max(MAX_PULL_CHANGES),
  cursor: z.string().min(1),
  hasMore: z.boolean(),
  lastMutationId: z.int().min(0),
  results: z.array(MutationResultSchema),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const ApiErrorCodeSchema = z.enum([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  /** An admin revoked this desktop install: the desk wipes its local data and says why. */
  'DEVICE_REVOKED',
  'FORBIDDEN',
  'NOT_FOUND',
  /** The request is sound but the state forbids it (`details.reason` says which: RUBRIC_IN_USE, …). */
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  /** A file whose bytes are not of an accepted type (src-shared/domain/attachment.ts), whatever its name says. */
  'UNSUPPORTED_TYPE',
  /** The id is taken by something else (an attachment id re-used for other bytes or another case). */
  'CONFLICT',
  'RATE_LIMITED',
  'OUT_OF_ORDER',
  'CLIENT_STATE_CONFLICT',
  'RESET_REQUIRED',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({
    code: ApiErrorCodeSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * Verify (anti-entropy): `GET /sync/v1/verify` answers {count, hash} of the caller's scope, computed the
 * same way on client and server:
 *   hash  = sha256 hex over the concatenation of the lines `${entity}:${id}:${version}\n`
 *           for every case, message, note and case_event in scope, where version is the Change.version
 *           (or bootstrap row version) the server sent with that entity;
 *   lines sorted by entity, then id, in byte order (plain `<` on ASCII strings);
 *   count = the number of lines. An empty scope hashes the empty string.
 */
export const VERIFY_ENTITIES = ['case', 'case_event', 'message', 'note'] as const satisfies readonly Entity[];
export const VerifyResponseSchema = z.object({ count: z.int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
export type VerifyResponse = z.infer<typeof VerifyResponseSchema>;

export function verifyLine(entity: Entity, id: string, version: number): string {
  return `${entity}:${id}:${version}\n`;
}

/**
 * `GET /sync/v1/bootstrap[?pageToken=...]` streams NDJSON: row lines, a `pageToken` line after every page
 * (resume from there after an interruption), and a final `complete` line whose cursor starts pulling.
 */
export const BootstrapRowSchema = z.object({
  entity: EntitySchema,
  entityId: z.string().min(1),
  version: z.int().min(0),
  data: z.unknown(),
});
export const BootstrapLineSchema = z.union([
  BootstrapRowSchema,
  z.object({ pageToken: z.string().min(1) }),
  z.object({ complete: z.literal(true), cursor: z.string().min(1) }),
]);
export type BootstrapLine = z.infer<typeof BootstrapLineSchema>;

/** Server-sent events of `GET /sync/v1/events`: `poke` is only a hint to pull; `reset` asks to re-bootstrap. */
export const PokeEventSchema = z.object({ seq: z.int().min(0) });
export const HeartbeatEventSchema = z.object({ serverTime: z.string() });

export const LoginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  /** The desktop install signing in (its local store's client id): an admin can revoke it by this id. */
  clientId: z.uuid().optional(),
});
export const LoginResponseSchema = z.object({
  token: z.string().min(1),
  expiresAt: InstantSchema,
  user: UserSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/**
 * An inbound request carries at most one message's worth of files as base64 (4 bytes per 3) plus its text;
 * a larger request is refused whole (413) before it is read.
 */
export const MAX_INBOUND_BYTES = Math.ceil(ATTACHMENT_LIMITS.messageBytes / 3) * 4 + 256 * 1024;

const InboundInlineFileSchema = z.object({
  /** Shown and offered on download; the type is sniffed from the content, never taken from this name. */
  fileName: z.string().max(1000),
  contentBase64: z.string().max(MAX_INBOUND_BYTES),
});
const InboundUploadRefSchema = z.object({ uploadId: IdSchema });

/** `PUT /api/v1/attachments/:id` answers the stored file; caseId is null for an integration's upload not yet sent. */
export const UploadedFileSchema = AttachmentSchema.extend({ caseId: IdSchema.nullable() });
export type UploadedFile = z.infer<typeof UploadedFileSchema>;

/** `POST /api/v1/inbound` (role integration): a customer's message from a channel; idempotent by externalId. */
export const InboundRequestSchema = z.object({
  externalId: z.string().min(1).max(256),
  channel: ChannelSchema,
  receivedAt: InstantSchema,
  customer: z.object({
    name: PersonNameSchema,
    /** The customer's address on this channel (email address, chat handle, marketplace buyer id). */
    address: z.string().min(1).max(320),
    timeZone: TimeZoneSchema.optional(),
  }),
  market: MarketCodeSchema,
  locale: LocaleSchema.optional(),
  /** Appends to this case when given; opens a new case otherwise. */
  caseId: IdSchema.optional(),
  order: OrderSchema.optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  body: z.string().trim().min(1).max(20_000),
  /**
   * Files with the message, each inline (base64) or by reference to an upload (PUT /api/v1/attachments/:id
   * without a case). Each is checked on its own: a refused file is listed in the answer and the message
   * still arrives with the others.
   */
  attachments: z
    .array(z.union([InboundInlineFileSchema, InboundUploadRefSchema]))
    .max(100)
    .optional(),
});
export type InboundRequest = z.infer<typeof InboundRequestSchema>;

/** What became of each file of an inbound message, in the order sent. */
export const InboundFileResultSchema = z.discriminatedUnion('ok', [
  z.object({ index: z.int().min(0), ok: z.literal(true), attachment: AttachmentSchema }),
  z.object({ index: z.int().min(0), ok: z.literal(false), code: AttachmentRefusalCodeSchema, message: z.string() }),
]);
export type InboundFileResult = z.infer<typeof InboundFileResultSchema>;
export const InboundResponseSchema = z.object({
  caseId: IdSchema,
  messageId: IdSchema,
  created: z.boolean(),
  /** Present when files were sent; a repeated request lists the files the message holds. */
  attachments: z.array(InboundFileResultSchema).optional(),
});
export type InboundResponse = z.infer<typeof InboundResponseSchema>;

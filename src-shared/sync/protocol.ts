import { z } from 'zod';
import { MutationEnvelopeSchema, MutationResultSchema } from './mutations';

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
  'BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED',
  'OUT_OF_ORDER', 'CLIENT_STATE_CONFLICT', 'RESET_REQUIRED', 'UNAVAILABLE', 'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({ code: ApiErrorCodeSchema, message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

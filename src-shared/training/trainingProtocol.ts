import { z } from 'zod';
import { PROTOCOL_VERSION } from '../sync/protocol';
import { AssignmentSchema, RunUploadSchema, ScenarioVersionSchema, TrainingRunSchema } from './records';
import { ReviewSchema } from './review';

/**
 * Practice's own sync scope beside the case sync (SYNC.md conventions: protocol 1, signed opaque cursor,
 * commit-ordered change log): `POST /sync/v1/training/pull` pages the caller's training changes, and
 * `POST /sync/v1/training/runs` uploads one finished run, exactly once. Who sees what: every signed-in
 * person the scenario versions; an agent their own runs and the assignments for them or their team; a
 * trainer the runs and assignments of the agents in their teams, and never a live case.
 */
/** `review`: a trainer's review of a run, sent to its trainee (and their trainers) once released. */
export const TRAINING_ENTITIES = ['scenario', 'assignment', 'run', 'review'] as const;
export const TrainingEntitySchema = z.enum(TRAINING_ENTITIES);
export type TrainingEntity = z.infer<typeof TrainingEntitySchema>;

/** The record schema of each entity: the desk parses a change's data with it. */
export const TRAINING_RECORDS = {
  scenario: ScenarioVersionSchema,
  assignment: AssignmentSchema,
  run: TrainingRunSchema,
  review: ReviewSchema,
} as const satisfies Record<TrainingEntity, z.ZodType>;

export const MAX_TRAINING_PULL_CHANGES = 500;

export const TrainingChangeSchema = z.object({
  seq: z.int().min(1),
  entity: TrainingEntitySchema,
  entityId: z.string().min(1).max(200),
  version: z.int().min(1),
  data: z.unknown(),
});
export type TrainingChange = z.infer<typeof TrainingChangeSchema>;

export const TrainingPullRequestSchema = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Null for everything from the start. */
  cursor: z.string().min(1).max(512).nullable(),
});
export type TrainingPullRequest = z.infer<typeof TrainingPullRequestSchema>;

export const TrainingPullResponseSchema = z.object({
  changes: z.array(TrainingChangeSchema).max(MAX_TRAINING_PULL_CHANGES),
  cursor: z.string().min(1),
  hasMore: z.boolean(),
});
export type TrainingPullResponse = z.infer<typeof TrainingPullResponseSchema>;

export const RunUploadRequestSchema = z.strictObject({ protocol: z.literal(PROTOCOL_VERSION), run: RunUploadSchema });
export type RunUploadRequest = z.infer<typeof RunUploadRequestSchema>;

/** `stored` the first time, `duplicate` for a re-send of the same run (the stored record either way). */
export const RunUploadResponseSchema = z.object({
  status: z.enum(['stored', 'duplicate']),
  run: TrainingRunSchema,
});
export type RunUploadResponse = z.infer<typeof RunUploadResponseSchema>;

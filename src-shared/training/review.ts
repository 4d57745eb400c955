import { z } from 'zod';
import { IdSchema, InstantSchema } from '../domain/ids';
import { CriterionKeySchema, OverrideSchema } from './overrides';
import { AssignmentSchema, RunResultSchema, TrainingRunSchema } from './records';
import { UiTextSchema } from './schema';
import { RubricKeySchema, RubricRatingsSchema } from './rubric';

/**
 * A trainer's review of a practice run (TRAINING.md "Trainer review"): overrides of automatic criteria,
 * each with its comment, who and when, the score recomputed from them, and the feedback released to the
 * trainee. The agent receives a review only once it is released.
 */
export const RecordedOverrideSchema = OverrideSchema.extend({
  /** The automatic points the override replaced, so the change stays visible. */
  automatic: z.number(),
  by: IdSchema,
  at: InstantSchema,
});
export type RecordedOverride = z.infer<typeof RecordedOverrideSchema>;

/** The score part of a run's result, recomputed with the overrides (the same shape as the automatic one). */
export const ReviewedScoreSchema = RunResultSchema.pick({
  score: true,
  raw: true,
  passed: true,
  categories: true,
  criticalFails: true,
});
export type ReviewedScore = z.infer<typeof ReviewedScoreSchema>;

export const ReviewSchema = z.object({
  runId: IdSchema,
  agentId: IdSchema,
  reviewerId: IdSchema,
  overrides: z.array(RecordedOverrideSchema),
  result: ReviewedScoreSchema,
  /** What the trainer tells the trainee; null until released. */
  feedback: z.string().nullable(),
  releasedAt: InstantSchema.nullable(),
  updatedAt: InstantSchema,
});
export type Review = z.infer<typeof ReviewSchema>;

export const OverridesRequestSchema = z.strictObject({ overrides: z.array(OverrideSchema).min(1).max(100) });
export const ReleaseRequestSchema = z.strictObject({ feedback: z.string().trim().min(1).max(4000) });

/** One criterion of a run as the review screen lists it: the automatic points, and the override if any. */
export const ReviewCriterionSchema = z.object({
  key: CriterionKeySchema,
  nodeId: z.string(),
  category: z.string(),
  source: z.string(),
  kind: z.enum(['rule', 'option']),
  min: z.number(),
  max: z.number(),
  automatic: z.number(),
  automaticApplies: z.boolean(),
  critical: z.boolean(),
});
export type ReviewCriterion = z.infer<typeof ReviewCriterionSchema>;

/** Calibration: a run scored blind by several trainers with one rubric version, against a benchmark trainer. */
export const CalibrationRequestSchema = z
  .strictObject({
    runId: IdSchema,
    rubric: z.strictObject({ key: RubricKeySchema, version: z.int().min(1) }),
    trainerIds: z.array(IdSchema).min(2).max(20),
    benchmarkTrainerId: IdSchema,
  })
  .refine((request) => request.trainerIds.includes(request.benchmarkTrainerId), {
    message: 'the benchmark trainer must be one of the trainers',
    path: ['benchmarkTrainerId'],
  })
  .refine((request) => new Set(request.trainerIds).size === request.trainerIds.length, {
    message: 'a trainer is named twice',
    path: ['trainerIds'],
  });
export type CalibrationRequest = z.infer<typeof CalibrationRequestSchema>;

export const CalibrationRatingsRequestSchema = z.strictObject({ ratings: RubricRatingsSchema });

export const CalibrationSchema = z.object({
  id: IdSchema,
  runId: IdSchema,
  rubric: z.object({ key: RubricKeySchema, version: z.int().min(1) }),
  benchmarkTrainerId: IdSchema,
  createdBy: IdSchema,
  createdAt: InstantSchema,
  status: z.enum(['open', 'closed']),
  /** Who has submitted; while open nobody sees another's ratings (blind). */
  raters: z.array(z.object({ trainerId: IdSchema, submitted: z.boolean() })),
  /** The caller's own ratings, if they rate. */
  mine: RubricRatingsSchema.nullable(),
  /** Everyone's ratings and the agreement, once closed. */
  results: z
    .object({
      ratings: z.record(IdSchema, RubricRatingsSchema),
      alpha: z.array(
        z.object({
          criterion: z.string(),
          alpha: z.number().nullable(),
          reason: z.enum(['no_variation', 'no_pairable_units']).optional(),
          units: z.int(),
          pairable: z.int(),
        }),
      ),
      alignment: z.array(
        z.object({ trainerId: IdSchema, criteria: z.record(z.string(), z.number()), overall: z.number() }),
      ),
    })
    .nullable(),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'passed', 'out_of_attempts', 'overdue'] as const;

/** Where one agent stands on an assignment: attempts used of the limit, best score, passed or not, overdue. */
export const AgentProgressSchema = z.object({
  agentId: IdSchema,
  attempts: z.int().min(0),
  attemptsLeft: z.int().min(0).nullable(),
  bestScore: z.number().nullable(),
  passed: z.boolean(),
  lastRunAt: InstantSchema.nullable(),
  status: z.enum(PROGRESS_STATUSES),
});
export type AgentProgress = z.infer<typeof AgentProgressSchema>;

export const AssignmentProgressSchema = z.object({
  assignment: AssignmentSchema,
  agents: z.array(AgentProgressSchema),
});
export type AssignmentProgress = z.infer<typeof AssignmentProgressSchema>;

/** An agent's standing: passed wins; then out of attempts; then overdue (due date passed); else by whether they began. */
export function progressStatus(
  progress: Pick<AgentProgress, 'attempts' | 'attemptsLeft' | 'passed'>,
  dueAt: string | undefined,
  nowMs: number,
): AgentProgress['status'] {
  if (progress.passed) return 'passed';
  if (progress.attemptsLeft === 0) return 'out_of_attempts';
  if (dueAt !== undefined && Date.parse(dueAt) < nowMs) return 'overdue';
  return progress.attempts === 0 ? 'not_started' : 'in_progress';
}

/** A run in the trainer's list: enough to pick one to review. */
export const RunSummarySchema = z.object({
  id: IdSchema,
  agentId: IdSchema,
  scenarioKey: z.string(),
  finishedAt: InstantSchema,
  score: z.number(),
  passed: z.boolean(),
  reviewed: z.boolean(),
  released: z.boolean(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** The replayed transcript as the review screen shows it (runPlayer's TranscriptEntry). */
export const TranscriptEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), nodeId: z.string(), at: z.number(), text: z.string() }),
  z.object({ kind: z.literal('event'), nodeId: z.string(), at: z.number(), text: UiTextSchema }),
  z.object({
    kind: z.literal('agent'),
    nodeId: z.string(),
    at: z.number(),
    text: z.string(),
    actions: z.array(z.string()),
    optionId: z.string().optional(),
  }),
  z.object({ kind: z.literal('reveal'), factId: z.string(), at: z.number() }),
]);

export const RunForReviewSchema = z.object({
  run: TrainingRunSchema,
  transcript: z.array(TranscriptEntrySchema),
  ruleResults: z.array(z.object({ nodeId: z.string(), ruleId: z.string(), status: z.enum(['pass', 'fail', 'na']) })),
  criteria: z.array(ReviewCriterionSchema),
  review: ReviewSchema.nullable(),
});
export type RunForReview = z.infer<typeof RunForReviewSchema>;

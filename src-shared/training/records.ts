import { z } from 'zod';
import { IdSchema, InstantSchema } from '../domain/ids';
import { PracticeActionSchema, ScenarioSchema, UI_LANGUAGES } from './schema';
import { TrainingIdSchema } from './trainingIds';

/**
 * Practice as the central API stores it and syncs it (issue 16): scenario versions, assignments and runs.
 * The same schemas parse HTTP bodies on the server, training changes on the desk and rows of the desk's
 * practice store.
 */

/** `id@version` of a scenario (scenarioKey). */
export const ScenarioKeySchema = z
  .string()
  .max(140)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*@\d+\.\d+\.\d+$/, 'a scenario version such as de-return-withdrawal@1.0.0');

/** One published version of a scenario. A version never changes: new content is a new version. */
export const ScenarioVersionSchema = z.object({
  key: ScenarioKeySchema,
  hash: z.string().min(1).max(128),
  /** Null for the shipped library; the trainer or admin who uploaded it otherwise. */
  publishedBy: IdSchema.nullable(),
  publishedAt: InstantSchema,
  scenario: ScenarioSchema,
});
export type ScenarioVersion = z.infer<typeof ScenarioVersionSchema>;

export const AssigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: IdSchema }),
  z.object({ kind: z.literal('team'), teamId: IdSchema }),
]);
export type Assignee = z.infer<typeof AssigneeSchema>;

/** What a trainer asks for: a scenario version for an agent or a whole team, by a date, with a limit of attempts. */
export const AssignmentRequestSchema = z.strictObject({
  id: IdSchema,
  scenarioKey: ScenarioKeySchema,
  assignee: AssigneeSchema,
  dueAt: InstantSchema.optional(),
  attemptLimit: z.int().min(1).max(20).optional(),
});
export type AssignmentRequest = z.infer<typeof AssignmentRequestSchema>;

export const AssignmentSchema = AssignmentRequestSchema.extend({
  assignedBy: IdSchema,
  assignedAt: InstantSchema,
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** The trainee's answers in order; the run is replayed from them, so nobody has to trust a score sent in. */
export const RunAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('compose'),
    text: z.string().trim().min(1).max(20_000),
    actions: z.array(PracticeActionSchema).max(20).default([]),
    delayMs: z
      .int()
      .min(0)
      .max(7 * 24 * 3_600_000),
  }),
  z.strictObject({
    kind: z.literal('choose'),
    optionId: z.string().min(1).max(64),
    delayMs: z
      .int()
      .min(0)
      .max(7 * 24 * 3_600_000),
  }),
]);
export type RunAnswer = z.infer<typeof RunAnswerSchema>;

/** A finished run as the desk uploads it (once: its training id makes a re-send a duplicate, not a second run). */
export const RunUploadSchema = z.strictObject({
  id: TrainingIdSchema,
  scenarioKey: ScenarioKeySchema,
  /** The text the run was played on: a run of other content than the server's version is refused. */
  scenarioHash: z.string().min(1).max(128),
  assignmentId: IdSchema.optional(),
  uiLanguage: z.enum(UI_LANGUAGES),
  startedAt: InstantSchema,
  finishedAt: InstantSchema,
  answers: z.array(RunAnswerSchema).min(1).max(200),
});
export type RunUpload = z.infer<typeof RunUploadSchema>;

/** The outcome of replaying a run's answers on its scenario version (runPlayer + scoreRun). */
export const RunResultSchema = z.object({
  outcome: z.string().min(1),
  path: z.array(z.string()),
  revealed: z.array(z.string()),
  ruleResults: z.array(z.object({ nodeId: z.string(), ruleId: z.string(), status: z.enum(['pass', 'fail', 'na']) })),
  score: z.number().min(0).max(100),
  raw: z.number().min(0).max(100),
  passed: z.boolean(),
  categories: z.array(z.object({ id: z.string(), weight: z.number(), score: z.number().nullable() })),
  criticalFails: z.array(z.object({ category: z.string(), source: z.string(), nodeId: z.string().optional() })),
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const TrainingRunSchema = RunUploadSchema.extend({
  agentId: IdSchema,
  receivedAt: InstantSchema,
  result: RunResultSchema,
});
export type TrainingRun = z.infer<typeof TrainingRunSchema>;

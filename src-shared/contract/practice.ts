import { z } from 'zod';
import { CaseTypeSchema, ChannelSchema } from '../domain/caseType';
import { IdSchema, InstantSchema, LocaleSchema } from '../domain/ids';
import { MarketCodeSchema } from '../domain/market';
// Not the training index: the contract loads with the renderer, which need not parse the whole library for it.
import {
  AssignmentSchema,
  RunAnswerSchema,
  RunResultSchema,
  ScenarioKeySchema,
  ScenarioVersionSchema,
} from '../training/records';
import { ReviewSchema } from '../training/review';
import { UI_LANGUAGES, UiTextSchema } from '../training/schema';

/**
 * The Practice screen's part of the workstation contract (issue 16). The core keeps runs in the practice
 * sandbox's own store and checks every answer by replaying the run; the renderer replays the same answers
 * with the same shared player to show the transcript and the debrief.
 */

export const PracticeScenarioSchema = z.lazy(() =>
  z.object({
    key: ScenarioKeySchema,
    hash: z.string(),
    title: UiTextSchema,
    market: MarketCodeSchema,
    locale: LocaleSchema,
    caseType: CaseTypeSchema,
    channel: ChannelSchema,
    difficulty: z.int().min(1).max(5),
    estMinutes: z.int().min(1),
    /** Shipped with the app (playable before any sync), or published by a trainer. */
    source: z.enum(['library', 'published']),
  }),
);
export type PracticeScenario = z.infer<typeof PracticeScenarioSchema>;

export const PRACTICE_UPLOADS = ['playing', 'pending', 'synced', 'refused'] as const;

export const PracticeRunViewSchema = z.lazy(() =>
  z.object({
    id: IdSchema,
    scenarioKey: ScenarioKeySchema,
    assignmentId: IdSchema.nullable(),
    uiLanguage: z.enum(UI_LANGUAGES),
    startedAt: InstantSchema,
    finishedAt: InstantSchema.nullable(),
    answers: z.array(RunAnswerSchema),
    /** playing; pending (finished, waiting to reach the server); synced; refused (the server said why). */
    upload: z.enum(PRACTICE_UPLOADS),
    uploadError: z.string().nullable(),
    /** The server's score once synced; the desk's own replay gives the same before that. */
    serverResult: RunResultSchema.nullable(),
    /** The trainer's review once released: the score with their overrides and their feedback. */
    review: ReviewSchema.nullable(),
  }),
);
export type PracticeRunView = z.infer<typeof PracticeRunViewSchema>;

export const PracticeOverviewSchema = z.lazy(() =>
  z.object({
    scenarios: z.array(PracticeScenarioSchema),
    assignments: z.array(AssignmentSchema),
    runs: z.array(PracticeRunViewSchema),
  }),
);
export type PracticeOverview = z.infer<typeof PracticeOverviewSchema>;

export const PracticeScenarioRefSchema = z.lazy(() => z.strictObject({ key: ScenarioKeySchema }));
export const PracticeScenarioVersionSchema = ScenarioVersionSchema;

export const PracticeStartSchema = z.lazy(() =>
  z.strictObject({
    scenarioKey: ScenarioKeySchema,
    assignmentId: IdSchema.optional(),
    uiLanguage: z.enum(UI_LANGUAGES),
  }),
);
export const PracticeAnswerSchema = z.lazy(() => z.strictObject({ runId: IdSchema, answer: RunAnswerSchema }));
export const PracticeRunRefSchema = z.lazy(() => z.strictObject({ runId: IdSchema }));

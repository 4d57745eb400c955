/**
 * Cross-cultural practice (issue 16, TRAINING.md): the scenario format, its rule engine, the run player,
 * rubric scoring, the static checker and explorer, and Krippendorff's alpha for calibration. Pure: runs
 * in the renderer, in core, on the server and in the CLI alike.
 */
export * from './schema';
export { foldText, phraseIndex, isMostlyScript } from './textMatch';
export { parseCondition, evaluateCondition, ConditionError } from './conditions';
export type { Condition, ConditionEnv } from './conditions';
export { buildScenarioContext, trainingCase, fillPlaceholders } from './scenarioContext';
export type { ScenarioContext } from './scenarioContext';
export { compileScenario, compileOrThrow, ScenarioCompileError } from './compileScenario';
export type { Answer, CompiledScenario, CompiledRule, RuleStatus } from './compileScenario';
export { startRun, answerRun, RunError } from './runPlayer';
export type { RunState, RunInput, RuleResult, TranscriptEntry } from './runPlayer';
export { scoreRun, totalScore } from './scoreRun';
export type { RunScore, Criterion, CriticalFail } from './scoreRun';
export { exploreScenario, pathAnswers, scoreRange } from './exploreScenario';
export type { Exploration, ExploredPath } from './exploreScenario';
export { checkScenario } from './checkScenario';
export type { ScenarioCheck } from './checkScenario';
export { checkLibrary, LIBRARY_MINIMUM } from './checkLibrary';
export { builtinFeedbackCatalog, feedbackText, FeedbackCatalogSchema } from './feedbackCatalog';
export type { FeedbackCatalog } from './feedbackCatalog';
export { findPersonalData } from './personalData';
export { krippendorffAlpha, AlphaError, ALPHA_LEVELS } from './alpha';
export type { AlphaLevel, AlphaResult, RatingMatrix } from './alpha';
export { parseRatingsCsv, RatingsCsvError } from './ratingsCsv';
export { builtinScenarios, SCENARIO_FILES } from './library';
export { scenarioHash, scenarioKey } from './scenarioHash';
export * from './records';
export * from './trainingProtocol';
export { isTrainingId, trainingIdFrom, trainingIdsIn, TrainingIdSchema } from './trainingIds';
export { replayAnswers, runResult } from './replayRun';
export {
  RubricDraftSchema,
  RubricSchema,
  RubricKeySchema,
  RubricRatingsSchema,
  RubricRatingError,
  rubricRef,
  rubricScoringHash,
  scoreRubric,
  checkRatings,
  ratingShare,
} from './rubric';
export type { Rubric, RubricDraft, RubricDraftInput, RubricRatings, RubricScore, RubricCriterion } from './rubric';
export { applyOverrides, criterionKey, CriterionKeySchema, OverrideSchema, OverrideError } from './overrides';
export type { Override } from './overrides';
export { alphaPerCriterion, alignmentWithBenchmark, alphaVerdict } from './calibration';
export type { CriterionAlpha, SessionRatings, TrainerAlignment } from './calibration';
export {
  trainingResults,
  MASTERY_DECAY,
  TrainingResultsSchema,
  TraineeResultSchema,
  ScenarioResultSchema,
} from './trainingResults';
export type { RunFacts, TrainingResults, TraineeResult, ScenarioResult } from './trainingResults';
export * from './review';

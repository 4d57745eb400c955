export { computeStatutoryClocks, endOfDayIn, StatutoryClockInputSchema } from './statutoryClocks';
export type { ClockExplanation, ExplanationStep, StatutoryClock, StatutoryClockInput } from './statutoryClocks';
export { countPeriod } from './periods';
export type { PeriodResult, SkippedDay, SkipReason } from './periods';
export { describeSkipped, stepTextEn, stepTextZh } from './explanationStep';
export type { StepDetail, StepKind } from './explanationStep';
export { clockInputForCase } from './caseClockInput';

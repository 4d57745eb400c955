export { computeStatutoryClocks, endOfDayIn, StatutoryClockInputSchema } from './statutoryClocks';
export type { ClockExplanation, ExplanationStep, StatutoryClock, StatutoryClockInput } from './statutoryClocks';
export { countPeriod, describeSkipped } from './periods';
export type { PeriodResult, SkippedDay } from './periods';

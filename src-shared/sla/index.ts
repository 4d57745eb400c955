export { BusinessCalendarSchema, marketCalendar, planDay, combinedTimeline, OpenTimeline } from './calendar';
export type { BusinessCalendar, BusinessCalendarInput, CalendarChoice, DayPlan, SlaCalendars } from './calendar';
export { addBusinessDuration, businessDurationBetween, explainBusinessSpan, toMillis } from './businessTime';
export type { BusinessExplanation, ClosedDay, CountedWindow, InstantInput, MakeUpDay } from './businessTime';
export { parseWeeklyHours } from './hoursSpec';
export { SLA_TARGET_KINDS, SlaPolicySchema, SlaTargetSchema, SlaTargetKindSchema, selectSlaPolicy } from './policy';
export type { PolicyContext, SlaPolicy, SlaPolicyInput, SlaTarget, SlaTargetKind } from './policy';
export { DEFAULT_SLA_POLICIES } from './defaultPolicies';
export { caseSlaDueAt, caseSlaSetup, teamCalendar } from './caseSlaDue';
export type { CaseSlaSetup } from './caseSlaDue';
export { heldSlaTimeline, slaTimelineFromCase } from './timelineFromCase';
export type { CaseHistory, HeldCaseHistory } from './timelineFromCase';
export { evaluateSla, nextSlaDueAt, resolveServerNow, SLA_STATES, SlaTimelineSchema } from './evaluate';
export type {
  EvaluateOptions,
  ServerNow,
  SlaEvaluation,
  SlaExplanation,
  SlaState,
  SlaStateEvent,
  SlaTargetResult,
  SlaTimeline,
  SlaTimelineInput,
} from './evaluate';

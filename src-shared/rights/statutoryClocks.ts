import { DateTime } from 'luxon';
import { z } from 'zod';
import { CaseTypeSchema, type CaseType } from '../domain/caseType';
import { ItemCategorySchema, type ItemCategory } from '../domain/case';
import { MarketCodeSchema, RegionCodeSchema } from '../domain/market';
import {
  addMonths,
  getMarketPack,
  marketZone,
  type ClockKind,
  type ClockStart,
  type Exclusion,
  type LegalFact,
  type LocalizedText,
  type PeriodRule,
  type Source,
  type StatutoryClockRule,
} from '../markets/index';
import { stepTextEn, stepTextZh, type StepDetail } from './explanationStep';
import { countPeriod, type SkippedDay } from './periods';

/** A date in the market (YYYY-MM-DD) or an ISO instant with offset (converted to the market's date). */
const DateOrInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const StatutoryClockInputSchema = z.object({
  market: MarketCodeSchema,
  region: RegionCodeSchema.optional(),
  caseType: CaseTypeSchema.optional(),
  purchasedAt: DateOrInstantSchema.optional(),
  deliveredAt: DateOrInstantSchema.optional(),
  returnReceivedAt: DateOrInstantSchema.optional(),
  /** When the customer told the seller they withdraw (EU refund clocks count from it). */
  withdrawalNotifiedAt: DateOrInstantSchema.optional(),
  /** When a privacy request or complaint reached the seller. */
  receivedAt: DateOrInstantSchema.optional(),
  /** When the goods reached the seller for repair (starts a statutory repair period). */
  repairReceivedAt: DateOrInstantSchema.optional(),
  /** When the last repair under the guarantee was done (lengthens the guarantee where the law says so). */
  repairedAt: DateOrInstantSchema.optional(),
  itemCategories: z.array(ItemCategorySchema).default([]),
});
export type StatutoryClockInput = z.input<typeof StatutoryClockInputSchema>;

export interface ExplanationStep {
  step: 'start' | 'count' | 'skip' | 'adjust' | 'end' | 'note';
  date?: string;
  /** What the step says, as data: the UI renders it in the agent's language. */
  detail: StepDetail;
  /** English text (kept for callers that show one language, and the CLI). */
  text: string;
  /** The same step in the pack's languages (en, zh-CN). */
  texts: LocalizedText;
}

export interface ClockExplanation {
  steps: ExplanationStep[];
  summary: string;
  summaries: LocalizedText;
}

export interface StatutoryClock {
  kind: ClockKind;
  /** Last day of the period in the market's zone, or null when the clock does not run. */
  dueDate: string | null;
  /** End of that day in the market's zone (ISO instant with offset). */
  dueAt: string | null;
  zone: string;
  rule: LocalizedText;
  source: Source;
  verified: boolean;
  counting?: LegalFact;
  condition?: LocalizedText;
  exclusions: Exclusion[];
  explanation: ClockExplanation;
  excluded?: string;
  /** The reason in the agents' UI languages. */
  excludedTexts?: LocalizedText;
  /** Why the clock does not run, as data (set exactly when dueDate is null). */
  notRunning?: StepDetail;
}

const DEFAULT_CASE_TYPES: Record<ClockKind, readonly CaseType[]> = {
  withdrawal_ends: ['return_refund', 'exchange', 'complaint', 'inquiry'],
  refund_due: ['return_refund', 'exchange', 'complaint', 'inquiry'],
  guarantee_ends: ['repair_warranty', 'return_refund', 'exchange', 'complaint', 'inquiry'],
  defect_presumption_ends: ['repair_warranty', 'return_refund', 'exchange', 'complaint'],
  short_term_reject_ends: ['repair_warranty', 'return_refund', 'exchange', 'complaint'],
  defect_claim_ends: ['repair_warranty', 'return_refund', 'exchange', 'complaint'],
  privacy_ack_due: ['privacy_request'],
  privacy_response_due: ['privacy_request'],
  complaint_ack_due: ['complaint'],
  complaint_redress_due: ['complaint'],
  repair_due: ['repair_warranty'],
};

const COARSE_STEP: Record<StepDetail['kind'], ExplanationStep['step']> = {
  start: 'start',
  start_at: 'start',
  category_period: 'note',
  count_days: 'count',
  count_hours: 'count',
  skip: 'skip',
  adjust: 'adjust',
  no_end_adjust: 'note',
  end: 'end',
  end_at: 'end',
  needs_date: 'note',
  extended_by_repair: 'adjust',
  excluded: 'note',
  not_applicable: 'note',
};

function step(detail: StepDetail, date?: string): ExplanationStep {
  const en = stepTextEn(detail);
  return {
    step: COARSE_STEP[detail.kind],
    ...(date ? { date } : {}),
    detail,
    text: en,
    texts: { en, 'zh-CN': stepTextZh(detail) },
  };
}

function explanationOf(steps: ExplanationStep[]): ClockExplanation {
  const summary = steps.map((item) => item.text).join(' ');
  return { steps, summary, summaries: { en: summary, 'zh-CN': steps.map((item) => item.texts['zh-CN']).join('') } };
}

type ParsedInput = z.output<typeof StatutoryClockInputSchema>;

function startValue(input: ParsedInput, start: ClockStart): string | undefined {
  switch (start) {
    case 'delivery':
      return input.deliveredAt;
    case 'purchase':
      return input.purchasedAt;
    case 'return_received':
      return input.returnReceivedAt;
    case 'withdrawal_notice':
      return input.withdrawalNotifiedAt ?? input.returnReceivedAt;
    case 'privacy_received':
    case 'complaint_received':
      return input.receivedAt;
    case 'repair_received':
      return input.repairReceivedAt;
  }
}

function toMarketDate(value: string, zone: string): string {
  if (value.length === 10) return value;
  const local = DateTime.fromISO(value, { setZone: true }).setZone(zone);
  if (!local.isValid) throw new Error(`Not an ISO instant: "${value}"`);
  return local.toISODate() ?? value;
}

export function endOfDayIn(date: string, zone: string): string {
  const end = DateTime.fromISO(date, { zone }).endOf('day');
  if (!end.isValid) throw new Error(`Cannot place ${date} in zone ${zone}`);
  return end.toISO() ?? '';
}

function rulesFor(
  market: ParsedInput['market'],
  region: string | undefined,
): { clocks: StatutoryClockRule[]; absent: Array<{ kind: ClockKind; fact: LegalFact }> } {
  const pack = getMarketPack(market);
  // A region without its own rules (a US state other than California) gets the market's clocks and its holidays.
  const regional = region ? pack.regions[region] : undefined;
  const replaced = new Set((regional?.clocks ?? []).map((clock) => clock.kind));
  return {
    clocks: [...pack.rights.clocks.filter((clock) => !replaced.has(clock.kind)), ...(regional?.clocks ?? [])],
    absent: pack.rights.absentClocks.filter((clock) => !replaced.has(clock.kind)),
  };
}

function periodFor(
  rule: StatutoryClockRule,
  categories: readonly ItemCategory[],
): { period: PeriodRule; note?: StepDetail } {
  if (!rule.byCategory || categories.length === 0) return { period: rule.period };
  const matches = rule.byCategory.filter((group) => group.categories.some((category) => categories.includes(category)));
  if (matches.length === 0) return { period: rule.period };
  const longest = matches.reduce((best, group) =>
    periodLengthDays(group.period) > periodLengthDays(best.period) ? group : best,
  );
  return {
    period: longest.period,
    note: {
      kind: 'category_period',
      categories: longest.categories.filter((c) => categories.includes(c)),
      longestOfSeveral: matches.length > 1,
    },
  };
}

function periodLengthDays(period: PeriodRule): number {
  const perUnit = { calendar_days: 1, business_days: 1.4, months: 30, years: 365, hours: 1 / 24 } as const;
  return period.amount * perUnit[period.unit];
}

function baseClock(
  rule: { kind: ClockKind; fact: LegalFact },
  zone: string,
): Omit<StatutoryClock, 'dueDate' | 'dueAt' | 'explanation'> {
  return {
    kind: rule.kind,
    zone,
    rule: rule.fact.summary,
    source: rule.fact.source,
    verified: rule.fact.verified,
    exclusions: [],
  };
}

function notRunning(
  rule: { kind: ClockKind; fact: LegalFact },
  zone: string,
  reason: StepDetail,
  extra: Partial<StatutoryClock> = {},
): StatutoryClock {
  const only = step(reason);
  return {
    ...baseClock(rule, zone),
    ...extra,
    dueDate: null,
    dueAt: null,
    explanation: explanationOf([only]),
    excluded: only.text,
    excludedTexts: only.texts,
    notRunning: reason,
  };
}

/** A repair done while the period ran lengthens it by the law's months (FR L217-13); a later one does not. */
function extendedByRepair(
  rule: StatutoryClockRule,
  input: ParsedInput,
  zone: string,
  endDate: string,
  steps: ExplanationStep[],
): string {
  if (!rule.extendedAfterRepair || !input.repairedAt) return endDate;
  const repairedOn = toMarketDate(input.repairedAt, zone);
  if (repairedOn > endDate) return endDate;
  const extended = addMonths(endDate, rule.extendedAfterRepair.months);
  steps.push(
    step({ kind: 'extended_by_repair', months: rule.extendedAfterRepair.months, repairedOn, date: extended }, extended),
  );
  return extended;
}

function computeClock(rule: StatutoryClockRule, input: ParsedInput, zone: string): StatutoryClock {
  const matchingExclusions = rule.exclusions.filter((exclusion) =>
    exclusion.categories.some((category) => input.itemCategories.includes(category)),
  );
  const extra: Partial<StatutoryClock> = {
    exclusions: matchingExclusions,
    ...(rule.counting ? { counting: rule.counting } : {}),
    ...(rule.condition ? { condition: rule.condition } : {}),
  };
  const allExcluded =
    input.itemCategories.length > 0 &&
    input.itemCategories.every((category) =>
      rule.exclusions.some((exclusion) => exclusion.when === 'always' && exclusion.categories.includes(category)),
    );
  if (allExcluded) {
    const always = matchingExclusions.filter((e) => e.when === 'always');
    return notRunning(rule, zone, { kind: 'excluded', reasons: always.map((e) => e.summary) }, extra);
  }
  const raw = startValue(input, rule.startsFrom);
  if (!raw) return notRunning(rule, zone, { kind: 'needs_date', start: rule.startsFrom }, extra);

  const { period, note } = periodFor(rule, input.itemCategories);
  const steps: ExplanationStep[] = [];
  const noticeUnknown = rule.startsFrom === 'withdrawal_notice' && !input.withdrawalNotifiedAt;

  if (period.unit === 'hours') {
    const start =
      raw.length === 10 ? DateTime.fromISO(raw, { zone }) : DateTime.fromISO(raw, { setZone: true }).setZone(zone);
    const due = start.plus({ hours: period.amount });
    const dueDate = due.toISODate() ?? '';
    steps.push(
      step(
        { kind: 'start_at', start: rule.startsFrom, at: start.toISO() ?? '', zone, dateOnly: raw.length === 10 },
        start.toISODate() ?? '',
      ),
    );
    steps.push(step({ kind: 'count_hours', amount: period.amount }));
    steps.push(step({ kind: 'end_at', at: due.toISO() ?? '', zone }, dueDate));
    return { ...baseClock(rule, zone), ...extra, dueDate, dueAt: due.toISO() ?? '', explanation: explanationOf(steps) };
  }

  const startDate = toMarketDate(raw, zone);
  const result = countPeriod(input.market, input.region, startDate, period);
  steps.push(step({ kind: 'start', start: rule.startsFrom, date: startDate, zone, noticeUnknown }, startDate));
  if (note) steps.push(step(note));
  steps.push(
    step(
      {
        kind: 'count_days',
        amount: period.amount,
        unit: period.unit,
        from: period.startOffset,
        firstDay: result.firstCountedDay,
        lastDay: result.rawEndDate,
      },
      result.firstCountedDay,
    ),
  );
  for (const skipped of result.skippedWhileCounting) steps.push(step({ kind: 'skip', day: skipped }, skipped.date));
  for (const skipped of result.skippedAtEnd) steps.push(step({ kind: 'adjust', day: skipped }, skipped.date));
  if (period.endAdjust === 'none' && period.unit !== 'business_days') steps.push(step({ kind: 'no_end_adjust' }));
  steps.push(step({ kind: 'end', date: result.endDate, zone }, result.endDate));
  const endDate = extendedByRepair(rule, input, zone, result.endDate, steps);
  return {
    ...baseClock(rule, zone),
    ...extra,
    dueDate: endDate,
    dueAt: endOfDayIn(endDate, zone),
    explanation: explanationOf(steps),
  };
}

/**
 * The customer's statutory clocks for a situation, each with the rule, its source and how the date was
 * counted. Pure and host-zone independent: dates are counted in the market's reference zone.
 */
export function computeStatutoryClocks(rawInput: StatutoryClockInput): StatutoryClock[] {
  const input = StatutoryClockInputSchema.parse(rawInput);
  const zone = marketZone(input.market, input.region);
  const { clocks, absent } = rulesFor(input.market, input.region);
  const relevant = (kind: ClockKind, caseTypes: readonly CaseType[] | undefined): boolean =>
    !input.caseType || (caseTypes ?? DEFAULT_CASE_TYPES[kind]).includes(input.caseType);
  return [
    ...clocks.filter((rule) => relevant(rule.kind, rule.caseTypes)).map((rule) => computeClock(rule, input, zone)),
    ...absent
      .filter((rule) => relevant(rule.kind, undefined))
      .map((rule) => notRunning(rule, zone, { kind: 'not_applicable', reason: rule.fact.summary })),
  ];
}

export type { SkippedDay, StepDetail };

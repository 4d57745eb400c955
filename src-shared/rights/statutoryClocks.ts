import { DateTime } from 'luxon';
import { z } from 'zod';
import { CaseTypeSchema, type CaseType } from '../domain/caseType';
import { ItemCategorySchema, type ItemCategory } from '../domain/case';
import { MarketCodeSchema, RegionCodeSchema } from '../domain/market';
import {
  getMarketPack, marketZone, weekdayName,
  type ClockKind, type ClockStart, type Exclusion, type LegalFact, type LocalizedText, type PeriodRule, type Source,
  type StatutoryClockRule,
} from '../markets/index';
import { countPeriod, describeSkipped, type SkippedDay } from './periods';

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
  itemCategories: z.array(ItemCategorySchema).default([]),
});
export type StatutoryClockInput = z.input<typeof StatutoryClockInputSchema>;

export interface ExplanationStep {
  step: 'start' | 'count' | 'skip' | 'adjust' | 'end' | 'note';
  date?: string;
  text: string;
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
  explanation: { steps: ExplanationStep[]; summary: string };
  excluded?: string;
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
};

const START_LABELS: Record<ClockStart, string> = {
  delivery: 'delivery of the goods',
  purchase: 'purchase',
  return_received: 'receipt of the returned goods',
  withdrawal_notice: 'the withdrawal notice',
  privacy_received: 'receipt of the privacy request',
  complaint_received: 'receipt of the complaint',
};

const UNIT_LABELS: Record<PeriodRule['unit'], string> = {
  calendar_days: 'calendar day(s)', business_days: 'working day(s)', months: 'month(s)', years: 'year(s)', hours: 'hour(s)',
};

type ParsedInput = z.output<typeof StatutoryClockInputSchema>;

function startValue(input: ParsedInput, start: ClockStart): string | undefined {
  switch (start) {
    case 'delivery': return input.deliveredAt;
    case 'purchase': return input.purchasedAt;
    case 'return_received': return input.returnReceivedAt;
    case 'withdrawal_notice': return input.withdrawalNotifiedAt ?? input.returnReceivedAt;
    case 'privacy_received':
    case 'complaint_received': return input.receivedAt;
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

function rulesFor(market: ParsedInput['market'], region: string | undefined): { clocks: StatutoryClockRule[]; absent: Array<{ kind: ClockKind; fact: LegalFact }> } {
  const pack = getMarketPack(market);
  // A region without its own rules (a US state other than California) gets the market's clocks and its holidays.
  const regional = region ? pack.regions[region] : undefined;
  const replaced = new Set((regional?.clocks ?? []).map((clock) => clock.kind));
  return {
    clocks: [...pack.rights.clocks.filter((clock) => !replaced.has(clock.kind)), ...(regional?.clocks ?? [])],
    absent: pack.rights.absentClocks.filter((clock) => !replaced.has(clock.kind)),
  };
}

function periodFor(rule: StatutoryClockRule, categories: readonly ItemCategory[]): { period: PeriodRule; note?: string } {
  if (!rule.byCategory || categories.length === 0) return { period: rule.period };
  const matches = rule.byCategory.filter((group) => group.categories.some((category) => categories.includes(category)));
  if (matches.length === 0) return { period: rule.period };
  const longest = matches.reduce((best, group) => (periodLengthDays(group.period) > periodLengthDays(best.period) ? group : best));
  return { period: longest.period, note: `Period for item categories ${longest.categories.filter((c) => categories.includes(c)).join(', ')}${matches.length > 1 ? ' (the longest of the order\'s categories)' : ''}.` };
}

function periodLengthDays(period: PeriodRule): number {
  const perUnit = { calendar_days: 1, business_days: 1.4, months: 30, years: 365, hours: 1 / 24 } as const;
  return period.amount * perUnit[period.unit];
}

function baseClock(rule: { kind: ClockKind; fact: LegalFact }, zone: string): Omit<StatutoryClock, 'dueDate' | 'dueAt' | 'explanation'> {
  return { kind: rule.kind, zone, rule: rule.fact.summary, source: rule.fact.source, verified: rule.fact.verified, exclusions: [] };
}

function notRunning(rule: { kind: ClockKind; fact: LegalFact }, zone: string, reason: string, extra: Partial<StatutoryClock> = {}): StatutoryClock {
  return { ...baseClock(rule, zone), ...extra, dueDate: null, dueAt: null, explanation: { steps: [{ step: 'note', text: reason }], summary: reason }, excluded: reason };
}

function computeClock(rule: StatutoryClockRule, input: ParsedInput, zone: string): StatutoryClock {
  const matchingExclusions = rule.exclusions.filter((exclusion) => exclusion.categories.some((category) => input.itemCategories.includes(category)));
  const extra: Partial<StatutoryClock> = {
    exclusions: matchingExclusions,
    ...(rule.counting ? { counting: rule.counting } : {}),
    ...(rule.condition ? { condition: rule.condition } : {}),
  };
  const allExcluded = input.itemCategories.length > 0 && input.itemCategories.every((category) =>
    rule.exclusions.some((exclusion) => exclusion.when === 'always' && exclusion.categories.includes(category)));
  if (allExcluded) {
    const reason = `Excluded for these goods: ${matchingExclusions.filter((e) => e.when === 'always').map((e) => e.summary.en).join(' ')}`;
    return notRunning(rule, zone, reason, extra);
  }
  const raw = startValue(input, rule.startsFrom);
  if (!raw) return notRunning(rule, zone, `Needs the date of ${START_LABELS[rule.startsFrom]}.`, extra);

  const { period, note } = periodFor(rule, input.itemCategories);
  const steps: ExplanationStep[] = [];
  const startLabel = rule.startsFrom === 'withdrawal_notice' && !input.withdrawalNotifiedAt
    ? 'receipt of the returned goods (the withdrawal notice date is unknown; the law counts from the notice, which is usually earlier)'
    : START_LABELS[rule.startsFrom];

  if (period.unit === 'hours') {
    const start = raw.length === 10 ? DateTime.fromISO(raw, { zone }) : DateTime.fromISO(raw, { setZone: true }).setZone(zone);
    const due = start.plus({ hours: period.amount });
    const dueDate = due.toISODate() ?? '';
    steps.push({ step: 'start', date: start.toISODate() ?? '', text: `Starts at ${START_LABELS[rule.startsFrom]}: ${start.toISO()}${raw.length === 10 ? ' (only the date is known; counted from its start)' : ''}.` });
    steps.push({ step: 'count', text: `Adds ${period.amount} ${UNIT_LABELS.hours} around the clock.` });
    steps.push({ step: 'end', date: dueDate, text: `Due at ${due.toISO()} (${zone}).` });
    return { ...baseClock(rule, zone), ...extra, dueDate, dueAt: due.toISO() ?? '', explanation: { steps, summary: steps.map((s) => s.text).join(' ') } };
  }

  const startDate = toMarketDate(raw, zone);
  const result = countPeriod(input.market, input.region, startDate, period);
  steps.push({ step: 'start', date: startDate, text: `Starts at ${startLabel} on ${startDate} (${weekdayName(startDate)}, ${zone}).` });
  if (note) steps.push({ step: 'note', text: note });
  const offsetText = period.startOffset === 'day_after' ? 'the day after' : 'the same day (it counts as day 1)';
  steps.push({ step: 'count', date: result.firstCountedDay, text: `Counts ${period.amount} ${UNIT_LABELS[period.unit]} from ${offsetText}: ${result.firstCountedDay} to ${result.rawEndDate}.` });
  for (const skipped of result.skippedWhileCounting) steps.push({ step: 'skip', date: skipped.date, text: `Not counted: ${describeSkipped(skipped)}.` });
  for (const skipped of result.skippedAtEnd) {
    steps.push({ step: 'adjust', date: skipped.date, text: `Period would end on ${describeSkipped(skipped)}, so it moves to the next day.` });
  }
  if (period.endAdjust === 'none' && period.unit !== 'business_days') steps.push({ step: 'note', text: 'No rule moves this end date off weekends or holidays.' });
  steps.push({ step: 'end', date: result.endDate, text: `Last day: ${result.endDate} (${weekdayName(result.endDate)}), until the end of that day in ${zone}.` });
  return {
    ...baseClock(rule, zone), ...extra,
    dueDate: result.endDate, dueAt: endOfDayIn(result.endDate, zone),
    explanation: { steps, summary: steps.map((s) => s.text).join(' ') },
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
    ...absent.filter((rule) => relevant(rule.kind, undefined)).map((rule) => notRunning(rule, zone, rule.fact.summary.en)),
  ];
}

export type { SkippedDay };

import { DateTime } from 'luxon';
import { z } from 'zod';
import { CaseTypeSchema, type CaseType } from '../domain/caseType';
import { ItemCategorySchema, type ItemCategory } from '../domain/case';
import { MarketCodeSchema, RegionCodeSchema } from '../domain/market';
import {
  getMarketPack, isoWeekday, marketZone, weekdayName,
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
  /** English text (kept for callers that show one language). */
  text: string;
  /** The same step in the agents' UI languages. */
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

const START_LABELS_ZH: Record<ClockStart, string> = {
  delivery: '收货', purchase: '购买', return_received: '收到退货', withdrawal_notice: '收到撤回通知',
  privacy_received: '收到隐私请求', complaint_received: '收到投诉',
};

const UNIT_LABELS_ZH: Record<PeriodRule['unit'], string> = {
  calendar_days: '个自然日', business_days: '个工作日', months: '个月', years: '年', hours: '小时',
};

const WEEKDAYS_ZH = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

function weekdayZh(date: string): string {
  return WEEKDAYS_ZH[isoWeekday(date)] ?? '';
}

function describeSkippedZh(day: SkippedDay): string {
  const when = `${day.date}（${weekdayZh(day.date)}）`;
  if (day.reason === 'holiday') return `${when}：公众假日 ${day.holiday ?? ''}`.trim();
  if (day.reason === 'sunday') return `${when}：星期日`;
  return `${when}：周末`;
}

function step(kind: ExplanationStep['step'], date: string | undefined, en: string, zh: string): ExplanationStep {
  return { step: kind, ...(date ? { date } : {}), text: en, texts: { en, 'zh-CN': zh } };
}

function explanationOf(steps: ExplanationStep[]): ClockExplanation {
  const summary = steps.map((item) => item.text).join(' ');
  return { steps, summary, summaries: { en: summary, 'zh-CN': steps.map((item) => item.texts['zh-CN']).join('') } };
}

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

function periodFor(rule: StatutoryClockRule, categories: readonly ItemCategory[]): { period: PeriodRule; note?: LocalizedText } {
  if (!rule.byCategory || categories.length === 0) return { period: rule.period };
  const matches = rule.byCategory.filter((group) => group.categories.some((category) => categories.includes(category)));
  if (matches.length === 0) return { period: rule.period };
  const longest = matches.reduce((best, group) => (periodLengthDays(group.period) > periodLengthDays(best.period) ? group : best));
  const named = longest.categories.filter((c) => categories.includes(c)).join(', ');
  return {
    period: longest.period,
    note: {
      en: `Period for item categories ${named}${matches.length > 1 ? ' (the longest of the order\'s categories)' : ''}.`,
      'zh-CN': `适用商品类别 ${named} 的期限${matches.length > 1 ? '（取订单中各类别最长者）' : ''}。`,
    },
  };
}

function periodLengthDays(period: PeriodRule): number {
  const perUnit = { calendar_days: 1, business_days: 1.4, months: 30, years: 365, hours: 1 / 24 } as const;
  return period.amount * perUnit[period.unit];
}

function baseClock(rule: { kind: ClockKind; fact: LegalFact }, zone: string): Omit<StatutoryClock, 'dueDate' | 'dueAt' | 'explanation'> {
  return { kind: rule.kind, zone, rule: rule.fact.summary, source: rule.fact.source, verified: rule.fact.verified, exclusions: [] };
}

function notRunning(rule: { kind: ClockKind; fact: LegalFact }, zone: string, reason: LocalizedText, extra: Partial<StatutoryClock> = {}): StatutoryClock {
  return {
    ...baseClock(rule, zone), ...extra, dueDate: null, dueAt: null,
    explanation: explanationOf([step('note', undefined, reason.en, reason['zh-CN'])]), excluded: reason.en, excludedTexts: reason,
  };
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
    const always = matchingExclusions.filter((e) => e.when === 'always');
    return notRunning(rule, zone, {
      en: `Excluded for these goods: ${always.map((e) => e.summary.en).join(' ')}`,
      'zh-CN': `这些商品依法不适用：${always.map((e) => e.summary['zh-CN']).join('')}`,
    }, extra);
  }
  const raw = startValue(input, rule.startsFrom);
  if (!raw) return notRunning(rule, zone, { en: `Needs the date of ${START_LABELS[rule.startsFrom]}.`, 'zh-CN': `需要${START_LABELS_ZH[rule.startsFrom]}的日期。` }, extra);

  const { period, note } = periodFor(rule, input.itemCategories);
  const steps: ExplanationStep[] = [];
  const noticeUnknown = rule.startsFrom === 'withdrawal_notice' && !input.withdrawalNotifiedAt;
  const startLabel = noticeUnknown
    ? 'receipt of the returned goods (the withdrawal notice date is unknown; the law counts from the notice, which is usually earlier)'
    : START_LABELS[rule.startsFrom];
  const startLabelZh = noticeUnknown ? '收到退货（撤回通知日期未知；法律自通知起算，通知通常更早）' : START_LABELS_ZH[rule.startsFrom];

  if (period.unit === 'hours') {
    const start = raw.length === 10 ? DateTime.fromISO(raw, { zone }) : DateTime.fromISO(raw, { setZone: true }).setZone(zone);
    const due = start.plus({ hours: period.amount });
    const dueDate = due.toISODate() ?? '';
    const dateOnly = raw.length === 10;
    steps.push(step('start', start.toISODate() ?? '',
      `Starts at ${START_LABELS[rule.startsFrom]}: ${start.toISO()}${dateOnly ? ' (only the date is known; counted from its start)' : ''}.`,
      `自${START_LABELS_ZH[rule.startsFrom]}起算：${start.toISO()}${dateOnly ? '（仅知日期，自当日零时起算）' : ''}。`));
    steps.push(step('count', undefined, `Adds ${period.amount} ${UNIT_LABELS.hours} around the clock.`, `连续计算${period.amount}小时（不扣除夜间和节假日）。`));
    steps.push(step('end', dueDate, `Due at ${due.toISO()} (${zone}).`, `于${due.toISO()}（${zone}）到期。`));
    return { ...baseClock(rule, zone), ...extra, dueDate, dueAt: due.toISO() ?? '', explanation: explanationOf(steps) };
  }

  const startDate = toMarketDate(raw, zone);
  const result = countPeriod(input.market, input.region, startDate, period);
  steps.push(step('start', startDate, `Starts at ${startLabel} on ${startDate} (${weekdayName(startDate)}, ${zone}).`,
    `自${startLabelZh}之日（${startDate}，${weekdayZh(startDate)}，${zone}）起算。`));
  if (note) steps.push(step('note', undefined, note.en, note['zh-CN']));
  const offsetText = period.startOffset === 'day_after' ? 'the day after' : 'the same day (it counts as day 1)';
  const offsetZh = period.startOffset === 'day_after' ? '次日' : '当日（当日计为第1天）';
  steps.push(step('count', result.firstCountedDay,
    `Counts ${period.amount} ${UNIT_LABELS[period.unit]} from ${offsetText}: ${result.firstCountedDay} to ${result.rawEndDate}.`,
    `从${offsetZh}起计算${period.amount}${UNIT_LABELS_ZH[period.unit]}：${result.firstCountedDay}至${result.rawEndDate}。`));
  for (const skipped of result.skippedWhileCounting) {
    steps.push(step('skip', skipped.date, `Not counted: ${describeSkipped(skipped)}.`, `不计入：${describeSkippedZh(skipped)}。`));
  }
  for (const skipped of result.skippedAtEnd) {
    steps.push(step('adjust', skipped.date, `Period would end on ${describeSkipped(skipped)}, so it moves to the next day.`,
      `期限本应届满于${describeSkippedZh(skipped)}，顺延一日。`));
  }
  if (period.endAdjust === 'none' && period.unit !== 'business_days') {
    steps.push(step('note', undefined, 'No rule moves this end date off weekends or holidays.', '该期限不因周末或节假日顺延。'));
  }
  steps.push(step('end', result.endDate, `Last day: ${result.endDate} (${weekdayName(result.endDate)}), until the end of that day in ${zone}.`,
    `最后一日：${result.endDate}（${weekdayZh(result.endDate)}），至该日${zone}时间24时止。`));
  return {
    ...baseClock(rule, zone), ...extra,
    dueDate: result.endDate, dueAt: endOfDayIn(result.endDate, zone),
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
    ...absent.filter((rule) => relevant(rule.kind, undefined)).map((rule) => notRunning(rule, zone, rule.fact.summary)),
  ];
}

export type { SkippedDay };

import type { ItemCategory } from '../domain/case';
import { isoWeekday, weekdayName, type ClockStart, type LocalizedText, type PeriodRule } from '../markets/index';
import type { SkippedDay } from './periods';

/**
 * One step of "how this date was counted" as data: the UI renders it in the agent's language (units
 * pluralized, dates through Intl), the CLI prints the English and Chinese sentences built here from it.
 */
export type StepDetail =
  /** Counting starts from an event on a date in the market's zone. */
  | { kind: 'start'; start: ClockStart; date: string; zone: string; noticeUnknown: boolean }
  /** Periods in hours start at an instant; only a date known means its first moment. */
  | { kind: 'start_at'; start: ClockStart; at: string; zone: string; dateOnly: boolean }
  | { kind: 'category_period'; categories: ItemCategory[]; longestOfSeveral: boolean }
  | {
      kind: 'count_days';
      amount: number;
      unit: Exclude<PeriodRule['unit'], 'hours'>;
      from: PeriodRule['startOffset'];
      firstDay: string;
      lastDay: string;
    }
  | { kind: 'count_hours'; amount: number }
  /** A day not counted while counting working days. */
  | { kind: 'skip'; day: SkippedDay }
  /** The period would end on this day off, so the end moves past it. */
  | { kind: 'adjust'; day: SkippedDay }
  | { kind: 'no_end_adjust' }
  | { kind: 'end'; date: string; zone: string }
  | { kind: 'end_at'; at: string; zone: string }
  | { kind: 'needs_date'; start: ClockStart }
  /** A repair under the guarantee on repairedOn lengthened the period by some months, to a new last day. */
  | { kind: 'extended_by_repair'; months: number; repairedOn: string; date: string }
  /** The law excludes these goods; reasons as the market pack words them. */
  | { kind: 'excluded'; reasons: LocalizedText[] }
  /** The market has no such clock; the pack says why. */
  | { kind: 'not_applicable'; reason: LocalizedText };

export type StepKind = StepDetail['kind'];

const START_LABELS: Record<ClockStart, string> = {
  delivery: 'delivery of the goods',
  purchase: 'purchase',
  return_received: 'receipt of the returned goods',
  withdrawal_notice: 'the withdrawal notice',
  privacy_received: 'receipt of the privacy request',
  complaint_received: 'receipt of the complaint',
  repair_received: 'receipt of the goods for repair',
};

const START_LABELS_ZH: Record<ClockStart, string> = {
  delivery: '收货',
  purchase: '购买',
  return_received: '收到退货',
  withdrawal_notice: '收到撤回通知',
  privacy_received: '收到隐私请求',
  complaint_received: '收到投诉',
  repair_received: '收到送修商品',
};

const UNIT_LABELS: Record<PeriodRule['unit'], string> = {
  calendar_days: 'calendar day(s)',
  business_days: 'working day(s)',
  months: 'month(s)',
  years: 'year(s)',
  hours: 'hour(s)',
};

const UNIT_LABELS_ZH: Record<PeriodRule['unit'], string> = {
  calendar_days: '个自然日',
  business_days: '个工作日',
  months: '个月',
  years: '年',
  hours: '小时',
};

const WEEKDAYS_ZH = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

function weekdayZh(date: string): string {
  return WEEKDAYS_ZH[isoWeekday(date)] ?? '';
}

export function describeSkipped(day: SkippedDay): string {
  const when = `${day.date} (${weekdayName(day.date)})`;
  if (day.reason === 'holiday') return `${when}: public holiday ${day.holiday ?? ''}`.trim();
  if (day.reason === 'sunday') return `${when}: Sunday`;
  return `${when}: weekend`;
}

function describeSkippedZh(day: SkippedDay): string {
  const when = `${day.date}（${weekdayZh(day.date)}）`;
  if (day.reason === 'holiday') return `${when}：公众假日 ${day.holiday ?? ''}`.trim();
  if (day.reason === 'sunday') return `${when}：星期日`;
  return `${when}：周末`;
}

const NOTICE_UNKNOWN =
  'receipt of the returned goods (the withdrawal notice date is unknown; the law counts from the notice, which is usually earlier)';
const NOTICE_UNKNOWN_ZH = '收到退货（撤回通知日期未知；法律自通知起算，通知通常更早）';

/** The step as the English sentence the CLI prints (and callers that show one language read). */
export function stepTextEn(detail: StepDetail): string {
  switch (detail.kind) {
    case 'start': {
      const label = detail.noticeUnknown ? NOTICE_UNKNOWN : START_LABELS[detail.start];
      return `Starts at ${label} on ${detail.date} (${weekdayName(detail.date)}, ${detail.zone}).`;
    }
    case 'start_at':
      return `Starts at ${START_LABELS[detail.start]}: ${detail.at}${detail.dateOnly ? ' (only the date is known; counted from its start)' : ''}.`;
    case 'category_period':
      return `Period for item categories ${detail.categories.join(', ')}${detail.longestOfSeveral ? " (the longest of the order's categories)" : ''}.`;
    case 'count_days': {
      const from = detail.from === 'day_after' ? 'the day after' : 'the same day (it counts as day 1)';
      return `Counts ${detail.amount} ${UNIT_LABELS[detail.unit]} from ${from}: ${detail.firstDay} to ${detail.lastDay}.`;
    }
    case 'count_hours':
      return `Adds ${detail.amount} ${UNIT_LABELS.hours} around the clock.`;
    case 'skip':
      return `Not counted: ${describeSkipped(detail.day)}.`;
    case 'adjust':
      return `Period would end on ${describeSkipped(detail.day)}, so it moves to the next day.`;
    case 'no_end_adjust':
      return 'No rule moves this end date off weekends or holidays.';
    case 'end':
      return `Last day: ${detail.date} (${weekdayName(detail.date)}), until the end of that day in ${detail.zone}.`;
    case 'end_at':
      return `Due at ${detail.at} (${detail.zone}).`;
    case 'needs_date':
      return `Needs the date of ${START_LABELS[detail.start]}.`;
    case 'extended_by_repair':
      return `Extended by ${detail.months} month(s) for the repair of ${detail.repairedOn}: last day ${detail.date}.`;
    case 'excluded':
      return `Excluded for these goods: ${detail.reasons.map((reason) => reason.en).join(' ')}`;
    case 'not_applicable':
      return detail.reason.en;
  }
}

/** The step in Chinese, for the CLI and callers that show the pack's two languages. */
export function stepTextZh(detail: StepDetail): string {
  switch (detail.kind) {
    case 'start': {
      const label = detail.noticeUnknown ? NOTICE_UNKNOWN_ZH : START_LABELS_ZH[detail.start];
      return `自${label}之日（${detail.date}，${weekdayZh(detail.date)}，${detail.zone}）起算。`;
    }
    case 'start_at':
      return `自${START_LABELS_ZH[detail.start]}起算：${detail.at}${detail.dateOnly ? '（仅知日期，自当日零时起算）' : ''}。`;
    case 'category_period':
      return `适用商品类别 ${detail.categories.join(', ')} 的期限${detail.longestOfSeveral ? '（取订单中各类别最长者）' : ''}。`;
    case 'count_days': {
      const from = detail.from === 'day_after' ? '次日' : '当日（当日计为第1天）';
      return `从${from}起计算${detail.amount}${UNIT_LABELS_ZH[detail.unit]}：${detail.firstDay}至${detail.lastDay}。`;
    }
    case 'count_hours':
      return `连续计算${detail.amount}小时（不扣除夜间和节假日）。`;
    case 'skip':
      return `不计入：${describeSkippedZh(detail.day)}。`;
    case 'adjust':
      return `期限本应届满于${describeSkippedZh(detail.day)}，顺延一日。`;
    case 'no_end_adjust':
      return '该期限不因周末或节假日顺延。';
    case 'end':
      return `最后一日：${detail.date}（${weekdayZh(detail.date)}），至该日${detail.zone}时间24时止。`;
    case 'end_at':
      return `于${detail.at}（${detail.zone}）到期。`;
    case 'needs_date':
      return `需要${START_LABELS_ZH[detail.start]}的日期。`;
    case 'extended_by_repair':
      return `因${detail.repairedOn}的维修延长${detail.months}个月：最后一日${detail.date}。`;
    case 'excluded':
      return `这些商品依法不适用：${detail.reasons.map((reason) => reason['zh-CN']).join('')}`;
    case 'not_applicable':
      return detail.reason['zh-CN'];
  }
}

import { DateTime } from 'luxon';
import type { Case } from '../domain';
import { marketZone } from '../markets';
import { buildReplyContext } from '../replies/buildReplyContext';
import { formatDateOnly, formatMoney } from '../replies/formatters';
import { DEADLINE_NAMES, type ReplyContext } from '../replies/replyContext';
import { computeStatutoryClocks, type StatutoryClock } from '../rights';
import { BusinessCalendarSchema, marketCalendar, parseWeeklyHours, type BusinessCalendar } from '../sla';
import type { Scenario } from './schema';

/** Everything a scenario derives from its clock, market pack and order; computed once per scenario. */
export interface ScenarioContext {
  zone: string;
  startMs: number;
  calendar: BusinessCalendar;
  /** The rights calculator's clocks for this case on the scenario's clock. */
  clocks: StatutoryClock[];
  /** The same facts the composer's pre-send checks see for a live case. */
  replyContext: ReplyContext;
  /** Placeholder values ({order.id}, {rights.withdrawalEnds}, {policy.x}) in the scenario's locale. */
  values: ReadonlyMap<string, string>;
  /** Amounts (CUR:minor) and dates (YYYY-MM-DD) a reply may state. */
  knownAmounts: ReadonlySet<string>;
  knownDates: ReadonlySet<string>;
}

/** Synthetic ids of the all-zero namespace: a training case can never carry a live case's id. */
const TRAINING_ID = '00000000-0000-4000-8000-000000000000';
const TRAINING_REF = 'CD-0000';

function daysBefore(start: DateTime, days: number | undefined): string | undefined {
  return days === undefined ? undefined : (start.minus({ days }).toISO({ suppressMilliseconds: true }) ?? undefined);
}

/** The case a scenario stands for, built like a live one so the rights calculator and checks apply unchanged. */
export function trainingCase(scenario: Scenario, zone: string): Case {
  const start = DateTime.fromISO(scenario.clock.start, { setZone: true }).setZone(zone);
  const startIso = start.toISO({ suppressMilliseconds: true }) ?? scenario.clock.start;
  const { order } = scenario;
  return {
    id: TRAINING_ID,
    ref: TRAINING_REF,
    type: scenario.caseType,
    status: 'open',
    priority: 'normal',
    channel: scenario.channel,
    subject: scenario.title.en,
    locale: scenario.locale,
    customer: {
      id: TRAINING_ID,
      name: scenario.persona.name,
      locale: scenario.locale,
      market: scenario.market,
      ...(scenario.region ? { region: scenario.region } : {}),
      timeZone: zone,
      contacts: [],
    },
    ...(order
      ? {
          order: {
            platform: 'training',
            orderId: order.id,
            items: [{ sku: 'TRN-1', title: order.item, category: order.category, quantity: 1, unitPrice: order.total }],
            total: order.total,
            purchasedAt: daysBefore(start, order.purchasedDaysAgo) ?? startIso,
            ...(order.deliveredDaysAgo === undefined
              ? {}
              : { deliveredAt: daysBefore(start, order.deliveredDaysAgo) ?? startIso }),
            ...(order.returnReceivedDaysAgo === undefined
              ? {}
              : { returnReceivedAt: start.minus({ days: order.returnReceivedDaysAgo }).toISODate() ?? undefined }),
          },
        }
      : {}),
    teamId: TRAINING_ID,
    assigneeId: null,
    tags: ['training'],
    createdAt: startIso,
    updatedAt: startIso,
    statusChangedAt: startIso,
    firstRepliedAt: null,
    lastCustomerMessageAt: startIso,
    slaDueAt: null,
    mergedIntoId: null,
    version: 1,
    assigneeVersion: 1,
  };
}

function scenarioCalendar(scenario: Scenario, zone: string): BusinessCalendar {
  if (scenario.clock.businessHours === 'market')
    return { ...marketCalendar(scenario.market, scenario.region), timeZone: zone };
  return BusinessCalendarSchema.parse({
    id: `scenario:${scenario.id}`,
    timeZone: zone,
    weeklyHours: parseWeeklyHours(scenario.clock.businessHours),
    holidayMarket: scenario.market,
    ...(scenario.region ? { holidayRegion: scenario.region } : {}),
  });
}

/** Throws (with the reason) when the clock, hours or order cannot be read; the checker reports it. */
export function buildScenarioContext(scenario: Scenario): ScenarioContext {
  const zone = scenario.clock.timeZone ?? marketZone(scenario.market, scenario.region);
  const caseRecord = trainingCase(scenario, zone);
  const { order } = caseRecord;
  const clocks = computeStatutoryClocks({
    market: scenario.market,
    ...(scenario.region ? { region: scenario.region } : {}),
    caseType: scenario.caseType,
    ...(order
      ? {
          purchasedAt: order.purchasedAt,
          ...(order.deliveredAt ? { deliveredAt: order.deliveredAt } : {}),
          ...(order.returnReceivedAt ? { returnReceivedAt: order.returnReceivedAt } : {}),
          itemCategories: order.items.map((item) => item.category),
        }
      : {}),
    receivedAt: caseRecord.createdAt,
  });
  const replyContext = buildReplyContext(caseRecord, { agentName: 'Trainee', brand: 'Crossdesk Shop', clocks });
  const locale = scenario.locale;
  const values = new Map<string, string>();
  const knownAmounts = new Set<string>();
  const knownDates = new Set<string>([caseRecord.createdAt.slice(0, 10)]);
  values.set('customer.given', scenario.persona.name.given);
  values.set('customer.family', scenario.persona.name.family);
  if (scenario.order && order) {
    values.set('order.id', scenario.order.id);
    values.set('order.item', scenario.order.item);
    values.set('order.total', formatMoney(scenario.order.total, locale));
    knownAmounts.add(`${scenario.order.total.currency}:${scenario.order.total.amountMinor}`);
    for (const [name, instant] of [
      ['order.purchased', order.purchasedAt],
      ['order.delivered', order.deliveredAt],
    ] as const) {
      if (!instant) continue;
      const date = DateTime.fromISO(instant, { setZone: true }).setZone(zone).toISODate() ?? '';
      values.set(name, formatDateOnly(date, locale));
      knownDates.add(date);
    }
  }
  for (const [name, money] of Object.entries(scenario.amounts)) {
    values.set(`amounts.${name}`, formatMoney(money, locale));
    knownAmounts.add(`${money.currency}:${money.amountMinor}`);
  }
  for (const name of DEADLINE_NAMES) {
    const deadline = replyContext.deadlines[name];
    if (deadline?.dueDate) {
      values.set(`rights.${name}`, formatDateOnly(deadline.dueDate, locale));
      knownDates.add(deadline.dueDate);
    }
    if (deadline?.periodDays !== undefined) values.set(`rights.${name}.days`, String(deadline.periodDays));
  }
  for (const [name, value] of Object.entries(scenario.policy)) values.set(`policy.${name}`, String(value));
  return {
    zone,
    startMs: DateTime.fromISO(scenario.clock.start).toMillis(),
    calendar: scenarioCalendar(scenario, zone),
    clocks,
    replyContext,
    values,
    knownAmounts,
    knownDates,
  };
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9]*)*)\}/gu;

/** Names in {braces} a text uses (regex quantifiers such as {2,4} start with a digit and are left alone). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Fills {name} placeholders; unknown names stay as written (the checker reports them). */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
}

import type { Case, Money } from '../domain';
import { findMarketPack, type MarketPack, type PeriodRule } from '../markets';
import { clockInputForCase, computeStatutoryClocks, type StatutoryClock } from '../rights';
import { workflowFacts } from '../workflow';
import type { AttachmentKind } from './schema';
import { ReplyContextSchema, type Deadline, type DeadlineName, type Register, type ReplyContext } from './replyContext';

export interface ReplyContextOptions {
  agentName: string;
  brand: string;
  /** Clocks computed elsewhere (core caches them); computed from the case when omitted. */
  clocks?: readonly StatutoryClock[];
  /** Overrides the market pack's register (a brand that deliberately writes "du"). */
  register?: Register;
  refundAmount?: Money;
  priceDifference?: Money;
  trackingNumber?: string;
  expectedAt?: string;
  promisedDays?: number;
  /**
   * When the customer told us they withdraw from the purchase: the start of the statutory refund period
   * in most markets. Defaults to the recorded withdrawal step, else to the case's creation for return cases,
   * whose opening message is that notice.
   */
  withdrawalNotifiedAt?: string;
  /** Files this desk can attach (a return label from a carrier integration). */
  attachments?: readonly AttachmentKind[];
}

const DEADLINE_BY_CLOCK: Partial<Record<StatutoryClock['kind'], DeadlineName>> = {
  withdrawal_ends: 'withdrawalEnds',
  refund_due: 'refundDue',
  guarantee_ends: 'guaranteeEnds',
  privacy_response_due: 'privacyResponseDue',
};

/**
 * Fills a reply context from a domain case and the rights calculator's clocks. Without a market pack
 * the register falls back to formal (the safe side: a formal reply to a casual market reads stiff, an
 * informal one to a formal market reads rude) and no legal deadline is quoted.
 */
export function buildReplyContext(caseRecord: Case, options: ReplyContextOptions): ReplyContext {
  const { customer, order } = caseRecord;
  const pack = findMarketPack(customer.market);
  const facts = workflowFacts(caseRecord);
  // The replies quote every deadline the market has, whatever the case type says (the calculator's filter is the panel's).
  const { caseType: _panelOnly, ...recorded } = clockInputForCase(caseRecord);
  // Before anything is recorded, a return case's opening message is taken as the withdrawal notice.
  const withdrawalNotifiedAt =
    options.withdrawalNotifiedAt ??
    recorded.withdrawalNotifiedAt ??
    (caseRecord.type === 'return_refund' ? caseRecord.createdAt : undefined);
  const clocks =
    options.clocks ??
    (pack ? computeStatutoryClocks({ ...recorded, ...(withdrawalNotifiedAt ? { withdrawalNotifiedAt } : {}) }) : []);

  const deadlines: Partial<Record<DeadlineName, Deadline>> = {};
  for (const clock of clocks) {
    const name = DEADLINE_BY_CLOCK[clock.kind];
    if (!name || clock.excluded) continue;
    const period = pack
      ? statutoryDays(pack, clock.kind, customer.region, order?.items.map((item) => item.category) ?? [])
      : undefined;
    if (!clock.dueDate && period === undefined) continue;
    deadlines[name] = {
      ...(clock.dueDate ? { dueDate: clock.dueDate } : {}),
      ...(period === undefined ? {} : { periodDays: period.days, ...(period.business ? { businessDays: true } : {}) }),
      rule: clock.rule.en,
      source: clock.source.label,
      verified: clock.verified,
      ...(clock.condition ? { conditional: true } : {}),
    };
  }

  return ReplyContextSchema.parse({
    market: customer.market,
    register: options.register ?? pack?.culture.register ?? 'formal',
    customer: { name: customer.name, timeZone: customer.timeZone },
    honorifics: pack?.culture.honorifics ?? [],
    agentName: options.agentName,
    brand: options.brand,
    caseRef: caseRecord.ref,
    ...(order
      ? {
          orderId: order.orderId,
          orderTotal: order.total,
          refundAmount: options.refundAmount ?? facts.refunded ?? order.total,
          itemTitle: order.items[0]?.title,
          itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
          purchasedAt: order.purchasedAt,
          ...(order.deliveredAt ? { deliveredAt: order.deliveredAt } : {}),
        }
      : {}),
    ...(options.priceDifference ? { priceDifference: options.priceDifference } : {}),
    ...(options.trackingNumber || facts.trackingNumber
      ? { trackingNumber: options.trackingNumber ?? facts.trackingNumber }
      : {}),
    ...(options.expectedAt ? { expectedAt: options.expectedAt } : {}),
    ...(options.promisedDays ? { promisedDays: options.promisedDays } : {}),
    ...(options.attachments?.length ? { attachments: [...options.attachments] } : {}),
    deadlines,
  });
}

/** The legal period in days when the law counts days; months and years are quoted as dates only. */
function statutoryDays(
  pack: MarketPack,
  kind: StatutoryClock['kind'],
  region: string | undefined,
  categories: readonly string[],
): { days: number; business: boolean } | undefined {
  const rule =
    (region ? pack.regions[region]?.clocks.find((c) => c.kind === kind) : undefined) ??
    pack.rights.clocks.find((c) => c.kind === kind);
  if (!rule) return undefined;
  // Same choice as the rights calculator: the longest period among the order's categories, else the rule's.
  const matching: PeriodRule[] = (rule.byCategory ?? [])
    .filter((group) => group.categories.some((category) => categories.includes(category)))
    .map((group) => group.period);
  const periods = matching.length > 0 ? matching : [rule.period];
  if (periods.some((period) => period.unit !== 'calendar_days' && period.unit !== 'business_days')) return undefined;
  const longest = periods.reduce((best, period) => (period.amount > best.amount ? period : best));
  return { days: longest.amount, business: longest.unit === 'business_days' };
}

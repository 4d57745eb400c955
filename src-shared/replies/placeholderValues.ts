import type { Money } from '../domain';
import { formatDateOnly, formatInstantDate, formatMoney } from './formatters';
import type { ReplyContext } from './replyContext';

/** How each placeholder a reply may use gets its value; a placeholder not listed here is a library error. */
export type PlaceholderKind = 'identifier' | 'money' | 'date' | 'deadline' | 'count' | 'text' | 'greeting' | 'choice';

interface PlaceholderSpec {
  kind: PlaceholderKind;
  /** Facts must appear in every language of a reply, and the pre-send check compares them. */
  fact: boolean;
  value: (context: ReplyContext, formatLocale: string) => string | number | undefined;
}

const money =
  (pick: (context: ReplyContext) => Money | undefined): PlaceholderSpec['value'] =>
  (context, locale) => {
    const amount = pick(context);
    return amount ? formatMoney(amount, locale) : undefined;
  };

const instant =
  (pick: (context: ReplyContext) => string | undefined): PlaceholderSpec['value'] =>
  (context, locale) => {
    const at = pick(context);
    return at ? formatInstantDate(at, locale, context.customer.timeZone) : undefined;
  };

const deadline =
  (name: keyof ReplyContext['deadlines']): PlaceholderSpec['value'] =>
  (context, locale) => {
    const due = context.deadlines[name];
    return due?.dueDate ? formatDateOnly(due.dueDate, locale) : undefined;
  };

export const PLACEHOLDERS: Readonly<Record<string, PlaceholderSpec>> = {
  caseRef: { kind: 'identifier', fact: true, value: (c) => c.caseRef },
  orderId: { kind: 'identifier', fact: true, value: (c) => c.orderId },
  trackingNumber: { kind: 'identifier', fact: true, value: (c) => c.trackingNumber },
  orderTotal: { kind: 'money', fact: true, value: money((c) => c.orderTotal) },
  refundAmount: { kind: 'money', fact: true, value: money((c) => c.refundAmount) },
  priceDifference: { kind: 'money', fact: true, value: money((c) => c.priceDifference) },
  purchaseDate: { kind: 'date', fact: true, value: instant((c) => c.purchasedAt) },
  deliveryDate: { kind: 'date', fact: true, value: instant((c) => c.deliveredAt) },
  expectedDate: { kind: 'date', fact: true, value: instant((c) => c.expectedAt) },
  withdrawalEnds: { kind: 'deadline', fact: true, value: deadline('withdrawalEnds') },
  refundDue: { kind: 'deadline', fact: true, value: deadline('refundDue') },
  guaranteeEnds: { kind: 'deadline', fact: true, value: deadline('guaranteeEnds') },
  privacyResponseDue: { kind: 'deadline', fact: true, value: deadline('privacyResponseDue') },
  withdrawalDays: { kind: 'count', fact: true, value: (c) => c.deadlines.withdrawalEnds?.periodDays },
  refundDays: { kind: 'count', fact: true, value: (c) => c.deadlines.refundDue?.periodDays },
  itemCount: { kind: 'count', fact: true, value: (c) => c.itemCount },
  promisedDays: { kind: 'count', fact: true, value: (c) => c.promisedDays },
  itemTitle: { kind: 'text', fact: false, value: (c) => c.itemTitle },
  agentName: { kind: 'text', fact: false, value: (c) => c.agentName },
  brand: { kind: 'text', fact: false, value: (c) => c.brand },
  customerName: { kind: 'greeting', fact: false, value: () => undefined },
  refundDayKind: {
    kind: 'choice',
    fact: false,
    value: (c) => (c.deadlines.refundDue?.businessDays ? 'business' : 'calendar'),
  },
  gender: {
    kind: 'choice',
    fact: false,
    value: (c) => (c.customer.name.gender === 'unknown' ? 'other' : c.customer.name.gender),
  },
};

export function isKnownPlaceholder(name: string): boolean {
  return Object.hasOwn(PLACEHOLDERS, name);
}

import type { Case, CaseEvent, Customer, Message, Note, Order } from '../domain/case';
import { CASE_TYPES, type CaseType, type Channel, type Priority } from '../domain/caseType';
import type { CaseStatus } from '../domain/caseStatus';
import { MARKET_CODES, type MarketCode } from '../domain/market';
import { minorDigits } from '../domain/money';
import type { User } from '../domain/user';
import { CATEGORIES_BY_TYPE, DEMO_CATALOG } from './demoCatalog';
import type { DemoDirectory } from './demoDirectory';
import { demoMarket, type DemoMarket } from './demoMarkets';
import { fillTemplate } from './demoTexts';
import { demoSlaDueAt } from './demoSla';
import { createRng, type Rng } from './prng';
import { textsFor } from './texts';

export interface DemoCase {
  case: Case;
  messages: Message[];
  notes: Note[];
  events: CaseEvent[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long ago a case in each status was opened, in days: new work is recent, closed work is old. */
const AGE_DAYS: Readonly<Record<CaseStatus, readonly [number, number]>> = {
  new: [0, 0.75],
  open: [0.1, 4],
  pending_customer: [1, 6],
  on_hold: [1, 10],
  solved: [2, 25],
  closed: [8, 60],
};
const STATUS_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ['new', 15],
  ['open', 30],
  ['pending_customer', 15],
  ['on_hold', 5],
  ['solved', 25],
  ['closed', 10],
];
const TYPE_WEIGHTS: readonly (readonly [CaseType, number])[] = [
  ['return_refund', 30],
  ['exchange', 12],
  ['repair_warranty', 10],
  ['complaint', 12],
  ['price_protection', 6],
  ['privacy_request', 4],
  ['payment_issue', 8],
  ['inquiry', 18],
];
/** Where demo customers live: the big cross-border markets get more cases. */
const MARKET_WEIGHTS: ReadonlyMap<MarketCode, number> = new Map<MarketCode, number>([
  ['US', 14],
  ['DE', 9],
  ['GB', 8],
  ['FR', 7],
  ['JP', 7],
  ['CN', 6],
  ['KR', 5],
  ['ES', 5],
  ['IT', 5],
  ['BR', 5],
  ['MX', 4],
  ['AU', 4],
  ['CA', 4],
  ['NL', 3],
  ['PL', 3],
  ['SA', 3],
  ['AE', 3],
  ['RU', 3],
  ['IN', 4],
  ['ID', 3],
  ['TH', 3],
  ['VN', 3],
  ['SG', 2],
]);
const MARKETS_WEIGHTED = MARKET_CODES.map((code) => [code, MARKET_WEIGHTS.get(code) ?? 1] as const);

const TAGS_BY_TYPE: Readonly<Record<CaseType, readonly string[]>> = {
  return_refund: ['damaged_in_transit', 'not_as_described', 'no_reason_return', 'return_label_sent'],
  exchange: ['wrong_size', 'wrong_colour', 'exchange_shipped'],
  repair_warranty: ['warranty', 'defective', 'spare_part_ordered'],
  complaint: ['late_delivery', 'escalated', 'compensation_offered'],
  price_protection: ['price_match', 'promotion'],
  privacy_request: ['data_access', 'data_deletion', 'marketing_opt_out'],
  payment_issue: ['double_charge', 'chargeback_risk', 'payment_failed'],
  inquiry: ['shipping_status', 'pre_sale', 'address_change'],
};

const NOTES = [
  'Customer already contacted us by phone, same issue. Keep the tone calm.',
  'Checked with the warehouse: parcel left Shenzhen on time, delay is at customs.',
  'Offered a 10% voucher, waiting for the customer to accept.',
  'Photos confirm the damage. Approved refund without return.',
  'Repeat customer, 6 orders this year. Please prioritise.',
  '已联系仓库，确认是发错了颜色，补发已安排。',
  '客户情绪比较激动，回复时注意语气，先道歉。',
  '退款已在后台提交，等待财务审核。',
  'Kunde hat Fotos geschickt, Schaden ist eindeutig. Erstattung freigegeben.',
];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function digits(rng: Rng, count: number): string {
  let out = String(1 + rng.int(9));
  while (out.length < count) out += String(rng.int(10));
  return out;
}

function orderNumber(rng: Rng, platform: string, purchasedAt: number): string {
  if (platform.startsWith('Amazon')) return `${digits(rng, 3)}-${digits(rng, 7)}-${digits(rng, 7)}`;
  if (platform.startsWith('Mercado')) return `2000${digits(rng, 12)}`;
  const day = iso(purchasedAt).slice(2, 10).replaceAll('-', '');
  return `${day}${digits(rng, 8)}`;
}

function asciiHandle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function customerFor(rng: Rng, market: DemoMarket, channel: Channel): Customer {
  const locale = rng.weighted(market.locales);
  const [zone, region] = rng.pick(market.zones);
  const female = rng.chance(0.5);
  const familyEntry = rng.pick(market.family);
  const family = typeof familyEntry === 'string' ? familyEntry : familyEntry[female ? 1 : 0];
  const given = rng.pick(female ? market.female : market.male);
  const handle = `${asciiHandle(given)}.${asciiHandle(family)}`;
  const local = handle.length > 3 ? `${handle}${rng.int(100)}` : `user${digits(rng, 6)}`;
  const contacts: Customer['contacts'] = [{ channel: 'email', address: `${local}@${market.mailDomain}` }];
  const phone = `${market.phonePrefix}${digits(rng, 8)}`;
  if (channel === 'wechat') contacts.push({ channel, address: `wxid_${rng.uuid().slice(0, 12).replace('-', '')}` });
  else if (channel === 'telegram')
    contacts.push({ channel, address: `@${handle.length > 3 ? handle.replace('.', '_') : `tg${digits(rng, 7)}`}` });
  else if (channel === 'vk') contacts.push({ channel, address: `vk.com/id${digits(rng, 9)}` });
  else if (channel === 'line' || channel === 'kakaotalk')
    contacts.push({ channel, address: `${channel}:${handle.length > 3 ? handle : digits(rng, 9)}` });
  else if (channel !== 'email' && channel !== 'marketplace_message' && channel !== 'web_form' && channel !== 'chat')
    contacts.push({ channel, address: phone });
  return {
    id: rng.uuid(),
    name: { given, family, order: market.nameOrder, gender: female ? 'female' : 'male' },
    locale,
    market: market.code,
    ...(region ? { region } : {}),
    timeZone: zone,
    contacts,
  };
}

function orderFor(rng: Rng, market: DemoMarket, type: CaseType, createdAt: number): Order {
  const categories = CATEGORIES_BY_TYPE[type];
  const candidates = DEMO_CATALOG.filter((item) => categories.includes(item.category));
  const lines = rng.weighted([
    [1, 7],
    [2, 2],
    [3, 1],
  ] as const);
  const scale = 10 ** minorDigits(market.currency);
  const items: Order['items'] = [];
  for (let i = 0; i < lines; i++) {
    const item = rng.pick(candidates);
    const major = Math.max(
      market.priceStep,
      Math.round((item.usd * market.perUsd * (0.9 + rng.next() * 0.2)) / market.priceStep) * market.priceStep,
    );
    items.push({
      sku: `${item.sku}-${market.code}`,
      title: item.title,
      category: item.category,
      quantity: rng.weighted([
        [1, 8],
        [2, 2],
      ] as const),
      unitPrice: { amountMinor: Math.round(major * scale), currency: market.currency },
    });
  }
  const total = items.reduce((sum, line) => sum + line.unitPrice.amountMinor * line.quantity, 0);
  const platform = rng.pick(market.platforms);
  // Purchase, shipping and delivery all come before the customer writes; an inquiry or payment problem
  // can arrive before the parcel does.
  const undelivered = (type === 'inquiry' || type === 'payment_issue') && rng.chance(0.5);
  const deliveredAt = undelivered ? null : createdAt - (2 * HOUR + rng.next() * 10 * DAY);
  const shippedAt = deliveredAt !== null ? deliveredAt - (2 + rng.next() * 10) * DAY : createdAt - rng.next() * 2 * DAY;
  const purchasedAt = shippedAt - (6 * HOUR + rng.next() * 3 * DAY);
  const shipped = deliveredAt !== null || rng.chance(0.6);
  return {
    platform,
    orderId: orderNumber(rng, platform, purchasedAt),
    items,
    total: { amountMinor: total, currency: market.currency },
    purchasedAt: iso(Math.floor(purchasedAt)),
    ...(shipped ? { shippedAt: iso(Math.floor(shippedAt)) } : {}),
    ...(deliveredAt !== null ? { deliveredAt: iso(Math.floor(deliveredAt)) } : {}),
  };
}

function priorityFor(rng: Rng, type: CaseType): Priority {
  const urgentish = type === 'complaint' || type === 'payment_issue' || type === 'privacy_request';
  return rng.weighted<Priority>([
    ['low', urgentish ? 0.5 : 2],
    ['normal', 6],
    ['high', urgentish ? 3 : 1.5],
    ['urgent', urgentish ? 1 : 0.3],
  ]);
}

function directions(rng: Rng, status: CaseStatus, count: number): ('inbound' | 'outbound')[] {
  const out: ('inbound' | 'outbound')[] = [];
  for (let i = 0; i < count; i++) {
    if (i === 0 || status === 'new') out.push('inbound');
    else out.push(i % 2 === 1 ? 'outbound' : rng.chance(0.85) ? 'inbound' : 'outbound');
  }
  if (status === 'pending_customer' && count > 1) out[count - 1] = 'outbound';
  return out;
}

function defaultMessageCount(rng: Rng, status: CaseStatus): number {
  switch (status) {
    case 'new':
      return rng.between(1, 2);
    case 'open':
      return rng.between(2, 5);
    case 'pending_customer':
      return rng.between(2, 6);
    case 'on_hold':
      return rng.between(2, 5);
    default:
      return rng.between(3, 8);
  }
}

export interface DemoCaseInput {
  seed: number | string;
  index: number;
  now: number;
  messagesPerCase: number | undefined;
  directory: DemoDirectory;
}

/** One case with its conversation, notes and audit trail; depends only on (seed, index, now). */
export function generateDemoCase(input: DemoCaseInput): DemoCase {
  const { index, now, directory } = input;
  const rng = createRng(`${String(input.seed)}:case:${index}`);
  const marketCode = rng.weighted(MARKETS_WEIGHTED);
  const market = demoMarket(marketCode);
  const type = index < CASE_TYPES.length ? (CASE_TYPES[index] ?? 'inquiry') : rng.weighted(TYPE_WEIGHTS);
  const status = rng.weighted(STATUS_WEIGHTS);
  const priority = priorityFor(rng, type);
  const channel = rng.weighted(market.channels);
  const customer = customerFor(rng, market, channel);
  const [minAge, maxAge] = AGE_DAYS[status];
  const createdAt = Math.floor(now - (minAge + rng.next() * (maxAge - minAge)) * DAY - 5 * 60_000);
  const order = type === 'privacy_request' ? undefined : orderFor(rng, market, type, createdAt);
  const team = directory.teams.find((t) => t.markets.includes(marketCode)) ?? directory.teams[0];
  if (!team) throw new Error('the demo directory has no teams');
  const agents = directory.users.filter((u) => u.role === 'agent' && u.teamIds.includes(team.id));
  const skilled = agents.filter((u) => u.skills.markets.includes(marketCode));
  const assignee: User | null =
    status === 'new' && rng.chance(0.7) ? null : rng.pick(skilled.length > 0 ? skilled : agents);
  const supervisor = directory.users.find((u) => u.role === 'supervisor') ?? null;
  const texts = textsFor(customer.locale);
  const orderRef = order?.orderId ?? '';

  const caseId = rng.uuid();
  const count = input.messagesPerCase ?? defaultMessageCount(rng, status);
  const span = Math.max(60_000, Math.min(now - createdAt - 60_000, (status === 'new' ? 0.5 : 3) * DAY));
  const offsets = Array.from({ length: count }, (_, i) => (i === 0 ? 1_000 : 1_000 + rng.next() * span)).sort(
    (a, b) => a - b,
  );
  const dirs = directions(rng, status, count);
  const messages: Message[] = dirs.map((direction, i) => {
    const at = createdAt + Math.floor(offsets[i] ?? 1_000);
    const body =
      direction === 'outbound'
        ? rng.pick(texts.replies)
        : fillTemplate(i === 0 ? rng.pick(texts.openings[type]) : rng.pick(texts.followUps), orderRef);
    return {
      id: rng.uuid(),
      caseId,
      direction,
      authorKind: direction === 'inbound' ? 'customer' : 'agent',
      authorId: direction === 'inbound' ? null : (assignee ?? rng.pick(agents)).id,
      locale: customer.locale,
      channel,
      body,
      createdAt: iso(at),
      writtenAt: iso(direction === 'inbound' ? at : at - rng.int(90_000)),
      deliveryState: direction === 'inbound' ? 'received' : 'delivered',
    };
  });
  const lastMessageAt = Date.parse(messages[messages.length - 1]?.createdAt ?? iso(createdAt));
  const firstReply = messages.find((m) => m.direction === 'outbound');
  const lastInbound = [...messages].reverse().find((m) => m.direction === 'inbound');
  const statusChangedAt = status === 'new' ? createdAt : Math.min(now - 1_000, lastMessageAt + rng.int(20 * 60_000));
  const tags = rng.chance(0.7) ? [rng.pick(TAGS_BY_TYPE[type])] : [];
  if (rng.chance(0.1)) tags.push(rng.pick(['vip', 'repeat_customer', 'cross_border_tax']));

  const events: CaseEvent[] = [
    { id: rng.uuid(), caseId, kind: 'created', actorId: null, at: iso(createdAt), data: { channel } },
  ];
  if (assignee) {
    const byTake = rng.chance(0.6);
    events.push({
      id: rng.uuid(),
      caseId,
      kind: 'assigned',
      actorId: byTake ? assignee.id : (supervisor?.id ?? null),
      at: iso(createdAt + 2_000 + rng.int(Math.max(1, Math.min(span, 2 * HOUR)))),
      data: { from: null, to: assignee.id },
    });
  }
  if (status !== 'new') {
    events.push({
      id: rng.uuid(),
      caseId,
      kind: 'status_changed',
      actorId: assignee?.id ?? null,
      at: iso(statusChangedAt),
      data: { from: 'open', to: status },
    });
  }
  for (const tag of tags)
    events.push({
      id: rng.uuid(),
      caseId,
      kind: 'tag_added',
      actorId: assignee?.id ?? null,
      at: iso(statusChangedAt),
      data: { tag },
    });

  const notes: Note[] = [];
  if (assignee && status !== 'new' && rng.chance(0.3)) {
    const at = createdAt + Math.floor(rng.next() * (statusChangedAt - createdAt));
    notes.push({
      id: rng.uuid(),
      caseId,
      authorId: assignee.id,
      body: rng.pick(NOTES),
      createdAt: iso(at),
      writtenAt: iso(at),
    });
  }

  const subjectBase = texts.subjects[type];
  const caseRow: Case = {
    id: caseId,
    ref: `CD-${100_000 + index}`,
    type,
    status,
    priority,
    channel,
    subject: order && rng.chance(0.4) ? `${subjectBase} · ${order.orderId}` : subjectBase,
    locale: customer.locale,
    customer,
    ...(order ? { order } : {}),
    teamId: team.id,
    assigneeId: assignee?.id ?? null,
    tags,
    createdAt: iso(createdAt),
    updatedAt: iso(Math.max(lastMessageAt, statusChangedAt)),
    statusChangedAt: iso(statusChangedAt),
    firstRepliedAt: firstReply?.createdAt ?? null,
    lastCustomerMessageAt: lastInbound?.createdAt ?? null,
    slaDueAt: null,
    mergedIntoId: null,
    version: 1 + events.length + rng.int(3),
    assigneeVersion: assignee ? 2 : 1,
  };
  caseRow.slaDueAt = demoSlaDueAt(caseRow, { events, messages }, team, iso(now));
  return { case: caseRow, messages, notes, events };
}

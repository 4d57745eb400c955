import { SlaPolicySchema, type SlaPolicy, type SlaPolicyInput } from './policy';

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Default SLA policies (documented in docs/MARKETS.md). The baseline is the after-sales practice Crossdesk
 * started from (SEED.md): answer complaints within 24 hours and resolve them within 7 days. Calendar hours
 * by default, because marketplaces count their 24-hour reply norm through weekends and holidays (Amazon,
 * markets.md §0.1). Privacy targets sit inside the statutory answer periods of markets.md §0.2.
 */
const DEFAULTS: SlaPolicyInput[] = [
  {
    id: 'default',
    name: 'Default: reply within 24 h, resolve within 7 days',
    match: {},
    targets: [
      { kind: 'first_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 7 * DAY, clock: 'calendar' },
    ],
  },
  {
    id: 'default-low',
    name: 'Low priority: reply within 48 h, resolve within 14 days',
    match: { priorities: ['low'] },
    targets: [
      { kind: 'first_reply', minutes: 48 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 48 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 14 * DAY, clock: 'calendar' },
    ],
  },
  {
    id: 'default-high',
    name: 'High priority: reply within 8 h, resolve within 5 days',
    match: { priorities: ['high'] },
    targets: [
      { kind: 'first_reply', minutes: 8 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 12 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 5 * DAY, clock: 'calendar' },
    ],
  },
  {
    id: 'default-urgent',
    name: 'Urgent: reply within 2 h, update every 12 h, resolve within 3 days',
    match: { priorities: ['urgent'] },
    targets: [
      { kind: 'first_reply', minutes: 2 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 4 * HOUR, clock: 'calendar' },
      { kind: 'periodic_update', minutes: 12 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 3 * DAY, clock: 'calendar' },
    ],
  },
  {
    id: 'complaint',
    name: 'Complaints: reply within 24 h, update every 48 h, resolve within 7 days (SEED)',
    match: { caseTypes: ['complaint'] },
    targets: [
      { kind: 'first_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'periodic_update', minutes: 48 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 7 * DAY, clock: 'calendar' },
    ],
  },
  {
    id: 'complaint-escalated',
    name: 'High/urgent complaints: reply within 4 h, update every 24 h, resolve within 3 days',
    match: { caseTypes: ['complaint'], priorities: ['high', 'urgent'] },
    targets: [
      { kind: 'first_reply', minutes: 4 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 12 * HOUR, clock: 'calendar' },
      { kind: 'periodic_update', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 3 * DAY, clock: 'calendar' },
    ],
  },
  {
    // Repairs take longer than a reply cycle; FR and BR give the seller 30 days to repair (markets.md §4, §15).
    id: 'repair',
    name: 'Warranty repairs: reply within 24 h, update every 72 h, resolve within 30 days',
    match: { caseTypes: ['repair_warranty'] },
    targets: [
      { kind: 'first_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'periodic_update', minutes: 72 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 30 * DAY, clock: 'calendar' },
    ],
  },
  {
    id: 'payment',
    name: 'Payment issues: reply within 12 h, resolve within 5 days',
    match: { caseTypes: ['payment_issue'] },
    targets: [
      { kind: 'first_reply', minutes: 12 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 12 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 5 * DAY, clock: 'calendar' },
    ],
  },
  {
    // Inside the shortest common statutory periods: 30 days / one month (GDPR, PIPEDA, TH, SA, AU guidance).
    id: 'privacy',
    name: 'Privacy requests: acknowledge within 48 h, complete within 25 days',
    match: { caseTypes: ['privacy_request'] },
    targets: [
      { kind: 'first_reply', minutes: 48 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 48 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 25 * DAY, clock: 'calendar' },
    ],
  },
  {
    // KR PIPA: 10 days; BR LGPD: 15 days; RU 152-FZ: 10 working days (markets.md §0.2).
    id: 'privacy-short',
    name: 'Privacy requests where the law gives 10–15 days: complete within 8 days',
    match: { caseTypes: ['privacy_request'], markets: ['KR', 'BR', 'RU'] },
    targets: [
      { kind: 'first_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'next_reply', minutes: 24 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 8 * DAY, clock: 'calendar' },
    ],
  },
  {
    // ID UU PDP art. 32: access within 3×24 hours (markets.md §21).
    id: 'privacy-id',
    name: 'Indonesia privacy requests: access within 48 h (law: 3×24 h)',
    match: { caseTypes: ['privacy_request'], markets: ['ID'] },
    targets: [
      { kind: 'first_reply', minutes: 8 * HOUR, clock: 'calendar' },
      { kind: 'resolution', minutes: 48 * HOUR, clock: 'calendar' },
    ],
  },
  {
    // VN Decree 356/2025: respond within 2 working days of the market (markets.md §23).
    id: 'privacy-vn',
    name: 'Vietnam privacy requests: respond within 2 working days',
    match: { caseTypes: ['privacy_request'], markets: ['VN'] },
    targets: [
      { kind: 'first_reply', minutes: 18 * HOUR, clock: 'business', calendar: 'customer_market' },
      { kind: 'resolution', minutes: 12 * DAY, clock: 'calendar' },
    ],
  },
];

export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = DEFAULTS.map((policy) => SlaPolicySchema.parse(policy));

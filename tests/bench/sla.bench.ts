// SLA engine: evaluate SLA state for 100,000 cases (issue 3 target: under 1 s on this machine).
// Cases are seeded and varied: 4 team calendars (split shifts, CN/US/DE/SA holidays), every case type and
// priority, pauses, reopenings, automation and human replies, half of them on business-hour policies.
import { CASE_TYPES, PRIORITIES } from '../../src-shared/domain/caseType';
import {
  BusinessCalendarSchema,
  DEFAULT_SLA_POLICIES,
  evaluateSla,
  marketCalendar,
  nextSlaDueAt,
  parseWeeklyHours,
  selectSlaPolicy,
  SlaPolicySchema,
  SlaTimelineSchema,
  type SlaCalendars,
  type SlaPolicy,
  type SlaTimeline,
} from '../../src-shared/sla/index';
import { cpus, loadavg } from 'node:os';
import { measure, report } from './stats';

const CASES = Number(process.env.SLA_BENCH_CASES ?? 100_000);
const HOUR = 3_600_000;

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = mulberry32(20261125);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const teams = [
  BusinessCalendarSchema.parse({
    id: 'shenzhen',
    timeZone: 'Asia/Shanghai',
    weeklyHours: parseWeeklyHours('Mon-Fri 09:00-12:00,13:30-18:30; Sat 10:00-15:00'),
    holidayMarket: 'CN',
  }),
  BusinessCalendarSchema.parse({
    id: 'new-york',
    timeZone: 'America/New_York',
    weeklyHours: parseWeeklyHours('Mon-Fri 08:00-20:00'),
    holidayMarket: 'US',
  }),
  BusinessCalendarSchema.parse({
    id: 'berlin',
    timeZone: 'Europe/Berlin',
    weeklyHours: parseWeeklyHours('Mon-Fri 08:00-12:00,13:00-17:00'),
    holidayMarket: 'DE',
  }),
  BusinessCalendarSchema.parse({
    id: 'riyadh',
    timeZone: 'Asia/Riyadh',
    weeklyHours: parseWeeklyHours('Sun-Thu 09:00-17:00'),
    holidayMarket: 'SA',
  }),
];
const markets = ['CN', 'US', 'DE', 'FR', 'GB', 'JP', 'KR', 'BR', 'SA', 'ID'] as const;
const businessPolicies: SlaPolicy[] = DEFAULT_SLA_POLICIES.map((policy) =>
  SlaPolicySchema.parse({
    ...policy,
    id: `${policy.id}-business`,
    targets: policy.targets.map((target) => ({
      ...target,
      clock: 'business',
      calendar: target.kind === 'first_reply' ? 'customer_market' : 'team',
    })),
  }),
);

interface BenchCase {
  timeline: SlaTimeline;
  policy: SlaPolicy;
  calendars: SlaCalendars;
}
const now = Date.parse('2026-10-12T06:00:00Z');
const cases: BenchCase[] = [];
for (let i = 0; i < CASES; i += 1) {
  const created = now - Math.floor(random() * 20 * 24) * HOUR - Math.floor(random() * HOUR);
  const statusChanges: Array<{ at: string; status: 'open' | 'pending_customer' | 'on_hold' | 'solved' }> = [];
  const messages: Array<{
    at: string;
    direction: 'inbound' | 'outbound';
    authorKind: 'customer' | 'agent' | 'automation';
  }> = [
    { at: new Date(created).toISOString(), direction: 'inbound', authorKind: 'customer' },
    { at: new Date(created + 60_000).toISOString(), direction: 'outbound', authorKind: 'automation' },
  ];
  let t = created;
  for (let step = 0; step < 1 + Math.floor(random() * 4) && t < now; step += 1) {
    t += Math.floor(random() * 30 * HOUR);
    if (t >= now) break;
    const roll = random();
    if (roll < 0.35) messages.push({ at: new Date(t).toISOString(), direction: 'outbound', authorKind: 'agent' });
    else if (roll < 0.6) messages.push({ at: new Date(t).toISOString(), direction: 'inbound', authorKind: 'customer' });
    else if (roll < 0.8)
      statusChanges.push(
        { at: new Date(t).toISOString(), status: pick(['pending_customer', 'on_hold'] as const) },
        { at: new Date(t + random() * 20 * HOUR).toISOString(), status: 'open' },
      );
    else statusChanges.push({ at: new Date(t).toISOString(), status: 'solved' });
  }
  statusChanges.sort((a, b) => a.at.localeCompare(b.at));
  const market = pick(markets);
  const team = pick(teams);
  const policies = random() < 0.5 ? DEFAULT_SLA_POLICIES : businessPolicies;
  const policy = selectSlaPolicy(policies, { caseType: pick(CASE_TYPES), priority: pick(PRIORITIES), market });
  cases.push({
    timeline: SlaTimelineSchema.parse({
      createdAt: new Date(created).toISOString(),
      statusChanges: statusChanges.filter((change) => Date.parse(change.at) < now),
      messages,
    }),
    policy,
    calendars: { team, customer: marketCalendar(market) },
  });
}

// Wall time is what the target is about; CPU time is shown too because helpers share this 2-core machine and
// the load average (printed) can multiply wall times.
async function timed(
  fn: () => void,
  runs: number,
): Promise<{ wall: Awaited<ReturnType<typeof measure>>; cpuMedianMs: number }> {
  const cpu: number[] = [];
  const wall = await measure(
    () => {
      const before = process.cpuUsage();
      fn();
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    },
    runs,
    1,
  );
  const sorted = cpu.slice(1).sort((a, b) => a - b);
  return { wall, cpuMedianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN) };
}

const states = new Map<string, number>();
const runs = Number(process.env.SLA_BENCH_RUNS ?? 5);
const loadBefore = loadavg()[0];
const stateOnly = await timed(() => {
  states.clear();
  for (const item of cases) {
    for (const target of evaluateSla(item.timeline, item.policy, item.calendars, now, { explain: false, events: false })
      .targets) {
      states.set(target.state, (states.get(target.state) ?? 0) + 1);
    }
  }
}, runs);
const withEvents = await timed(() => {
  for (const item of cases) evaluateSla(item.timeline, item.policy, item.calendars, now, { explain: false });
}, runs);
const due = await timed(() => {
  for (const item of cases) nextSlaDueAt(item.timeline, item.policy, item.calendars, now);
}, runs);
const explained = await timed(() => {
  for (let i = 0; i < 1_000; i += 1) {
    const item = cases[i];
    if (item) evaluateSla(item.timeline, item.policy, item.calendars, now);
  }
}, runs);

report('SLA engine', {
  command: 'npm run bench sla',
  cases: CASES,
  'load average (1 min) before / after': `${loadBefore?.toFixed(1)} / ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
  'evaluateSla state, no events or explanations, all cases (wall ms)': stateOnly.wall,
  'evaluateSla state, CPU ms (median)': stateOnly.cpuMedianMs,
  'evaluateSla with state-change events, all cases (wall ms)': withEvents.wall,
  'evaluateSla with events, CPU ms (median)': withEvents.cpuMedianMs,
  'nextSlaDueAt, all cases (wall ms)': due.wall,
  'nextSlaDueAt, CPU ms (median)': due.cpuMedianMs,
  'evaluateSla with explanations, 1k cases (wall ms)': explained.wall,
  'target states in the last run': Object.fromEntries(states),
  'target < 1 s for 100k (state, wall median)': stateOnly.wall.medianMs < 1000 ? 'met' : 'NOT met at this load',
});

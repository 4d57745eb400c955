import { z } from 'zod';
import { CaseStatusSchema, DONE_STATUSES, type CaseStatus } from '../domain/caseStatus';
import { InstantSchema } from '../domain/ids';
import { calendarsFor, openTimeline, type SlaCalendars } from './calendar';
import { explainBusinessSpan, isoIn, toMillis, type BusinessExplanation, type InstantInput } from './businessTime';
import type { SlaPolicy, SlaTarget, SlaTargetKind } from './policy';
import { utcIso } from './utcIso';

/** What the engine needs from a case: its creation, status changes (CaseEvents) and messages, in server time. */
export const SlaTimelineSchema = z.object({
  createdAt: InstantSchema,
  initialStatus: CaseStatusSchema.default('new'),
  statusChanges: z.array(z.object({ at: InstantSchema, status: CaseStatusSchema })).default([]),
  messages: z
    .array(
      z.object({
        at: InstantSchema,
        direction: z.enum(['inbound', 'outbound']),
        authorKind: z.enum(['customer', 'agent', 'automation']),
      }),
    )
    .default([]),
});
export type SlaTimeline = z.output<typeof SlaTimelineSchema>;
export type SlaTimelineInput = z.input<typeof SlaTimelineSchema>;

export const SLA_STATES = ['active', 'warning', 'breached', 'achieved', 'paused', 'cancelled'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Server time: an instant, or the local clock plus the offset learned from the server (SYNC.md). */
export type ServerNow = InstantInput | { localNowMs: number; serverOffsetMs: number };

export interface SlaStateEvent {
  target: SlaTargetKind;
  from: SlaState | null;
  to: SlaState;
  at: string;
}

export interface SlaTargetResult {
  target: SlaTargetKind;
  state: SlaState;
  clock: SlaTarget['clock'];
  calendar: SlaTarget['calendar'];
  targetMinutes: number;
  startedAt: string;
  /** When the target is (or was) due, as a UTC ISO instant; null while paused, since the deadline moves with the pause. */
  dueAt: string | null;
  /** Wall-clock milliseconds until dueAt from server time (negative once breached); null while paused. */
  remainingMs: number | null;
  /** Counted (open or calendar) milliseconds left of the target; negative once breached. */
  remainingCountedMs: number;
  elapsedFraction: number;
  achievedAt?: string;
  /** For achieved targets: met in time or late. */
  met?: boolean;
  explanation: SlaExplanation | null;
}

export interface SlaExplanation {
  summary: string;
  /** The summary in the agents' UI languages. */
  summaries: { en: string; 'zh-CN': string };
  pauses: Array<{ from: string; to: string | null; status: CaseStatus }>;
  pausedMs: number;
  business?: BusinessExplanation;
}

export interface SlaEvaluation {
  targets: SlaTargetResult[];
  events: SlaStateEvent[];
  now: string;
}

export interface EvaluateOptions {
  /** Build each target's explanation (business hours counted, closed days, pauses): only the SLA panel shows them. */
  explain?: boolean;
  events?: boolean;
}

interface Stop {
  from: number;
  to: number;
  status: CaseStatus;
}
interface Clock {
  between(from: number, to: number): number;
  add(from: number, duration: number): number;
}

const CALENDAR_CLOCK: Clock = {
  between: (from, to) => to - from,
  add: (from, duration) => from + Math.max(0, duration),
};
const MINUTE = 60_000;

export function resolveServerNow(now: ServerNow): number {
  if (typeof now === 'object' && !(now instanceof Date)) return now.localNowMs + now.serverOffsetMs;
  return toMillis(now);
}

function clockFor(target: SlaTarget, calendars: SlaCalendars): Clock {
  return target.clock === 'calendar' ? CALENDAR_CLOCK : openTimeline(calendars, target.calendar);
}

/** Intervals in which every clock stops: waiting on the customer, on hold, or solved/closed (until reopened). */
function stopsClock(status: CaseStatus): boolean {
  return status === 'pending_customer' || status === 'on_hold' || status === 'solved' || status === 'closed';
}

/** Intervals in which every clock stops: waiting on the customer, on hold, or solved/closed (until reopened). */
function stopsOf(timeline: SlaTimeline, created: number, now: number): Stop[] {
  const changes: Array<{ at: number; status: CaseStatus }> = [];
  let sorted = true;
  for (const change of timeline.statusChanges) {
    const at = Math.max(created, Date.parse(change.at));
    if (at > now) continue;
    if (changes.length > 0 && at < (changes[changes.length - 1]?.at ?? 0)) sorted = false;
    changes.push({ at, status: change.status });
  }
  if (!sorted) changes.sort((x, y) => x.at - y.at);
  const stops: Stop[] = [];
  let status = timeline.initialStatus;
  let since = created;
  for (const change of changes) {
    if (change.status === status) continue;
    if (stopsClock(status) && change.at > since) stops.push({ from: since, to: change.at, status });
    status = change.status;
    since = change.at;
  }
  if (stopsClock(status)) stops.push({ from: since, to: Number.POSITIVE_INFINITY, status });
  return stops;
}

interface Cycle {
  start: number;
  end?: number;
}

interface CycleResult {
  state: SlaState;
  due: number | undefined;
  consumed: number;
  achievedAt?: number;
  events: Array<{ from: SlaState | null; to: SlaState; at: number }>;
  pauses: Stop[];
}

interface Run {
  clock: Clock;
  total: number;
  warningAt: number;
  withEvents: boolean;
  events: CycleResult['events'];
  state: SlaState;
  consumed: number;
  cursor: number;
  due: number | undefined;
  warn: number | undefined;
}

// A top-level function rather than a closure: evaluateCycle runs for every target of 100k cases.
function advance(run: Run, until: number): void {
  if (until <= run.cursor) return;
  const counted = run.clock.between(run.cursor, until);
  if (run.warn === undefined && run.consumed + counted >= run.warningAt) {
    run.warn = run.clock.add(run.cursor, run.warningAt - run.consumed);
    if (run.state === 'active') {
      if (run.withEvents) run.events.push({ from: 'active', to: 'warning', at: run.warn });
      run.state = 'warning';
    }
  }
  if (run.due === undefined && run.consumed + counted >= run.total) {
    run.due = run.clock.add(run.cursor, run.total - run.consumed);
    if (run.withEvents) run.events.push({ from: run.state, to: 'breached', at: run.due });
    run.state = 'breached';
  }
  run.consumed += counted;
  run.cursor = until;
}

function evaluateCycle(
  cycle: Cycle,
  stops: readonly Stop[],
  clock: Clock,
  total: number,
  warningAt: number,
  now: number,
  withEvents: boolean,
): CycleResult {
  const achievedAt = cycle.end !== undefined && cycle.end <= now ? cycle.end : undefined;
  const end = achievedAt ?? now;
  const run: Run = {
    clock,
    total,
    warningAt,
    withEvents,
    events: withEvents ? [{ from: null, to: 'active', at: cycle.start }] : [],
    state: 'active',
    consumed: 0,
    cursor: cycle.start,
    due: undefined,
    warn: undefined,
  };
  const pauses: Stop[] = [];
  let pausedNow: Stop | undefined;
  for (const stop of stops) {
    if (stop.to <= run.cursor) continue;
    if (stop.from >= end) break;
    advance(run, Math.max(run.cursor, stop.from));
    const pauseStart = Math.max(run.cursor, stop.from);
    const pauseEnd = Math.min(stop.to, end);
    pauses.push(stop);
    if (stop.to > end && achievedAt === undefined) {
      pausedNow = stop;
      if (withEvents)
        run.events.push({
          from: run.state,
          to: DONE_STATUSES.includes(stop.status) ? 'cancelled' : 'paused',
          at: pauseStart,
        });
      run.cursor = end;
      break;
    }
    if (withEvents && pauseEnd > pauseStart) {
      run.events.push({ from: run.state, to: 'paused', at: pauseStart });
      if (pauseEnd < end) run.events.push({ from: 'paused', to: run.state, at: pauseEnd });
    }
    run.cursor = Math.max(run.cursor, pauseEnd);
  }
  if (!pausedNow) advance(run, end);

  const { consumed, events } = run;
  if (achievedAt !== undefined) {
    if (withEvents) events.push({ from: run.state, to: 'achieved', at: achievedAt });
    return {
      state: 'achieved',
      due: run.due ?? clock.add(achievedAt, total - consumed),
      consumed,
      achievedAt,
      events,
      pauses,
    };
  }
  if (pausedNow) {
    return {
      state: DONE_STATUSES.includes(pausedNow.status) ? 'cancelled' : 'paused',
      due: undefined,
      consumed,
      events,
      pauses,
    };
  }
  return { state: run.state, due: run.due ?? clock.add(now, total - consumed), consumed, events, pauses };
}

function isHumanReply(message: SlaTimeline['messages'][number]): boolean {
  return message.direction === 'outbound' && message.authorKind === 'agent';
}

interface ParsedMessages {
  all: Array<{ at: number; human: boolean; inbound: boolean }>;
  replies: number[];
}

function parseMessages(timeline: SlaTimeline, created: number, now: number): ParsedMessages {
  const all: ParsedMessages['all'] = [];
  for (const message of timeline.messages) {
    const at = Date.parse(message.at);
    if (at > now || at < created) continue;
    all.push({ at, human: isHumanReply(message), inbound: message.direction === 'inbound' });
  }
  let sorted = true;
  for (let i = 1; i < all.length; i += 1) if ((all[i]?.at ?? 0) < (all[i - 1]?.at ?? 0)) sorted = false;
  if (!sorted) all.sort((x, y) => x.at - y.at);
  const replies: number[] = [];
  for (const message of all) if (message.human) replies.push(message.at);
  return { all, replies };
}

function cyclesFor(kind: SlaTargetKind, messages: ParsedMessages, created: number, stops: readonly Stop[]): Cycle[] {
  const { replies } = messages;
  const firstReply = replies[0];
  if (kind === 'first_reply')
    return [firstReply === undefined ? { start: created } : { start: created, end: firstReply }];
  if (kind === 'resolution') {
    // Solved or closed now: resolved when the current done period began (an earlier, reopened one does not count).
    const current = stops.at(-1);
    const resolved =
      current && current.to === Number.POSITIVE_INFINITY && DONE_STATUSES.includes(current.status)
        ? current.from
        : undefined;
    return [resolved === undefined ? { start: created } : { start: created, end: resolved }];
  }
  if (firstReply === undefined) return [];
  if (kind === 'periodic_update') {
    return replies.map((reply, index) => {
      const next = replies[index + 1];
      return next === undefined ? { start: reply } : { start: reply, end: next };
    });
  }
  const cycles: Cycle[] = [];
  let pending: number | undefined;
  for (const message of messages.all) {
    if (message.at <= firstReply) continue;
    if (message.inbound && pending === undefined) pending = message.at;
    if (message.human && pending !== undefined) {
      cycles.push({ start: pending, end: message.at });
      pending = undefined;
    }
  }
  if (pending !== undefined) cycles.push({ start: pending });
  return cycles;
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return (
    [days ? `${days} d` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ') || '0 min'
  );
}

function formatDurationZh(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days}天` : '', hours ? `${hours}小时` : '', rest ? `${rest}分钟` : ''].join('') || '0分钟';
}

const STATUS_ZH: Record<CaseStatus, string> = {
  new: '新建',
  open: '处理中',
  pending_customer: '等待客户',
  on_hold: '挂起',
  solved: '已解决',
  closed: '已关闭',
};

function explain(
  target: SlaTarget,
  cycle: Cycle,
  result: CycleResult,
  calendars: SlaCalendars,
  zone: string,
  now: number,
): SlaExplanation {
  const counted =
    target.clock === 'calendar'
      ? 'calendar time (every hour counts, weekends and holidays included)'
      : `open hours of the ${target.calendar === 'both' ? 'team and the customer market (only while both are open)' : target.calendar === 'team' ? 'team calendar' : 'customer market calendar'}`;
  const pauses = result.pauses.map((stop) => ({
    from: isoIn(stop.from, zone),
    to: Number.isFinite(stop.to) ? isoIn(stop.to, zone) : null,
    status: stop.status,
  }));
  const end = result.achievedAt ?? now;
  const pausedMs = result.pauses.reduce(
    (sum, stop) => sum + Math.max(0, Math.min(stop.to, end) - Math.max(stop.from, cycle.start)),
    0,
  );
  const parts = [
    `Target ${formatDuration(target.minutes * MINUTE)} counted in ${counted}, from ${isoIn(cycle.start, zone)}.`,
  ];
  if (pauses.length > 0) {
    parts.push(
      `Clock stopped while ${pauses.map((pause) => `${pause.status} ${pause.from} – ${pause.to ?? 'now'}`).join('; ')}; the deadline moves by that time.`,
    );
  }
  const countedZh =
    target.clock === 'calendar'
      ? '自然时间（每小时都计入，含周末和节假日）'
      : target.calendar === 'both'
        ? '团队与客户市场共同的营业时间（仅在双方都营业时计入）'
        : target.calendar === 'team'
          ? '团队日历的营业时间'
          : '客户市场日历的营业时间';
  const zh = [
    `目标时长${formatDurationZh(target.minutes * MINUTE)}，按${countedZh}计算，自${isoIn(cycle.start, zone)}起算。`,
  ];
  if (pauses.length > 0) {
    zh.push(
      `以下期间计时暂停：${pauses.map((pause) => `${STATUS_ZH[pause.status]} ${pause.from} – ${pause.to ?? '至今'}`).join('；')}；截止时间相应顺延。`,
    );
  }
  let business: BusinessExplanation | undefined;
  if (result.due !== undefined) {
    parts.push(`Due ${isoIn(result.due, zone)}.`);
    zh.push(`截止时间：${isoIn(result.due, zone)}。`);
    if (target.clock === 'business') {
      business = explainBusinessSpan(calendarsFor(calendars, target.calendar), cycle.start, result.due);
      parts.push(business.summary);
      zh.push(business.summaries['zh-CN']);
    }
  } else {
    parts.push('No deadline while the clock is stopped.');
    zh.push('计时暂停期间没有截止时间。');
  }
  const summary = parts.join(' ');
  return {
    summary,
    summaries: { en: summary, 'zh-CN': zh.join('') },
    pauses,
    pausedMs,
    ...(business ? { business } : {}),
  };
}

/**
 * SLA state of every target of the policy at server time `serverNow`. Pure: the same inputs give the same
 * result under any host zone. Only human agent outbound messages satisfy reply targets.
 */
export function evaluateSla(
  timeline: SlaTimeline,
  policy: SlaPolicy,
  calendars: SlaCalendars,
  serverNow: ServerNow,
  options: EvaluateOptions = {},
): SlaEvaluation {
  const now = resolveServerNow(serverNow);
  const created = Date.parse(timeline.createdAt);
  const zone = calendars.team.timeZone;
  const stops = stopsOf(timeline, created, now);
  const messages = parseMessages(timeline, created, now);
  const withEvents = options.events ?? true;
  // Explanations cost more than the evaluation itself; they are built only when asked for.
  const withExplain = options.explain ?? false;
  const targets: SlaTargetResult[] = [];
  const rawEvents: Array<{ target: SlaTargetKind; from: SlaState | null; to: SlaState; at: number }> = [];
  for (const target of policy.targets) {
    const cycles = cyclesFor(target.kind, messages, created, stops);
    if (cycles.length === 0) continue;
    const clock = clockFor(target, calendars);
    const total = target.minutes * MINUTE;
    const warningAt = total * policy.warningThreshold;
    for (let index = 0; index < cycles.length; index += 1) {
      const cycle = cycles[index];
      if (!cycle) continue;
      const last = index === cycles.length - 1;
      if (!last && !withEvents) continue;
      const result = evaluateCycle(cycle, stops, clock, total, warningAt, now, withEvents);
      for (const event of result.events)
        rawEvents.push({ target: target.kind, from: event.from, to: event.to, at: event.at });
      if (!last) continue;
      const item: SlaTargetResult = {
        target: target.kind,
        state: result.state,
        clock: target.clock,
        calendar: target.calendar,
        targetMinutes: target.minutes,
        startedAt: utcIso(cycle.start),
        dueAt: result.due === undefined ? null : utcIso(result.due),
        remainingMs: result.due === undefined ? null : result.due - now,
        remainingCountedMs: total - result.consumed,
        elapsedFraction: result.consumed / total,
        explanation: withExplain ? explain(target, cycle, result, calendars, zone, now) : null,
      };
      if (result.achievedAt !== undefined) {
        item.achievedAt = utcIso(result.achievedAt);
        item.met = result.consumed <= total;
      }
      targets.push(item);
    }
  }
  rawEvents.sort((a, b) => a.at - b.at);
  const events: SlaStateEvent[] = rawEvents.map((event) => ({
    target: event.target,
    from: event.from,
    to: event.to,
    at: utcIso(event.at),
  }));
  return { targets, events, now: utcIso(now) };
}

const RUNNING: ReadonlySet<SlaState> = new Set(['active', 'warning', 'breached']);

/** The earliest deadline among running targets (breached ones included, so they sort first), for Case.slaDueAt. */
export function nextSlaDueAt(
  timeline: SlaTimeline,
  policy: SlaPolicy,
  calendars: SlaCalendars,
  serverNow: ServerNow,
): string | null {
  const now = resolveServerNow(serverNow);
  const { targets } = evaluateSla(timeline, policy, calendars, now, { explain: false, events: false });
  let earliest: number | undefined;
  for (const target of targets) {
    if (target.remainingMs === null || !RUNNING.has(target.state)) continue;
    const due = now + target.remainingMs;
    if (earliest === undefined || due < earliest) earliest = due;
  }
  return earliest === undefined ? null : utcIso(earliest);
}

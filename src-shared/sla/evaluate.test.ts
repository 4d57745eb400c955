import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  slaTimelineFromCase,
  type SlaPolicyInput,
  type SlaTimelineInput,
} from './index';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T09:00:00+08:00'); // a Monday
const at = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();
const team = BusinessCalendarSchema.parse({
  id: 'team-shanghai',
  timeZone: 'Asia/Shanghai',
  weeklyHours: parseWeeklyHours('Mon-Fri 09:00-18:00'),
  holidayMarket: 'CN',
});
const calendars = { team, customer: marketCalendar('DE') };
const policy = (input: Partial<SlaPolicyInput> & Pick<SlaPolicyInput, 'targets'>) =>
  SlaPolicySchema.parse({ id: 'p', name: 'test', match: {}, ...input });
const timeline = (input: Partial<SlaTimelineInput> = {}) => SlaTimelineSchema.parse({ createdAt: at(0), ...input });
const reply24 = policy({
  targets: [
    { kind: 'first_reply', minutes: 24 * 60, clock: 'calendar' },
    { kind: 'resolution', minutes: 72 * 60, clock: 'calendar' },
  ],
});
const utc = (local: string): string => new Date(Date.parse(local)).toISOString();
const target = (evaluation: ReturnType<typeof evaluateSla>, kind: string) => {
  const found = evaluation.targets.find((item) => item.target === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found;
};

describe('evaluateSla states', () => {
  it('moves from active to warning at 75 % and to breached at the deadline', () => {
    const case1 = timeline();
    expect(target(evaluateSla(case1, reply24, calendars, at(17)), 'first_reply')).toMatchObject({
      state: 'active',
      dueAt: utc('2026-06-02T09:00:00+08:00'),
    });
    expect(target(evaluateSla(case1, reply24, calendars, at(18)), 'first_reply')).toMatchObject({
      state: 'warning',
      elapsedFraction: 0.75,
      remainingMs: 6 * HOUR,
    });
    const late = target(evaluateSla(case1, reply24, calendars, at(25)), 'first_reply');
    expect(late).toMatchObject({ state: 'breached', remainingMs: -HOUR, remainingCountedMs: -HOUR });
  });

  it('only a human agent reply achieves a reply target; auto-acknowledgements and notes do not', () => {
    const auto = timeline({ messages: [{ at: at(0.1), direction: 'outbound', authorKind: 'automation' }] });
    expect(target(evaluateSla(auto, reply24, calendars, at(2)), 'first_reply').state).toBe('active');
    const human = timeline({
      messages: [
        { at: at(0.1), direction: 'outbound', authorKind: 'automation' },
        { at: at(1.5), direction: 'outbound', authorKind: 'agent' },
      ],
    });
    expect(target(evaluateSla(human, reply24, calendars, at(2)), 'first_reply')).toMatchObject({
      state: 'achieved',
      met: true,
      achievedAt: utc('2026-06-01T10:30:00+08:00'),
    });
    const lateReply = timeline({ messages: [{ at: at(30), direction: 'outbound', authorKind: 'agent' }] });
    expect(target(evaluateSla(lateReply, reply24, calendars, at(31)), 'first_reply')).toMatchObject({
      state: 'achieved',
      met: false,
    });
  });

  it('pauses while waiting on the customer and moves the deadline by the paused time', () => {
    const paused = timeline({
      statusChanges: [
        { at: at(2), status: 'pending_customer' },
        { at: at(10), status: 'open' },
      ],
    });
    const result = target(evaluateSla(paused, reply24, calendars, at(20), { explain: true }), 'first_reply');
    expect(result).toMatchObject({ state: 'active', dueAt: utc('2026-06-02T17:00:00+08:00') });
    expect(result.explanation?.pausedMs).toBe(8 * HOUR);
    const stillPaused = timeline({ statusChanges: [{ at: at(2), status: 'on_hold' }] });
    expect(target(evaluateSla(stillPaused, reply24, calendars, at(50)), 'first_reply')).toMatchObject({
      state: 'paused',
      dueAt: null,
      remainingMs: null,
      remainingCountedMs: 22 * HOUR,
    });
  });

  it('keeps the paused time when the policy changes mid-case', () => {
    const paused = timeline({
      statusChanges: [
        { at: at(2), status: 'pending_customer' },
        { at: at(10), status: 'open' },
      ],
    });
    const longer = policy({ targets: [{ kind: 'first_reply', minutes: 48 * 60, clock: 'calendar' }] });
    // 48 h + the 8 paused hours after creation (Mon 09:00 Shanghai).
    expect(target(evaluateSla(paused, longer, calendars, at(20)), 'first_reply').dueAt).toBe(
      utc('2026-06-03T17:00:00+08:00'),
    );
  });

  it('cancels reply targets of a case solved without a reply, achieves resolution, and resumes it on reopening', () => {
    const solved = timeline({ statusChanges: [{ at: at(5), status: 'solved' }] });
    const evaluation = evaluateSla(solved, reply24, calendars, at(6));
    expect(target(evaluation, 'first_reply').state).toBe('cancelled');
    expect(target(evaluation, 'resolution')).toMatchObject({ state: 'achieved', met: true });
    const reopened = timeline({
      statusChanges: [
        { at: at(5), status: 'solved' },
        { at: at(30), status: 'open' },
      ],
    });
    // 5 h before solving + time since reopening: 72 h are reached 67 h after reopening.
    expect(target(evaluateSla(reopened, reply24, calendars, at(31)), 'resolution').dueAt).toBe(
      utc('2026-06-05T10:00:00+08:00'),
    );
  });

  it('runs next-reply cycles from each unanswered customer message', () => {
    const policyWithNext = policy({
      targets: [
        { kind: 'first_reply', minutes: 240, clock: 'calendar' },
        { kind: 'next_reply', minutes: 120, clock: 'calendar' },
      ],
    });
    const conversation = timeline({
      messages: [
        { at: at(0), direction: 'inbound', authorKind: 'customer' },
        { at: at(1), direction: 'outbound', authorKind: 'agent' },
        { at: at(3), direction: 'inbound', authorKind: 'customer' },
        { at: at(3.5), direction: 'inbound', authorKind: 'customer' },
        { at: at(4), direction: 'outbound', authorKind: 'automation' },
      ],
    });
    const next = target(evaluateSla(conversation, policyWithNext, calendars, at(4.5)), 'next_reply');
    expect(next).toMatchObject({
      state: 'warning',
      startedAt: utc('2026-06-01T12:00:00+08:00'),
      dueAt: utc('2026-06-01T14:00:00+08:00'),
    });
    const answered = timeline({
      messages: [...conversation.messages, { at: at(4.75), direction: 'outbound', authorKind: 'agent' }],
    });
    expect(target(evaluateSla(answered, policyWithNext, calendars, at(5)), 'next_reply')).toMatchObject({
      state: 'achieved',
      met: true,
    });
    expect(evaluateSla(timeline(), policyWithNext, calendars, at(1)).targets.map((item) => item.target)).toEqual([
      'first_reply',
    ]);
  });

  it('counts business targets in the chosen calendar and explains skipped days', () => {
    const business = policy({
      targets: [{ kind: 'first_reply', minutes: 8 * 60, clock: 'business', calendar: 'team' }],
    });
    // Thu 18 Jun 2026 16:00 Shanghai: 2 h that day, Fri 19 Jun is 端午节, then Monday 22 Jun 09:00 + 6 h.
    const dragonBoat = SlaTimelineSchema.parse({ createdAt: '2026-06-18T16:00:00+08:00' });
    const result = target(
      evaluateSla(dragonBoat, business, calendars, '2026-06-18T17:00:00+08:00', { explain: true }),
      'first_reply',
    );
    expect(result.dueAt).toBe(utc('2026-06-22T15:00:00+08:00'));
    expect(result.explanation?.business?.closedDays.map((day) => day.reason)).toEqual([
      'holiday',
      'holiday',
      'holiday',
    ]);
    expect(result.explanation?.summary).toMatch(/端午节/);
    expect(result.explanation?.summaries['zh-CN']).toContain('跳过：2026-06-19（节假日：端午节 Dragon Boat Festival）');
    expect(result.explanation?.summaries['zh-CN']).toContain('目标时长8小时，按团队日历的营业时间计算');
    const both = policy({ targets: [{ kind: 'first_reply', minutes: 4 * 60, clock: 'business', calendar: 'both' }] });
    // Team 09–18 Shanghai and Germany 09–18 Berlin (CEST) overlap 15:00–18:00 Shanghai.
    expect(target(evaluateSla(timeline(), both, calendars, at(1)), 'first_reply').dueAt).toBe(
      utc('2026-06-02T16:00:00+08:00'),
    );
  });

  it('uses server time: a local clock plus offset gives the same result as the server instant', () => {
    const case1 = timeline();
    const server = evaluateSla(case1, reply24, calendars, at(10));
    const local = evaluateSla(case1, reply24, calendars, {
      localNowMs: T0 + 10 * HOUR - 3 * 86_400_000,
      serverOffsetMs: 3 * 86_400_000,
    });
    expect(local).toEqual(server);
  });

  it('emits state-change events for the audit trail', () => {
    const paused = timeline({
      statusChanges: [
        { at: at(2), status: 'pending_customer' },
        { at: at(4), status: 'open' },
      ],
    });
    const events = evaluateSla(
      paused,
      policy({ targets: [{ kind: 'first_reply', minutes: 8 * 60, clock: 'calendar' }] }),
      calendars,
      at(12),
    ).events;
    expect(events.map((event) => [event.from, event.to, event.at])).toEqual([
      [null, 'active', '2026-06-01T01:00:00.000Z'],
      ['active', 'paused', '2026-06-01T03:00:00.000Z'],
      ['paused', 'active', '2026-06-01T05:00:00.000Z'],
      ['active', 'warning', '2026-06-01T09:00:00.000Z'],
      ['warning', 'breached', '2026-06-01T11:00:00.000Z'],
    ]);
  });

  it('gives the earliest running deadline for Case.slaDueAt', () => {
    const case1 = timeline();
    expect(nextSlaDueAt(case1, reply24, calendars, at(1))).toBe('2026-06-02T01:00:00.000Z');
    expect(
      nextSlaDueAt(timeline({ statusChanges: [{ at: at(1), status: 'on_hold' }] }), reply24, calendars, at(2)),
    ).toBeNull();
  });
});

describe('default policies', () => {
  it('answer complaints within 24 h and resolve within 7 days (SEED)', () => {
    const complaint = selectSlaPolicy(DEFAULT_SLA_POLICIES, {
      caseType: 'complaint',
      priority: 'normal',
      market: 'FR',
    });
    expect(complaint.targets.find((t) => t.kind === 'first_reply')?.minutes).toBe(24 * 60);
    expect(complaint.targets.find((t) => t.kind === 'resolution')?.minutes).toBe(7 * 24 * 60);
    expect(selectSlaPolicy(DEFAULT_SLA_POLICIES, { caseType: 'complaint', priority: 'low' }).id).toBe('complaint');
    expect(
      selectSlaPolicy(DEFAULT_SLA_POLICIES, { caseType: 'privacy_request', priority: 'normal', market: 'KR' }).id,
    ).toBe('privacy-short');
    expect(selectSlaPolicy(DEFAULT_SLA_POLICIES, { caseType: 'inquiry', priority: 'urgent' }).id).toBe(
      'default-urgent',
    );
  });

  it('fails clearly without a matching policy', () => {
    expect(() => selectSlaPolicy([], { caseType: 'inquiry', priority: 'low' })).toThrow(/No SLA policy matches/);
  });
});

const calendarArb = fc
  .record({
    zone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin'),
    hours: fc.constantFrom(
      'Mon-Fri 09:00-18:00',
      'Mon-Fri 09:00-12:00,13:00-18:00',
      'Mon-Sat 08:00-20:00',
      'Sun-Thu 09:00-17:00',
    ),
    market: fc.constantFrom('CN', 'US', 'DE', 'SA'),
  })
  .map(({ zone, hours, market }) =>
    BusinessCalendarSchema.parse({ timeZone: zone, weeklyHours: parseWeeklyHours(hours), holidayMarket: market }),
  );
const targetArb = fc
  .record({
    minutes: fc.integer({ min: 30, max: 60 * 60 }),
    clock: fc.constantFrom('calendar', 'business'),
    kind: fc.constantFrom('first_reply', 'resolution'),
  })
  .map((value) =>
    policy({ targets: [{ kind: value.kind, minutes: value.minutes, clock: value.clock, calendar: 'team' }] }),
  );

describe('SLA properties', () => {
  it('pausing never shortens a deadline', () => {
    fc.assert(
      fc.property(
        calendarArb,
        targetArb,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (cal, pol, pauseStart, pauseLength) => {
          const base = timeline();
          const withPause = timeline({
            statusChanges: [
              { at: at(pauseStart), status: 'pending_customer' },
              { at: at(pauseStart + pauseLength), status: 'open' },
            ],
          });
          const now = at(pauseStart + pauseLength + 1);
          const before = evaluateSla(base, pol, { team: cal }, now, { explain: false }).targets[0]?.dueAt;
          const after = evaluateSla(withPause, pol, { team: cal }, now, { explain: false }).targets[0]?.dueAt;
          expect(before).toBeTruthy();
          expect(Date.parse(after ?? '')).toBeGreaterThanOrEqual(Date.parse(before ?? ''));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a deadline does not drift as time passes', () => {
    fc.assert(
      fc.property(calendarArb, targetArb, fc.integer({ min: 0, max: 500 }), (cal, pol, laterHours) => {
        const case1 = timeline({
          statusChanges: [
            { at: at(1), status: 'on_hold' },
            { at: at(3), status: 'open' },
          ],
        });
        const early = evaluateSla(case1, pol, { team: cal }, at(4), { explain: false }).targets[0]?.dueAt;
        const later = evaluateSla(case1, pol, { team: cal }, at(4 + laterHours), { explain: false }).targets[0]?.dueAt;
        expect(later).toBe(early);
      }),
      { numRuns: 60 },
    );
  });
});

describe('slaTimelineFromCase', () => {
  it('builds the engine input from CaseEvents and Messages in server order', () => {
    const built = slaTimelineFromCase({
      createdAt: at(0),
      events: [
        { kind: 'status_changed', at: at(4), data: { from: 'pending_customer', to: 'open' } },
        { kind: 'assigned', at: at(1), data: { to: 'someone' } },
        { kind: 'status_changed', at: at(2), data: { from: 'open', to: 'pending_customer' } },
      ],
      messages: [
        { createdAt: at(3), direction: 'outbound', authorKind: 'agent' },
        { createdAt: at(0.5), direction: 'outbound', authorKind: 'automation' },
      ],
    });
    expect(built.statusChanges.map((change) => change.status)).toEqual(['pending_customer', 'open']);
    expect(built.messages.map((message) => message.authorKind)).toEqual(['automation', 'agent']);
    expect(target(evaluateSla(built, reply24, calendars, at(5)), 'first_reply')).toMatchObject({
      state: 'achieved',
      met: true,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { compileOrThrow } from './compileScenario';
import { builtinScenarios } from './library';
import { answerRun, RunError, startRun } from './runPlayer';
import { scoreRun } from './scoreRun';

const HOUR = 3_600_000;
function scenario(id: string) {
  const found = builtinScenarios().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return compileOrThrow(found);
}

describe('run player', () => {
  const de = scenario('de-return-withdrawal');
  const lastDay = de.context.values.get('rights.withdrawalEnds') ?? '';

  it('takes legal facts from the rights calculator on the scenario clock', () => {
    // Delivered 6 days before 2026-11-24 (18 November), 14 days under §356(2) BGB: 2 December.
    expect(de.context.replyContext.deadlines.withdrawalEnds?.dueDate).toBe('2026-12-02');
    expect(lastDay).toBe('2. Dezember 2026');
  });

  it('plays customer and event nodes up to the first agent turn', () => {
    const run = startRun(de);
    expect(run.nodeId).toBe('a1');
    expect(run.transcript.map((entry) => entry.kind)).toEqual(['customer', 'event']);
    expect(run.transcript[0]).toMatchObject({ kind: 'customer', text: expect.stringContaining('TRN-DE-4411') });
  });

  it('scores a perfect path 100 and follows the branch the rules choose', () => {
    let run = startRun(de);
    run = answerRun(de, run, {
      kind: 'compose',
      text: `Sehr geehrte Frau Vogel,\n\nIhr Widerrufsrecht gilt bis einschließlich ${lastDay}. Das Rücksendeetikett liegt bei.\n\nMit freundlichen Grüßen`,
      actions: ['returnLabel.create'],
      delayMs: HOUR,
    });
    expect(run.nodeId).toBe('a2');
    expect(run.results.find((result) => result.ruleId === 'r_amounts')?.status).toBe('na');
    run = answerRun(de, run, { kind: 'choose', optionId: 'o_no_packaging_needed', delayMs: 0 });
    expect(run.outcome).toBe('withdrawal_confirmed');
    expect(run.path).toEqual(['c1', 'e1', 'a1', 'c2_ok', 'a2', 'end_confirmed']);
    const score = scoreRun(de, run);
    expect(score).toMatchObject({ score: 100, passed: true, criticalFails: [] });
  });

  it('auto-fails on a critical rule, keeps the raw score, and changes state', () => {
    let run = startRun(de);
    run = answerRun(de, run, {
      kind: 'compose',
      text: 'Sehr geehrte Frau Vogel, Sie können das Gerät innerhalb von 7 Tagen zurückschicken.',
      delayMs: HOUR,
    });
    expect(run.outcome).toBe('complaint_to_consumer_advice');
    expect(run.state.patience).toBe(1);
    const score = scoreRun(de, run);
    expect(score.score).toBe(0);
    expect(score.raw).toBeGreaterThan(0);
    expect(score.passed).toBe(false);
    expect(score.criticalFails.map((fail) => fail.source)).toEqual(expect.arrayContaining(['r_date', 'r_window']));
  });

  it('counts the reply limit in business hours: Thursday evening to Sunday morning is within 2 hours', () => {
    const sa = scenario('sa-return-salam-whatsapp');
    const lastDaySa = sa.context.values.get('rights.withdrawalEnds') ?? '';
    const reply = (delayMs: number) =>
      answerRun(sa, startRun(sa), {
        kind: 'compose',
        text: `وعليكم السلام، يحق لك الإرجاع حتى ${lastDaySa}.`,
        delayMs,
      });
    const status = (delayMs: number) => reply(delayMs).results.find((result) => result.ruleId === 'r_sla')?.status;
    // Arrives Thursday 16:30 Riyadh; open until 17:00, closed Friday and Saturday, open again Sunday 09:00.
    expect(status((2 * 24 + 17) * HOUR)).toBe('pass');
    expect(status((2 * 24 + 18) * HOUR)).toBe('pass'); // Sunday 10:30: exactly 2 business hours
    expect(status((2 * 24 + 19) * HOUR)).toBe('fail');
    expect(status(4 * 24 * HOUR)).toBe('fail');
  });

  it('makes the greeting rule N/A when the customer used no religious greeting', () => {
    const sa = scenario('sa-payment-no-greeting');
    const run = answerRun(sa, startRun(sa), {
      kind: 'compose',
      text: 'سيُعاد لك المبلغ المكرر خلال 5 أيام عمل.',
      delayMs: 0,
    });
    expect(run.results.find((result) => result.ruleId === 'r_mirror')?.status).toBe('na');
    const mirror = scoreRun(sa, run).criteria.find(
      (criterion) => criterion.source.kind === 'rule' && criterion.source.ruleId === 'r_mirror',
    );
    expect(mirror?.applies).toBe(false);
  });

  it('reveals a hidden fact when the trainee asks for it, and branches on it', () => {
    const us = scenario('us-complaint-late-delivery');
    const run = answerRun(us, startRun(us), {
      kind: 'compose',
      text: 'Hi Marcus, so sorry! Could you confirm your apartment number?',
      delayMs: 0,
    });
    expect(run.revealed).toEqual(['h_wrong_address']);
    expect(run.transcript.some((entry) => entry.kind === 'reveal' && entry.factId === 'h_wrong_address')).toBe(true);
    expect(run.path).toContain('c2_address');
  });

  it('refuses what the node does not offer, without changing the run', () => {
    const run = startRun(de);
    const expectCode = (fn: () => unknown, code: string): void => {
      try {
        fn();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RunError);
        expect((error as RunError).code).toBe(code);
      }
    };
    expectCode(() => answerRun(de, run, { kind: 'choose', optionId: 'o_refuse', delayMs: 0 }), 'wrong_mode');
    expectCode(() => answerRun(de, run, { kind: 'compose', text: '  ', delayMs: 0 }), 'empty_reply');
    expectCode(
      () => answerRun(de, run, { kind: 'compose', text: 'Hallo', actions: ['privacy.erase'], delayMs: 0 }),
      'action_not_offered',
    );
    const ended = answerRun(de, run, { kind: 'compose', text: 'Hallo, 7 Tage.', delayMs: 0 });
    expectCode(() => answerRun(de, ended, { kind: 'compose', text: 'Hallo', delayMs: 0 }), 'finished');
    expect(run.nodeId).toBe('a1');
    expect(run.transcript).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { compileOrThrow } from './compileScenario';
import { builtinScenarios } from './library';
import { applyOverrides, criterionKey, OverrideError, OverrideSchema } from './overrides';
import { answerRun, startRun } from './runPlayer';
import { scoreRun } from './scoreRun';

const de = compileOrThrow(builtinScenarios().find((scenario) => scenario.id === 'de-return-withdrawal')!);

/** The critical-fail path of the German withdrawal scenario: a wrong window, no date. */
function failedRun() {
  const run = answerRun(de, startRun(de), {
    kind: 'compose',
    text: 'Sehr geehrte Frau Vogel, Sie können das Gerät innerhalb von 7 Tagen zurückschicken.',
    delayMs: 3_600_000,
  });
  return scoreRun(de, run);
}

describe('review overrides', () => {
  it('names criteria by node, source and category', () => {
    const score = failedRun();
    expect(score.criteria.map(criterionKey)).toContain('a1/rule:r_window/legal');
  });

  it('clears a critical fail when the trainer passes its criterion, and recomputes the score', () => {
    const automatic = failedRun();
    expect(automatic.score).toBe(0);
    const critical = automatic.criteria.filter((criterion) => criterion.critical && !criterion.passed);
    expect(critical.length).toBeGreaterThan(0);
    const overrides = critical.map((criterion) => ({
      criterion: criterionKey(criterion),
      value: criterion.max,
      comment: 'The customer had already been told the date by phone.',
    }));
    const reviewed = applyOverrides(de.scenario, automatic, overrides);
    expect(reviewed.criticalFails.filter((fail) => fail.source !== 'category')).toEqual([]);
    expect(reviewed.raw).toBeGreaterThan(automatic.raw);
    for (const criterion of critical) {
      const after = reviewed.criteria.find((each) => criterionKey(each) === criterionKey(criterion));
      expect(after).toMatchObject({ selected: criterion.max, passed: true });
    }
  });

  it('adds a critical fail when a passed critical criterion is overridden down, and N/A leaves both sides', () => {
    const lastDay = de.context.values.get('rights.withdrawalEnds') ?? '';
    let run = answerRun(de, startRun(de), {
      kind: 'compose',
      text: `Sehr geehrte Frau Vogel,\n\nIhr Widerrufsrecht gilt bis einschließlich ${lastDay}. Das Rücksendeetikett liegt bei.\n\nMit freundlichen Grüßen`,
      actions: ['returnLabel.create'],
      delayMs: 3_600_000,
    });
    run = answerRun(de, run, { kind: 'choose', optionId: 'o_no_packaging_needed', delayMs: 0 });
    const perfect = scoreRun(de, run);
    expect(perfect.score).toBe(100);
    const critical = perfect.criteria.find((criterion) => criterion.critical)!;
    const down = applyOverrides(de.scenario, perfect, [
      { criterion: criterionKey(critical), value: critical.min, comment: 'Date given for the wrong order.' },
    ]);
    expect(down).toMatchObject({ score: 0, passed: false });
    const source = critical.source.kind === 'rule' ? critical.source.ruleId : critical.source.optionId;
    expect(down.criticalFails).toContainEqual({ category: critical.category, source, nodeId: critical.nodeId });

    const plain = perfect.criteria.find((criterion) => !criterion.critical && criterion.max > criterion.min)!;
    const na = applyOverrides(de.scenario, perfect, [
      { criterion: criterionKey(plain), value: null, comment: 'Not asked for here.' },
    ]);
    expect(na.criteria.find((each) => criterionKey(each) === criterionKey(plain))?.applies).toBe(false);
    expect(na.score).toBe(100);
  });

  it('refuses an override without a comment, of an unknown criterion, off the scale, or twice', () => {
    const automatic = failedRun();
    const some = automatic.criteria[0]!;
    expect(OverrideSchema.safeParse({ criterion: criterionKey(some), value: some.max, comment: '  ' }).success).toBe(
      false,
    );
    expect(OverrideSchema.safeParse({ criterion: criterionKey(some), value: some.max }).success).toBe(false);
    const ok = { criterion: criterionKey(some), value: some.max, comment: 'fine' };
    expect(() => applyOverrides(de.scenario, automatic, [{ ...ok, criterion: 'a9/rule:r_none/legal' }])).toThrow(
      OverrideError,
    );
    expect(() => applyOverrides(de.scenario, automatic, [{ ...ok, value: some.max + 1 }])).toThrow(/takes/);
    expect(() => applyOverrides(de.scenario, automatic, [ok, ok])).toThrow(/twice/);
  });
});

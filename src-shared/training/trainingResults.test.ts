import { describe, expect, it } from 'vitest';
import { MASTERY_DECAY, trainingResults, type RunFacts } from './trainingResults';

function run(overrides: Partial<RunFacts>): RunFacts {
  return {
    agentId: 'ana',
    scenarioId: 'de-return-withdrawal',
    market: 'DE',
    caseType: 'return_refund',
    finishedAt: '2026-11-20T10:00:00.000Z',
    score: 80,
    passed: true,
    categories: [{ id: 'legal', score: 1 }],
    criticalCategories: [],
    path: ['c1', 'a1', 'end_ok'],
    ruleResults: [{ ruleId: 'r_window', status: 'pass' }],
    overridden: false,
    ...overrides,
  };
}

describe('training results', () => {
  const runs: RunFacts[] = [
    // Ana fails twice, then passes the German scenario; passes the Japanese one first time.
    run({
      finishedAt: '2026-11-20T10:00:00.000Z',
      passed: false,
      score: 0,
      categories: [{ id: 'legal', score: 0 }],
      criticalCategories: ['legal'],
      path: ['c1', 'a1', 'end_fail'],
      ruleResults: [{ ruleId: 'r_window', status: 'fail' }],
    }),
    run({
      finishedAt: '2026-11-21T10:00:00.000Z',
      passed: false,
      score: 40,
      categories: [{ id: 'legal', score: 0.5 }],
      overridden: true,
      ruleResults: [{ ruleId: 'r_window', status: 'na' }],
    }),
    run({ finishedAt: '2026-11-22T10:00:00.000Z' }),
    run({
      scenarioId: 'jp-repair-keigo',
      market: 'JP',
      caseType: 'repair_warranty',
      finishedAt: '2026-11-23T10:00:00.000Z',
      categories: [{ id: 'rapport', score: 0.75 }],
    }),
    run({ agentId: 'ben', finishedAt: '2026-11-22T09:00:00.000Z', passed: false, score: 30 }),
  ];
  const results = trainingResults(runs);

  it('gives each trainee pass rate, attempts to pass, critical fails by category and per market and case type', () => {
    const ana = results.trainees.find((trainee) => trainee.agentId === 'ana');
    expect(ana).toMatchObject({
      runs: 4,
      passRate: 0.5,
      attemptsToPass: 2,
      scenariosPassed: 2,
      criticalFailsByCategory: { legal: 1 },
      byMarket: { DE: { runs: 3, passed: 1, rate: 1 / 3 }, JP: { runs: 1, passed: 1, rate: 1 } },
      byCaseType: { return_refund: { runs: 3, passed: 1 }, repair_warranty: { runs: 1, passed: 1 } },
      lastRunAt: '2026-11-23T10:00:00.000Z',
    });
    const ben = results.trainees.find((trainee) => trainee.agentId === 'ben');
    expect(ben).toMatchObject({ runs: 1, passRate: 0, attemptsToPass: null, scenariosPassed: 0 });
  });

  it('weighs mastery toward recent runs', () => {
    const ana = results.trainees.find((trainee) => trainee.agentId === 'ana');
    const d = MASTERY_DECAY;
    // legal newest first: 1, 0.5, 0.
    expect(ana?.mastery.legal).toBeCloseTo((1 + d * 0.5 + d * d * 0) / (1 + d + d * d), 10);
    expect(ana?.mastery.rapport).toBe(0.75);
  });

  it('gives each scenario share passing, paths, rule hit rates and override rate', () => {
    const de = results.scenarios.find((scenario) => scenario.scenarioId === 'de-return-withdrawal');
    expect(de).toMatchObject({
      runs: 4,
      passRate: 0.25,
      meanScore: (0 + 40 + 80 + 30) / 4,
      paths: [
        { path: 'c1 > a1 > end_ok', runs: 3 },
        { path: 'c1 > a1 > end_fail', runs: 1 },
      ],
      rules: [{ ruleId: 'r_window', applied: 3, hitRate: 2 / 3 }],
      overrideRate: 0.25,
    });
    expect(results.totals).toEqual({ runs: 5, trainees: 2, passRate: 0.4 });
  });

  it('is empty without runs', () => {
    expect(trainingResults([])).toEqual({
      trainees: [],
      scenarios: [],
      totals: { runs: 0, trainees: 0, passRate: null },
    });
  });
});

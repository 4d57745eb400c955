import { z } from 'zod';
import { CaseTypeSchema, MarketCodeSchema } from '../domain';

/**
 * The results a trainer reads (TRAINING.md "Metrics"): per trainee pass rate, attempts to pass, critical
 * fails by category, mastery per category (recency-weighted), per market and case type; per scenario the
 * share passing, the path distribution, rule hit rates and the override rate. Computed from one lean row
 * per run, the reviewed score standing in for the automatic one where a trainer overrode it.
 */
export interface RunFacts {
  agentId: string;
  scenarioId: string;
  market: z.infer<typeof MarketCodeSchema>;
  caseType: z.infer<typeof CaseTypeSchema>;
  finishedAt: string;
  score: number;
  passed: boolean;
  categories: ReadonlyArray<{ id: string; score: number | null }>;
  criticalCategories: readonly string[];
  path: readonly string[];
  ruleResults: ReadonlyArray<{ ruleId: string; status: 'pass' | 'fail' | 'na' }>;
  overridden: boolean;
}

/** A recent run counts more: each older run of the same category weighs this much of the next newer one. */
export const MASTERY_DECAY = 0.8;

const Share = z.number().min(0).max(1);
const RateSchema = z.object({ runs: z.int().min(0), passed: z.int().min(0), rate: Share.nullable() });
export type Rate = z.infer<typeof RateSchema>;

export const TraineeResultSchema = z.object({
  agentId: z.string(),
  runs: z.int().min(0),
  passRate: Share.nullable(),
  /** Mean attempts until the first pass, over the scenarios passed; null when none passed yet. */
  attemptsToPass: z.number().nullable(),
  scenariosPassed: z.int().min(0),
  criticalFailsByCategory: z.record(z.string(), z.int().min(1)),
  mastery: z.record(z.string(), Share),
  byMarket: z.record(z.string(), RateSchema),
  byCaseType: z.record(z.string(), RateSchema),
  lastRunAt: z.string().nullable(),
});
export type TraineeResult = z.infer<typeof TraineeResultSchema>;

export const ScenarioResultSchema = z.object({
  scenarioId: z.string(),
  market: MarketCodeSchema,
  caseType: CaseTypeSchema,
  runs: z.int().min(0),
  passRate: Share.nullable(),
  meanScore: z.number().nullable(),
  /** Paths taken, most taken first: the node ids joined by " > ". */
  paths: z.array(z.object({ path: z.string(), runs: z.int().min(1) })),
  /** Per rule: how often it passed where it applied, and how often it applied at all. */
  rules: z.array(z.object({ ruleId: z.string(), applied: z.int().min(0), hitRate: Share.nullable() })),
  overrideRate: Share.nullable(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

export const TrainingResultsSchema = z.object({
  trainees: z.array(TraineeResultSchema),
  scenarios: z.array(ScenarioResultSchema),
  totals: z.object({ runs: z.int().min(0), trainees: z.int().min(0), passRate: Share.nullable() }),
});
export type TrainingResults = z.infer<typeof TrainingResultsSchema>;

const rate = (runs: number, passed: number): Rate => ({ runs, passed, rate: runs === 0 ? null : passed / runs });

function bump(record: Record<string, Rate>, key: string, passed: boolean): void {
  const before = record[key] ?? rate(0, 0);
  record[key] = rate(before.runs + 1, before.passed + (passed ? 1 : 0));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function traineeResult(agentId: string, runs: readonly RunFacts[]): TraineeResult {
  const ordered = [...runs].sort((a, b) => (a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0));
  const passed = ordered.filter((run) => run.passed).length;
  const attempts: number[] = [];
  for (const tries of groupBy(ordered, (run) => run.scenarioId).values()) {
    const first = tries.findIndex((run) => run.passed);
    if (first >= 0) attempts.push(first + 1);
  }
  const criticalFailsByCategory: Record<string, number> = {};
  const byMarket: Record<string, Rate> = {};
  const byCaseType: Record<string, Rate> = {};
  const weighted = new Map<string, { sum: number; weight: number; count: number }>();
  // Newest first, so each step back in time weighs MASTERY_DECAY of the one after it.
  for (const run of [...ordered].reverse()) {
    for (const category of new Set(run.criticalCategories))
      criticalFailsByCategory[category] = (criticalFailsByCategory[category] ?? 0) + 1;
    bump(byMarket, run.market, run.passed);
    bump(byCaseType, run.caseType, run.passed);
    for (const category of run.categories) {
      if (category.score === null) continue;
      const seen = weighted.get(category.id) ?? { sum: 0, weight: 0, count: 0 };
      const weight = MASTERY_DECAY ** seen.count;
      weighted.set(category.id, {
        sum: seen.sum + weight * category.score,
        weight: seen.weight + weight,
        count: seen.count + 1,
      });
    }
  }
  const mastery: Record<string, number> = {};
  for (const [category, { sum, weight }] of weighted) mastery[category] = sum / weight;
  return {
    agentId,
    runs: ordered.length,
    passRate: rate(ordered.length, passed).rate,
    attemptsToPass: attempts.length === 0 ? null : attempts.reduce((sum, n) => sum + n, 0) / attempts.length,
    scenariosPassed: attempts.length,
    criticalFailsByCategory,
    mastery,
    byMarket,
    byCaseType,
    lastRunAt: ordered.at(-1)?.finishedAt ?? null,
  };
}

function scenarioResult(scenarioId: string, runs: readonly RunFacts[]): ScenarioResult {
  const first = runs[0];
  if (!first) throw new Error(`no runs of ${scenarioId}`);
  const paths = [...groupBy(runs, (run) => run.path.join(' > ')).entries()]
    .map(([path, taken]) => ({ path, runs: taken.length }))
    .sort((a, b) => b.runs - a.runs || (a.path < b.path ? -1 : 1));
  const rules = new Map<string, { applied: number; passed: number }>();
  for (const run of runs)
    for (const result of run.ruleResults) {
      const seen = rules.get(result.ruleId) ?? { applied: 0, passed: 0 };
      if (result.status !== 'na') seen.applied += 1;
      if (result.status === 'pass') seen.passed += 1;
      rules.set(result.ruleId, seen);
    }
  const passed = runs.filter((run) => run.passed).length;
  return {
    scenarioId,
    market: first.market,
    caseType: first.caseType,
    runs: runs.length,
    passRate: rate(runs.length, passed).rate,
    meanScore: runs.reduce((sum, run) => sum + run.score, 0) / runs.length,
    paths,
    rules: [...rules.entries()]
      .map(([ruleId, { applied, passed: hits }]) => ({
        ruleId,
        applied,
        hitRate: applied === 0 ? null : hits / applied,
      }))
      .sort((a, b) => (a.ruleId < b.ruleId ? -1 : 1)),
    overrideRate: runs.filter((run) => run.overridden).length / runs.length,
  };
}

export function trainingResults(runs: readonly RunFacts[]): TrainingResults {
  const trainees = [...groupBy(runs, (run) => run.agentId).entries()].map(([agentId, own]) =>
    traineeResult(agentId, own),
  );
  const scenarios = [...groupBy(runs, (run) => run.scenarioId).entries()]
    .map(([scenarioId, own]) => scenarioResult(scenarioId, own))
    .sort((a, b) => (a.scenarioId < b.scenarioId ? -1 : 1));
  const passed = runs.filter((run) => run.passed).length;
  return {
    trainees,
    scenarios,
    totals: { runs: runs.length, trainees: trainees.length, passRate: rate(runs.length, passed).rate },
  };
}

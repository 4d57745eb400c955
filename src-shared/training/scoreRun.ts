import type { CompiledScenario } from './compileScenario';
import type { RunState } from './runPlayer';
import type { FeedbackRef, Scenario } from './schema';

/** One scored criterion: a rule at a node, or a rubric category of a choice the trainee made. */
export interface Criterion {
  source: { kind: 'rule'; ruleId: string } | { kind: 'option'; optionId: string };
  nodeId: string;
  category: string;
  selected: number;
  min: number;
  max: number;
  /** N/A criteria leave both sides of the score. */
  applies: boolean;
  passed: boolean;
  /** Failing it fails the run (a critical rule; an option's own critical flag is kept on the run's fails). */
  critical: boolean;
  feedback?: FeedbackRef;
}

export interface CriticalFail {
  category: string;
  /** The rule or option that failed, or "category" when the category as a whole fell below half. */
  source: string;
  nodeId?: string;
}

export interface RunScore {
  /** 0-100 after auto-fail; raw is before it. */
  score: number;
  raw: number;
  passed: boolean;
  categories: Array<{ id: string; weight: number; score: number | null }>;
  criticalFails: CriticalFail[];
  criteria: Criterion[];
}

/**
 * TRAINING.md's rubric: a criterion scores (selected - min) / (max - min); a category sums its criteria;
 * the review score is sum(score x weight) / sum(weight) over categories that apply (N/A leaves both sides);
 * a failed critical rule or choice, or a critical category below 50 %, sets the score to 0 (auto-fail).
 */
export function scoreRun(compiled: CompiledScenario, run: RunState): RunScore {
  const { scenario } = compiled;
  const criteria: Criterion[] = [];
  const criticalFails: CriticalFail[] = [];

  for (const result of run.results) {
    const rule = compiled.rules.get(result.ruleId)?.rule;
    if (!rule) continue;
    const passed = result.status === 'pass';
    const feedback = passed ? rule.feedback.pass : result.status === 'fail' ? rule.feedback.fail : undefined;
    criteria.push({
      source: { kind: 'rule', ruleId: rule.id },
      nodeId: result.nodeId,
      category: rule.category,
      selected: passed ? rule.points : 0,
      min: 0,
      max: rule.points,
      applies: result.status !== 'na',
      passed,
      critical: rule.critical,
      ...(feedback ? { feedback } : {}),
    });
    if (rule.critical && result.status === 'fail')
      criticalFails.push({ category: rule.category, source: rule.id, nodeId: result.nodeId });
  }

  for (const pick of run.picks) {
    const node = scenario.nodes[pick.nodeId];
    if (node?.type !== 'agent' || node.mode !== 'choose') continue;
    const option = node.options.find((candidate) => candidate.id === pick.optionId);
    if (!option) continue;
    const scored = [...new Set(node.options.flatMap((candidate) => Object.keys(candidate.score)))];
    for (const category of scored) {
      const values = node.options.map((candidate) => candidate.score[category] ?? 0);
      const selected = option.score[category] ?? 0;
      const max = Math.max(...values);
      criteria.push({
        source: { kind: 'option', optionId: option.id },
        nodeId: pick.nodeId,
        category,
        selected,
        min: Math.min(...values),
        max,
        applies: true,
        passed: selected === max,
        critical: option.critical === category,
        ...(option.feedback ? { feedback: option.feedback } : {}),
      });
    }
    if (option.critical) criticalFails.push({ category: option.critical, source: option.id, nodeId: pick.nodeId });
  }

  return totalScore(scenario, criteria, criticalFails);
}

/**
 * The score from scored criteria: categories, critical categories below half, the weighted total and
 * whether it passes. `criticalFails` are the criteria's own (rules and options); a review's overrides
 * recompute through here too.
 */
export function totalScore(
  scenario: Pick<Scenario, 'rubric' | 'passThreshold'>,
  criteria: Criterion[],
  criterionFails: readonly CriticalFail[],
): RunScore {
  const criticalFails = [...criterionFails];
  const categories = scenario.rubric.categories.map((category) => {
    const own = criteria.filter((criterion) => criterion.applies && criterion.category === category.id);
    const range = own.reduce((sum, criterion) => sum + criterion.max - criterion.min, 0);
    const earned = own.reduce((sum, criterion) => sum + criterion.selected - criterion.min, 0);
    const score = range === 0 ? null : earned / range;
    if (category.critical && score !== null && score < 0.5)
      criticalFails.push({ category: category.id, source: 'category' });
    return { id: category.id, weight: category.weight, score };
  });
  const applicable = categories.filter((category) => category.score !== null);
  const weights = applicable.reduce((sum, category) => sum + category.weight, 0);
  const raw = weights === 0 ? 0 : (100 * applicable.reduce((sum, c) => sum + (c.score ?? 0) * c.weight, 0)) / weights;
  const score = criticalFails.length > 0 ? 0 : raw;
  return {
    score,
    raw,
    passed: criticalFails.length === 0 && score >= scenario.passThreshold,
    categories,
    criticalFails,
    criteria,
  };
}

import { z } from 'zod';
import type { CriticalFail, Criterion, RunScore } from './scoreRun';
import { totalScore } from './scoreRun';
import type { Scenario } from './schema';

/**
 * A trainer's review overrides automatic criteria (TRAINING.md: "overrides of automatic scores need a
 * comment"). A criterion is named by where it was scored: node, rule or option, category.
 */
export function criterionKey(criterion: Pick<Criterion, 'nodeId' | 'source' | 'category'>): string {
  const source =
    criterion.source.kind === 'rule' ? `rule:${criterion.source.ruleId}` : `option:${criterion.source.optionId}`;
  return `${criterion.nodeId}/${source}/${criterion.category}`;
}

export const CriterionKeySchema = z
  .string()
  .max(200)
  .regex(
    /^[a-z][a-z0-9_]*\/(rule|option):[a-z][a-z0-9_]*\/[a-z][a-z0-9_]*$/,
    'a criterion such as a1/rule:r_right/legal',
  );

export const OverrideSchema = z.strictObject({
  criterion: CriterionKeySchema,
  /** The points the trainer gives, between the criterion's min and max; null marks it N/A. */
  value: z.int().min(-100).max(100).nullable(),
  /** Required: an override without a reason cannot be reviewed or disputed. */
  comment: z.string().trim().min(1, 'an override needs a comment').max(2000),
});
export type Override = z.infer<typeof OverrideSchema>;

export class OverrideError extends Error {
  constructor(
    readonly reason: 'UNKNOWN_CRITERION' | 'VALUE_OUT_OF_RANGE' | 'OVERRIDDEN_TWICE',
    message: string,
  ) {
    super(message);
    this.name = 'OverrideError';
  }
}

function sourceId(source: Criterion['source']): string {
  return source.kind === 'rule' ? source.ruleId : source.optionId;
}

/**
 * The run's score with the trainer's overrides: each named criterion takes the given points (or N/A),
 * a critical fail caused by an overridden criterion goes when it now passes or is N/A and comes when a
 * critical criterion now fails, and the total is recomputed as the automatic score was (scoreRun).
 */
export function applyOverrides(
  scenario: Pick<Scenario, 'rubric' | 'passThreshold'>,
  automatic: RunScore,
  overrides: readonly Override[],
): RunScore {
  const byKey = new Map<string, Override>();
  for (const override of overrides) {
    if (byKey.has(override.criterion))
      throw new OverrideError('OVERRIDDEN_TWICE', `criterion ${override.criterion} is overridden twice`);
    byKey.set(override.criterion, override);
  }
  const known = new Set(automatic.criteria.map(criterionKey));
  for (const key of byKey.keys())
    if (!known.has(key)) throw new OverrideError('UNKNOWN_CRITERION', `the run has no criterion ${key}`);

  const criteria = automatic.criteria.map((criterion): Criterion => {
    const override = byKey.get(criterionKey(criterion));
    if (!override) return criterion;
    const { value } = override;
    if (value !== null && (value < criterion.min || value > criterion.max))
      throw new OverrideError(
        'VALUE_OUT_OF_RANGE',
        `criterion ${override.criterion} takes ${criterion.min} to ${criterion.max}, not ${value}`,
      );
    return value === null
      ? { ...criterion, applies: false, passed: false }
      : { ...criterion, selected: value, applies: true, passed: value === criterion.max };
  });

  const overridden = criteria.filter((criterion) => byKey.has(criterionKey(criterion)));
  const cleared = (fail: CriticalFail) =>
    overridden.some(
      (criterion) =>
        criterion.nodeId === fail.nodeId &&
        sourceId(criterion.source) === fail.source &&
        (!criterion.applies || criterion.passed),
    );
  const fails = automatic.criticalFails.filter((fail) => fail.source !== 'category' && !cleared(fail));
  for (const criterion of overridden) {
    const source = sourceId(criterion.source);
    const isListed = fails.some((fail) => fail.nodeId === criterion.nodeId && fail.source === source);
    if (criterion.critical && criterion.applies && !criterion.passed && !isListed)
      fails.push({ category: criterion.category, source, nodeId: criterion.nodeId });
  }
  return totalScore(scenario, criteria, fails);
}

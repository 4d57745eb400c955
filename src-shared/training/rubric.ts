import { z } from 'zod';
import { sourceHash } from '../replies/sourceHash';
import { UiTextSchema } from './schema';

/**
 * A review rubric as TRAINING.md describes the field's (Zendesk QA, MaestroQA, Playvox): categories with
 * weights, criteria on a 2- to 5-level scale (binary to 5-point) that may be N/A, and critical criteria that
 * fail the whole review. Trainers score runs with it in calibrations; every score names the version it used.
 */
const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case id such as rapport');

export const RubricKeySchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/, 'a rubric key such as qa.after-sales');

export const RubricCategorySchema = z.strictObject({
  id: Id,
  title: UiTextSchema,
  weight: z.int().min(1).max(100),
  /** A critical category scored below 50 % fails the review (Zendesk's critical categories). */
  critical: z.boolean().default(false),
});

export const RubricCriterionSchema = z.strictObject({
  id: Id,
  category: Id,
  title: UiTextSchema,
  /** 2 = binary (no/yes), 3 to 5 = the field's 3-, 4- and 5-point scales; ratings are 0 … levels - 1. */
  levels: z.int().min(2).max(5),
  /** The criterion's share of its category. */
  points: z.int().min(1).max(100),
  /** Failing it (below half of its scale) sets the whole review score to 0 (auto-fail). */
  critical: z.boolean().default(false),
  /** Whether a reviewer may mark it N/A: it then leaves both sides of the score. */
  allowNa: z.boolean().default(false),
});
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

/** What a trainer writes: the version and the retirement are the server's. */
export const RubricDraftSchema = z
  .strictObject({
    key: RubricKeySchema,
    title: UiTextSchema,
    categories: z.array(RubricCategorySchema).min(1).max(20),
    criteria: z.array(RubricCriterionSchema).min(1).max(100),
  })
  .superRefine((draft, ctx) => {
    const categoryIds = draft.categories.map((category) => category.id);
    const weights = draft.categories.reduce((sum, category) => sum + category.weight, 0);
    if (weights !== 100)
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `weights sum to ${weights}, not 100` });
    for (const [path, ids] of [
      ['categories', categoryIds],
      ['criteria', draft.criteria.map((criterion) => criterion.id)],
    ] as const) {
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (twice.length > 0)
        ctx.addIssue({ code: 'custom', path: [path], message: `ids used twice: ${twice.join(', ')}` });
    }
    draft.criteria.forEach((criterion, index) => {
      if (!categoryIds.includes(criterion.category))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', index, 'category'],
          message: `no category ${criterion.category}`,
        });
    });
    for (const id of categoryIds)
      if (!draft.criteria.some((criterion) => criterion.category === id))
        ctx.addIssue({ code: 'custom', path: ['categories'], message: `category ${id} has no criterion` });
  });
export type RubricDraft = z.infer<typeof RubricDraftSchema>;
export type RubricDraftInput = z.input<typeof RubricDraftSchema>;

export const RubricStatusSchema = z.enum(['active', 'retired']);

export const RubricSchema = z.object({
  key: RubricKeySchema,
  version: z.int().min(1),
  title: UiTextSchema,
  categories: z.array(RubricCategorySchema),
  criteria: z.array(RubricCriterionSchema),
  status: RubricStatusSchema,
  /** What scores: a new version exactly when this changes (wording and order never do). */
  scoringHash: z.string(),
  /** Whether anything was scored with this version: then it can be retired, never deleted. */
  used: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string(),
});
export type Rubric = z.infer<typeof RubricSchema>;

/** `key@version`, as scenarios name their rubric (`qa.after-sales@1`). */
export function rubricRef(rubric: Pick<Rubric, 'key' | 'version'>): string {
  return `${rubric.key}@${rubric.version}`;
}

/**
 * The parts of a rubric that decide a score (TRAINING.md: points, weights, critical flags, N/A, added or
 * removed criteria), in id order, so rewording a title or reordering the list keeps the version.
 */
export function rubricScoringHash(draft: Pick<RubricDraft, 'categories' | 'criteria'>): string {
  const categories = [...draft.categories]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((c) => [c.id, c.weight, c.critical]);
  const criteria = [...draft.criteria]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((c) => [c.id, c.category, c.levels, c.points, c.critical, c.allowNa]);
  return sourceHash({ body: JSON.stringify({ categories, criteria }) });
}

/** One reviewer's ratings: per criterion id a value 0 … levels - 1, or null for N/A. */
export const RubricRatingsSchema = z.record(Id, z.int().min(0).max(4).nullable());
export type RubricRatings = z.infer<typeof RubricRatingsSchema>;

export interface RubricScore {
  /** 0-100 after auto-fail; raw is before it. */
  score: number;
  raw: number;
  categories: Array<{ id: string; weight: number; score: number | null }>;
  /** Critical criteria below half their scale, and critical categories below 50 %. */
  criticalFails: string[];
}

export class RubricRatingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RubricRatingError';
  }
}

/** Refuses ratings that do not fit the rubric: an unknown or missing criterion, a value off its scale, N/A where not allowed. */
export function checkRatings(rubric: Pick<Rubric, 'criteria'>, ratings: RubricRatings): void {
  const known = new Set(rubric.criteria.map((criterion) => criterion.id));
  for (const id of Object.keys(ratings))
    if (!known.has(id)) throw new RubricRatingError(`the rubric has no criterion ${id}`);
  for (const criterion of rubric.criteria) {
    const value = ratings[criterion.id];
    if (value === undefined) throw new RubricRatingError(`criterion ${criterion.id} is not rated`);
    if (value === null && !criterion.allowNa) throw new RubricRatingError(`criterion ${criterion.id} cannot be N/A`);
    if (value !== null && value > criterion.levels - 1)
      throw new RubricRatingError(`criterion ${criterion.id} takes 0 to ${criterion.levels - 1}, not ${value}`);
  }
}

/** A rating as a share of its scale (0 … 1), the unit alignment and alpha compare in. */
export function ratingShare(criterion: Pick<RubricCriterion, 'levels'>, value: number): number {
  return value / (criterion.levels - 1);
}

/**
 * TRAINING.md's review score: a criterion scores (selected - min) / (max - min) of its points, a category
 * sums its criteria, the score is sum(score x weight) / sum(weight) over categories that apply (N/A leaves
 * both sides), and a failed critical criterion or critical category sets it to 0.
 */
export function scoreRubric(rubric: Pick<Rubric, 'categories' | 'criteria'>, ratings: RubricRatings): RubricScore {
  checkRatings(rubric, ratings);
  const criticalFails: string[] = [];
  for (const criterion of rubric.criteria) {
    const value = ratings[criterion.id];
    if (criterion.critical && value !== null && value !== undefined && ratingShare(criterion, value) < 0.5)
      criticalFails.push(criterion.id);
  }
  const categories = rubric.categories.map((category) => {
    let earned = 0;
    let range = 0;
    for (const criterion of rubric.criteria) {
      const value = ratings[criterion.id];
      if (criterion.category !== category.id || value === null || value === undefined) continue;
      earned += criterion.points * ratingShare(criterion, value);
      range += criterion.points;
    }
    const score = range === 0 ? null : earned / range;
    if (category.critical && score !== null && score < 0.5) criticalFails.push(category.id);
    return { id: category.id, weight: category.weight, score };
  });
  const applicable = categories.filter((category) => category.score !== null);
  const weights = applicable.reduce((sum, category) => sum + category.weight, 0);
  const raw = weights === 0 ? 0 : (100 * applicable.reduce((sum, c) => sum + (c.score ?? 0) * c.weight, 0)) / weights;
  return { score: criticalFails.length > 0 ? 0 : raw, raw, categories, criticalFails };
}

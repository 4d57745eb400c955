import { AlphaError, krippendorffAlpha } from './alpha';
import type { RubricCriterion, RubricRatings } from './rubric';
import { ratingShare } from './rubric';

/**
 * Calibration (TRAINING.md): several trainers score one run blind with one rubric version; agreement is
 * measured, not only discussed. Krippendorff's alpha per criterion over every closed session of the rubric
 * (one unit per session, the ratings as shares of the scale at the ordinal level; N/A is a missing rating),
 * and each trainer's alignment with the benchmark trainer: 1 - |difference| / criterion maximum.
 */

/** One session's ratings: trainer id -> ratings (criterion id -> value, null for N/A). */
export type SessionRatings = ReadonlyMap<string, RubricRatings>;

export type CriterionAlpha =
  | { criterion: string; alpha: number; units: number; pairable: number }
  /** Alpha is undefined: every rating was the same (no variation) or no session had two ratings. */
  | { criterion: string; alpha: null; reason: 'no_variation' | 'no_pairable_units'; units: number; pairable: number };

/** Alpha per criterion, over the sessions given (this one and the earlier closed ones of the same rubric). */
export function alphaPerCriterion(
  criteria: readonly Pick<RubricCriterion, 'id' | 'levels'>[],
  sessions: readonly SessionRatings[],
): CriterionAlpha[] {
  const trainers = [...new Set(sessions.flatMap((session) => [...session.keys()]))];
  return criteria.map((criterion) => {
    // Rows are trainers, columns sessions: Krippendorff's reliability data matrix.
    const matrix = trainers.map((trainer) =>
      sessions.map((session) => {
        const value = session.get(trainer)?.[criterion.id];
        return value === undefined || value === null ? null : ratingShare(criterion, value);
      }),
    );
    const pairable = sessions.filter((_, unit) => matrix.filter((row) => row[unit] !== null).length >= 2).length;
    try {
      const result = krippendorffAlpha(matrix, 'ordinal');
      return { criterion: criterion.id, alpha: result.alpha, units: result.units, pairable: result.pairable };
    } catch (error) {
      if (!(error instanceof AlphaError) || (error.code !== 'no_variation' && error.code !== 'no_pairable_units'))
        throw error;
      return { criterion: criterion.id, alpha: null, reason: error.code, units: sessions.length, pairable };
    }
  });
}

export interface TrainerAlignment {
  trainerId: string;
  /** Per criterion 0 … 1 (1: the benchmark's rating); both N/A agree, one N/A disagrees fully. */
  criteria: Record<string, number>;
  /** Mean over the criteria. */
  overall: number;
}

/** Each trainer's alignment with the benchmark trainer in one session (the benchmark itself is 1 everywhere). */
export function alignmentWithBenchmark(
  criteria: readonly Pick<RubricCriterion, 'id' | 'levels'>[],
  session: SessionRatings,
  benchmarkId: string,
): TrainerAlignment[] {
  const benchmark = session.get(benchmarkId);
  if (!benchmark) return [];
  return [...session.entries()].map(([trainerId, ratings]) => {
    const perCriterion: Record<string, number> = {};
    for (const criterion of criteria) {
      const theirs = ratings[criterion.id] ?? null;
      const reference = benchmark[criterion.id] ?? null;
      perCriterion[criterion.id] =
        theirs === null || reference === null
          ? theirs === reference
            ? 1
            : 0
          : 1 - Math.abs(theirs - reference) / (criterion.levels - 1);
    }
    const values = Object.values(perCriterion);
    const overall = values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length;
    return { trainerId, criteria: perCriterion, overall };
  });
}

/** Krippendorff's reading of alpha: >= 0.8 good, >= 0.667 tentative, below that not reliable. */
export function alphaVerdict(alpha: number): 'good' | 'tentative' | 'unreliable' {
  return alpha >= 0.8 ? 'good' : alpha >= 0.667 ? 'tentative' : 'unreliable';
}

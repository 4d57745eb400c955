/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") for any number of
 * raters, missing ratings and the four levels of measurement, through the coincidence matrix.
 */
export const ALPHA_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type AlphaLevel = (typeof ALPHA_LEVELS)[number];

/** One row per rater, one column per unit; null is a missing rating. */
export type RatingValue = string | number;
export type RatingMatrix = ReadonlyArray<ReadonlyArray<RatingValue | null>>;

export interface AlphaResult {
  alpha: number;
  level: AlphaLevel;
  /** Units in the data (columns). */
  units: number;
  /** Units with at least two ratings: only these enter the computation. */
  pairable: number;
}

export type AlphaErrorCode = 'no_pairable_units' | 'no_variation' | 'not_numeric' | 'negative_ratio';

export class AlphaError extends Error {
  constructor(
    readonly code: AlphaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AlphaError';
  }
}

/** Values keyed by their string form, so nominal labels and numbers share one code path. */
interface Domain {
  keys: string[];
  numbers: Map<string, number>;
}

function domainOf(units: ReadonlyArray<ReadonlyArray<RatingValue>>, level: AlphaLevel): Domain {
  const keys = [...new Set(units.flat().map(String))];
  const numbers = new Map<string, number>();
  if (level !== 'nominal') {
    for (const key of keys) {
      const value = Number(key);
      if (key.trim() === '' || !Number.isFinite(value))
        throw new AlphaError('not_numeric', `The ${level} level needs numbers; "${key}" is not a number.`);
      if (level === 'ratio' && value < 0)
        throw new AlphaError('negative_ratio', `The ratio level needs values of 0 or more; got ${key}.`);
      numbers.set(key, value);
    }
    keys.sort((a, b) => (numbers.get(a) ?? 0) - (numbers.get(b) ?? 0));
  }
  return { keys, numbers };
}

/** The squared difference function delta^2 of the paper, section E. */
function distance(level: AlphaLevel, domain: Domain, marginals: Map<string, number>): (a: string, b: string) => number {
  const value = (key: string): number => domain.numbers.get(key) ?? 0;
  switch (level) {
    case 'nominal':
      return (a, b) => (a === b ? 0 : 1);
    case 'interval':
      return (a, b) => (value(a) - value(b)) ** 2;
    case 'ratio':
      return (a, b) => {
        const sum = value(a) + value(b);
        return sum === 0 ? 0 : ((value(a) - value(b)) / sum) ** 2;
      };
    case 'ordinal': {
      // Cumulative marginals along the ordered values: sum of n_g from c to k minus half of n_c and n_k.
      const rank = new Map(domain.keys.map((key, index) => [key, index]));
      const cumulative: number[] = [];
      let total = 0;
      for (const key of domain.keys) {
        total += marginals.get(key) ?? 0;
        cumulative.push(total);
      }
      return (a, b) => {
        if (a === b) return 0;
        let low = rank.get(a) ?? 0;
        let high = rank.get(b) ?? 0;
        if (low > high) [low, high] = [high, low];
        const between = (cumulative[high] ?? 0) - (low > 0 ? (cumulative[low - 1] ?? 0) : 0);
        return (between - ((marginals.get(a) ?? 0) + (marginals.get(b) ?? 0)) / 2) ** 2;
      };
    }
  }
}

export function krippendorffAlpha(matrix: RatingMatrix, level: AlphaLevel): AlphaResult {
  const unitCount = Math.max(0, ...matrix.map((row) => row.length));
  const units: RatingValue[][] = [];
  for (let unit = 0; unit < unitCount; unit++) {
    const values = matrix.flatMap((row) => {
      const value = row[unit];
      return value === null || value === undefined ? [] : [value];
    });
    if (values.length >= 2) units.push(values);
  }
  if (units.length === 0)
    throw new AlphaError('no_pairable_units', 'No unit has two or more ratings, so there is nothing to compare.');

  const domain = domainOf(units, level);
  const coincidences = new Map<string, number>();
  const marginals = new Map<string, number>();
  for (const values of units) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        const pair = `${String(values[i])}\u0000${String(values[j])}`;
        coincidences.set(pair, (coincidences.get(pair) ?? 0) + weight);
      }
      const key = String(values[i]);
      marginals.set(key, (marginals.get(key) ?? 0) + 1);
    }
  }
  const n = [...marginals.values()].reduce((sum, count) => sum + count, 0);
  const delta = distance(level, domain, marginals);

  let observed = 0;
  for (const [pair, count] of coincidences) {
    const [a = '', b = ''] = pair.split('\u0000');
    observed += count * delta(a, b);
  }
  let expected = 0;
  for (const a of domain.keys) {
    for (const b of domain.keys) expected += (marginals.get(a) ?? 0) * (marginals.get(b) ?? 0) * delta(a, b);
  }
  if (expected === 0)
    throw new AlphaError(
      'no_variation',
      'Alpha is undefined: every pairable rating has the same value, so agreement cannot be told from chance.',
    );
  return { alpha: 1 - ((n - 1) * observed) / expected, level, units: unitCount, pairable: units.length };
}

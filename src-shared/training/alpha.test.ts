import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlphaError, krippendorffAlpha, type AlphaLevel, type RatingMatrix } from './alpha';
import { parseRatingsCsv, RatingsCsvError } from './ratingsCsv';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing values.
const WORKED_EXAMPLE = `rater,1,2,3,4,5,6,7,8,9,10,11,12
A,1,2,3,3,2,1,4,1,2,,,
B,1,2,3,3,2,2,4,1,2,5,,3
C,,3,3,3,2,3,4,2,2,5,1,
D,1,2,3,3,2,4,4,1,2,5,1,
`;

describe('krippendorffAlpha', () => {
  const { matrix } = parseRatingsCsv(WORKED_EXAMPLE);
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] satisfies Array<[AlphaLevel, number]>)('reproduces the paper at the %s level (%s)', (level, expected) => {
    const result = krippendorffAlpha(matrix, level);
    expect(result.alpha).toBeCloseTo(expected, 3);
    // Unit 12 has one rating only: it is not pairable and does not count.
    expect(result).toMatchObject({ level, units: 12, pairable: 11 });
  });

  it('is 1 when every rater agrees on every unit and the units differ', () => {
    const agree: RatingMatrix = [
      [1, 2, 3, 1],
      [1, 2, 3, 1],
      [1, 2, 3, null],
    ];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const)
      expect(krippendorffAlpha(agree, level).alpha).toBe(1);
  });

  it('computes a single unit from its own disagreement', () => {
    const result = krippendorffAlpha([[1], [2], [1]], 'nominal');
    expect(result).toEqual({ alpha: 0, level: 'nominal', units: 1, pairable: 1 });
  });

  it('takes nominal labels that are not numbers, and refuses them at numeric levels', () => {
    const labels: RatingMatrix = [
      ['pass', 'fail', 'pass'],
      ['pass', 'fail', 'fail'],
    ];
    expect(krippendorffAlpha(labels, 'nominal').alpha).toBeCloseTo(0.4444, 4);
    expect(() => krippendorffAlpha(labels, 'interval')).toThrow(/interval level needs numbers/);
  });

  it('refuses data it cannot compute, with the reason', () => {
    const code = (matrix: RatingMatrix, level: AlphaLevel): string | undefined => {
      try {
        krippendorffAlpha(matrix, level);
      } catch (error) {
        return error instanceof AlphaError ? error.code : 'other';
      }
      return undefined;
    };
    expect(
      code(
        [
          [1, null],
          [null, 2],
        ],
        'nominal',
      ),
    ).toBe('no_pairable_units');
    expect(
      code(
        [
          [3, 3],
          [3, 3],
        ],
        'interval',
      ),
    ).toBe('no_variation');
    expect(
      code(
        [
          [-1, 2],
          [1, 2],
        ],
        'ratio',
      ),
    ).toBe('negative_ratio');
  });

  const ratings = fc.array(
    fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 6, maxLength: 6 }),
    {
      minLength: 2,
      maxLength: 5,
    },
  );
  const compute = (matrix: RatingMatrix, level: AlphaLevel): number | undefined => {
    try {
      return krippendorffAlpha(matrix, level).alpha;
    } catch (error) {
      if (error instanceof AlphaError) return undefined;
      throw error;
    }
  };

  it('does not depend on the order of raters or units (property)', () => {
    fc.assert(
      fc.property(ratings, fc.constantFrom<AlphaLevel>('nominal', 'ordinal', 'interval', 'ratio'), (matrix, level) => {
        const alpha = compute(matrix, level);
        const raters = compute([...matrix].reverse(), level);
        const units = compute(
          matrix.map((row) => [...row].reverse()),
          level,
        );
        if (alpha === undefined) return raters === undefined && units === undefined;
        expect(raters).toBeCloseTo(alpha, 9);
        expect(units).toBeCloseTo(alpha, 9);
        return true;
      }),
    );
  });

  it('never exceeds 1, and is 1 exactly when all pairable units agree (property)', () => {
    fc.assert(
      fc.property(ratings, fc.constantFrom<AlphaLevel>('nominal', 'ordinal', 'interval', 'ratio'), (matrix, level) => {
        const alpha = compute(matrix, level);
        if (alpha === undefined) return true;
        const agreeing = [0, 1, 2, 3, 4, 5].every(
          (unit) => new Set(matrix.map((row) => row[unit]).filter((value) => value !== null)).size <= 1,
        );
        expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(alpha - 1) < 1e-12).toBe(agreeing);
        return true;
      }),
    );
  });

  it('is unchanged by adding a constant at the interval level and by scaling at the ratio level (property)', () => {
    fc.assert(
      fc.property(ratings, fc.integer({ min: 1, max: 50 }), (matrix, shift) => {
        const interval = compute(matrix, 'interval');
        const ratio = compute(matrix, 'ratio');
        const shifted = compute(
          matrix.map((row) => row.map((value) => (value === null ? null : value + shift))),
          'interval',
        );
        const scaled = compute(
          matrix.map((row) => row.map((value) => (value === null ? null : value * shift))),
          'ratio',
        );
        if (interval !== undefined) expect(shifted).toBeCloseTo(interval, 9);
        if (ratio !== undefined) expect(scaled).toBeCloseTo(ratio, 9);
        return true;
      }),
    );
  });
});

describe('parseRatingsCsv', () => {
  it('reads quoted fields, a BOM, CRLF and empty cells as missing', () => {
    const ratings = parseRatingsCsv('\uFEFFrater,"u,1",u2\r\n"Ana ""B""",3,\r\nLi,,4\r\n');
    expect(ratings).toEqual({
      units: ['u,1', 'u2'],
      raters: ['Ana "B"', 'Li'],
      matrix: [
        [3, null],
        [null, 4],
      ],
    });
  });

  it.each([
    ['', /empty/],
    ['unit,1,2\nA,1,2', /must start with "rater"/],
    ['rater\nA', /names no units/],
    ['rater,1,1\nA,1,2', /appears twice/],
    ['rater,1,2', /no rater rows/],
    ['rater,1,2\nA,1', /line 2: expected 2 ratings/],
    ['rater,1,2\nA,1,2\nA,2,1', /line 3: rater "A" has two rows/],
    ['rater,1,2\n,1,2', /rater name is empty/],
    ['rater,1,2\nA,"1,2', /not closed/],
  ])('refuses %j', (text, message) => {
    expect(() => parseRatingsCsv(text)).toThrow(RatingsCsvError);
    expect(() => parseRatingsCsv(text)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { RubricDraftSchema, RubricRatingError, rubricScoringHash, scoreRubric } from './rubric';
import { sampleRubricDraft } from './rubricFixture';

const draft = RubricDraftSchema.parse(sampleRubricDraft());

describe('review rubrics', () => {
  it('refuses weights that do not sum to 100, unknown categories, empty categories and ids used twice', () => {
    const bad = sampleRubricDraft();
    const categories = bad.categories.map((category) => ({ ...category, weight: 30 }));
    expect(RubricDraftSchema.safeParse({ ...bad, categories }).error?.issues[0]?.message).toMatch(/sum to 90/);
    const criteria = [...bad.criteria, { ...bad.criteria[0]!, id: 'x', category: 'nope' }];
    expect(RubricDraftSchema.safeParse({ ...bad, criteria }).error?.issues[0]?.message).toMatch(/no category nope/);
    const twice = [...bad.criteria, bad.criteria[1]!];
    expect(RubricDraftSchema.safeParse({ ...bad, criteria: twice }).error?.issues[0]?.message).toMatch(/twice/);
    const lonely = bad.criteria.filter((criterion) => criterion.category !== 'clarity');
    expect(RubricDraftSchema.safeParse({ ...bad, criteria: lonely }).error?.issues[0]?.message).toMatch(
      /clarity has no/,
    );
  });

  it('keeps the scoring hash through rewording and reordering, and changes it for anything that scores', () => {
    const base = rubricScoringHash(draft);
    const reworded = {
      ...draft,
      categories: [...draft.categories].reverse(),
      criteria: draft.criteria.map((criterion) => ({ ...criterion, title: { ...criterion.title, en: 'Other words' } })),
    };
    expect(rubricScoringHash(reworded)).toBe(base);
    const changes = [
      {
        ...draft,
        categories: draft.categories.map((c, i) => ({ ...c, weight: c.weight + (i === 0 ? 5 : i === 1 ? -5 : 0) })),
      },
      { ...draft, criteria: draft.criteria.map((c, i) => (i === 2 ? { ...c, points: 11 } : c)) },
      { ...draft, criteria: draft.criteria.map((c, i) => (i === 2 ? { ...c, levels: 4 } : c)) },
      { ...draft, criteria: draft.criteria.map((c, i) => (i === 3 ? { ...c, critical: true } : c)) },
      { ...draft, criteria: draft.criteria.map((c, i) => (i === 3 ? { ...c, allowNa: true } : c)) },
      { ...draft, criteria: draft.criteria.slice(0, 3) },
    ];
    for (const changed of changes) expect(rubricScoringHash(changed)).not.toBe(base);
  });

  it('scores by weight over applicable categories; N/A leaves both sides; a critical fail sets 0', () => {
    const all = { statutory_right: 1, mirrors_greeting: 1, register: 4, timeframe: 2 };
    expect(scoreRubric(draft, all).score).toBe(100);
    // register 2 of 4 = 0.5 of 10 points, greeting 1 of 5: rapport (5 + 5) / 15.
    const half = scoreRubric(draft, { ...all, register: 2, timeframe: 1 });
    expect(half.categories.map((c) => c.score)).toEqual([1, 10 / 15, 0.5]);
    expect(half.score).toBeCloseTo(((40 * 1 + 35 * (10 / 15) + 25 * 0.5) / 100) * 100, 10);
    // N/A greeting: rapport is register alone.
    const na = scoreRubric(draft, { ...all, mirrors_greeting: null, register: 2 });
    expect(na.categories[1]?.score).toBe(0.5);
    const critical = scoreRubric(draft, { ...all, statutory_right: 0 });
    expect(critical).toMatchObject({ score: 0, criticalFails: ['statutory_right', 'legal'] });
    expect(critical.raw).toBeCloseTo(60, 10);
  });

  it('refuses ratings off the scale, N/A where not allowed, unknown or missing criteria', () => {
    const all = { statutory_right: 1, mirrors_greeting: 1, register: 4, timeframe: 2 };
    for (const ratings of [
      { ...all, timeframe: 3 },
      { ...all, register: null },
      { ...all, extra: 1 },
      { statutory_right: 1, register: 4, timeframe: 2 },
    ])
      expect(() => scoreRubric(draft, ratings)).toThrow(RubricRatingError);
  });
});

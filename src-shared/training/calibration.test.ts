import { describe, expect, it } from 'vitest';
import { alignmentWithBenchmark, alphaPerCriterion, alphaVerdict, type SessionRatings } from './calibration';
import type { RubricRatings } from './rubric';

// Krippendorff (2011)'s worked example as 12 calibration sessions of one 5-point criterion, 4 trainers
// (values 1-5 rated 0-4); an empty cell is a trainer who marked it N/A. Ordinal alpha is 0.815 in the paper.
const PAPER = [
  ['A', [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null]],
  ['B', [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3]],
  ['C', [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null]],
  ['D', [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]],
] as const;

const tone = { id: 'tone', levels: 5 };
const legal = { id: 'legal_right', levels: 2 };

function paperSessions(): SessionRatings[] {
  return Array.from({ length: 12 }, (_, unit) => {
    const session = new Map<string, RubricRatings>();
    for (const [trainer, values] of PAPER) {
      const value = values[unit] ?? null;
      session.set(trainer, { tone: value === null ? null : value - 1, legal_right: 1 });
    }
    return session;
  });
}

describe('calibration', () => {
  it("reproduces the paper's ordinal alpha per criterion over sessions, N/A as missing", () => {
    const [toneAlpha, legalAlpha] = alphaPerCriterion([tone, legal], paperSessions());
    expect(toneAlpha).toMatchObject({ criterion: 'tone', units: 12, pairable: 11 });
    expect(toneAlpha?.alpha).toBeCloseTo(0.815, 3);
    // Everyone always agreed and nothing varied: alpha is undefined, said so rather than a number.
    expect(legalAlpha).toMatchObject({ criterion: 'legal_right', alpha: null, reason: 'no_variation' });
  });

  it('says when no session has two ratings', () => {
    const single = [new Map([['A', { tone: 2, legal_right: 1 }]])];
    expect(alphaPerCriterion([tone], single)[0]).toMatchObject({ alpha: null, reason: 'no_pairable_units' });
  });

  it('measures each trainer against the benchmark: 1 - |difference| / maximum, N/A agreeing only with N/A', () => {
    const session: SessionRatings = new Map([
      ['bench', { tone: 4, legal_right: 1, greeting: null }],
      ['close', { tone: 3, legal_right: 1, greeting: null }],
      ['far', { tone: 0, legal_right: 0, greeting: 1 }],
    ]);
    const greeting = { id: 'greeting', levels: 2 };
    const alignment = alignmentWithBenchmark([tone, legal, greeting], session, 'bench');
    expect(alignment).toEqual([
      { trainerId: 'bench', criteria: { tone: 1, legal_right: 1, greeting: 1 }, overall: 1 },
      { trainerId: 'close', criteria: { tone: 0.75, legal_right: 1, greeting: 1 }, overall: 2.75 / 3 },
      { trainerId: 'far', criteria: { tone: 0, legal_right: 0, greeting: 0 }, overall: 0 },
    ]);
    expect(alignmentWithBenchmark([tone], session, 'nobody')).toEqual([]);
  });

  it('reads alpha as Krippendorff does', () => {
    expect([0.85, 0.7, 0.5].map(alphaVerdict)).toEqual(['good', 'tentative', 'unreliable']);
  });
});

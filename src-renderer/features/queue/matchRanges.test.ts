import { describe, expect, it } from 'vitest';
import { matchRanges } from './matchRanges';

describe('matchRanges', () => {
  it('finds every term case-insensitively and merges overlaps', () => {
    expect(matchRanges('Refund for REFUND request', ['refund'])).toEqual([
      [0, 6],
      [11, 17],
    ]);
    expect(matchRanges('damaged_in_transit', ['damaged', 'aged_in'])).toEqual([[0, 10]]);
    expect(matchRanges('退货退款', ['退款'])).toEqual([[2, 4]]);
  });

  it('matches an order number typed without its separators, and a tag typed with #', () => {
    expect(matchRanges('Order 114-5550123-1234567', ['11455501231234567'])).toEqual([[6, 25]]);
    expect(matchRanges('#wrong_colour ', ['#wrong_colour'])).toEqual([[1, 13]]);
  });

  it('marks nothing when nothing matches', () => {
    expect(matchRanges('Return and refund', ['zzz'])).toEqual([]);
    expect(matchRanges('Return', [''])).toEqual([]);
  });
});

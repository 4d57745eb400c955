import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcIso } from './utcIso';

describe('utcIso', () => {
  it('matches Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(utcIso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
    for (const ms of [
      0,
      Date.UTC(2000, 1, 29),
      Date.UTC(2100, 1, 28, 23, 59, 59, 999),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
    ]) {
      expect(utcIso(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

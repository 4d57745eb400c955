import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WARNING_WINDOW_MS, slaCountdown } from './slaCountdown';

const due = '2026-11-25T12:00:00.000Z';
const dueMs = Date.parse(due);

describe('slaCountdown', () => {
  it('has no state without a deadline', () => {
    expect(slaCountdown(null, dueMs, 0)).toEqual({ state: 'none', remainingMs: 0 });
  });

  it('counts on the server clock, not the local one', () => {
    // The laptop clock is two hours behind the server: the deadline is one hour past, not one ahead.
    const localNow = dueMs - 60 * 60_000;
    expect(slaCountdown(due, localNow, 2 * 60 * 60_000)).toEqual({ state: 'breached', remainingMs: -60 * 60_000 });
    expect(slaCountdown(due, localNow, 0).state).toBe('warning');
  });

  it('is ok, then warning in the last hour, then breached', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }),
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        (before, offset) => {
          const result = slaCountdown(due, dueMs - before - offset, offset);
          expect(result.remainingMs).toBe(before);
          const expected = before < 0 ? 'breached' : before <= WARNING_WINDOW_MS ? 'warning' : 'ok';
          expect(result.state).toBe(expected);
        },
      ),
    );
  });
});

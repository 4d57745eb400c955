import { describe, expect, it } from 'vitest';
import { GateFullError, HashGate } from './hashGate';

describe('hash gate', () => {
  it('runs at most its concurrency at once, queues up to its limit and refuses the rest', async () => {
    const gate = new HashGate(2, 3);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      gate.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return 'checked';
      });
    const accepted = Array.from({ length: 5 }, () => work());
    await expect(work()).rejects.toBeInstanceOf(GateFullError);
    for (let done = 0; done < 5; done++) {
      await expect.poll(() => releases.length).toBeGreaterThan(0);
      releases.shift()?.();
    }
    expect(await Promise.all(accepted)).toEqual(Array.from({ length: 5 }, () => 'checked'));
    expect(peak).toBe(2);
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });
});

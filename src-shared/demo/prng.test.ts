import { describe, expect, it } from 'vitest';
import { createRng } from './prng';

describe('createRng', () => {
  it('repeats per seed and differs between seeds', () => {
    const a = createRng('x');
    const b = createRng('x');
    const c = createRng('y');
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });

  it('mints valid, distinct v4 UUIDs across many seeded streams', () => {
    const seen = new Set<string>();
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    let malformed = 0;
    for (let s = 0; s < 5_000; s++) {
      const rng = createRng(`seed:case:${s}`);
      for (let i = 0; i < 10; i++) {
        const id = rng.uuid();
        if (!shape.test(id)) malformed++;
        seen.add(id);
      }
    }
    expect(malformed).toBe(0);
    expect(seen.size).toBe(50_000);
  });
});

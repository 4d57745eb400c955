/**
 * A seeded PRNG so demo data is identical on every machine and run: Math.random cannot be seeded,
 * and tests and the server seed compare generated ids.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** An RFC 9562 version-4-shaped UUID drawn from this stream. */
  uuid(): string;
  /** A new independent stream derived from this one and a label. */
  fork(label: string): Rng;
}

/** A 128-bit string hash (cyrb128 construction): four 32-bit words to seed a 128-bit generator. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * sfc32 with 128 bits of state seeded from a label hash. A 32-bit generator is not enough here: with
 * 100,000 cases each drawing its own stream, 32-bit streams overlap and mint the same UUIDs.
 */
export function createRng(seed: number | string): Rng {
  let [a, b, c, d] = hash128(String(seed));
  const word = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) word();
  const next = (): number => word() / 4294967296;
  const int = (n: number): number => Math.floor(next() * n);
  const hex = (value: number, digits: number): string =>
    value
      .toString(16)
      .padStart(8, '0')
      .slice(8 - digits);
  const rng: Rng = {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    uuid: () => {
      const [w1, w2, w3, w4] = [word(), word(), word(), word()];
      const version = ((w2 & 0x0fff) | 0x4000) >>> 0;
      const variant = (((w3 >>> 16) & 0x3fff) | 0x8000) >>> 0;
      return `${hex(w1, 8)}-${hex(w2 >>> 16, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(w3 & 0xffff, 4)}${hex(w4, 8)}`;
    },
    fork: (label) => createRng(`${label}:${word()}:${word()}`),
  };
  return rng;
}

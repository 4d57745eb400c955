import fc from 'fast-check';

/**
 * Deeply nested arrays. Neither JSON.stringify nor fast-check's printer survives thousands of levels on a
 * worker's stack, so the value is a marker: jsonText writes its brackets, fast-check prints `nested(depth)`.
 */
export class Nested {
  constructor(readonly depth: number) {}
  toJSON(): string {
    return `\u0001nested:${this.depth}\u0001`;
  }
  [fc.toStringMethod](): string {
    return `nested(${this.depth})`;
  }
}

/** A request body as JSON text, with each Nested marker expanded into its brackets. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(
    /"\\u0001nested:(\d+)\\u0001"/g,
    (_match, depth: string) => `${'['.repeat(Number(depth))}"deep"${']'.repeat(Number(depth))}`,
  );
}

/** Strings no store keeps faithfully, and strings that are merely unusual. */
export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\u202e\u2066', '💥'.repeat(1000), ' '),
  fc.integer({ min: 20_000, max: 300_000 }).map((length) => 'x'.repeat(length)),
);

/**
 * JSON values an attacker or a broken client sends: wrong types, huge and deep structures, 10,000-element
 * arrays, NUL and lone surrogates, prototype keys.
 */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  hostileString,
  fc.integer({ min: 100, max: 5_000 }).map((depth) => new Nested(depth)),
  fc.constant(Array.from({ length: 10_000 }, (_, index) => index)),
  fc.constant(Array.from({ length: 10_000 }, () => ({ id: '00000000-0000-4000-8000-000000000000' }))),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), fc.jsonValue()),
  fc.record({ protocol: fc.anything(), clientId: hostileString, mutations: fc.array(fc.anything()) }),
);

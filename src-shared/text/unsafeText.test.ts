import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeText, isSafeText } from './unsafeText';

describe('unsafe text', () => {
  it('accepts every well-formed string without NUL, emoji and right-to-left marks included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(isSafeText(text.replaceAll('\u0000', ''))).toBe(true);
      }),
    );
    expect(isSafeText('مرحبا \u200f 😀 こんにちは\ttab\r\n')).toBe(true);
  });

  it('refuses NUL and lone surrogates anywhere', () => {
    for (const text of ['\u0000', 'a\u0000b', '\ud83d', 'x\ud83dy', '\ude00', 'x\ude00\ud83d'])
      expect(isSafeText(text)).toBe(false);
  });

  it('names the first unsafe field of a parsed body, keys included, and walks deep nesting without recursion', () => {
    expect(findUnsafeText({ mutations: [{ args: { body: 'ok' } }, { args: { body: 'a\u0000' } }] })).toBe(
      'mutations[1].args.body',
    );
    expect(findUnsafeText({ customer: { 'na\u0000me': 'x' } })).toBe('customer.na\ufffdme');
    expect(findUnsafeText('\ud800')).toBe('(the value)');
    expect(findUnsafeText({ text: 'fine', list: [1, null, true, 'ok'] })).toBeNull();
    let deep: unknown = 'bottom\u0000';
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(findUnsafeText(deep)).toMatch(/^\[0\]/);
  });
});

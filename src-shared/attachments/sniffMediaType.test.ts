import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniffMediaType';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('sniffMediaType', () => {
  it('knows the accepted types by their signatures', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffMediaType(text('GIF89a....'))).toBe('image/gif');
    expect(sniffMediaType(text('RIFF\u0001\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(text('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('application/zip');
    expect(sniffMediaType(text('Seriennummer: 4711\r\n序列号\tشماره\n'))).toBe('text/plain');
  });

  it('refuses executables, markup, broken UTF-8, control characters and empty files', () => {
    for (const refused of [
      text('MZ\u0090\u0000'),
      bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1),
      bytes(0xcf, 0xfa, 0xed, 0xfe),
      text('<!DOCTYPE html><p>hi'),
      text('  <svg onload="x()">'),
      text('\ufeff<?xml version="1.0"?>'),
      text('<script>alert(1)</script>'),
      bytes(0x61, 0xc3),
      text('bell\u0007'),
      bytes(),
    ])
      expect(sniffMediaType(refused)).toBeNull();
  });

  it('never throws, and calls nothing text that is not well-formed UTF-8 without control characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (random) => {
        const type = sniffMediaType(random);
        if (type === 'text/plain') {
          const decoded = new TextDecoder('utf-8', { fatal: true }).decode(random);
          // eslint-disable-next-line no-control-regex -- the property is about control characters
          expect(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(decoded)).toBe(false);
        }
      }),
    );
  });
});

import type { ReplyVariant } from './schema';

/**
 * A 53-bit content hash (cyrb53) of a variant's text, as 14 hex digits. Not cryptographic: it only needs
 * to notice that a source text changed, and it must run in the renderer and server alike (no node:crypto).
 */
export function sourceHash(variant: Pick<ReplyVariant, 'body' | 'subject'>): string {
  const text = `${variant.subject ?? ''}\u0000${variant.body}`.normalize('NFC');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

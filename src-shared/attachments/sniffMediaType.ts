import type { AttachmentMediaType } from '../domain/attachment';

/**
 * The type of a file from its first bytes (WHATWG MIME Sniffing's signatures for the types we accept),
 * never from its name or a Content-Type header, which a sender chooses freely. Null: not a type we accept,
 * so executables, scripts, HTML, SVG and anything unrecognised are refused rather than guessed at.
 */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWithText(bytes, 'GIF87a') || startsWithText(bytes, 'GIF89a')) return 'image/gif';
  if (startsWithText(bytes, 'RIFF') && startsWithText(bytes.subarray(8), 'WEBPVP')) return 'image/webp';
  if (startsWithText(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'application/zip';
  return isPlainText(bytes) ? 'text/plain' : null;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function startsWithText(bytes: Uint8Array, signature: string): boolean {
  return startsWith(
    bytes,
    [...signature].map((char) => char.charCodeAt(0)),
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Well-formed UTF-8 with no control characters but tab, line feed, form feed and carriage return, and not
 * markup a browser would render as a page or an image with scripts (HTML, SVG, XML): shown as text, such a
 * file would be harmless, but a download opened by the OS would not be.
 */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  const head = text
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 64)
    .toLowerCase();
  return !/^<(!doctype|html|svg|\?xml|script|head|body|iframe)/.test(head);
}

import { z } from 'zod';

/** Hostnames that never leave this computer, as URL.hostname spells them. */
export function isLoopbackHostname(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * The address of a central API. Passwords and bearer tokens travel to it, so plain http:// is accepted only
 * on loopback (the embedded demo, a server on this computer); anything else must be https:// (issue 19.9).
 */
export const ServerUrlSchema = z.url({ protocol: /^https?$/ }).refine(
  (value) => {
    // zod runs refinements after a failed format check too; that failure already says what is wrong.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopbackHostname(url.hostname);
  },
  { message: 'use https:// for a server on another computer; plain http:// is only for 127.0.0.1 or localhost' },
);

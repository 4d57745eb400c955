export interface BackoffOptions {
  minMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { minMs: 1_000, maxMs: 60_000 };

/**
 * Exponential backoff with "equal jitter" (AWS architecture blog, 2015): half the exponential step is
 * fixed and half random, so clients that failed together do not retry together, yet never retry sooner
 * than minMs. attempt 0 is the first retry.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const step = Math.min(options.maxMs, options.minMs * 2 ** Math.min(attempt, 30));
  const half = step / 2;
  return Math.max(options.minMs, Math.min(options.maxMs, Math.round(half + random() * half)));
}

/** Free attempts per key, how long a quiet key is remembered, and the longest wait ever asked for. */
export interface LoginLimit {
  /** Attempts (in flight or failed) a username gets before each further one must wait. */
  perUser: number;
  /** The same for one client address; higher, since an office may share one. */
  perIp: number;
  /** A key with no attempt for this long starts again from zero. */
  windowMs: number;
  /** The wait doubles per attempt from one second up to this (default a minute). */
  maxDelayMs?: number;
}

type Entry = { attempts: number; lastAttemptMs: number; inFlight: number };

const FIRST_DELAY_MS = 1000;

/**
 * Progressive delay for logins, per key (a username, a client address). An attempt is counted when it
 * starts, before the slow password hash, so parallel guesses cannot all slip through while the first
 * ones are still hashing. Past the free attempts each one must wait 1 s, 2 s, 4 s ... after the previous
 * one, capped at maxDelayMs: a stranger can slow a real user down, never lock them out for long.
 * In memory, per process: with several API processes an attacker gets at most that many times the rate.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly maxDelayMs: number;

  constructor(
    private readonly freeAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    maxDelayMs = 60_000,
  ) {
    this.maxDelayMs = maxDelayMs;
  }

  /** Milliseconds until the key may try again; 0 when it may try now. */
  retryAfterMs(key: string): number {
    const entry = this.current(key);
    if (!entry || entry.attempts < this.freeAttempts) return 0;
    const delay = Math.min(this.maxDelayMs, FIRST_DELAY_MS * 2 ** (entry.attempts - this.freeAttempts));
    return Math.max(0, entry.lastAttemptMs + delay - this.now());
  }

  /** Counts an attempt that is about to be checked; call only when retryAfterMs is 0. */
  begin(key: string): void {
    const entry = this.current(key) ?? { attempts: 0, lastAttemptMs: 0, inFlight: 0 };
    entry.attempts++;
    entry.inFlight++;
    entry.lastAttemptMs = this.now();
    this.entries.set(key, entry);
    if (this.entries.size > 100_000) this.prune();
  }

  /** A failed attempt stays counted. */
  failed(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.inFlight = Math.max(0, entry.inFlight - 1);
  }

  /** A success forgets the key (a username whose owner just proved the password). */
  succeeded(key: string): void {
    this.entries.delete(key);
  }

  /**
   * The attempt does not count: a success from a shared address (an office signing in at nine), or an
   * attempt the server could not check (database down, too busy).
   */
  discount(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    entry.attempts = Math.max(0, entry.attempts - 1);
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.inFlight === 0 && this.now() - entry.lastAttemptMs >= this.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    for (const key of [...this.entries.keys()]) this.current(key);
  }
}

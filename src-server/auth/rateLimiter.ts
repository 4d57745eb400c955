/**
 * Fixed-window counters of failed logins per key (a username, an IP). In memory, per process: with several
 * API processes an attacker gets at most `processes x limit` tries per window, which is still bounded.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const window = this.current(key);
    if (!window || window.count < this.limit) return 0;
    return window.startMs + this.windowMs - this.now();
  }

  recordFailure(key: string): void {
    const window = this.current(key);
    if (window) window.count++;
    else this.windows.set(key, { startMs: this.now(), count: 1 });
    if (this.windows.size > 100_000) this.prune();
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): { startMs: number; count: number } | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startMs >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private prune(): void {
    for (const key of [...this.windows.keys()]) this.current(key);
  }
}

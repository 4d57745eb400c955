/** How much of the sync protocol one user may use (issue 19.6); every limit is per user, in this process. */
export interface QuotaLimits {
  /** Event streams open at once (a desk keeps one; a few desks or tabs per person). */
  eventStreams: number;
  /** Bootstrap requests (each page is one) per window. */
  bootstrapRequests: number;
  /** Verify requests per window. */
  verifyRequests: number;
  /** Mutations pushed per window, counted before the push takes any lock. */
  mutations: number;
  windowMs: number;
}

/**
 * Far above what a working desk uses (one stream, a bootstrap now and then, a verify per sync, a few hundred
 * mutations an hour), far below what one account could use to exhaust the server for everyone.
 */
export const DEFAULT_QUOTAS: QuotaLimits = {
  eventStreams: 8,
  bootstrapRequests: 240,
  verifyRequests: 600,
  mutations: 20_000,
  windowMs: 60_000,
};

type Counted = 'bootstrapRequests' | 'verifyRequests' | 'mutations';
type Window = { startMs: number; used: number };

/** A request over a quota: how long until the window that refused it ends. */
export class QuotaExceeded extends Error {
  constructor(
    readonly quota: Counted | 'eventStreams',
    readonly retryAfterMs: number,
  ) {
    super(`over the ${quota} quota`);
    this.name = 'QuotaExceeded';
  }
}

/**
 * Per-user quotas: fixed windows for counted requests, a ceiling on open event streams. In memory, per
 * process (like the login throttle): with several API processes a user gets at most that many times as much.
 */
export class UserQuotas {
  private readonly windows = new Map<string, Window>();
  private readonly streams = new Map<string, number>();

  constructor(
    private readonly limits: QuotaLimits,
    private readonly now: () => number,
  ) {}

  /** Counts `amount` against the user's quota, or throws QuotaExceeded and counts nothing. */
  take(userId: string, quota: Counted, amount = 1): void {
    const key = `${quota}:${userId}`;
    const nowMs = this.now();
    let window = this.windows.get(key);
    if (!window || nowMs - window.startMs >= this.limits.windowMs) {
      window = { startMs: nowMs, used: 0 };
      this.windows.set(key, window);
    }
    if (window.used + amount > this.limits[quota])
      throw new QuotaExceeded(quota, window.startMs + this.limits.windowMs - nowMs);
    window.used += amount;
    this.forgetQuietWindows(nowMs);
  }

  /** Opens one of the user's event streams; call the returned function when it closes. */
  openStream(userId: string): () => void {
    const open = this.streams.get(userId) ?? 0;
    // A desk reconnects after its retry delay; by then one of its old streams may have closed.
    if (open >= this.limits.eventStreams) throw new QuotaExceeded('eventStreams', 2_000);
    this.streams.set(userId, open + 1);
    let isOpen = true;
    return () => {
      if (!isOpen) return;
      isOpen = false;
      const left = (this.streams.get(userId) ?? 1) - 1;
      if (left > 0) this.streams.set(userId, left);
      else this.streams.delete(userId);
    };
  }

  /** Windows of users who went quiet are dropped, so memory follows the active users only. */
  private forgetQuietWindows(nowMs: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows)
      if (nowMs - window.startMs >= this.limits.windowMs) this.windows.delete(key);
  }
}

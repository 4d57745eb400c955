import type { Timers } from '../../src-main/core/sync';

/**
 * Virtual time for fault tests: one clock and one timer queue per "world", advanced by the test, so a
 * 60 s backoff or a 12 h token lifetime costs nothing in real time. Each participant may see the
 * world's time through its own skew (a laptop clock days off), while timers run on the world's time.
 */
export class VirtualTime {
  private nowMs: number;
  private nextId = 1;
  private readonly queue = new Map<number, { dueMs: number; callback: () => void }>();

  constructor(startIso: string) {
    this.nowMs = Date.parse(startIso);
  }

  now(): number {
    return this.nowMs;
  }

  /** A clock as the store and engine take it, optionally skewed (client clock wrong by skewMs). */
  clock(skewMs = 0): { now(): number } {
    return { now: () => this.nowMs + skewMs };
  }

  /** The server's clock shape (startServer takes `() => Date`). */
  dateClock(): () => Date {
    return () => new Date(this.nowMs);
  }

  readonly timers: Timers = {
    after: (ms, callback) => {
      const id = this.nextId++;
      this.queue.set(id, { dueMs: this.nowMs + Math.max(0, ms), callback });
      return () => {
        this.queue.delete(id);
      };
    },
  };

  /** Due time of the earliest pending timer, or null when none is waiting. */
  nextDueMs(): number | null {
    let earliest: number | null = null;
    for (const entry of this.queue.values()) if (earliest === null || entry.dueMs < earliest) earliest = entry.dueMs;
    return earliest;
  }

  /** Milliseconds until each pending timer is due, soonest first (for diagnostics). */
  dueIn(): number[] {
    return [...this.queue.values()].map((entry) => entry.dueMs - this.nowMs).sort((a, b) => a - b);
  }

  get pendingTimers(): number {
    return this.queue.size;
  }

  /**
   * Moves time forward by ms, firing the timers that were waiting and fall due on the way, in due order.
   * Timers set while advancing wait for the next advance: the I/O they guard (a request and its timeout)
   * cannot make progress inside this synchronous call, so firing them here would time out everything.
   */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    const waiting = new Set(this.queue.keys());
    for (;;) {
      let pick: [number, { dueMs: number; callback: () => void }] | undefined;
      for (const entry of this.queue.entries()) {
        if (waiting.has(entry[0]) && entry[1].dueMs <= target && (!pick || entry[1].dueMs < pick[1].dueMs))
          pick = entry;
      }
      if (!pick) break;
      this.queue.delete(pick[0]);
      this.nowMs = Math.max(this.nowMs, pick[1].dueMs);
      pick[1].callback();
    }
    this.nowMs = target;
  }

  /** Jumps to the next timer and fires it (and any due at the same instant); false when none waits. */
  fireNext(): boolean {
    const due = this.nextDueMs();
    if (due === null) return false;
    this.advance(Math.max(0, due - this.nowMs));
    return true;
  }
}

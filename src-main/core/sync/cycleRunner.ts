import type { BackoffOptions } from './backoff';
import { backoffDelay } from './backoff';
import { RunOnceScheduler } from './scheduler';
import type { Timers } from './timers';

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/** What a failed cycle leads to: run again at once (a reset), or wait for the retry timer, or nothing more. */
export type AfterFailure = 'again' | 'retry' | 'stop';

export interface CycleRunnerOptions {
  timers: Timers;
  random: () => number;
  backoff: BackoffOptions;
  pollIntervalMs: number;
  /** Whether cycles may run now (started and signed in). */
  canRun(): boolean;
  cycle(): Promise<void>;
  onSuccess(): void;
  /** Decides what a failure leads to; 'retry' waits for backoff (or the server's Retry-After). */
  onFailure(error: unknown): { next: AfterFailure; retryAfterMs: number | null };
  /** The state callers see changed (a cycle began or ended). */
  onChange(): void;
}

/**
 * One sync cycle at a time, run again while more is wanted: the retry after a failure waits on backoff, a
 * poll follows each good cycle (pokes are only hints, SYNC.md), and callers of syncNow hear how the cycle
 * that started after their call ended. Its timers are disposables: dispose() cancels both.
 *
 * Over 100 lines as a factory only: the loop, its waiters and its two timers share one running/wanted state; each function inside is short.
 */
export function createCycleRunner(options: CycleRunnerOptions) {
  const { timers } = options;
  let running: Promise<void> | null = null;
  let isInCycle = false;
  let isWanted = false;
  let failures = 0;
  let waiters: Waiter[] = [];
  let idleWaiters: Array<() => void> = [];
  const retry = new RunOnceScheduler(timers, () => request(), 0);
  const poll = new RunOnceScheduler(
    timers,
    () => (retry.isScheduled() ? undefined : request()),
    options.pollIntervalMs,
  );

  function request(): void {
    isWanted = true;
    ensureLoop();
  }

  function ensureLoop(): void {
    if (running || !isWanted || !options.canRun()) return;
    running = loop()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        options.onChange();
        if (isWanted && !retry.isScheduled()) ensureLoop();
        if (running) return;
        const resolved = idleWaiters;
        idleWaiters = [];
        for (const resolve of resolved) resolve();
      });
    options.onChange();
  }

  async function runOnce(cycleWaiters: Waiter[]): Promise<void> {
    isInCycle = true;
    try {
      await options.cycle();
      isInCycle = false;
      failures = 0;
      options.onSuccess();
      if (options.canRun()) poll.schedule();
      for (const waiter of cycleWaiters) waiter.resolve();
    } catch (error) {
      isInCycle = false;
      const { next, retryAfterMs } = options.onFailure(error);
      if (next === 'again') isWanted = true;
      if (next === 'retry') scheduleRetry(retryAfterMs);
      if (next === 'again') waiters.push(...cycleWaiters);
      else for (const waiter of cycleWaiters) waiter.reject(error);
    }
  }

  async function loop(): Promise<void> {
    while (isWanted && options.canRun()) {
      isWanted = false;
      const cycleWaiters = waiters;
      waiters = [];
      retry.cancel();
      await runOnce(cycleWaiters);
      options.onChange();
    }
  }

  function scheduleRetry(retryAfterMs: number | null): void {
    retry.cancel();
    if (!options.canRun()) return;
    const delay = Math.max(
      backoffDelay(failures, options.random, options.backoff),
      Math.min(retryAfterMs ?? 0, options.backoff.maxMs),
    );
    failures++;
    retry.schedule(delay);
  }

  return {
    isInCycle: () => isInCycle,
    isRunning: () => running !== null,
    /** A cycle soon, now or after the current one. */
    request,
    /** A cycle soon unless a retry is already waiting on its backoff (a local write must not defeat it). */
    kick(): void {
      isWanted = true;
      if (!retry.isScheduled()) ensureLoop();
    },
    /** A cycle now, cutting a backoff wait short; resolves or rejects with how the cycle after this call ended. */
    syncNow(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        retry.cancel();
        request();
      });
    },
    /** Cuts a backoff wait short: the server proved it is back (a poke). */
    retryNow(): void {
      retry.cancel();
      request();
    },
    scheduleRetry,
    resetFailures(): void {
      failures = 0;
    },
    /** Callers waiting on a cycle that will not run (signed out, stopped) hear why instead of waiting forever. */
    rejectWaiters(error: Error): void {
      const waiting = waiters;
      waiters = [];
      for (const waiter of waiting) waiter.reject(error);
    },
    /** Resolves when no cycle is running or queued (a retry waiting on its backoff timer does not count). */
    whenIdle(): Promise<void> {
      if (!running) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    /** Resolves once the cycle in progress, if any, has ended. */
    settled: async (): Promise<void> => {
      await running?.catch(() => undefined);
    },
    /** Cancels the retry and poll timers (signed out, stopped); a later request schedules them again. */
    dispose(): void {
      retry.dispose();
      poll.dispose();
    },
  };
}
export type CycleRunner = ReturnType<typeof createCycleRunner>;

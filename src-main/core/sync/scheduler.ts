import type { Timers } from './timers';

/**
 * Timers and cancellations as objects (VS Code's Disposable / DisposableStore / RunOnceScheduler are the
 * model): whoever starts something holds what stops it, and stopping the sync engine is one dispose().
 */
export interface Disposable {
  dispose(): void;
}

/** Disposes everything added to it, once; what is added after that is disposed at once. */
export class DisposableStore implements Disposable {
  private readonly items = new Set<Disposable>();
  private isDisposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.isDisposed) item.dispose();
    else this.items.add(item);
    return item;
  }

  /** Disposes one item now and forgets it (a connection that ended, a wait that is over). */
  delete(item: Disposable): void {
    this.items.delete(item);
    item.dispose();
  }

  dispose(): void {
    this.isDisposed = true;
    const items = [...this.items];
    this.items.clear();
    for (const item of items) item.dispose();
  }
}

/** Runs its task once, delayMs after the last schedule(); cancel() or dispose() drops a run not yet due. */
export class RunOnceScheduler implements Disposable {
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly timers: Timers,
    private readonly task: () => void,
    private readonly delayMs: number,
  ) {}

  /** (Re)starts the wait; a run already scheduled is replaced by this one. */
  schedule(delayMs = this.delayMs): void {
    this.cancel();
    this.cancelTimer = this.timers.after(delayMs, () => {
      this.cancelTimer = null;
      this.task();
    });
  }

  /** Schedules only when nothing is scheduled yet. */
  scheduleIfIdle(delayMs = this.delayMs): void {
    if (!this.isScheduled()) this.schedule(delayMs);
  }

  isScheduled(): boolean {
    return this.cancelTimer !== null;
  }

  cancel(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  dispose(): void {
    this.cancel();
  }
}

/** A timeout that can be restarted (a stream's stall timer: reset on every sign of life). */
export function watchdog(timers: Timers, ms: number, onExpire: () => void): Disposable & { reset(): void } {
  const scheduler = new RunOnceScheduler(timers, onExpire, ms);
  scheduler.schedule();
  return { reset: () => scheduler.schedule(), dispose: () => scheduler.dispose() };
}

/** Resolves after ms on the timers, or at once when woken or disposed (a backoff wait that a poke cuts short). */
export function wakeableDelay(timers: Timers, ms: number): Disposable & { done: Promise<void>; wake(): void } {
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((settle) => {
    resolve = settle;
  });
  const cancel = timers.after(ms, resolve);
  const wake = () => {
    cancel();
    resolve();
  };
  return { done, wake, dispose: wake };
}

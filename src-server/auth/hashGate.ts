/** Thrown when more password checks wait than the gate queues. */
export class GateFullError extends Error {
  constructor() {
    super('too many password checks are waiting');
    this.name = 'GateFullError';
  }
}

/**
 * Bounds the password hashes computed at once (each scrypt holds 32 MiB and a thread-pool thread for a
 * few hundred milliseconds) and the number waiting for one, so a flood of logins from many addresses
 * cannot exhaust memory or starve the database driver's share of the thread pool.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new GateFullError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so running never exceeds concurrency.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

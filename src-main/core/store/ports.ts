import { randomUUID } from 'node:crypto';

/** Time comes in from outside so tests, offline clocks and the server offset stay in control of it. */
export interface Clock {
  now(): number;
}

export interface IdGenerator {
  uuid(): string;
}

export const systemClock: Clock = { now: () => Date.now() };
export const randomIds: IdGenerator = { uuid: () => randomUUID() };

/** A refusal with a code the contract passes on (NOT_FOUND, INVALID_TRANSITION, INVALID_ARGS, ...). */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

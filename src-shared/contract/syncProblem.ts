import { z } from 'zod';

/**
 * Why syncing stopped or failed, as a code the renderer words in the agent's language (features/sync); no
 * sentence crosses the contract. serverCode is the central API's own error code where it sent one.
 */
export const SYNC_PROBLEM_CODES = [
  /** The server cannot be reached, timed out, or cut an answer off. */
  'NETWORK',
  /** The session ended (401): sign in again. */
  'SESSION_ENDED',
  /** Wrong username or password. */
  'SIGN_IN_FAILED',
  /** Too many requests (429): the engine waits as the server asked. */
  'RATE_LIMITED',
  /** The server answered 5xx. */
  'SERVER_UNAVAILABLE',
  /** The server refused a request with its own error code (serverCode). */
  'SERVER_REFUSED',
  /** The server's answer does not match the protocol (a bad body, a line too long). */
  'BAD_RESPONSE',
  /** The disk is full: the server's changes cannot be saved. */
  'DISK_FULL',
  /** The local store refused the server's data (serverCode: the store's code). */
  'STORE_FAILED',
  /** Anything else. */
  'INTERNAL',
] as const;
export type SyncProblemCode = (typeof SYNC_PROBLEM_CODES)[number];

export const SyncProblemSchema = z.object({
  code: z.enum(SYNC_PROBLEM_CODES),
  serverCode: z.string().min(1).max(64).optional(),
});
export type SyncProblem = z.infer<typeof SyncProblemSchema>;

import type { ApiErrorCode } from '../../../src-shared/sync/protocol';
import type { SyncProblem } from '../../../src-shared/contract/syncProblem';
import { LineTooLongError } from './lineReader';
import { NetworkError, SyncHttpError } from './syncHttp';

/**
 * Why a sync step failed, as a typed union with codes: what the engine decides on (retry, sign out, reset)
 * and what it reports (SyncProblem), never an HTTP error with a made-up status.
 */
export type SyncFailure =
  | { code: 'NETWORK' }
  /** 401; serverCode says why where the server did (DEVICE_REVOKED: an admin revoked this install). */
  | { code: 'UNAUTHORIZED'; serverCode: ApiErrorCode | null }
  | { code: 'RATE_LIMITED'; retryAfterMs: number | null }
  | { code: 'SERVER_UNAVAILABLE'; retryAfterMs: number | null }
  /** The server refused with its own code (RESET_REQUIRED, CLIENT_STATE_CONFLICT, ...). */
  | { code: 'SERVER_REFUSED'; serverCode: ApiErrorCode; retryAfterMs: number | null }
  | { code: 'BAD_RESPONSE'; detail: string }
  | { code: 'DISK_FULL' }
  | { code: 'STORE_FAILED'; storeCode: string }
  | { code: 'NOT_SIGNED_IN' }
  | { code: 'STOPPED' }
  | { code: 'OTHER_USER_UNSENT' }
  | { code: 'INTERNAL'; detail: string };

/** A failure the engine itself raises (not an HTTP answer): its code says what happened. */
export class SyncError extends Error {
  constructor(
    readonly failure: SyncFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export function isDiskFull(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'SQLITE_FULL';
}

export function isStoreError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'StoreError';
}

/** The typed failure behind any error a sync step can throw. */
export function syncFailureOf(error: unknown): SyncFailure {
  if (error instanceof SyncError) return error.failure;
  if (isDiskFull(error)) return { code: 'DISK_FULL' };
  if (error instanceof NetworkError) return { code: 'NETWORK' };
  if (error instanceof LineTooLongError) return { code: 'BAD_RESPONSE', detail: error.message };
  if (error instanceof SyncHttpError) {
    if (error.status === 401) return { code: 'UNAUTHORIZED', serverCode: error.code };
    if (error.status === 429) return { code: 'RATE_LIMITED', retryAfterMs: error.retryAfterMs };
    if (error.status >= 500) return { code: 'SERVER_UNAVAILABLE', retryAfterMs: error.retryAfterMs };
    return { code: 'SERVER_REFUSED', serverCode: error.code, retryAfterMs: error.retryAfterMs };
  }
  if (isStoreError(error)) return { code: 'STORE_FAILED', storeCode: error.code };
  return { code: 'INTERNAL', detail: error instanceof Error ? error.message : String(error) };
}

/** A failure as the agent hears of it (status.lastError): a code for the renderer to word, no sentence. */
export function syncProblemOf(failure: SyncFailure): SyncProblem {
  switch (failure.code) {
    case 'NETWORK':
    case 'RATE_LIMITED':
    case 'SERVER_UNAVAILABLE':
    case 'BAD_RESPONSE':
    case 'DISK_FULL':
    case 'INTERNAL':
      return { code: failure.code };
    case 'UNAUTHORIZED':
    case 'NOT_SIGNED_IN':
      return { code: 'SESSION_ENDED' };
    case 'SERVER_REFUSED':
      return { code: 'SERVER_REFUSED', serverCode: failure.serverCode };
    case 'STORE_FAILED':
      return { code: 'STORE_FAILED', serverCode: failure.storeCode };
    case 'STOPPED':
    case 'OTHER_USER_UNSENT':
      return { code: 'INTERNAL' };
  }
}

/** Whether a failure means the server is out of reach for now (status.connection 'offline'). */
export function isOfflineFailure(failure: SyncFailure): boolean {
  return failure.code === 'NETWORK' || failure.code === 'SERVER_UNAVAILABLE' || failure.code === 'RATE_LIMITED';
}

/** The server's own error code, when the failure carries one (RESET_REQUIRED, CLIENT_STATE_CONFLICT, ...). */
export function serverCodeOf(failure: SyncFailure): ApiErrorCode | null {
  return failure.code === 'SERVER_REFUSED' || failure.code === 'UNAUTHORIZED' ? failure.serverCode : null;
}

/** How long the server asked to wait, where it did. */
export function retryAfterOf(failure: SyncFailure): number | null {
  return 'retryAfterMs' in failure ? failure.retryAfterMs : null;
}

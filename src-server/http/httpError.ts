import type { ApiErrorCode } from '../../src-shared/sync/protocol';

/** An error that becomes `{error: {code, message, details?}}` with its status; anything else is a 5xx. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

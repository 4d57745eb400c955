import { z } from 'zod';
import type { ApiError, ApiErrorCode } from '../../src-shared/sync/protocol';
import { HttpError } from './httpError';

const SYSTEM_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);

/** A database or connection failure: the request may be retried once the infrastructure is back. */
export function isInfrastructureError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code: unknown = Reflect.get(error, 'code');
  if (typeof code === 'string' && (SYSTEM_ERROR_CODES.has(code) || /^(08|40|53|57|58|XX)[0-9A-Z]{3}$/.test(code)))
    return true;
  const message: unknown = Reflect.get(error, 'message');
  return typeof message === 'string' && /closed|terminated|Connection|database/i.test(message);
}

export interface ErrorReply {
  status: number;
  body: ApiError;
  headers: Record<string, string>;
}

function body(code: ApiErrorCode, message: string, details?: Record<string, unknown>): ApiError {
  return { error: details ? { code, message, details } : { code, message } };
}

/**
 * Maps anything thrown while handling a request to the error body of SYNC.md; never a stack trace.
 * `bodyLimit` is the route's, for the sentence that tells a sender how much it may send.
 */
export function errorReply(error: unknown, bodyLimit = 1_000_000): ErrorReply {
  if (error instanceof HttpError) {
    return { status: error.status, body: body(error.code, error.message, error.details), headers: error.headers ?? {} };
  }
  if (error instanceof z.ZodError) {
    return {
      status: 400,
      body: body('BAD_REQUEST', 'the request body is invalid', { issues: z.treeifyError(error) }),
      headers: {},
    };
  }
  const fastifyCode: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  const statusCode: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'statusCode') : undefined;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: body(
        'PAYLOAD_TOO_LARGE',
        `the request body is larger than the server accepts here (${Math.round(bodyLimit / 100_000) / 10} MB)`,
        { limitBytes: bodyLimit },
      ),
      headers: {},
    };
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      status: 415,
      body: body('BAD_REQUEST', 'send the body as application/json (a file as application/octet-stream)'),
      headers: {},
    };
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const message =
      error instanceof Error && typeof fastifyCode === 'string' && fastifyCode.startsWith('FST_')
        ? error.message
        : 'the request is malformed';
    return { status: statusCode, body: body('BAD_REQUEST', message), headers: {} };
  }
  if (isInfrastructureError(error)) {
    return {
      status: 503,
      body: body('UNAVAILABLE', 'the server cannot reach its database right now; retry later'),
      headers: { 'retry-after': '2' },
    };
  }
  return { status: 500, body: body('INTERNAL', 'the server failed to handle this request'), headers: {} };
}

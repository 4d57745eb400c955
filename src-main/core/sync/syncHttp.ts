import type { z } from 'zod';
import type { ApiErrorCode } from '../../../src-shared/sync/protocol';
import { ApiErrorSchema } from '../../../src-shared/sync/protocol';
import type { Clock } from '../store/ports';
import type { Timers } from './timers';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The server answered with an error body (SYNC.md: `{error: {code, message, details?}}`). */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: Record<string, unknown> | undefined,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/** No usable answer: refused, reset, timed out, or a body cut off mid-way. Always worth retrying. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface SyncHttpOptions {
  baseUrl: string;
  fetch: FetchLike;
  clock: Clock;
  timers: Timers;
  timeoutMs: number;
  /** Server time minus local time, measured at the midpoint of each request's round trip. */
  onServerOffset(offsetMs: number): void;
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** A file's raw bytes (application/octet-stream) instead of a JSON body. */
  bytes?: Uint8Array;
  /** Streams (bootstrap, events) manage their own stall detection instead of one overall timeout. */
  signal?: AbortSignal;
  timeout?: boolean;
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

function serverTimeOf(response: Response): number | null {
  const exact = response.headers.get('x-server-time');
  const parsed = exact ? Date.parse(exact) : Number.NaN;
  if (Number.isFinite(parsed)) return parsed;
  const date = response.headers.get('date');
  const fromDate = date ? Date.parse(date) : Number.NaN;
  return Number.isFinite(fromDate) ? fromDate : null;
}

export interface SyncHttp {
  /** Sends a request and answers the 2xx response; a non-2xx answer throws SyncHttpError. */
  request(method: HttpMethod, path: string, options?: RequestOptions): Promise<Response>;
  json<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>>;
}

export function createSyncHttp(options: SyncHttpOptions): SyncHttp {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request(method: HttpMethod, path: string, request: RequestOptions = {}): Promise<Response> {
    const controller = new AbortController();
    const abortFromCaller = () => controller.abort();
    request.signal?.addEventListener('abort', abortFromCaller, { once: true });
    const cancelTimeout =
      request.timeout === false ? () => undefined : options.timers.after(options.timeoutMs, () => controller.abort());
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.bytes !== undefined) headers['content-type'] = 'application/octet-stream';
    const sentAt = options.clock.now();
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`, {
        method,
        headers,
        ...(request.bytes !== undefined
          ? { body: new Blob([Uint8Array.from(request.bytes)]) }
          : request.body === undefined
            ? {}
            : { body: JSON.stringify(request.body) }),
        signal: controller.signal,
      });
    } catch (error) {
      throw new NetworkError(
        controller.signal.aborted
          ? `${method} ${path} timed out or was cancelled`
          : `${method} ${path}: the server is unreachable`,
        { cause: error },
      );
    } finally {
      cancelTimeout();
    }
    const serverTime = serverTimeOf(response);
    if (serverTime !== null) options.onServerOffset(Math.round(serverTime - (sentAt + options.clock.now()) / 2));
    if (response.ok) return response;

    const text = await response.text().catch(() => '');
    let parsed: ReturnType<typeof ApiErrorSchema.safeParse> | null;
    try {
      parsed = ApiErrorSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    const retryAfter = retryAfterMs(response.headers.get('retry-after'));
    if (parsed?.success) {
      const { code, message, details } = parsed.data.error;
      throw new SyncHttpError(response.status, code, message, details, retryAfter);
    }
    const code: ApiErrorCode =
      response.status === 401 ? 'UNAUTHORIZED' : response.status >= 500 ? 'UNAVAILABLE' : 'BAD_REQUEST';
    throw new SyncHttpError(
      response.status,
      code,
      `${method} ${path} answered ${response.status}`,
      undefined,
      retryAfter,
    );
  }

  async function json<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    schema: S,
    requestOptions: RequestOptions = {},
  ): Promise<z.infer<S>> {
    // One deadline for headers and body, so a response that stalls half-way is also given up on.
    const controller = new AbortController();
    const cancelTimeout = options.timers.after(options.timeoutMs, () => controller.abort());
    let body: unknown;
    try {
      const response = await request(method, path, { ...requestOptions, signal: controller.signal, timeout: false });
      try {
        body = await response.json();
      } catch (error) {
        throw new NetworkError(`${method} ${path}: the response was cut off`, { cause: error });
      }
    } finally {
      cancelTimeout();
    }
    const result = schema.safeParse(body);
    if (!result.success)
      throw new SyncHttpError(
        200,
        'INTERNAL',
        `${method} ${path}: the server's answer does not match the protocol`,
        undefined,
        null,
      );
    return result.data;
  }

  return { request, json };
}

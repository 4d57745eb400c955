import Fastify from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Readable } from 'node:stream';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { z } from 'zod';
import {
  InboundRequestSchema,
  LoginRequestSchema,
  MAX_INBOUND_BYTES,
  MAX_PUSH_BYTES,
  PullRequestSchema,
  PushRequestSchema,
} from '../src-shared/sync/protocol';
import type { LoginResponse } from '../src-shared/sync/protocol';
import { findUnsafeText } from '../src-shared/text/unsafeText';
import type { Principal } from './auth/principal';
import { findUserByUsername } from './auth/directory';
import { verifyPassword } from './auth/passwords';
import { GateFullError, HashGate } from './auth/hashGate';
import { LoginThrottle, type LoginLimit } from './auth/loginThrottle';
import { isDeviceRevoked, isTokenOfRevokedDevice, revokeDevice } from './auth/devices';
import { authenticate, hashToken, isTokenLive, issueToken, revokeToken, type Session } from './auth/tokens';
import type { Db } from './db/db';
import { auditRoutes } from './audit/auditExport';
import { errorReply } from './http/errorReply';
import { HttpError } from './http/httpError';
import { DEFAULT_QUOTAS, QuotaExceeded, UserQuotas, type QuotaLimits } from './http/userQuotas';
import { ingestInbound } from './inbound';
import type { BlobStore } from './attachments/blobStore';
import { attachmentRoutes } from './attachments/attachmentRoutes';
import type { OutboundWorker } from './outbound/outboundWorker';
import { bootstrapNdjson } from './sync/bootstrap';
import type { PokeHub, SyncSignal } from './sync/pokeHub';
import { pull } from './sync/pull';
import { push } from './sync/push';
import { readSyncState } from './sync/syncState';
import { verify } from './sync/verify';
import { registerTrainingRoutes } from './training/trainingRoutes';
import { registerTrainerRoutes } from './training/trainerRoutes';

export interface AppOptions {
  db: Db;
  logger: Logger;
  now: () => number;
  pokes: PokeHub;
  outbound?: OutboundWorker;
  tokenTtlMs: number;
  replyGraceMs: number;
  heartbeatMs: number;
  bootstrapPageRows?: number;
  pullPageSize?: number;
  loginLimit: LoginLimit;
  /** Password hashes computed at once, and how many more may wait (beyond that: 429). */
  hashConcurrency?: { running: number; waiting: number };
  /** Fastify's trustProxy: use X-Forwarded-For only from these proxies (off unless configured). */
  trustProxy?: boolean | string | string[];
  /** Per-user quotas on the sync protocol (issue 19.6); DEFAULT_QUOTAS where not given. */
  quotas?: Partial<QuotaLimits>;
  /** Where attachment bytes are kept (src-server/attachments/blobStore.ts). */
  blobs: BlobStore;
}

// A hash to verify against when the username is unknown, so response time does not reveal which users exist.
const DUMMY_HASH = 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over the size limit, a malformed
 * request line) still get the error body of SYNC.md, not Node's or Fastify's own.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const [status, text] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({
    error: {
      code: 'BAD_REQUEST',
      message: status === 431 ? 'the request headers are too large' : 'the request is malformed',
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function createFastify(logger: Logger, trustProxy: boolean | string | string[] = false) {
  return Fastify({
    loggerInstance: logger,
    bodyLimit: MAX_PUSH_BYTES,
    trustProxy,
    clientErrorHandler: answerClientError,
  });
}

/** One entry of the route table: what the fuzz and authorization suites enumerate. */
export interface RouteEntry {
  method: string;
  url: string;
}

export interface App {
  fastify: ReturnType<typeof createFastify>;
  /** Every route as registered, so tests cover routes added later without being edited. */
  routes: readonly RouteEntry[];
  /** Ends open event streams so the HTTP server can close. */
  endStreams(): void;
}

const DeviceParamsSchema = z.object({ clientId: z.uuid() });

/** The desk wipes its local data when it hears this code (src-main/core/sync/syncEngine.ts). */
function deviceRevoked(): HttpError {
  return new HttpError(
    401,
    'DEVICE_REVOKED',
    'an administrator revoked this device; its local data is removed and it cannot sign in again',
  );
}

function rateLimited(waitMs: number, message: string): HttpError {
  const seconds = String(Math.max(1, Math.ceil(waitMs / 1000)));
  return new HttpError(
    429,
    'RATE_LIMITED',
    message,
    { retryAfterSeconds: Number(seconds) },
    { 'retry-after': seconds },
  );
}

export function buildApp(options: AppOptions): App {
  const { db, now } = options;
  const fastify = createFastify(options.logger, options.trustProxy);
  const routes: RouteEntry[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  const { perUser, perIp, windowMs, maxDelayMs } = options.loginLimit;
  const byUser = new LoginThrottle(perUser, windowMs, now, maxDelayMs);
  const byIp = new LoginThrottle(perIp, windowMs, now, maxDelayMs);
  const hashes = new HashGate(options.hashConcurrency?.running ?? 4, options.hashConcurrency?.waiting ?? 64);
  const quotas = new UserQuotas({ ...DEFAULT_QUOTAS, ...options.quotas }, now);
  /** Counts a request against the user's quota; over it, 429 with Retry-After, before any lock or query. */
  function withinQuota<T>(use: () => T): T {
    try {
      return use();
    } catch (error) {
      if (error instanceof QuotaExceeded)
        throw rateLimited(error.retryAfterMs, `too many requests of this kind (${error.quota}); try again later`);
      throw error;
    }
  }
  /** Open event streams and the session that opened each: a stream ends with its token (issue 19.7). */
  const streams = new Map<ServerResponse, Session>();

  fastify.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-server-time', new Date(now()).toISOString());
  });
  // Before any handler: NUL and lone surrogates cannot be stored faithfully, so no route ever sees them.
  fastify.addHook('preHandler', async (request) => {
    for (const [part, value] of [
      // A file's bytes are checked by the attachment routes, not as text.
      ['body', Buffer.isBuffer(request.body) ? null : request.body],
      ['query', request.query],
    ] as const) {
      const field = findUnsafeText(value);
      if (field !== null)
        throw new HttpError(
          400,
          'BAD_REQUEST',
          `${field} contains a NUL character or a broken (lone surrogate) character; remove it and send again`,
          { field, in: part },
        );
    }
  });
  fastify.setErrorHandler((error, request, reply) => {
    const mapped = errorReply(error, request.routeOptions.bodyLimit);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: mapped.body.error.code }, mapped.body.error.message);
    void reply.code(mapped.status).headers(mapped.headers).send(mapped.body);
  });
  fastify.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });

  async function sessionOf(request: FastifyRequest): Promise<Session> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header) : null;
    if (!match?.[1]) throw new HttpError(401, 'UNAUTHORIZED', 'a bearer token is required');
    const session = await authenticate(db, match[1], now());
    if (!session) {
      if (await isTokenOfRevokedDevice(db, match[1])) throw deviceRevoked();
      throw new HttpError(401, 'UNAUTHORIZED', 'the token is unknown, expired or revoked');
    }
    return session;
  }
  const principalOf = async (request: FastifyRequest): Promise<Principal> => (await sessionOf(request)).principal;

  fastify.get('/health', async (_request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', database: db.kind, serverTime: new Date(now()).toISOString() };
    } catch {
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: { code: 'UNAVAILABLE', message: 'the database is unreachable' } });
    }
  });

  fastify.post('/api/v1/auth/login', async (request, reply): Promise<LoginResponse> => {
    const body = LoginRequestSchema.parse(request.body);
    const userKey = `user:${body.username.toLowerCase()}`;
    const ipKey = `ip:${request.ip}`;
    const waitMs = Math.max(byUser.retryAfterMs(userKey), byIp.retryAfterMs(ipKey));
    if (waitMs > 0) throw rateLimited(waitMs, 'too many failed logins; try again later');
    // Counted before the slow hash, so parallel guesses see each other (issue 19.3).
    byUser.begin(userKey);
    byIp.begin(ipKey);
    let found: Awaited<ReturnType<typeof findUserByUsername>>;
    let isValid: boolean;
    try {
      found = await findUserByUsername(db, body.username);
      isValid = await hashes.run(() => verifyPassword(body.password, found?.passwordHash ?? DUMMY_HASH));
    } catch (error) {
      byUser.discount(userKey);
      byIp.discount(ipKey);
      if (error instanceof GateFullError) throw rateLimited(1000, 'the server is busy checking sign-ins; try again');
      throw error;
    }
    if (!found || !isValid) {
      byUser.failed(userKey);
      byIp.failed(ipKey);
      throw new HttpError(401, 'UNAUTHORIZED', 'wrong username or password');
    }
    byUser.succeeded(userKey);
    byIp.discount(ipKey);
    // Told only after the password is right, so a stranger cannot probe which devices are revoked.
    if (body.clientId !== undefined && (await isDeviceRevoked(db, body.clientId))) throw deviceRevoked();
    const { token, expiresMs } = await issueToken(db, found.user.id, now(), options.tokenTtlMs, body.clientId ?? null);
    void reply.code(200);
    return { token, expiresAt: new Date(expiresMs).toISOString(), user: found.user };
  });

  fastify.post('/api/v1/auth/logout', async (request) => {
    await principalOf(request);
    const token = request.headers.authorization?.slice('Bearer '.length) ?? '';
    await revokeToken(db, token, now());
    endStreamsOf(hashToken(token));
    return { ok: true };
  });

  fastify.post('/api/v1/inbound', { bodyLimit: MAX_INBOUND_BYTES }, async (request, reply) => {
    const principal = await principalOf(request);
    if (principal.role !== 'integration')
      throw new HttpError(403, 'FORBIDDEN', 'only an integration account may post inbound messages');
    const result = await ingestInbound(db, InboundRequestSchema.parse(request.body), now(), {
      integrationId: principal.id,
      blobs: options.blobs,
    });
    return reply.code(result.created ? 201 : 200).send(result);
  });

  fastify.post('/sync/v1/push', async (request) => {
    const principal = await principalOf(request);
    const body = PushRequestSchema.parse(request.body);
    withinQuota(() => quotas.take(principal.id, 'mutations', body.mutations.length));
    if (await isDeviceRevoked(db, body.clientId)) throw deviceRevoked();
    const { queuedOutbound, ...response } = await push(db, principal, body, {
      nowMs: now(),
      replyGraceMs: options.replyGraceMs,
    });
    if (queuedOutbound) options.outbound?.kick();
    return response;
  });

  fastify.post('/sync/v1/pull', async (request) => {
    const principal = await principalOf(request);
    const body = PullRequestSchema.parse(request.body);
    if (await isDeviceRevoked(db, body.clientId)) throw deviceRevoked();
    return pull(db, principal, body, options.pullPageSize);
  });

  fastify.post('/api/v1/admin/devices/:clientId/revoke', async (request) => {
    const principal = await principalOf(request);
    if (principal.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'only an admin may revoke a device');
    const { clientId } = DeviceParamsSchema.parse(request.params);
    return revokeDevice(db, clientId, principal.id, now());
  });

  void fastify.register(attachmentRoutes({ db, blobs: options.blobs, now, principalOf }));
  void fastify.register(auditRoutes({ db, principalOf }));

  fastify.get('/sync/v1/verify', async (request) => {
    const principal = await principalOf(request);
    withinQuota(() => quotas.take(principal.id, 'verifyRequests'));
    return verify(db, principal);
  });

  const BootstrapQuerySchema = z.object({ pageToken: z.string().min(1).max(1024).optional() });
  fastify.get('/sync/v1/bootstrap', async (request, reply) => {
    const principal = await principalOf(request);
    const query = BootstrapQuerySchema.parse(request.query);
    withinQuota(() => quotas.take(principal.id, 'bootstrapRequests'));
    const chunks = bootstrapNdjson(db, principal, query.pageToken, options.bootstrapPageRows);
    // The first page is read before answering, so a stale page token still gets a proper 409.
    const first = await chunks.next();
    async function* ndjson() {
      if (!first.done) yield first.value;
      yield* chunks;
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(ndjson()));
  });

  fastify.get('/sync/v1/events', async (request, reply) => {
    const session = await sessionOf(request);
    const closeStream = withinQuota(() => quotas.openStream(session.principal.id));
    try {
      const state = await readSyncState(db);
      openEventStream(reply, session, state.highSeq, closeStream);
    } catch (error) {
      closeStream();
      throw error;
    }
  });

  // Practice (issue 16): its own sync scope and what trainers publish and assign; then the trainers' reviews.
  registerTrainingRoutes(fastify, { db, now, principalOf });
  registerTrainerRoutes(fastify, { db, now, principalOf });

  function endStreamsOf(tokenHash: string): void {
    for (const [stream, opened] of streams) if (opened.tokenHash === tokenHash) stream.end();
  }

  function openEventStream(reply: FastifyReply, session: Session, seq: number, onClose: () => void): void {
    const { principal } = session;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-server-time': new Date(now()).toISOString(),
    });
    const write = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    raw.write('retry: 2000\n\n');
    write('poke', { seq });
    const unsubscribe = options.pokes.subscribe(principal, (signal: SyncSignal) => {
      if (signal.kind === 'poke') write('poke', { seq: signal.seq });
      else write('reset', {});
    });
    // Each heartbeat also asks whether the token still works: expired, or revoked by any API process.
    let checking = false;
    const heartbeat = setInterval(() => {
      if (checking) return;
      if (now() >= session.expiresMs) return void raw.end();
      checking = true;
      isTokenLive(db, session.tokenHash, now())
        .then((isLive) => {
          if (!isLive) raw.end();
          else write('heartbeat', { serverTime: new Date(now()).toISOString() });
        })
        // The database is away for a moment: keep the stream; the next heartbeat asks again.
        .catch(() => undefined)
        .finally(() => {
          checking = false;
        });
    }, options.heartbeatMs);
    streams.set(raw, session);
    raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
      onClose();
    });
  }

  return {
    fastify,
    routes,
    endStreams() {
      for (const stream of streams.keys()) stream.end();
    },
  };
}

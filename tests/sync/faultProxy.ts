import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP proxy between sync clients and the real server that injects faults per request.
 * Rules are matched in the order they were added; the first matching rule with hits left decides.
 *
 * Faults, by where they strike:
 * - before the server sees the request: `refuse` (socket destroyed at once: the server looks down),
 *   `drop` (the request is swallowed and the socket closed after `afterMs`), `status` (a 503 or any
 *   status the proxy answers itself), `killBefore` (the harness stops the server, then the socket dies);
 * - around it: `delay`, `hold` (kept until `release()`; a released request is forwarded even if its
 *   client gave up, which is how late replays and reordering happen), `duplicate` (sent twice);
 * - after the server answered (so its transaction committed): `loseResponse` (the answer is read
 *   and thrown away, the client's socket is destroyed), `killAfter` (same, and the harness stops the
 *   server), `truncate` (a stream is cut after some bytes), `dropPokes` (SSE poke frames filtered out).
 */
export type Fault =
  | { kind: 'refuse' }
  | { kind: 'drop'; afterMs?: number }
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'hold' }
  | { kind: 'duplicate' }
  | { kind: 'loseResponse' }
  | { kind: 'truncate'; afterBytes: number }
  | { kind: 'dropPokes' }
  | { kind: 'killBefore' }
  | { kind: 'killAfter' };

export interface Match {
  method?: string;
  /** An exact path (query string ignored) or a pattern tested against path and query. */
  path?: string | RegExp;
  /** Only requests whose JSON body satisfies this (e.g. a given clientId). */
  body?: (body: unknown) => boolean;
}

export interface RuleOptions {
  /** How many matching requests this rule strikes; unlimited when absent. */
  times?: number;
}

export interface Rule {
  readonly match: Match;
  readonly fault: Fault;
  /** Requests this rule struck so far. */
  readonly hits: number;
  remove(): void;
}

export interface ExchangeRecord {
  seq: number;
  method: string;
  path: string;
  /** Parsed JSON request body (undefined for bodies that are not JSON). */
  body: unknown;
  /** The fault that struck, 'down' while the proxy played a dead server, null when forwarded untouched. */
  fault: Fault['kind'] | 'down' | null;
  /** Upstream status, or the status the proxy answered itself; null when nobody answered. */
  status: number | null;
  /** Parsed JSON response body as the server sent it (also when the client never got it). */
  response: unknown;
  /** True when the client received the complete response. */
  delivered: boolean;
}

export interface FaultProxyOptions {
  /** The real server's base URL; change it with setUpstream after a restart on another port. */
  upstream: string;
  /** Called by killBefore / killAfter faults; must stop the real server (the proxy then answers nothing). */
  onKill?: () => Promise<void>;
  /** JSON responses bigger than this are not kept in the log (bootstrap streams are never kept). */
  maxLoggedBytes?: number;
}

interface RuleState {
  match: Match;
  fault: Fault;
  remaining: number;
  hits: number;
}

interface Held {
  release: () => void;
  discard: () => void;
}

export class FaultProxy {
  private server: http.Server | undefined;
  private upstream: URL;
  private readonly rules: RuleState[] = [];
  private readonly held: Held[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly streams = new Set<ServerResponse>();
  private readonly log: ExchangeRecord[] = [];
  private readonly agent = new http.Agent({ keepAlive: false });
  private isDown = false;
  private clockShiftMs = 0;
  private nextSeq = 1;
  private port = 0;

  constructor(private readonly options: FaultProxyOptions) {
    this.upstream = new URL(options.upstream);
  }

  async start(): Promise<string> {
    const server = http.createServer((request, response) => {
      void this.handle(request, response).catch(() => {
        request.socket.destroy();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const address: AddressInfo | string | null = server.address();
    if (address === null || typeof address === 'string') throw new Error('the fault proxy has no TCP address');
    this.port = address.port;
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  setUpstream(url: string): void {
    this.upstream = new URL(url);
  }

  /** While down every request's connection is destroyed before any byte is answered, like a dead server. */
  setDown(isDown: boolean): void {
    this.isDown = isDown;
    if (isDown) this.cutStreams();
  }

  /** Moves the server's clock as clients read it (x-server-time, Date) by `ms`, as a server whose clock jumped. */
  setClockShift(ms: number): void {
    this.clockShiftMs = ms;
  }

  addRule(match: Match, fault: Fault, options: RuleOptions = {}): Rule {
    const state: RuleState = { match, fault, remaining: options.times ?? Number.POSITIVE_INFINITY, hits: 0 };
    this.rules.push(state);
    const rules = this.rules;
    return {
      match,
      fault,
      get hits() {
        return state.hits;
      },
      remove() {
        const index = rules.indexOf(state);
        if (index >= 0) rules.splice(index, 1);
      },
    };
  }

  clearRules(): void {
    this.rules.length = 0;
  }

  /** How many requests are held right now. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Forwards held requests, oldest first unless `order` says otherwise (indexes into the held list). */
  release(order?: readonly number[]): void {
    const batch = this.held.splice(0, this.held.length);
    const picked = order ? order.map((index) => batch[index]).filter((held) => held !== undefined) : batch;
    for (const held of picked) held.release();
  }

  /** Resolves once at least `count` requests are held (a matching request can take a moment to arrive). */
  async waitForHeld(count = 1): Promise<void> {
    for (let waited = 0; this.held.length < count; waited += 5) {
      if (waited > 10_000) throw new Error(`expected ${count} held requests, have ${this.held.length}`);
      await sleep(5);
    }
  }

  /** Resolves once a logged exchange that satisfies `predicate` has its answer from the server. */
  async waitForAnswered(predicate: (record: ExchangeRecord) => boolean): Promise<ExchangeRecord> {
    for (let waited = 0; ; waited += 5) {
      const found = this.log.find((record) => predicate(record) && record.status !== null);
      if (found) return found;
      if (waited > 10_000) throw new Error('no matching exchange was answered');
      await sleep(5);
    }
  }

  /** Throws held requests away unsent: their connections are closed and the server never sees them. */
  discardHeld(): void {
    for (const held of this.held.splice(0, this.held.length)) held.discard();
  }

  /** Ends every open streamed response (SSE): clients see their event stream drop. */
  cutStreams(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
  }

  exchanges(filter: Match = {}): ExchangeRecord[] {
    return this.log.filter((record) => matches(filter, record.method, record.path, record.body));
  }

  /** Sends a recorded request to the server again as it was (a replay by the network or an attacker). */
  async replay(record: ExchangeRecord, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(new URL(record.path, this.upstream), {
      method: record.method,
      headers: { 'content-type': 'application/json', ...headers },
      body: record.body === undefined ? undefined : JSON.stringify(record.body),
    });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) };
  }

  async stop(): Promise<void> {
    this.release();
    this.cutStreams();
    for (const socket of this.sockets) socket.destroy();
    this.agent.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private pickRule(method: string, path: string, body: unknown): RuleState | undefined {
    const rule = this.rules.find(
      (candidate) => candidate.remaining > 0 && matches(candidate.match, method, path, body),
    );
    if (rule) {
      rule.remaining -= 1;
      rule.hits += 1;
    }
    return rule;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const raw = await readAll(request);
    const body = raw.length > 0 ? parseJson(raw.toString('utf8')) : undefined;
    const rule = this.isDown ? undefined : this.pickRule(method, path, body);
    const fault = rule?.fault;
    const record: ExchangeRecord = {
      seq: this.nextSeq++,
      method,
      path,
      body,
      fault: this.isDown ? 'down' : (fault?.kind ?? null),
      status: null,
      response: undefined,
      delivered: false,
    };
    this.log.push(record);
    if (this.isDown) {
      request.socket.destroy();
      return;
    }
    const headers = forwardHeaders(request);

    switch (fault?.kind) {
      case 'refuse':
        request.socket.destroy();
        return;
      case 'drop':
        await sleep(fault.afterMs ?? 0);
        request.socket.destroy();
        return;
      case 'status': {
        record.status = fault.status;
        const extra: Record<string, string> =
          fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        response.writeHead(fault.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra });
        response.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'injected by the fault proxy' } }));
        record.delivered = true;
        return;
      }
      case 'killBefore':
        await this.options.onKill?.();
        request.socket.destroy();
        return;
      case 'delay':
        await sleep(fault.ms);
        break;
      case 'hold': {
        const isReleased = await new Promise<boolean>((resolve) =>
          this.held.push({ release: () => resolve(true), discard: () => resolve(false) }),
        );
        if (!isReleased) {
          request.socket.destroy();
          return;
        }
        break;
      }
      default:
        break;
    }

    if (fault?.kind === 'duplicate') {
      const first = await this.forwardBuffered(method, path, headers, raw);
      record.status = first.status;
      record.response = parseJson(first.body.toString('utf8'));
      const second = await this.forwardBuffered(method, path, headers, raw);
      this.log.push({
        ...record,
        seq: this.nextSeq++,
        status: second.status,
        response: parseJson(second.body.toString('utf8')),
      });
      record.delivered = writeBuffered(response, first, this.clockShiftMs);
      return;
    }
    if (fault?.kind === 'loseResponse' || fault?.kind === 'killAfter') {
      const answer = await this.forwardBuffered(method, path, headers, raw);
      record.status = answer.status;
      record.response = parseJson(answer.body.toString('utf8'));
      if (fault.kind === 'killAfter') await this.options.onKill?.();
      request.socket.destroy();
      return;
    }
    await this.forwardStreaming(request, response, method, path, headers, raw, record, fault);
  }

  private forwardBuffered(
    method: string,
    path: string,
    headers: http.OutgoingHttpHeaders,
    raw: Buffer,
  ): Promise<Buffered> {
    return new Promise((resolve, reject) => {
      const upstreamRequest = http.request(
        new URL(path, this.upstream),
        { method, headers, agent: this.agent },
        (upstreamResponse) => {
          readAll(upstreamResponse).then(
            (body) => resolve({ status: upstreamResponse.statusCode ?? 502, headers: upstreamResponse.headers, body }),
            reject,
          );
        },
      );
      upstreamRequest.on('error', reject);
      upstreamRequest.end(raw);
    });
  }

  private forwardStreaming(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
    headers: http.OutgoingHttpHeaders,
    raw: Buffer,
    record: ExchangeRecord,
    fault: Fault | undefined,
  ): Promise<void> {
    return new Promise((resolve) => {
      const upstreamRequest = http.request(
        new URL(path, this.upstream),
        { method, headers, agent: this.agent },
        (upstreamResponse) => {
          record.status = upstreamResponse.statusCode ?? 502;
          const contentType = String(upstreamResponse.headers['content-type'] ?? '');
          const isEventStream = contentType.startsWith('text/event-stream');
          const isJson = contentType.startsWith('application/json');
          // A client that gave up does not stop the server: its answer is read and logged, then dropped.
          if (request.socket.destroyed) {
            readAll(upstreamResponse).then(
              (body) => {
                if (isJson) record.response = parseJson(body.toString('utf8'));
                resolve();
              },
              () => resolve(),
            );
            return;
          }
          const responseHeaders = shiftedClock(upstreamResponse.headers, this.clockShiftMs);
          // The proxy's upstream connections are one-shot; that must not tell the client its own connection closes.
          delete responseHeaders.connection;
          response.writeHead(upstreamResponse.statusCode ?? 502, responseHeaders);
          if (isEventStream) {
            this.streams.add(response);
            response.on('close', () => {
              this.streams.delete(response);
              upstreamRequest.destroy();
            });
          }
          const logged: Buffer[] = [];
          let sent = 0;
          let pending = '';
          let isCut = false;
          upstreamResponse.on('data', (chunk: Buffer) => {
            if (isCut) return;
            if (isJson && sent < (this.options.maxLoggedBytes ?? 2_000_000)) logged.push(chunk);
            if (fault?.kind === 'truncate') {
              const room = fault.afterBytes - sent;
              if (chunk.length >= room) {
                isCut = true;
                response.write(chunk.subarray(0, Math.max(0, room)), () => request.socket.resetAndDestroy());
                upstreamRequest.destroy();
                return;
              }
            }
            if (fault?.kind === 'dropPokes' && isEventStream) {
              pending += chunk.toString('utf8');
              const frames = pending.split('\n\n');
              pending = frames.pop() ?? '';
              for (const frame of frames) if (!/^event: poke$/m.test(frame)) response.write(`${frame}\n\n`);
              return;
            }
            sent += chunk.length;
            response.write(chunk);
          });
          upstreamResponse.on('end', () => {
            if (response.destroyed || isCut) return resolve();
            response.end(() => {
              record.delivered = true;
              if (isJson) record.response = parseJson(Buffer.concat(logged).toString('utf8'));
              resolve();
            });
          });
          upstreamResponse.on('error', () => {
            if (!isCut) response.destroy();
            resolve();
          });
        },
      );
      upstreamRequest.on('error', () => {
        request.socket.destroy();
        resolve();
      });
      upstreamRequest.end(raw);
    });
  }
}

interface Buffered {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function writeBuffered(response: ServerResponse, answer: Buffered, clockShiftMs: number): boolean {
  if (response.destroyed) return false;
  const headers = shiftedClock(answer.headers, clockShiftMs);
  delete headers['transfer-encoding'];
  delete headers.connection;
  headers['content-length'] = String(answer.body.length);
  response.writeHead(answer.status, headers);
  response.end(answer.body);
  return true;
}

function shiftedClock(headers: http.IncomingHttpHeaders, shiftMs: number): http.IncomingHttpHeaders {
  const shifted = { ...headers };
  if (shiftMs === 0) return shifted;
  const serverTime = Date.parse(String(headers['x-server-time'] ?? headers.date ?? ''));
  if (Number.isFinite(serverTime)) {
    shifted['x-server-time'] = new Date(serverTime + shiftMs).toISOString();
    shifted.date = new Date(serverTime + shiftMs).toUTCString();
  }
  return shifted;
}

function forwardHeaders(request: IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...request.headers };
  delete headers.host;
  delete headers.connection;
  headers['content-length'] = request.headers['content-length'] ?? '0';
  delete headers['transfer-encoding'];
  return headers;
}

function matches(match: Match, method: string, path: string, body: unknown): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof match.path === 'string' && match.path !== path.split('?')[0]) return false;
  if (match.path instanceof RegExp && !match.path.test(path)) return false;
  if (match.body && !match.body(body)) return false;
  return true;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

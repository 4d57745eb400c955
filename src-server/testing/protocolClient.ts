// The one client of the central API's HTTP protocol for every test suite and benchmark: server tests,
// sync fault scenarios, engine tests and the e2e supervisor's desk. It talks over plain HTTP as another
// app would, with nothing of the desktop core in it.
import { randomUUID } from 'node:crypto';
import type { Case, Message } from '../../src-shared/domain/case';
import { CaseSchema, MessageSchema } from '../../src-shared/domain/case';
import type { User } from '../../src-shared/domain/user';
import { UserSchema } from '../../src-shared/domain/user';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { MutationEnvelope, MutationKey, MutationResult } from '../../src-shared/sync/mutations';
import type { PushResponse, VerifyResponse } from '../../src-shared/sync/protocol';
import {
  BootstrapLineSchema,
  LoginResponseSchema,
  PROTOCOL_VERSION,
  PushResponseSchema,
  VerifyResponseSchema,
} from '../../src-shared/sync/protocol';

/** An answer as the server gave it: hostile-input tests look at the status and the raw body. */
export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One mutation of a typed push: `name@v`, its arguments and the versions the client last saw. */
export interface PushedMutation {
  key: MutationKey;
  args: unknown;
  base?: MutationEnvelope['base'];
}

/** The caller's whole scope from GET /sync/v1/bootstrap, parsed with the domain schemas. */
export interface Scope {
  cases: Case[];
  messages: Message[];
  users: User[];
}

export interface ProtocolClientOptions {
  /** The clock stamped on pushed mutations (virtual time in fault scenarios); the machine's otherwise. */
  now?: () => number;
  appVersion?: string;
}

/** A mutation envelope as a client sends it, version 1 unless the name says otherwise. */
export function mutation(
  id: number,
  name: string,
  args: unknown,
  base: MutationEnvelope['base'] = {},
  clientTime = '2026-11-25T09:59:00.000Z',
): MutationEnvelope {
  const at = name.indexOf('@');
  return {
    id,
    uuid: randomUUID(),
    name: at < 0 ? name : name.slice(0, at),
    v: at < 0 ? 1 : Number(name.slice(at + 1)),
    args,
    base,
    clientTime,
  };
}

export function pushBody(clientId: string, mutations: MutationEnvelope[], appVersion = '0.1.0') {
  return { protocol: PROTOCOL_VERSION, clientId, appVersion, schemaVersion: 1, mutations };
}

/**
 * A client of one server: `call` for any request as is, `login`/`signIn` for a session, and typed `push`,
 * `scope`, `verify` and `events` that fail the test with the server's answer when it is not a success.
 * The address may be a function, for a server that restarts on another port.
 */
export class ProtocolClient {
  token: string | undefined;
  user: User | undefined;
  readonly clientId = randomUUID();
  private nextMutationId = 1;

  constructor(
    private readonly address: string | (() => string),
    private readonly options: ProtocolClientOptions = {},
  ) {}

  /** A client signed in as `username` (the demo password unless another is given). */
  static async signIn(
    address: string | (() => string),
    username: string,
    password = DEMO_PASSWORD,
    options: ProtocolClientOptions = {},
  ): Promise<ProtocolClient> {
    const client = new ProtocolClient(address, options);
    await client.login(username, password);
    return client;
  }

  get baseUrl(): string {
    return typeof this.address === 'string' ? this.address : this.address();
  }

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    init: { token?: string | null; raw?: string; body?: Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const token = init.token === null ? undefined : (init.token ?? this.token);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined
        ? { body: new Blob([Uint8Array.from(init.body)]) }
        : init.raw !== undefined
          ? { body: init.raw }
          : body !== undefined
            ? { body: JSON.stringify(body) }
            : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // NDJSON and empty bodies stay text.
    }
    // The caller names what it expects; a test that reads the wrong shape fails on its own assertions.
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const reply = await this.call('POST', '/api/v1/auth/login', { username, password }, { token: null });
    if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
    const login = LoginResponseSchema.parse(reply.body);
    this.token = login.token;
    this.user = login.user;
    return login.token;
  }

  /** A push of envelopes exactly as given, under any client id: the answer as is, refusals included. */
  sendPush(clientId: string, envelopes: MutationEnvelope[]): Promise<Reply<PushResponse>> {
    return this.call<PushResponse>('POST', '/sync/v1/push', pushBody(clientId, envelopes, this.options.appVersion));
  }

  /** Pushes the mutations in one request with this client's next ids; the server's results in order. */
  async push(mutations: readonly PushedMutation[]): Promise<MutationResult[]> {
    const clientTime = new Date(this.options.now?.() ?? Date.now()).toISOString();
    const envelopes = mutations.map((each, index) =>
      mutation(this.nextMutationId + index, each.key, each.args, each.base ?? {}, clientTime),
    );
    const reply = await this.sendPush(this.clientId, envelopes);
    if (reply.status !== 200) throw new Error(`push answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    this.nextMutationId += envelopes.length;
    return PushResponseSchema.parse(reply.body).results;
  }

  /** One mutation; its result, applied or rejected. */
  async pushOne(key: MutationKey, args: unknown, base?: MutationEnvelope['base']): Promise<MutationResult> {
    const [result] = await this.push([{ key, args, base }]);
    if (result === undefined) throw new Error(`push ${key} answered without a result`);
    return result;
  }

  /** One mutation that must be applied (a supervisor's reassign or close in a scenario's set-up). */
  async apply(key: MutationKey, args: unknown): Promise<void> {
    const result = await this.pushOne(key, args);
    if (result.status !== 'applied') throw new Error(`${key} was not applied: ${JSON.stringify(result)}`);
  }

  async scope(): Promise<Scope> {
    const reply = await this.call<string>('GET', '/sync/v1/bootstrap');
    if (reply.status !== 200) throw new Error(`bootstrap answered ${reply.status}`);
    const scope: Scope = { cases: [], messages: [], users: [] };
    for (const line of reply.body.split('\n')) {
      if (line.trim() === '') continue;
      const row = BootstrapLineSchema.parse(JSON.parse(line));
      if (!('entity' in row)) continue;
      if (row.entity === 'case') scope.cases.push(CaseSchema.parse(row.data));
      if (row.entity === 'message') scope.messages.push(MessageSchema.parse(row.data));
      if (row.entity === 'user') scope.users.push(UserSchema.parse(row.data));
    }
    return scope;
  }

  async verify(): Promise<VerifyResponse> {
    const reply = await this.call('GET', '/sync/v1/verify');
    if (reply.status !== 200) throw new Error(`verify answered ${reply.status}`);
    return VerifyResponseSchema.parse(reply.body);
  }

  /** `PUT /api/v1/attachments/:id`: the file's raw bytes to a case (an integration names none); the answer as is. */
  uploadFile(attachmentId: string, bytes: Uint8Array, target: { name: string; caseId?: string }): Promise<Reply> {
    const query = new URLSearchParams({ name: target.name, ...(target.caseId ? { caseId: target.caseId } : {}) });
    return this.call('PUT', `/api/v1/attachments/${attachmentId}?${query.toString()}`, undefined, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }

  /** `GET /api/v1/attachments/:id/content`: the bytes on 200, else the error body in `body`. */
  async downloadFile(
    attachmentId: string,
    variant: 'original' | 'display' | 'thumbnail' = 'original',
  ): Promise<Reply & { bytes: Buffer }> {
    const response = await fetch(`${this.baseUrl}/api/v1/attachments/${attachmentId}/content?variant=${variant}`, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const body: unknown = response.ok ? null : JSON.parse(bytes.toString('utf8'));
    return { status: response.status, body, headers: response.headers, bytes };
  }

  /** This client's `GET /sync/v1/events` stream. */
  events(): Promise<EventStream> {
    return openEvents(this.baseUrl, this.token ?? '');
  }
}

export interface SseEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  next(): Promise<SseEvent>;
  nextOf(event: string): Promise<SseEvent>;
  close(): void;
  status: number;
}

/** Reads `GET /sync/v1/events` as a stream of parsed server-sent events. */
export async function openEvents(baseUrl: string, token: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/sync/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: SseEvent[] = [];
  async function next(): Promise<SseEvent> {
    for (;;) {
      const queued = queue.shift();
      if (queued) return queued;
      if (!reader) throw new Error(`no event stream (status ${response.status})`);
      const chunk = await reader.read();
      if (chunk.done) throw new Error('event stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data !== undefined) queue.push({ event, data: JSON.parse(data) });
      }
    }
  }
  return {
    status: response.status,
    next,
    async nextOf(event) {
      for (;;) {
        const received = await next();
        if (received.event === event) return received;
      }
    },
    close: () => controller.abort(),
  };
}

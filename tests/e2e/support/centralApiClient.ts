import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../../src-shared/demo';
import { CaseSchema, MessageSchema } from '../../../src-shared/domain/case';
import { UserSchema } from '../../../src-shared/domain/user';
import type { MutationKey, MutationArgs, MutationResult } from '../../../src-shared/sync/mutations';
import {
  BootstrapLineSchema,
  LoginResponseSchema,
  PROTOCOL_VERSION,
  PushResponseSchema,
} from '../../../src-shared/sync/protocol';

/**
 * A second desk speaking the sync protocol over plain HTTP, as another app would: a supervisor's client
 * that signs in, pushes intents and reads its scope, independent of the workstation under test.
 */
export class ProtocolClient {
  private nextId = 1;
  private readonly clientId = randomUUID();

  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
    readonly user: z.infer<typeof UserSchema>,
  ) {}

  static async signIn(baseUrl: string, username: string): Promise<ProtocolClient> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`login as ${username} answered ${response.status}: ${await response.text()}`);
    const login = LoginResponseSchema.parse(await response.json());
    return new ProtocolClient(baseUrl, login.token, login.user);
  }

  async push<K extends MutationKey>(key: K, args: MutationArgs<K>): Promise<MutationResult> {
    const [name, version] = key.split('@');
    const mutation = {
      id: this.nextId,
      uuid: randomUUID(),
      name,
      v: Number(version),
      args,
      base: {},
      clientTime: new Date().toISOString(),
    };
    const response = await fetch(`${this.baseUrl}/sync/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        clientId: this.clientId,
        appVersion: 'e2e',
        schemaVersion: 1,
        mutations: [mutation],
      }),
    });
    if (!response.ok) throw new Error(`push ${key} answered ${response.status}: ${await response.text()}`);
    this.nextId++;
    const result = PushResponseSchema.parse(await response.json()).results[0];
    if (result === undefined) throw new Error(`push ${key} answered without a result`);
    return result;
  }

  /** The caller's whole scope from GET /sync/v1/bootstrap: cases, messages and users, by id. */
  async scope() {
    const response = await fetch(`${this.baseUrl}/sync/v1/bootstrap`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new Error(`bootstrap answered ${response.status}`);
    const cases = [];
    const messages = [];
    const users = [];
    for (const line of (await response.text()).split('\n')) {
      if (line.trim() === '') continue;
      const row = BootstrapLineSchema.parse(JSON.parse(line));
      if (!('entity' in row)) continue;
      if (row.entity === 'case') cases.push(CaseSchema.parse(row.data));
      if (row.entity === 'message') messages.push(MessageSchema.parse(row.data));
      if (row.entity === 'user') users.push(UserSchema.parse(row.data));
    }
    return { cases, messages, users };
  }
}

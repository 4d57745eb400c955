// Support for the sync engine's own end-to-end tests: the real central API on loopback over a PGlite
// temp directory with the demo data, and desktop cores (a real SQLite file + the real sync engine) that
// can be cut off from the network by an injected fetch.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DEMO_PASSWORD, SMALL_DEMO } from '../../src-shared/demo';
import type { MutationResult } from '../../src-shared/sync/mutations';
import {
  LoginResponseSchema,
  PROTOCOL_VERSION,
  PushResponseSchema,
  VerifyResponseSchema,
} from '../../src-shared/sync/protocol';
import type { VerifyResponse } from '../../src-shared/sync/protocol';
import type { Message } from '../../src-shared/domain/case';
import { openLocalStore } from '../../src-main/core/store';
import type { LocalStore } from '../../src-main/core/store';
import { withTestConnection } from '../../src-main/core/store/testStore';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createSyncEngine } from '../../src-main/core/sync';
import type { SyncEngine, SyncEngineOptions, SyncStore } from '../../src-main/core/sync';
import { seedDemo } from '../../src-server/seed/seedDemo';
import { startServer } from '../../src-server/startServer';
import type { RunningServer } from '../../src-server/startServer';
import { seededTemplate } from './seededTemplate';

export interface DemoServer {
  server: RunningServer;
  /** Customer deliveries per message id. */
  deliveries: Map<string, number>;
  dispose(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossdesk-engine-server-'));
  const template = await seededTemplate({
    root: tmpdir(),
    prefix: 'crossdesk-engine',
    keyParts: [SMALL_DEMO],
    seed: (db) => seedDemo(db, Date.now()),
  });
  cpSync(template, dataDir, { recursive: true });
  const deliveries = new Map<string, number>();
  const server = await startServer({
    dataDir,
    logger: pino({ level: 'silent' }),
    runOutbound: false,
    heartbeatMs: 3_600_000,
    loginLimit: { perUser: 1_000, perIp: 1_000, windowMs: 60_000 },
    deliverer: {
      async deliver(message: Message) {
        deliveries.set(message.id, (deliveries.get(message.id) ?? 0) + 1);
        return { ok: true };
      },
    },
  });
  return {
    server,
    deliveries,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Desk {
  store: LocalStore;
  /** Runs fn on a connection of the test's own to the desk's database file (store/testStore.ts). */
  sql<T>(fn: (db: Database.Database) => T): T;
  path: string;
  engine: SyncEngine;
  /** While true every request fails as if the cable were pulled. */
  offline: boolean;
  close(): Promise<void>;
}

/** A desk on a fresh database file, or on `path` (a restored backup, say). */
export async function openDesk(
  serverUrl: string,
  username: string,
  options: Partial<SyncEngineOptions> & { path?: string } = {},
): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-engine-desk-'));
  const clock = { now: () => Date.now() };
  const ids = { uuid: () => randomUUID() };
  const { path, ...engineOptions } = options;
  const file = path ?? join(dir, 'desk.sqlite');
  const store = openLocalStore({ path: file, clock, ids });
  const port: SyncStore = store;
  const desk: Desk = {
    store,
    sql: (fn) => withTestConnection(file, fn),
    path: file,
    offline: false,
    engine: createSyncEngine({
      store: port,
      serverUrl,
      clock,
      ids,
      // Each test drives syncNow itself; pokes and polls would only make the order of events vary.
      events: false,
      pollIntervalMs: 3_600_000,
      fetch: (url, init) =>
        desk.offline ? Promise.reject(new TypeError('fetch failed: network is down')) : fetch(url, init),
      ...engineOptions,
    }),
    async close() {
      await desk.engine.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  desk.engine.start();
  await desk.engine.signIn(username, DEMO_PASSWORD);
  await desk.engine.syncNow();
  return desk;
}

async function tokenOf(serverUrl: string, username: string): Promise<string> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return LoginResponseSchema.parse(await login.json()).token;
}

export async function serverVerify(serverUrl: string, username: string): Promise<VerifyResponse> {
  const response = await fetch(`${serverUrl}/sync/v1/verify`, {
    headers: { authorization: `Bearer ${await tokenOf(serverUrl, username)}` },
  });
  return VerifyResponseSchema.parse(await response.json());
}

/** A mutation straight to the server as another client would send it (merges happen only there). */
export async function serverMutation(
  serverUrl: string,
  username: string,
  name: string,
  args: Record<string, unknown>,
): Promise<MutationResult> {
  const response = await fetch(`${serverUrl}/sync/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(serverUrl, username)}` },
    body: JSON.stringify({
      protocol: PROTOCOL_VERSION,
      clientId: randomUUID(),
      appVersion: 'test',
      schemaVersion: 1,
      mutations: [{ id: 1, uuid: randomUUID(), name, v: 1, args, base: {}, clientTime: new Date().toISOString() }],
    }),
  });
  const result = PushResponseSchema.parse(await response.json()).results[0];
  if (!result) throw new Error('push answered no result');
  return result;
}

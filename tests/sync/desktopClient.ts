import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MutationKey } from '../../src-shared/sync/mutations';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { openLocalStore } from '../../src-main/core/store';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { DiskFaults, LocalStore } from '../../src-main/core/store';
import { withTestConnection } from '../../src-main/core/store/testStore';
import { createSyncEngine } from '../../src-main/core/sync';
import type { FetchLike, SyncEngine, Timers } from '../../src-main/core/sync';
import type { ClientProbe } from './invariants';
import type { VirtualTime } from './virtualTime';

export interface DesktopClientOptions {
  name: string;
  username: string;
  /** Where the engine sends its requests: the fault proxy's URL. */
  serverUrl: string;
  time: VirtualTime;
  /** This laptop's clock error against the world's time. */
  skewMs?: number;
  /** An existing database file (a restarted or upgraded app); a fresh temp file otherwise. */
  path?: string;
  /** The app version the engine reports (app upgrade scenarios). */
  appVersion?: string;
}

export interface CreatedMutation {
  uuid: string;
  key: MutationKey;
  args: Record<string, unknown>;
}

/**
 * Timers of one app process: killing the process drops every timer it set, and a dead process sets none.
 */
class ProcessTimers implements Timers {
  private readonly cancels = new Set<() => void>();
  private isDead = false;

  constructor(private readonly world: Timers) {}

  after(ms: number, callback: () => void): () => void {
    if (this.isDead) return () => undefined;
    const cancel = this.world.after(ms, () => {
      this.cancels.delete(cancel);
      if (!this.isDead) callback();
    });
    this.cancels.add(cancel);
    return () => {
      this.cancels.delete(cancel);
      cancel();
    };
  }

  kill(): void {
    this.isDead = true;
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}

/** fetch of one app process: a kill aborts whatever it has in flight, as the OS would close its sockets. */
function processFetch(): { fetch: FetchLike; kill(): void } {
  const controllers = new Set<AbortController>();
  let isDead = false;
  return {
    fetch(url, init) {
      if (isDead) return Promise.reject(new Error('process is dead'));
      const controller = new AbortController();
      controllers.add(controller);
      init.signal?.addEventListener('abort', () => controller.abort(), { once: true });
      if (init.signal?.aborted) controller.abort();
      return fetch(url, { ...init, signal: controller.signal }).finally(() => controllers.delete(controller));
    },
    kill() {
      isDead = true;
      for (const controller of controllers) controller.abort();
    },
  };
}

/**
 * One desktop app: the real local store on a real SQLite file and the real sync engine, talking to the
 * server through the fault proxy, on the world's virtual time (with its own clock skew). `kill()` is a
 * crash: timers and sockets die, the database is closed as is; `reopen()` starts the app again on the
 * same file.
 */
export class DesktopClient {
  store!: LocalStore;
  /** The disk under this client's store (a fault tests inject). */
  disk!: DiskFaults;
  engine!: SyncEngine;
  readonly path: string;
  private readonly createdMutations: CreatedMutation[] = [];
  private readonly foreign: { uuid: string; key: string; args: Record<string, unknown> }[] = [];
  private readonly cursors: (string | null)[] = [];
  private readonly usedClientIds = new Set<string>();
  private timers!: ProcessTimers;
  private net!: ReturnType<typeof processFetch>;
  private isOpen = false;

  private readonly ownsDir: boolean;

  constructor(private readonly options: DesktopClientOptions) {
    this.ownsDir = options.path === undefined;
    this.path = options.path ?? join(mkdtempSync(join(tmpdir(), `crossdesk-sync-${options.name}-`)), 'workstation.db');
    this.open(options.appVersion);
  }

  /** Kills the app and deletes its temp directory (when the harness created it). */
  dispose(): void {
    this.kill();
    if (this.ownsDir) rmSync(dirname(this.path), { recursive: true, force: true });
  }

  get name(): string {
    return this.options.name;
  }

  /** False between kill() and restart(): the app is not running. */
  get isAlive(): boolean {
    return this.isOpen;
  }

  get username(): string {
    return this.options.username;
  }

  private open(appVersion?: string): void {
    const clock = this.options.time.clock(this.options.skewMs ?? 0);
    this.store = openLocalStore({
      path: this.path,
      clock,
      ids: { uuid: () => randomUUID() },
      faults: (disk) => {
        this.disk = disk;
      },
    });
    this.timers = new ProcessTimers(this.options.time.timers);
    this.net = processFetch();
    this.engine = createSyncEngine({
      store: this.store,
      serverUrl: this.options.serverUrl,
      fetch: this.net.fetch,
      clock,
      ids: { uuid: () => randomUUID() },
      random: () => 0.5,
      timers: this.timers,
      appVersion: appVersion ?? this.options.appVersion ?? '0.1.0',
      requestTimeoutMs: 20_000,
      // Every bootstrap of these scenarios is staged by the store's writer thread, faults and crashes included.
      bootstrapWriterAfterRows: 0,
    });
    this.isOpen = true;
    this.sample();
  }

  async signIn(): Promise<void> {
    this.engine.start();
    await this.engine.signIn(this.options.username, DEMO_PASSWORD);
    await this.engine.whenIdle();
    this.sample();
  }

  /** A local action as the workstation makes it (one transaction with its outbox row), then a kick. */
  write(key: MutationKey, args: Record<string, unknown>): CreatedMutation {
    const outcome = this.store.write(key, args);
    const created = { uuid: outcome.mutationUuid, key, args };
    this.createdMutations.push(created);
    this.engine.kick();
    return created;
  }

  /**
   * An outbox row as another build of the app would have written it (a mutation this server may not
   * know), appended with the next id in one transaction, as the store's own writes are.
   */
  writeForeign(
    name: string,
    v: number,
    args: Record<string, unknown> & { caseId: string },
  ): { uuid: string; key: string; args: Record<string, unknown> } {
    const uuid = randomUUID();
    withTestConnection(this.path, (db) =>
      db
        .transaction(() => {
          const next =
            db
              .prepare<[], { next_mutation_id: number }>('SELECT next_mutation_id FROM sync_state WHERE singleton = 1')
              .get()?.next_mutation_id ?? 1;
          db.prepare('UPDATE sync_state SET next_mutation_id = next_mutation_id + 1 WHERE singleton = 1').run();
          db.prepare(
            'INSERT INTO outbox (id, uuid, name, v, case_id, entity_id, args, base, client_time) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)',
          ).run(
            next,
            uuid,
            name,
            v,
            args.caseId,
            JSON.stringify(args),
            '{}',
            new Date(this.options.time.now()).toISOString(),
          );
        })
        .immediate(),
    );
    const created = { uuid, key: `${name}@${v}`, args };
    this.foreign.push(created);
    this.engine.kick();
    return created;
  }

  reply(caseId: string, body: string, locale = 'en'): CreatedMutation {
    return this.write('case.reply@1', { caseId, messageId: randomUUID(), body, locale });
  }

  /** Records the cursor and client id now (invariant 5 compares the history). */
  sample(): void {
    if (!this.isOpen) return;
    const state = this.store.getSyncState();
    this.cursors.push(state.cursor);
    this.usedClientIds.add(state.clientId);
  }

  /** The app process dies at once: no clean shutdown, in-flight requests cut, the SQLite file left as is. */
  kill(): void {
    if (!this.isOpen) return;
    this.sample();
    this.isOpen = false;
    this.timers.kill();
    this.net.kill();
    void this.engine.stop().catch(() => undefined);
    this.store.close();
  }

  /** Starts the app again on the same database file (optionally as a newer version) and signs in. */
  async restart(appVersion?: string): Promise<void> {
    this.kill();
    this.open(appVersion);
    await this.signIn();
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.sample();
    await this.engine.stop();
    this.timers.kill();
    this.net.kill();
    this.isOpen = false;
    this.store.close();
  }

  /** Runs fn on a connection of the test's own to this client's database file (store/testStore.ts). */
  sql<T>(fn: (db: Database.Database) => T): T {
    return withTestConnection(this.path, fn);
  }

  canonicalLines(): string[] {
    const rows = this.sql((db) =>
      db
        .prepare<[], { line: string }>(
          `SELECT 'case:' || id || ':' || server_version AS line FROM cases
       UNION ALL SELECT 'case_event:' || id || ':' || server_version FROM case_events
       UNION ALL SELECT 'message:' || id || ':' || server_version FROM messages WHERE pending = 0
       UNION ALL SELECT 'note:' || id || ':' || server_version FROM notes WHERE pending = 0`,
        )
        .all(),
    );
    return rows.map((row) => row.line);
  }

  probe(userId: string): ClientProbe {
    return {
      name: this.options.name,
      userId,
      verifyHash: () => this.store.verifyHash(),
      canonicalLines: () => this.canonicalLines(),
      pendingCount: () => this.store.pendingCount(),
      clientIds: () => [...this.usedClientIds],
      attention: () =>
        this.sql((db) =>
          db
            .prepare<[], { mutationUuid: string; code: string; body: string | null }>(
              'SELECT mutation_uuid AS mutationUuid, code, body FROM attention',
            )
            .all(),
        ),
      created: () => [...this.createdMutations, ...this.foreign],
      cursorHistory: () => this.cursors,
    };
  }
}

import { cpSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Case } from '../../src-shared/domain/case';
import { DEMO_PASSWORD, SMALL_DEMO } from '../../src-shared/demo';
import type { Db } from '../../src-server/db/db';
import type { Deliverer } from '../../src-server/outbound/deliverer';
import { openDatabase, startServer } from '../../src-server/startServer';
import type { RunningServer } from '../../src-server/startServer';
import { seedDemo } from '../../src-server/seed/seedDemo';
import { resetEpoch } from '../../src-server/sync/epoch';
import { ProtocolClient } from '../../src-server/testing/protocolClient';
import { seededTemplate } from '../../src-server/testing/seededTemplate';
import type { VirtualTime } from './virtualTime';

/** Demo data is dated relative to this instant; virtual time in every fault test starts here. */
export const WORLD_START = '2026-11-25T09:00:00.000Z';
const TEMPLATE_CASES = 100;
const HOUR = 3_600_000;

/**
 * Server data directories go to RAM (/dev/shm) when it has room: copying, opening and deleting a 40 MB
 * cluster per test world is then cheap. Falls back to the OS temp dir (small /dev/shm in containers).
 */
function scratchRoot(): string {
  try {
    const stats = statfsSync('/dev/shm');
    if (stats.bavail * stats.bsize > 2_000_000_000) return '/dev/shm';
  } catch {
    // No /dev/shm on this system.
  }
  return tmpdir();
}

export interface TestServerOptions {
  /**
   * A fault world's virtual time: the server runs on it over 100 demo cases dated from WORLD_START. Without
   * it (the engine's own tests) the server runs on the machine's clock over the small demo set seeded now.
   */
  time?: VirtualTime;
  tokenTtlMs?: number;
  replyGraceMs?: number;
}

/**
 * The real central API (src-server's startServer) on loopback over a PGlite data directory, with its
 * outbound deliveries counted per message. `kill()` stops the process's server and closes the database
 * (nothing survives but what was committed to disk); `start()` brings it back on the same data.
 */
export class TestServer {
  /** Deliveries to the customer per message id, over the whole life of the data directory. */
  readonly deliveries = new Map<string, number>();
  private running: RunningServer | null = null;
  private db: Db | null = null;
  private readonly deliverer: Deliverer = {
    deliver: async (message) => {
      this.deliveries.set(message.id, (this.deliveries.get(message.id) ?? 0) + 1);
      return { ok: true };
    },
  };

  private constructor(
    readonly dataDir: string,
    private readonly options: TestServerOptions,
  ) {}

  static async create(options: TestServerOptions = {}): Promise<TestServer> {
    const template = await seededTemplate(
      options.time
        ? {
            root: scratchRoot(),
            prefix: 'crossdesk-sync',
            keyParts: [TEMPLATE_CASES, WORLD_START],
            seed: (db) => seedDemo(db, Date.parse(WORLD_START), TEMPLATE_CASES),
          }
        : {
            root: scratchRoot(),
            prefix: 'crossdesk-engine',
            keyParts: [SMALL_DEMO],
            seed: (db) => seedDemo(db, Date.now()),
          },
    );
    const dataDir = mkdtempSync(join(scratchRoot(), 'crossdesk-sync-server-'));
    cpSync(template, dataDir, { recursive: true });
    const server = new TestServer(dataDir, options);
    await server.start();
    return server;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  get url(): string {
    if (!this.running) throw new Error('the test server is not running');
    return this.running.url;
  }

  get database(): Db {
    if (!this.db) throw new Error('the test server is not running');
    return this.db;
  }

  async start(): Promise<string> {
    if (this.running) return this.running.url;
    this.db = await openDatabase({ dataDir: this.dataDir });
    this.running = await startServer({
      db: this.db,
      clock: this.options.time?.dateClock(),
      logger: pino({ level: 'silent' }),
      deliverer: this.deliverer,
      runOutbound: false,
      heartbeatMs: 24 * HOUR,
      tokenTtlMs: this.options.tokenTtlMs ?? 12 * HOUR,
      replyGraceMs: this.options.replyGraceMs ?? 24 * HOUR,
      loginLimit: { perUser: 1000, perIp: 1000, windowMs: 60_000 },
      // Files outlive a server restart, as the database does.
      attachmentsDir: `${this.dataDir}-attachments`,
    });
    return this.running.url;
  }

  /** Stops serving and closes the database, as a crash would (uncommitted work is gone). */
  async kill(): Promise<void> {
    const running = this.running;
    const db = this.db;
    this.running = null;
    this.db = null;
    await running?.close();
    await db?.close();
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(`${this.dataDir}-attachments`, { recursive: true, force: true });
  }

  /**
   * Runs the outbound queue until nothing is due (tests drive delivery instead of a background timer);
   * answers how many deliveries ran.
   */
  async deliverAll(): Promise<number> {
    if (!this.running) return 0;
    let total = 0;
    for (let ran = await this.running.outbound.runOnce(); ran > 0; ran = await this.running.outbound.runOnce())
      total += ran;
    return total;
  }

  resetEpoch(): Promise<string> {
    return resetEpoch(this.database);
  }

  async userId(username: string): Promise<string> {
    const rows = await this.database.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
    const id = rows[0]?.id;
    if (!id) throw new Error(`no user ${username}`);
    return id;
  }

  async caseById(caseId: string): Promise<Case> {
    const rows = await this.database.query<{ data: Case }>('SELECT data FROM cases WHERE id = $1', [caseId]);
    const found = rows[0]?.data;
    if (!found) throw new Error(`no case ${caseId}`);
    return found;
  }

  /** Open cases (not done, not merged) assigned to a user, oldest id first. */
  async openCasesOf(userId: string): Promise<Case[]> {
    const rows = await this.database.query<{ data: Case }>(
      `SELECT data FROM cases WHERE assignee_id = $1 AND status IN ('new', 'open', 'pending_customer', 'on_hold') AND merged_into_id IS NULL ORDER BY id`,
      [userId],
    );
    return rows.map((row) => row.data);
  }

  /** A client that talks to this server directly (no proxy, no local store), on the world's time. */
  login(username: string): Promise<ProtocolClient> {
    const time = this.options.time;
    return ProtocolClient.signIn(() => this.url, username, DEMO_PASSWORD, {
      now: time ? () => time.now() : undefined,
      appVersion: 'test',
    });
  }
}

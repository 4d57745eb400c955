import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { isLoopbackHostname } from '../src-shared/net/serverUrl';
import type { Logger } from 'pino';
import { buildApp, type RouteEntry } from './app';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openPgliteDb } from './db/pgliteDb';
import { openPostgresDb } from './db/postgresDb';
import type { QuotaLimits } from './http/userQuotas';
import type { LoginLimit } from './auth/loginThrottle';
import type { Deliverer } from './outbound/deliverer';
import { acceptingDeliverer } from './outbound/deliverer';
import { OutboundWorker } from './outbound/outboundWorker';
import { seedDemo } from './seed/seedDemo';
import { diskBlobStore, type BlobStore } from './attachments/blobStore';
import { ensureBuiltinScenarios } from './training/scenarioVersions';
import { PokeHub } from './sync/pokeHub';
import { DEFAULT_PRESENCE_TIMEOUTS, type PresenceTimeouts } from '../src-shared/supervision/presence';
import { startLeaseSweeper } from './supervision/leaseSweeper';

export interface ServerOptions {
  /** PGlite data directory (the default driver); omitted with no databaseUrl and no db: in memory. */
  dataDir?: string;
  /** A PostgreSQL server; wins over dataDir. */
  databaseUrl?: string;
  /** An already-open database (tests share one per file); the server does not close it. */
  db?: Db;
  port?: number;
  host?: string;
  seedDemo?: boolean;
  /** Server time; injected by tests. Defaults to the system clock. */
  clock?: () => Date;
  logger?: Logger;
  deliverer?: Deliverer;
  /** Outbound delivery: the worker runs unless false (tests drive it by hand with outbound.runOnce()). */
  runOutbound?: boolean;
  outboundRetry?: { backoffMs?: number; maxAttempts?: number; leaseMs?: number; pollMs?: number; batchSize?: number };
  tokenTtlMs?: number;
  replyGraceMs?: number;
  heartbeatMs?: number;
  /** Presence and lease timeouts (SUPERVISION.md defaults); tests run them in seconds. */
  presence?: Partial<PresenceTimeouts>;
  /** How often the lease sweep runs; tests call leases.runOnce() on their own clock. */
  leaseSweepMs?: number;
  loginLimit?: LoginLimit;
  /** Per-user quotas on the sync protocol (DEFAULT_QUOTAS where not given). */
  quotas?: Partial<QuotaLimits>;
  /** Behind a reverse proxy: its address(es), so X-Forwarded-For gives the client's (never trusted otherwise). */
  trustProxy?: boolean | string | string[];
  /** Smaller pages make paging testable without thousands of rows. */
  bootstrapPageRows?: number;
  pullPageSize?: number;
  /**
   * Attachment bytes: a folder (content-addressed, created 0700). Default: `<dataDir>-attachments` beside a
   * PGlite data directory; with a PostgreSQL server or in memory, a temporary folder removed on close.
   */
  attachmentsDir?: string;
  /** Another file store (tests, an S3-compatible bucket); wins over attachmentsDir. */
  blobStore?: BlobStore;
}

export interface RunningServer {
  url: string;
  routes: readonly RouteEntry[];
  db: Db;
  outbound: OutboundWorker;
  pokes: PokeHub;
  /** The lease sweep: returns disconnected agents' cases to their queues (runOnce answers how many). */
  leases: { runOnce(): Promise<number> };
  close(): Promise<void>;
}

const HOUR = 3_600_000;
/** How long a closing server waits for requests in flight before it drops their connections. */
const SHUTDOWN_GRACE_MS = 2_000;

export async function openDatabase(options: Pick<ServerOptions, 'dataDir' | 'databaseUrl'>): Promise<Db> {
  const db = options.databaseUrl ? await openPostgresDb(options.databaseUrl) : await openPgliteDb(options.dataDir);
  await migrate(db);
  return db;
}

/** Starts the central API on loopback by default; the desktop embeds it for `npm start`. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // The demo accounts, admin included, share a published password: anyone who reaches the port could sign in.
  if (options.seedDemo && !isLoopbackHostname(host))
    throw new Error(`SEED_DEMO is refused on ${host}: the demo accounts have a public password; listen on loopback`);
  const clock = options.clock ?? (() => new Date());
  const now = () => clock().getTime();
  const logger = options.logger ?? pino({ name: 'crossdesk-server', level: process.env.LOG_LEVEL ?? 'info' });
  const ownsDb = !options.db;
  const db = options.db ?? (await openDatabase(options));
  if (!ownsDb) await migrate(db);
  if (options.seedDemo && (await seedDemo(db, now()))) logger.info('seeded the demo data set');
  // Runs of the shipped practice scenarios need their versions stored (src-server/training).
  await ensureBuiltinScenarios(db, now());

  const attachmentsDir =
    options.attachmentsDir ?? (options.dataDir && !options.databaseUrl ? `${options.dataDir}-attachments` : undefined);
  // Without a configured folder the files live as long as this process, like an in-memory database.
  const temporaryFiles =
    options.blobStore || attachmentsDir ? undefined : mkdtempSync(join(tmpdir(), 'crossdesk-attachments-'));
  const blobs = options.blobStore ?? diskBlobStore(attachmentsDir ?? temporaryFiles ?? '');

  const pokes = new PokeHub();
  await pokes.start(db);
  const outbound = new OutboundWorker(db, options.deliverer ?? acceptingDeliverer, {
    now,
    ...options.outboundRetry,
    onError: (error) => logger.warn({ err: error }, 'outbound delivery run failed'),
  });
  const presence = { ...DEFAULT_PRESENCE_TIMEOUTS, ...options.presence };
  const app = buildApp({
    db,
    presence,
    logger,
    now,
    pokes,
    outbound,
    tokenTtlMs: options.tokenTtlMs ?? 12 * HOUR,
    replyGraceMs: options.replyGraceMs ?? 24 * HOUR,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    loginLimit: options.loginLimit ?? { perUser: 5, perIp: 30, windowMs: 15 * 60_000 },
    blobs,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.quotas ? { quotas: options.quotas } : {}),
    ...(options.bootstrapPageRows ? { bootstrapPageRows: options.bootstrapPageRows } : {}),
    ...(options.pullPageSize ? { pullPageSize: options.pullPageSize } : {}),
  });
  await app.fastify.listen({ port: options.port ?? 0, host });
  if (options.runOutbound !== false) outbound.start();
  const leases = startLeaseSweeper(db, now, presence, options.leaseSweepMs ?? 5_000, (error) =>
    logger.warn({ err: error }, 'lease sweep failed'),
  );
  const address = app.fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    routes: app.routes,
    db,
    outbound,
    pokes,
    leases,
    close() {
      closing ??= (async () => {
        app.endStreams();
        // Requests in flight get a moment to finish; then every connection goes, including sockets a client
        // opened and never used (Node would otherwise wait for its headers timeout before closing).
        const forceClose = setTimeout(() => app.fastify.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await app.fastify.close();
        clearTimeout(forceClose);
        await leases.stop();
        await outbound.stop();
        await pokes.stop();
        if (ownsDb) await db.close();
        if (temporaryFiles) rmSync(temporaryFiles, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

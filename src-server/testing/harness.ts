// Test support for the server suites: a real server on loopback over a real database (a PGlite temp
// directory, or a fresh database on the PostgreSQL server of DATABASE_URL), and fixtures; the HTTP client is
// protocolClient.ts.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import type { Role, Team, User } from '../../src-shared/domain/user';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { openPgliteDb } from '../db/pgliteDb';
import { openPostgresDb } from '../db/postgresDb';
import { putTeam, putUser } from '../auth/directory';
import { hashPassword } from '../auth/passwords';
import { insertSnapshot } from '../seed/insertSnapshot';
import type { RunningServer, ServerOptions } from '../startServer';
import { startServer } from '../startServer';
import { seededTemplate } from './seededTemplate';
import { ProtocolClient } from './protocolClient';

export type Driver = 'pglite' | 'postgres';
/** PGlite always; PostgreSQL too when DATABASE_URL names a server (CI provides one). */
export const DRIVERS: readonly Driver[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: Db;
  /** Connection string of the fresh PostgreSQL database (postgres driver only). */
  url?: string;
  dispose(): Promise<void>;
}

/** A fresh, migrated database: a PGlite temp directory, or a new database on the DATABASE_URL server. */
export async function openTestDb(driver: Driver): Promise<TestDb> {
  if (driver === 'pglite') {
    const template = await pgliteTemplate();
    const dir = mkdtempSync(join(tmpdir(), 'crossdesk-server-'));
    cpSync(template, dir, { recursive: true });
    const db = await openPgliteDb(dir);
    await migrate(db);
    return {
      db,
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `crossdesk_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgresDb(url.toString());
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A migrated, empty PGlite data directory made once per machine and migration set. */
function pgliteTemplate(): Promise<string> {
  return seededTemplate({ root: tmpdir(), prefix: 'crossdesk-pglite', keyParts: [] });
}

export const silentLogger = pino({ level: 'silent' });

/** A manually advanced clock for token expiry, rate limits and grace windows. */
export class TestClock {
  constructor(public ms = Date.parse('2026-11-25T10:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface World {
  teamA: Team;
  teamB: Team;
  users: Record<'agentA1' | 'agentA2' | 'agentB1' | 'supervisorA' | 'admin' | 'gateway' | 'trainer', User>;
}

const WEEK = {
  mon: [['09:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '18:00']],
  fri: [['09:00', '18:00']],
  sat: [],
  sun: [],
} satisfies Team['weeklyHours'];

function team(name: string, markets: Team['markets']): Team {
  return { id: randomUUID(), name, timeZone: 'Europe/Berlin', weeklyHours: WEEK, holidayMarket: 'DE', markets };
}

function user(username: string, role: Role, teamIds: string[]): User {
  return {
    id: randomUUID(),
    username,
    displayName: username,
    role,
    teamIds,
    languages: ['en'],
    skills: { caseTypes: [], markets: [] },
    timeZone: 'Europe/Berlin',
    uiLocale: 'en',
  };
}

let cachedHash: Promise<string> | undefined;

/** Two teams and one user per role, with unique names so many worlds can share one database. */
export async function createWorld(db: Db): Promise<World> {
  const suffix = randomUUID().slice(0, 8);
  const teamA = team(`A ${suffix}`, ['DE', 'FR']);
  const teamB = team(`B ${suffix}`, ['JP']);
  const users = {
    agentA1: user(`a1-${suffix}`, 'agent', [teamA.id]),
    agentA2: user(`a2-${suffix}`, 'agent', [teamA.id]),
    agentB1: user(`b1-${suffix}`, 'agent', [teamB.id]),
    supervisorA: user(`sa-${suffix}`, 'supervisor', [teamA.id]),
    admin: user(`admin-${suffix}`, 'admin', []),
    gateway: user(`gw-${suffix}`, 'integration', []),
    trainer: user(`tr-${suffix}`, 'trainer', [teamA.id]),
  };
  // A cheap scrypt cost keeps logins fast in tests; the stored hash carries its own parameters.
  cachedHash ??= hashPassword(DEMO_PASSWORD, { n: 2 ** 10, r: 8, p: 1 });
  const hash = await cachedHash;
  await putTeam(db, teamA);
  await putTeam(db, teamB);
  for (const each of Object.values(users)) await putUser(db, each, DEMO_PASSWORD, hash);
  return { teamA, teamB, users };
}

// Counts down, so the ref sequence (bumped above the highest loaded ref) never mints a ref a later fixture uses.
let refCounter = 899_999_999;

export function makeCase(teamId: string, assigneeId: string | null, overrides: Partial<Case> = {}): Case {
  const at = '2026-11-24T08:00:00.000Z';
  return {
    id: randomUUID(),
    ref: `CD-${refCounter--}`,
    type: 'return_refund',
    status: 'open',
    priority: 'normal',
    channel: 'email',
    subject: 'Parcel arrived damaged',
    locale: 'de-DE',
    customer: {
      id: randomUUID(),
      name: { given: 'Anna', family: 'Müller', order: 'given_family', gender: 'female' },
      locale: 'de-DE',
      market: 'DE',
      timeZone: 'Europe/Berlin',
      contacts: [{ channel: 'email', address: 'anna@example.test' }],
    },
    teamId,
    assigneeId,
    tags: [],
    createdAt: at,
    updatedAt: at,
    statusChangedAt: at,
    firstRepliedAt: null,
    lastCustomerMessageAt: at,
    slaDueAt: null,
    mergedIntoId: null,
    version: 1,
    assigneeVersion: 1,
    ...overrides,
  };
}

export async function addCases(db: Db, cases: readonly Case[], nowMs = Date.now()): Promise<void> {
  await insertSnapshot(db, { cases, messages: [], notes: [], events: [] }, nowMs);
}

export function clientFor(server: RunningServer, username: string): Promise<ProtocolClient> {
  return ProtocolClient.signIn(server.url, username);
}

export function startTestServer(db: Db, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({ db, logger: silentLogger, runOutbound: false, ...options });
}

/** One describe block's server: a fresh migrated database, a server on it, and the clock it runs on. */
export interface ServerSuite {
  readonly clock: TestClock;
  readonly db: Db;
  readonly server: RunningServer;
  /** A new world (teams and users of their own) with the cases `cases` makes for it, and sign-in by role. */
  setup(cases?: (world: World) => Case[]): Promise<{
    world: World;
    cases: Case[];
    as(name: keyof World['users']): Promise<ProtocolClient>;
  }>;
  /** A case as the server stored it. */
  caseRow(id: string): Promise<Case>;
}

/**
 * The hooks of a server test on one driver (inside `describe.each(DRIVERS)`): the database and server
 * start before the block's tests and close after them; each test makes its own world, so tests share
 * the server without seeing each other's rows.
 */
export function serverSuite(driver: Driver, options: (clock: TestClock) => Partial<ServerOptions>): ServerSuite {
  const clock = new TestClock();
  let testDb: TestDb | undefined;
  let running: RunningServer | undefined;
  beforeAll(async () => {
    testDb = await openTestDb(driver);
    running = await startTestServer(testDb.db, options(clock));
  });
  afterAll(async () => {
    await running?.close();
    await testDb?.dispose();
  });
  const suite: ServerSuite = {
    clock,
    get db() {
      if (testDb === undefined) throw new Error('no database outside the suite: read it in a hook or a test');
      return testDb.db;
    },
    get server() {
      if (running === undefined) throw new Error('no server outside the suite: read it in a hook or a test');
      return running;
    },
    async setup(cases = () => []) {
      const world = await createWorld(suite.db);
      const list = cases(world);
      await addCases(suite.db, list, clock.ms);
      return { world, cases: list, as: (name) => clientFor(suite.server, world.users[name].username) };
    },
    async caseRow(id) {
      const [row] = await suite.db.query<{ data: Case }>('SELECT data FROM cases WHERE id = $1', [id]);
      if (row === undefined) throw new Error(`no case ${id} on the server`);
      return row.data;
    },
  };
  return suite;
}

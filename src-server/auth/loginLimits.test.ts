import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/harness';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { createWorld, DRIVERS, openTestDb, startTestServer, TestClock } from '../testing/harness';
import { ProtocolClient } from '../testing/protocolClient';
import type { RunningServer } from '../startServer';
import { hashPassword } from './passwords';

// Issue 19.3: the login limit holds against parallel guesses, cannot lock a real user out for long, bounds
// the CPU spent on password hashes, and trusts X-Forwarded-For only when told to.
describe.each(DRIVERS)('login limits on %s', (driver) => {
  let testDb: TestDb;
  let server: RunningServer;
  let ipLimited: RunningServer;
  let proxied: RunningServer;
  const clock = new TestClock();
  const login = (target: RunningServer, username: string, password: string, headers: Record<string, string> = {}) =>
    new ProtocolClient(target.url).call('POST', '/api/v1/auth/login', { username, password }, { headers });

  beforeAll(async () => {
    testDb = await openTestDb(driver);
    const loginLimit = { perUser: 5, perIp: 1000, windowMs: 15 * 60_000, maxDelayMs: 60_000 };
    server = await startTestServer(testDb.db, { clock: clock.now, loginLimit });
    const perIp = { ...loginLimit, perIp: 8 };
    ipLimited = await startTestServer(testDb.db, { clock: clock.now, loginLimit: perIp });
    proxied = await startTestServer(testDb.db, { clock: clock.now, loginLimit: perIp, trustProxy: '127.0.0.1' });
  });
  afterAll(async () => {
    await proxied?.close();
    await ipLimited?.close();
    await server?.close();
    await testDb?.dispose();
  });

  it('counts 40 parallel wrong passwords for one user before hashing: only the free attempts are tried', async () => {
    const world = await createWorld(testDb.db);
    const username = world.users.agentA1.username;
    // The production cost, so each hash takes long enough for the guesses to overlap as they would live.
    await testDb.db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [
      await hashPassword(DEMO_PASSWORD),
      world.users.agentA1.id,
    ]);
    const replies = await Promise.all(Array.from({ length: 40 }, () => login(server, username, 'guess')));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    for (const reply of replies.filter((each) => each.status === 429)) {
      expect(reply.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('slows a stranger down step by step instead of locking the real user out for long', async () => {
    const world = await createWorld(testDb.db);
    const username = world.users.agentA2.username;
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(server, username, 'guess')).status).toBe(401);
    const waits: number[] = [];
    for (let step = 0; step < 10; step++) {
      const limited = await login(server, username, 'guess');
      expect(limited.status).toBe(429);
      const wait = Number(limited.headers.get('retry-after'));
      waits.push(wait);
      clock.advance(wait * 1000);
      expect((await login(server, username, 'guess')).status).toBe(401);
    }
    // Each wait is at least the one before and never more than a minute.
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(Math.max(...waits)).toBe(60);
    expect(waits[0]).toBeLessThan(5);
    const limited = await login(server, username, DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    clock.advance(Number(limited.headers.get('retry-after')) * 1000);
    expect((await login(server, username, DEMO_PASSWORD)).status).toBe(200);
    // A success clears the user's count: the next typo is not delayed.
    expect((await login(server, username, 'typo')).status).toBe(401);
    clock.advance(15 * 60_000);
  });

  it('ignores X-Forwarded-For unless a proxy is configured, and then limits per forwarded address', async () => {
    const world = await createWorld(testDb.db);
    // Real users with the tests' cheap hash: each is tried at most twice, far under the per-user limit.
    const usernames = Object.values(world.users).map((user) => user.username);
    const nameFor = (index: number) => usernames[index % usernames.length] ?? '';
    const spoofed = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        login(ipLimited, nameFor(index), 'guess', { 'x-forwarded-for': `198.51.100.${index}` }),
      ),
    );
    expect(spoofed.filter((reply) => reply.status === 429)).toHaveLength(4);
    clock.advance(15 * 60_000);
    const forwarded = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        login(proxied, nameFor(index), 'guess', { 'x-forwarded-for': `198.51.100.${index}` }),
      ),
    );
    expect(forwarded.map((reply) => reply.status)).toEqual(Array.from({ length: 12 }, () => 401));
    clock.advance(15 * 60_000);
  });
});

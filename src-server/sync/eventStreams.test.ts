import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../testing/harness';
import {
  clientFor,
  createWorld,
  DRIVERS,
  openEvents,
  openTestDb,
  startTestServer,
  TestClock,
} from '../testing/harness';
import type { RunningServer } from '../startServer';
import { hashToken } from '../auth/tokens';

/** Reads events until the server ends the stream; resolves with how many arrived first. */
async function untilEnded(stream: Awaited<ReturnType<typeof openEvents>>): Promise<number> {
  for (let received = 0; ; received++) {
    try {
      await stream.next();
    } catch {
      return received;
    }
  }
}

// Issue 19.7: an event stream lives no longer than the token that opened it.
describe.each(DRIVERS)('event streams and their token on %s', (driver) => {
  let testDb: TestDb;
  let server: RunningServer;
  const clock = new TestClock();

  beforeAll(async () => {
    testDb = await openTestDb(driver);
    server = await startTestServer(testDb.db, { clock: clock.now, tokenTtlMs: 60 * 60_000, heartbeatMs: 40 });
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.dispose();
  });

  it('ends the stream when its token signs out, and leaves the same user’s other sessions open', async () => {
    const world = await createWorld(testDb.db);
    const agent = await clientFor(server, world.users.agentA1.username);
    const otherDevice = await clientFor(server, world.users.agentA1.username);
    const stream = await openEvents(server.url, agent.token ?? '');
    const other = await openEvents(server.url, otherDevice.token ?? '');
    await stream.nextOf('poke');
    expect((await agent.call('POST', '/api/v1/auth/logout')).status).toBe(200);
    await untilEnded(stream);
    expect((await other.nextOf('heartbeat')).event).toBe('heartbeat');
    other.close();
  });

  it('ends the stream when its token expires', async () => {
    const world = await createWorld(testDb.db);
    const agent = await clientFor(server, world.users.agentA1.username);
    const stream = await openEvents(server.url, agent.token ?? '');
    await stream.nextOf('heartbeat');
    clock.advance(60 * 60_000);
    await untilEnded(stream);
  });

  it('ends the stream when the token is revoked by another API process (seen in the database)', async () => {
    const world = await createWorld(testDb.db);
    const agent = await clientFor(server, world.users.agentA1.username);
    const stream = await openEvents(server.url, agent.token ?? '');
    await stream.nextOf('heartbeat');
    await testDb.db.query('UPDATE auth_tokens SET revoked_ms = $2 WHERE token_hash = $1', [
      hashToken(agent.token ?? ''),
      clock.ms,
    ]);
    await untilEnded(stream);
  });
});

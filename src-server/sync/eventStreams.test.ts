import { describe, expect, it } from 'vitest';
import { clientFor, createWorld, DRIVERS, serverSuite } from '../testing/harness';
import type { EventStream } from '../testing/protocolClient';
import { hashToken } from '../auth/tokens';

/** Reads events until the server ends the stream; resolves with how many arrived first. */
async function untilEnded(stream: EventStream): Promise<number> {
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
  const suite = serverSuite(driver, (clock) => ({ clock: clock.now, tokenTtlMs: 60 * 60_000, heartbeatMs: 40 }));
  const { clock } = suite;

  it('ends the stream when its token signs out, and leaves the same user’s other sessions open', async () => {
    const world = await createWorld(suite.db);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const otherDevice = await clientFor(suite.server, world.users.agentA1.username);
    const stream = await agent.events();
    const other = await otherDevice.events();
    await stream.nextOf('poke');
    expect((await agent.call('POST', '/api/v1/auth/logout')).status).toBe(200);
    await untilEnded(stream);
    expect((await other.nextOf('heartbeat')).event).toBe('heartbeat');
    other.close();
  });

  it('ends the stream when its token expires', async () => {
    const world = await createWorld(suite.db);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const stream = await agent.events();
    await stream.nextOf('heartbeat');
    clock.advance(60 * 60_000);
    await untilEnded(stream);
  });

  it('ends the stream when the token is revoked by another API process (seen in the database)', async () => {
    const world = await createWorld(suite.db);
    const agent = await clientFor(suite.server, world.users.agentA1.username);
    const stream = await agent.events();
    await stream.nextOf('heartbeat');
    await suite.db.query('UPDATE auth_tokens SET revoked_ms = $2 WHERE token_hash = $1', [
      hashToken(agent.token ?? ''),
      clock.ms,
    ]);
    await untilEnded(stream);
  });
});

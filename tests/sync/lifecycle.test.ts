import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import { readCursorClaims } from '../../src-server/sync/cursor';
import type { DesktopClient } from './desktopClient';
import type { World } from './world';
import { worldWithJonas } from './worldWithJonas';

const HOUR = 3_600_000;

/** SYNC.md fault scenarios: app upgrade with a non-empty outbox; interrupted bootstrap; epoch reset; token expiry mid-drain. */
describe('app and server lifecycle', { timeout: 90_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let caseAt: (index: number) => Case;

  beforeAll(async () => {
    ({ world, jonas, caseAt } = await worldWithJonas({ tokenTtlMs: 6 * HOUR, minOpenCases: 3 }));
  });
  afterAll(() => world?.destroy());
  const pushes = () => world.proxy.exchanges({ path: '/sync/v1/push' });

  it("app upgrade with a non-empty outbox: the new version sends the old version's mutations once", async () => {
    world.proxy.setDown(true);
    const reply = jonas.reply(caseAt(0).id, 'Ihre Gutschrift wurde veranlasst.', 'de-DE');
    const tag = jonas.write('case.addTag@1', { caseId: caseAt(0).id, tag: 'credit-note' });
    await world.runFor(5 * 60_000);
    jonas.kill();
    world.proxy.setDown(false);
    await jonas.restart('0.2.0');
    expect(await world.settleAndCheck()).toEqual([]);
    const sent = pushes().filter((push) => push.status === 200 && JSON.stringify(push.body).includes(reply.uuid));
    expect(sent.map((push) => (push.body as { appVersion: string }).appVersion)).toEqual(['0.2.0']);
    expect(JSON.stringify(sent[0]?.body)).toContain(tag.uuid);
  });

  it('interrupted bootstrap: a stream cut mid-way resumes from its last page token and is never half-applied', async () => {
    world.proxy.addRule({ path: /^\/sync\/v1\/bootstrap/ }, { kind: 'truncate', afterBytes: 4_000 }, { times: 2 });
    const before = world.proxy.exchanges({ path: /^\/sync\/v1\/bootstrap/ }).length;
    const camille = await world.client('camille', 'camille.durand');
    const bootstraps = world.proxy.exchanges({ path: /^\/sync\/v1\/bootstrap/ }).slice(before);
    expect(bootstraps.slice(0, 2).map((record) => record.fault)).toEqual(['truncate', 'truncate']);
    expect(camille.store.getSyncState().cursor).toBeNull();
    expect(camille.store.caseCount()).toBe(0);
    expect(await world.settleAndCheck()).toEqual([]);
    expect(camille.store.caseCount()).toBeGreaterThan(0);
    // The retries resumed from the last page token the cut stream delivered, not from the start.
    const retries = world.proxy.exchanges({ path: /^\/sync\/v1\/bootstrap/ }).slice(before + 1);
    expect(retries.some((record) => record.path.includes('pageToken='))).toBe(true);
  });

  it('epoch reset: clients re-bootstrap into the new epoch and keep their outbox', async () => {
    world.proxy.setDown(true);
    const reply = jonas.reply(caseAt(1).id, 'Wir melden uns morgen mit dem Ergebnis.', 'de-DE');
    await world.runFor(2 * 60_000);
    const oldEpoch = readCursorClaims(jonas.store.getSyncState().cursor ?? '').epoch;
    const epoch = await world.server.resetEpoch();
    world.proxy.setDown(false);
    expect(await world.settleAndCheck()).toEqual([]);
    expect(readCursorClaims(jonas.store.getSyncState().cursor ?? '').epoch).toBe(epoch);
    expect(epoch).not.toBe(oldEpoch);
    const results = await world.server.database.query('SELECT 1 FROM mutations WHERE uuid = $1', [reply.uuid]);
    expect(results).toHaveLength(1);
  });

  it('token expiry mid-drain: signed out with the outbox kept, the drain resumes after signing in', async () => {
    world.proxy.setDown(true);
    for (let index = 0; index < 620; index++)
      jonas.write(index % 2 === 0 ? 'case.addTag@1' : 'case.removeTag@1', {
        caseId: caseAt(2).id,
        tag: `batch-${index >> 1}`,
      });
    // The first batch of 500 goes through; the second waits on the wire until the token has expired.
    await world.runFor(10_000, 1_000);
    const firstOfSecond = jonas.store.pendingMutations(501)[500]?.id ?? 0;
    world.proxy.setDown(false);
    world.proxy.addRule(
      {
        path: '/sync/v1/push',
        body: (body) => (body as { mutations?: { id: number }[] }).mutations?.[0]?.id === firstOfSecond,
      },
      { kind: 'hold' },
      { times: 1 },
    );
    // Step until the second batch is on the wire, well before its 20 s request timeout.
    for (let step = 0; step < 15 && world.proxy.heldCount === 0; step++) await world.runFor(1_000, 1_000);
    await world.proxy.waitForHeld();
    world.time.advance(7 * HOUR);
    world.proxy.release();
    await world.runFor(60_000, 10_000);
    expect(jonas.engine.status().connection).toBe('signed_out');
    // Nothing is lost: the second batch is still in the outbox (the first stays too until a pull confirms it).
    expect(jonas.store.pendingMutations(1000).map((mutation) => mutation.id)).toContain(firstOfSecond + 119);
    const server = await world.server.database.query<{ last_mutation_id: number }>(
      'SELECT last_mutation_id FROM clients WHERE client_id = $1',
      [jonas.store.getSyncState().clientId],
    );
    expect(server[0]?.last_mutation_id).toBe(firstOfSecond - 1);
    for (const client of world.clients) await client.signIn();
    expect(await world.settleAndCheck()).toEqual([]);
  });
});

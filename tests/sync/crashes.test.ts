import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import { PushResponseSchema } from '../../src-shared/sync/protocol';
import type { DesktopClient } from './desktopClient';
import type { World } from './world';
import { worldWithJonas } from './worldWithJonas';

/** SYNC.md fault scenarios: client killed mid-push; server killed before and after commit. */
describe('crashes', { timeout: 90_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let caseAt: (index: number) => Case;

  beforeAll(async () => {
    ({ world, jonas, caseAt } = await worldWithJonas({ minOpenCases: 3 }));
  });
  afterAll(() => world?.destroy());

  const resultsOf = (response: unknown): unknown[] => PushResponseSchema.parse(response).results;
  const pushes = () => world.proxy.exchanges({ path: '/sync/v1/push' });

  it('client killed mid-push after the server received it: the restarted app re-sends and gets the stored results', async () => {
    const hold = world.proxy.addRule({ path: '/sync/v1/push' }, { kind: 'hold' }, { times: 1 });
    jonas.reply(caseAt(0).id, 'Wir haben Ihre Rücksendung erhalten.', 'de-DE');
    jonas.write('case.addTag@1', { caseId: caseAt(0).id, tag: 'return-received' });
    await world.proxy.waitForHeld();
    jonas.kill();
    // The request was on the wire when the app died; the server gets it anyway and commits.
    world.proxy.release();
    expect(hold.hits).toBe(1);
    await jonas.restart();
    expect(await world.settleAndCheck()).toEqual([]);
    const held = pushes().find((push) => push.fault === 'hold');
    const resent = pushes().find((push) => push.seq > (held?.seq ?? 0) && push.status === 200);
    // The re-sent push of the same ids was answered from the stored results, not applied again.
    expect(held?.delivered).toBe(false);
    expect(resultsOf(resent?.response)).toEqual(expect.arrayContaining(resultsOf(held?.response)));
    expect(resultsOf(held?.response)).not.toEqual([]);
  });

  it('client killed mid-push before the server saw it: the restarted app sends it, applied once', async () => {
    world.proxy.addRule({ path: '/sync/v1/push' }, { kind: 'hold' }, { times: 1 });
    jonas.reply(caseAt(1).id, 'Der Austausch ist unterwegs.', 'de-DE');
    await world.proxy.waitForHeld();
    jonas.kill();
    world.proxy.discardHeld();
    expect(pushes().at(-1)).toMatchObject({ fault: 'hold', status: null });
    await jonas.restart();
    expect(await world.settleAndCheck()).toEqual([]);
  });

  it('server killed before commit: nothing was applied, the retry after restart applies it once', async () => {
    world.proxy.addRule({ path: '/sync/v1/push' }, { kind: 'killBefore' }, { times: 1 });
    jonas.write('case.setField@1', { caseId: caseAt(2).id, field: 'priority', value: 'high' });
    jonas.reply(caseAt(2).id, 'Wir kümmern uns vorrangig darum.', 'de-DE');
    await jonas.engine.whenIdle();
    expect(world.server.isRunning).toBe(false);
    await world.runFor(10 * 60_000);
    expect(jonas.store.pendingCount()).toBe(2);
    await world.restartServer();
    expect(await world.settleAndCheck()).toEqual([]);
  });

  it('server killed after commit (answer lost): the retry after restart gets the stored results', async () => {
    world.proxy.addRule({ path: '/sync/v1/push' }, { kind: 'killAfter' }, { times: 1 });
    jonas.write('case.addTag@1', { caseId: caseAt(2).id, tag: 'escalated' });
    jonas.reply(caseAt(1).id, 'Kleine Ergänzung zu unserer letzten Nachricht.', 'de-DE');
    await jonas.engine.whenIdle();
    expect(world.server.isRunning).toBe(false);
    const killed = pushes().find((push) => push.fault === 'killAfter');
    expect(killed).toMatchObject({ fault: 'killAfter', status: 200, delivered: false });
    await world.runFor(10 * 60_000);
    await world.restartServer();
    expect(await world.settleAndCheck()).toEqual([]);
    const retried = pushes()
      .filter((push) => push.status === 200)
      .at(-1);
    expect(resultsOf(retried?.response)).toEqual(expect.arrayContaining(resultsOf(killed?.response)));
    expect(resultsOf(killed?.response)).not.toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import type { DesktopClient } from './desktopClient';
import type { World } from './world';
import { worldWithJonas } from './worldWithJonas';

/** SYNC.md fault scenarios: server down for a long time; a push that fails once with no further activity. */
describe('server unavailable', { timeout: 90_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let caseAt: (index: number) => Case;

  beforeAll(async () => {
    ({ world, jonas, caseAt } = await worldWithJonas({ minOpenCases: 3 }));
  });
  afterAll(() => world?.destroy());

  it('server down for a long time: work done offline is retried on timers and applied once when it is back', async () => {
    await world.killServer();
    jonas.reply(caseAt(0).id, 'Thanks, the refund is on its way.');
    jonas.write('case.addTag@1', { caseId: caseAt(1).id, tag: 'waiting-carrier' });
    const before = world.proxy.exchanges({ path: '/sync/v1/push' }).length;
    await world.runFor(3 * 3_600_000, 5 * 60_000);
    const pushes = world.proxy.exchanges({ path: '/sync/v1/push' }).slice(before);
    expect(jonas.engine.status().connection).toBe('offline');
    expect(jonas.store.pendingCount()).toBe(2);
    // Retried by its own timers the whole time (backoff caps at 60 s, so at least once per 5-minute step).
    expect(pushes.length).toBeGreaterThanOrEqual((3 * 60) / 5 - 1);
    expect(pushes.every((push) => push.fault === 'down')).toBe(true);

    await world.restartServer();
    expect(await world.settleAndCheck()).toEqual([]);
  });

  it('a push that fails once with no further activity is retried by the timer alone', async () => {
    await world.settle();
    const rule = world.proxy.addRule({ path: '/sync/v1/push' }, { kind: 'refuse' }, { times: 1 });
    const before = world.proxy.exchanges({ path: '/sync/v1/push' }).length;
    jonas.write('case.addTag@1', { caseId: caseAt(2).id, tag: 'vip' });
    await jonas.engine.whenIdle();
    expect(rule.hits).toBe(1);
    expect(jonas.store.pendingCount()).toBe(1);
    // No kick, no poke, no poll (polls are 30 s apart): only the backoff timer can send it again.
    await world.runFor(5_000, 500);
    const pushes = world.proxy.exchanges({ path: '/sync/v1/push' }).slice(before);
    expect(pushes.map((push) => push.fault)).toEqual(['refuse', null]);
    expect(jonas.store.pendingCount()).toBe(0);
    expect(await world.settleAndCheck()).toEqual([]);
  });

  it('a 503 with Retry-After is honoured, then the push goes through', async () => {
    world.proxy.addRule(
      { path: '/sync/v1/push' },
      { kind: 'status', status: 503, retryAfterSeconds: 20 },
      { times: 1 },
    );
    const before = world.proxy.exchanges({ path: '/sync/v1/push' }).length;
    const statusesSince = () =>
      world.proxy
        .exchanges({ path: '/sync/v1/push' })
        .slice(before)
        .map((push) => push.status);
    jonas.write('case.removeTag@1', { caseId: caseAt(2).id, tag: 'vip' });
    await world.runFor(15_000, 1_000);
    expect(statusesSince()).toEqual([503]);
    await world.runFor(10_000, 1_000);
    expect(statusesSince()).toEqual([503, 200]);
    expect(await world.settleAndCheck()).toEqual([]);
  });
});

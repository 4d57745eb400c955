import { afterEach, expect, it } from 'vitest';
import { World } from './world';

let world: World;
afterEach(async () => {
  await world.destroy();
});

it('server down for a long time: work done offline is delivered once when it is back', async () => {
  world = await World.create();
  const jonas = await world.client('jonas', 'jonas.weber');
  const cases = await world.server.openCasesOf(await world.userId('jonas.weber'));
  const [first, second] = cases;
  if (!first || !second) throw new Error('jonas needs two open cases');

  await world.killServer();
  jonas.reply(first.id, 'Thanks, the refund is on its way.');
  jonas.write('case.addTag@1', { caseId: second.id, tag: 'waiting-carrier' });
  // Three virtual hours of retries against a dead server.
  await world.runFor(3 * 3_600_000, 5 * 60_000);
  const pushes = world.proxy.exchanges({ path: '/sync/v1/push' });
  expect(jonas.engine.status().connection).toBe('offline');
  expect(jonas.store.pendingCount()).toBe(2);
  // Retried on its own timers the whole time, never more often than the backoff allows.
  expect(pushes.length).toBeGreaterThanOrEqual(3 * 60 / 5 - 1);
  expect(pushes.every((push) => push.fault === 'down')).toBe(true);

  await world.restartServer();
  expect(await world.settleAndCheck()).toEqual([]);
});

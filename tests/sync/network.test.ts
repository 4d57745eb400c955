import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import { PushResponseSchema } from '../../src-shared/sync/protocol';
import type { DesktopClient } from './desktopClient';
import type { World } from './world';
import { worldWithJonas } from './worldWithJonas';

/** SYNC.md fault scenarios: duplicated and replayed requests; reordered requests; lost responses and lost pokes. */
describe('an unreliable network', { timeout: 90_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let myCase: (index: number) => Case;
  let camille: DesktopClient;
  let shared: Case;

  beforeAll(async () => {
    ({ world, jonas, caseAt: myCase } = await worldWithJonas({ minOpenCases: 2 }));
    camille = await world.client('camille', 'camille.durand');
    const unassigned = await world.server.database.query<{ data: Case }>(
      `SELECT data FROM cases WHERE team_id = $1 AND assignee_id IS NULL AND status IN ('new', 'open') ORDER BY id LIMIT 1`,
      [myCase(0).teamId],
    );
    const found = unassigned[0]?.data;
    if (!found) throw new Error("the demo data needs an unassigned case of jonas.weber's team");
    shared = found;
  });
  afterAll(() => world?.destroy());
  const pushes = () => world.proxy.exchanges({ path: '/sync/v1/push' });

  it('a duplicated push is applied once; the copy gets the stored results', async () => {
    world.proxy.addRule({ path: '/sync/v1/push' }, { kind: 'duplicate' }, { times: 1 });
    jonas.reply(myCase(0).id, 'Your replacement ships tomorrow.');
    await jonas.engine.whenIdle();
    const [original, copy] = pushes().filter((push) => push.fault === 'duplicate');
    expect(PushResponseSchema.parse(copy?.response).results).toEqual(
      PushResponseSchema.parse(original?.response).results,
    );
    expect(await world.settleAndCheck()).toEqual([]);
  });

  it('a replayed old push changes nothing, and another user cannot replay it at all', async () => {
    jonas.write('case.addTag@1', { caseId: myCase(0).id, tag: 'replay-me' });
    await jonas.engine.whenIdle();
    const old = pushes().findLast((push) => push.status === 200 && push.fault === null);
    if (!old) throw new Error('no push to replay');
    const before = await world.server.database.query('SELECT count(*)::int AS n FROM mutations');
    const replayed = await world.proxy.replay(old, {
      authorization: `Bearer ${(await world.server.login('jonas.weber')).token}`,
    });
    expect(replayed.status).toBe(200);
    expect(PushResponseSchema.parse(replayed.body).results).toEqual(PushResponseSchema.parse(old.response).results);
    const stranger = await world.proxy.replay(old, {
      authorization: `Bearer ${(await world.server.login('camille.durand')).token}`,
    });
    expect(stranger.status).toBe(403);
    expect(await world.server.database.query('SELECT count(*)::int AS n FROM mutations')).toEqual(before);
    expect(await world.settleAndCheck()).toEqual([]);
  });

  it('reordered: a push held past its timeout is retried, and the stale original arriving last changes nothing', async () => {
    world.proxy.addRule(
      { path: '/sync/v1/push', body: (body) => JSON.stringify(body).includes(jonasClientId()) },
      { kind: 'hold' },
      { times: 1 },
    );
    jonas.write('case.addTag@1', { caseId: myCase(1).id, tag: 'late-delivery' });
    await world.proxy.waitForHeld();
    camille.write('case.addNote@1', { caseId: shared.id, noteId: crypto.randomUUID(), body: 'Customer called again.' });
    await camille.engine.whenIdle();
    // Jonas's request times out (20 s), his retry goes through; then the held original reaches the server.
    await world.runFor(60_000, 5_000);
    expect(jonas.store.pendingCount()).toBe(0);
    world.proxy.release();
    await world.proxy.waitForAnswered((record) => record.fault === 'hold');
    expect(await world.settleAndCheck()).toEqual([]);
  });

  it('lost responses: a push and a pull whose answers never arrive are retried without double effects', async () => {
    world.proxy.addRule({ path: '/sync/v1/push' }, { kind: 'loseResponse' }, { times: 1 });
    world.proxy.addRule({ path: '/sync/v1/pull' }, { kind: 'loseResponse' }, { times: 2 });
    jonas.reply(myCase(1).id, 'We have refunded the shipping costs.');
    jonas.write('case.removeTag@1', { caseId: myCase(1).id, tag: 'late-delivery' });
    expect(await world.settleAndCheck()).toEqual([]);
    expect(pushes().filter((push) => push.fault === 'loseResponse')).toHaveLength(1);
  });

  it('lost pokes: the other agent still gets the change from the periodic pull', async () => {
    world.proxy.addRule({ path: '/sync/v1/events' }, { kind: 'dropPokes' });
    world.proxy.cutStreams();
    await world.runFor(10_000, 1_000);
    const note = { caseId: shared.id, noteId: crypto.randomUUID(), body: 'Supplier confirmed the defect.' };
    jonas.write('case.addNote@1', note);
    await jonas.engine.whenIdle();
    await camille.engine.whenIdle();
    expect(camille.store.caseDetail(shared.id)?.notes.some((item) => item.id === note.noteId)).toBe(false);
    await world.runFor(30_000, 5_000);
    expect(camille.store.caseDetail(shared.id)?.notes.some((item) => item.id === note.noteId)).toBe(true);
    expect(await world.settleAndCheck()).toEqual([]);
  });

  function jonasClientId(): string {
    return jonas.store.getSyncState().clientId;
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import type { DesktopClient } from './desktopClient';
import type { World } from './world';
import { worldWithJonas } from './worldWithJonas';

const HANDOVER = 'Shift handover';

/**
 * Issue 15: a supervisor's bulk reassignment is one mutation per case (case.assign@2), pushed in batches of
 * at most 500; the API process dies in the middle of it. Nothing is lost and nothing is applied twice.
 */
describe('supervisor bulk reassign under an API crash', { timeout: 180_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let wang: DesktopClient;
  let europe: Case[];
  let camille: string;

  beforeAll(async () => {
    ({ world, jonas } = await worldWithJonas({ minOpenCases: 2 }));
    wang = await world.client('wang', 'wang.lei');
    camille = await world.userId('camille.durand');
    const rows = await world.server.database.query<{ data: Case }>(
      "SELECT c.data FROM cases c JOIN teams t ON t.id = c.team_id WHERE t.data->>'name' = 'Europe desk' AND c.status IN ('new', 'open', 'pending_customer', 'on_hold') AND c.merged_into_id IS NULL ORDER BY c.id",
    );
    europe = rows.map((row) => row.data);
  });
  afterAll(() => world?.destroy());

  const targetOf = (round: number) => (round % 2 === 0 ? camille : null);

  /** The rounds that move the case (one already with the round's target is left alone, with no event). */
  function movingRounds(from: string | null, rounds: number): number[] {
    const moving: number[] = [];
    let holder = from;
    for (let round = 0; round < rounds; round++) {
      if (targetOf(round) !== holder) moving.push(round);
      holder = targetOf(round);
    }
    return moving;
  }

  /** Every Europe case to Camille, then back to the team queue, round after round: over 500 mutations in all. */
  function reassignRounds(rounds: number): number {
    let written = 0;
    for (let round = 0; round < rounds; round++) {
      const to = targetOf(round);
      const outcome = wang.store.bulk(
        europe.map((c) => c.id),
        (caseId) => ['case.assign@2', { caseId, to, reason: `${HANDOVER} ${round}` }],
      );
      expect(outcome.refused).toEqual([]);
      written += outcome.applied.length;
    }
    wang.engine.kick();
    return written;
  }

  /** The first push kills the API process; it comes back after a while and everything settles with the invariants holding. */
  async function crashAndRecover(kind: 'killBefore' | 'killAfter', written: number): Promise<void> {
    world.proxy.addRule({ path: '/sync/v1/push' }, { kind }, { times: 1 });
    await wang.engine.whenIdle();
    expect(world.server.isRunning).toBe(false);
    expect(wang.store.pendingCount()).toBe(written);
    await world.runFor(5 * 60_000);
    await world.restartServer();
    expect(await world.settleAndCheck()).toEqual([]);
    expect(wang.store.pendingCount()).toBe(0);
  }

  async function assignedEvents(): Promise<Map<string, number[]>> {
    const rows = await world.server.database.query<{ case_id: string; reason: string }>(
      "SELECT case_id, data->'data'->>'reason' AS reason FROM case_events WHERE data->>'kind' = 'assigned' AND data->'data'->>'reason' LIKE $1 ORDER BY case_id, data->>'at', id",
      [`${HANDOVER}%`],
    );
    const byCase = new Map<string, number[]>();
    for (const row of rows) {
      const round = Number(row.reason.slice(HANDOVER.length + 1));
      byCase.set(
        row.case_id,
        [...(byCase.get(row.case_id) ?? []), round].sort((a, b) => a - b),
      );
    }
    return byCase;
  }

  it('the server dies after committing the first batch (its answer lost): the retry is answered from the stored results, every case moved once per round', async () => {
    expect(europe.length).toBeGreaterThan(10);
    const rounds = Math.ceil(501 / europe.length) + 1;
    const written = reassignRounds(rounds);
    expect(written).toBeGreaterThan(500);
    // The first batch is committed; the desk does not know it and keeps every mutation pending.
    await crashAndRecover('killAfter', written);
    const events = await assignedEvents();
    for (const c of europe) {
      // Every round that moved the case, exactly once; the last round's target holds it.
      expect(events.get(c.id), c.ref).toEqual(movingRounds(c.assigneeId, rounds));
      expect((await world.server.caseById(c.id)).assigneeId).toBe(targetOf(rounds - 1));
    }
    // Jonas's desk no longer holds any of them as his.
    const moved = new Set(europe.map((c) => c.id));
    const mine = jonas.store.queue({ view: 'mine', sort: 'sla', limit: 500 }).rows;
    expect(mine.filter((row) => moved.has(row.id))).toEqual([]);
  });

  it('the server dies before the first batch reaches it: nothing applied, all of it applied once after the restart', async () => {
    const before = await assignedEvents();
    const start = new Map(
      await Promise.all(europe.map(async (c) => [c.id, (await world.server.caseById(c.id)).assigneeId] as const)),
    );
    await crashAndRecover('killBefore', reassignRounds(2));
    const after = await assignedEvents();
    for (const c of europe) {
      const moves = movingRounds(start.get(c.id) ?? null, 2).length;
      expect(after.get(c.id)?.length ?? 0, c.ref).toBe((before.get(c.id)?.length ?? 0) + moves);
      expect((await world.server.caseById(c.id)).assigneeId).toBe(targetOf(1));
    }
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import { CASE_STATUSES } from '../../src-shared/domain/caseStatus';
import { PRIORITIES } from '../../src-shared/domain/caseType';
import type { MutationKey, MutationResult } from '../../src-shared/sync/mutations';
import { StoreError } from '../../src-main/core/store';
import type { DesktopClient } from './desktopClient';
import type { ProtocolClient } from '../../src-server/testing/protocolClient';
import { World } from './world';

/**
 * The shared case rules (src-shared/caseRules) decide every mutation twice: optimistically on the desk
 * and for good on the server. Random mutations by random actors on random cases, each through both paths
 * from the same copy of the case: the desk's optimistic case must equal the server's once it is applied
 * there, or both must refuse it with the same code. Only Case.slaDueAt is left out: the server computes it
 * from the whole timeline after every change, the desk shows its own estimate until it arrives.
 */

const ACTORS = ['jonas.weber', 'camille.durand', 'wang.lei'] as const;
const TAGS = ['vip', 'fragile', 'late'] as const;

type Op =
  | { kind: 'reply' | 'note' | 'take' | 'merge' }
  | { kind: 'status'; to: (typeof CASE_STATUSES)[number] }
  | { kind: 'tag' | 'untag'; tag: (typeof TAGS)[number] }
  | { kind: 'assign'; to: number; console: boolean }
  | { kind: 'priority'; value: (typeof PRIORITIES)[number] };

interface Step {
  actor: number;
  pick: number;
  other: number;
  op: Op;
}

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom<Op>({ kind: 'reply' }, { kind: 'note' }, { kind: 'take' }, { kind: 'merge' }),
  fc.record({ kind: fc.constant('status' as const), to: fc.constantFrom(...CASE_STATUSES) }),
  fc.record({ kind: fc.constantFrom('tag' as const, 'untag' as const), tag: fc.constantFrom(...TAGS) }),
  // 0..2: the actors; 3: back to the team's queue; 4: someone outside the team.
  fc.record({ kind: fc.constant('assign' as const), to: fc.nat(4), console: fc.boolean() }),
  fc.record({ kind: fc.constant('priority' as const), value: fc.constantFrom(...PRIORITIES) }),
);
const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  actor: fc.nat(ACTORS.length - 1),
  pick: fc.nat(200),
  other: fc.nat(200),
  op: opArbitrary,
});

/** Everything of a case both sides decide; slaDueAt is the server's to compute (see above). */
function decided(c: Case): Omit<Case, 'slaDueAt'> {
  const { slaDueAt: _serverComputes, ...rest } = c;
  return rest;
}

const at = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

describe('shared case rules: the desk decides as the server does', { timeout: 120_000 }, () => {
  let world: World;
  const desks: DesktopClient[] = [];
  const consoles: ProtocolClient[] = [];
  const userIds: string[] = [];
  let outsiderId: string;

  beforeAll(async () => {
    world = await World.create();
    for (const username of ACTORS) {
      desks.push(await world.client(username, username));
      consoles.push(await world.server.login(username));
      userIds.push(await world.userId(username));
    }
    const outsiders = await world.server.database.query<{ id: string }>(
      `SELECT u.id FROM users u WHERE u.role = 'agent' AND NOT EXISTS (
         SELECT 1 FROM team_members m JOIN team_members j ON j.team_id = m.team_id WHERE m.user_id = u.id AND j.user_id = $1)
       ORDER BY u.id LIMIT 1`,
      [userIds[0] ?? ''],
    );
    const outsider = outsiders[0]?.id;
    if (!outsider) throw new Error("the demo data needs an agent outside jonas.weber's team");
    outsiderId = outsider;
    if (!(await world.settle())) throw new Error('the world did not settle after sign-in');
  });
  afterAll(() => world?.destroy());

  const heldCases = (desk: DesktopClient): string[] =>
    desk.sql((db) =>
      db
        .prepare<[], { id: string }>('SELECT id FROM cases ORDER BY id')
        .all()
        .map((row) => row.id),
    );

  function mutationOf(step: Step, desk: DesktopClient): { key: MutationKey; args: Record<string, unknown> } | null {
    const held = heldCases(desk);
    const caseId = at(held, step.pick);
    if (!caseId) return null;
    const { op } = step;
    switch (op.kind) {
      case 'reply':
        return {
          key: 'case.reply@1',
          args: { caseId, messageId: randomUUID(), body: 'We have checked your order.', locale: 'en' },
        };
      case 'note':
        return { key: 'case.addNote@1', args: { caseId, noteId: randomUUID(), body: 'Checked with the carrier.' } };
      case 'take':
        return { key: 'case.take@1', args: { caseId } };
      case 'merge': {
        const intoId = at(held, step.other);
        return intoId ? { key: 'case.merge@1', args: { caseId, intoId } } : null;
      }
      case 'status':
        return { key: 'case.setStatus@1', args: { caseId, to: op.to } };
      case 'tag':
        return { key: 'case.addTag@1', args: { caseId, tag: op.tag } };
      case 'untag':
        return { key: 'case.removeTag@1', args: { caseId, tag: op.tag } };
      case 'assign': {
        const to = op.to < userIds.length ? userIds[op.to] : op.to === 3 ? null : outsiderId;
        // The console's reassignment (@2, with a reason) and the older one (@1) both go through both paths.
        return op.console
          ? { key: 'case.assign@2', args: { caseId, to, reason: 'Agent on leave' } }
          : { key: 'case.assign@1', args: { caseId, to } };
      }
      case 'priority':
        return { key: 'case.setField@1', args: { caseId, field: 'priority', value: op.value } };
    }
  }

  async function serverResult(uuid: string): Promise<MutationResult | undefined> {
    for (let round = 0; round < 50; round++) {
      const rows = await world.server.database.query<{ result: MutationResult }>(
        'SELECT result FROM mutations WHERE uuid = $1',
        [uuid],
      );
      if (rows[0]) return rows[0].result;
      for (const desk of desks) desk.engine.kick();
      await world.idle();
    }
    return undefined;
  }

  /**
   * One mutation through both paths from the same copy of the case. Returns what diverged, or null:
   * applied on the desk, the server must apply it and hold the same case; refused on the desk, the server,
   * asked by the same user with the same versions, must refuse it with the same code.
   */
  async function bothPaths(
    actor: number,
    key: MutationKey,
    args: Record<string, unknown>,
    seen: { applied: number; refused: number } = { applied: 0, refused: 0 },
  ): Promise<string | null> {
    const desk = desks[actor];
    const direct = consoles[actor];
    const caseId = String(args.caseId);
    const before = desk?.store.caseDetail(caseId)?.case;
    if (!desk || !direct || !before) return null;
    const label = `${ACTORS[actor]} ${key} ${JSON.stringify(args)} on ${before.status}/${before.assigneeId ?? 'unassigned'}`;
    let optimistic: Case | undefined;
    let uuid: string;
    try {
      uuid = desk.write(key, args).uuid;
      optimistic = desk.store.caseDetail(caseId)?.case;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      const [answer] = await direct.push([
        { key, args, base: { caseVersion: before.version, assigneeVersion: before.assigneeVersion } },
      ]);
      const serverCode = answer?.status === 'rejected' ? answer.code : 'applied';
      await world.settle();
      seen.refused++;
      return serverCode === error.code ? null : `${label}: desk refused ${error.code}, server answered ${serverCode}`;
    }
    const result = await serverResult(uuid);
    const server = await world.server.caseById(caseId);
    await world.settle();
    if (result?.status !== 'applied')
      return `${label}: desk applied it, server answered ${result?.status === 'rejected' ? result.code : 'nothing'}`;
    if (!optimistic) return `${label}: the desk lost the case`;
    seen.applied++;
    try {
      expect(decided(optimistic)).toEqual(decided(server));
      return null;
    } catch (error) {
      return `${label}: optimistic case differs from the server's: ${error instanceof Error ? error.message : ''}`;
    }
  }

  it('a reply to a solved case is refused on the desk as on the server, with CASE_CLOSED', async () => {
    const jonasCases = await world.server.openCasesOf(userIds[0] ?? '');
    const target = jonasCases.find((c) => c.status === 'open' || c.status === 'new');
    if (!target) throw new Error('jonas.weber needs an open case');
    await consoles[2]?.apply('case.setStatus@1', { caseId: target.id, to: 'solved' });
    expect(await world.settle()).toBe(true);
    const args = { caseId: target.id, messageId: randomUUID(), body: 'One more thing.', locale: 'en' };
    expect(() => desks[0]?.store.write('case.reply@1', args)).toThrow(expect.objectContaining({ code: 'CASE_CLOSED' }));
    expect(await bothPaths(0, 'case.reply@1', args)).toBeNull();
  });

  it('a reply to a new case opens it on the desk as on the server', async () => {
    const held = heldCases(desks[0] as DesktopClient).map((id) => desks[0]?.store.caseDetail(id)?.case);
    const fresh = held.find((c) => c?.status === 'new');
    if (!fresh) throw new Error("the demo data needs a new case in jonas.weber's scope");
    const args = { caseId: fresh.id, messageId: randomUUID(), body: 'Thank you for writing.', locale: 'en' };
    expect(await bothPaths(0, 'case.reply@1', args)).toBeNull();
    expect(await world.server.caseById(fresh.id)).toMatchObject({ status: 'open' });
  });

  it('random mutations by random actors: the same case, or the same refusal', async () => {
    const divergences: string[] = [];
    const seen = { applied: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 8, maxLength: 8 }), async (steps) => {
        for (const step of steps) {
          const desk = desks[step.actor];
          const mutation = desk ? mutationOf(step, desk) : null;
          if (!mutation) continue;
          const divergence = await bothPaths(step.actor, mutation.key, mutation.args, seen);
          if (divergence) divergences.push(divergence);
        }
        expect(divergences).toEqual([]);
      }),
      // Runs share one world, so a shrunk replay would start from another state: report, do not shrink.
      { seed: 20261207, numRuns: 3, endOnFailure: true },
    );
    // The runs must have exercised both outcomes.
    expect(seen.applied).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(2);
    expect(await world.check()).toEqual([]);
  });
});

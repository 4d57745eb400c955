import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import type { DesktopClient } from './desktopClient';
import type { ProtocolClient } from '../../src-server/testing/protocolClient';
import type { World } from './world';
import { nthCase, worldWithJonas } from './worldWithJonas';

const DAY = 86_400_000;

/**
 * SYNC.md fault scenarios: reassignment, closing and merging while an agent is offline (the offline-reply
 * table), and a client clock days off.
 */
describe('an agent offline while the supervisor acts', { timeout: 90_000 }, () => {
  let world: World;
  let jonas: DesktopClient;
  let camille: DesktopClient;
  let supervisor: ProtocolClient;
  let open: Case[];
  let unassigned: Case;

  beforeAll(async () => {
    ({ world, jonas } = await worldWithJonas());
    // Camille's laptop clock is three days fast.
    camille = await world.client('camille', 'camille.durand', { skewMs: 3 * DAY });
    supervisor = await world.supervisor();
    const jonasId = await world.userId('jonas.weber');
    open = await world.server.openCasesOf(jonasId);
    const teamId = open[0]?.teamId ?? '';
    const candidates = await world.server.database.query<{ data: Case }>(
      `SELECT data FROM cases WHERE team_id = $1 AND assignee_id IS NULL AND status IN ('new', 'open') ORDER BY id`,
      [teamId],
    );
    // Give jonas enough open cases of his own for every row of the table.
    for (const row of candidates.slice(1, 6))
      await supervisor.apply('case.assign@1', { caseId: row.data.id, to: jonasId });
    const found = candidates[0]?.data;
    if (!found) throw new Error("the demo data needs an unassigned case in jonas.weber's team");
    unassigned = found;
    await world.settle();
    open = await world.server.openCasesOf(jonasId);
    if (open.length < 5) throw new Error('jonas.weber needs five open cases');
  });
  afterAll(() => world?.destroy());

  const caseAt = (index: number): Case => nthCase(open, index);

  it('reassigned, solved, merged and taken-away cases each get the outcome of the offline-reply table', async () => {
    const [reassigned, solved, merged, into] = [caseAt(0), caseAt(1), caseAt(2), caseAt(3)];
    const camilleId = await world.userId('camille.durand');
    world.proxy.setDown(true);

    const replyReassigned = jonas.reply(reassigned.id, 'I have checked the tracking: it arrives Monday.');
    const replySolved = jonas.reply(solved.id, 'One more thing about your refund.');
    const replyMerged = jonas.reply(merged.id, 'Answering here for both of your requests.');
    const take = jonas.write('case.take@1', { caseId: unassigned.id });
    const note = jonas.write('case.addNote@1', {
      caseId: solved.id,
      noteId: randomUUID(),
      body: 'Customer prefers email.',
    });
    await world.runFor(20 * 60_000);

    await supervisor.apply('case.assign@1', { caseId: reassigned.id, to: camilleId });
    await supervisor.apply('case.setStatus@1', { caseId: solved.id, to: 'solved' });
    await supervisor.apply('case.merge@1', { caseId: merged.id, intoId: into.id });
    await supervisor.apply('case.assign@1', { caseId: unassigned.id, to: camilleId });
    await world.runFor(20 * 60_000);

    world.proxy.setDown(false);
    expect(await world.settleAndCheck()).toEqual([]);

    const results = await world.server.database.query<{
      uuid: string;
      result: { status: string; code?: string; redirectedToCaseId?: string };
    }>('SELECT uuid, result FROM mutations WHERE uuid IN (SELECT jsonb_array_elements_text($1::jsonb))', [
      JSON.stringify([replyReassigned.uuid, replySolved.uuid, replyMerged.uuid, take.uuid, note.uuid]),
    ]);
    const outcome = new Map(results.map((row) => [row.uuid, row.result]));
    expect(outcome.get(replyReassigned.uuid)).toMatchObject({ status: 'applied' });
    expect(outcome.get(replySolved.uuid)).toMatchObject({ status: 'rejected', code: 'CASE_CLOSED' });
    expect(outcome.get(replyMerged.uuid)).toMatchObject({ status: 'applied', redirectedToCaseId: into.id });
    expect(outcome.get(take.uuid)).toMatchObject({ status: 'rejected', code: 'ASSIGNMENT_CHANGED' });
    // A note is internal: it may still be added to a solved case.
    expect(outcome.get(note.uuid)).toMatchObject({ status: 'applied' });

    // The new assignee sees that the previous one replied while offline.
    const camilleView = camille.store.caseDetail(reassigned.id);
    expect(camilleView?.events.some((event) => event.kind === 'replied_while_offline')).toBe(true);
    // The rejected reply is back with jonas as a draft with its reason; the redirected one sits on the surviving case.
    expect(jonas.store.attention().find((item) => item.code === 'CASE_CLOSED')?.body).toBe(
      'One more thing about your refund.',
    );
    expect(
      jonas.store
        .caseDetail(into.id)
        ?.messages.some((message) => message.body === 'Answering here for both of your requests.'),
    ).toBe(true);
  });

  it('a client clock days off: the server offset is measured, order and timestamps come from the server', async () => {
    expect(camille.engine.status().serverOffsetMs).toBe(-3 * DAY);
    const target = caseAt(4);
    // Back to the team's queue, where both agents see it.
    await supervisor.apply('case.assign@1', { caseId: target.id, to: null });
    await world.settle();
    camille.write('case.addTag@1', { caseId: target.id, tag: 'from-the-future' });
    jonas.write('case.removeTag@1', { caseId: target.id, tag: 'from-the-future' });
    await camille.engine.whenIdle();
    await jonas.engine.whenIdle();
    camille.reply(target.id, 'Nous avons bien reçu votre colis.', 'fr-FR');
    expect(await world.settleAndCheck()).toEqual([]);
    const stored = await world.server.database.query<{ data: { createdAt: string; writtenAt: string } }>(
      `SELECT data FROM messages WHERE case_id = $1 AND data->>'body' = $2`,
      [target.id, 'Nous avons bien reçu votre colis.'],
    );
    // Server time for createdAt; the agent's own (wrong) clock only as writtenAt.
    const message = stored[0]?.data;
    expect(Date.parse(message?.createdAt ?? '')).toBeLessThanOrEqual(world.time.now());
    expect(Date.parse(message?.writtenAt ?? '') - Date.parse(message?.createdAt ?? '')).toBe(3 * DAY);
    // Tag writes are ordered by server arrival, never by client clocks: jonas's later removal wins.
    expect((await world.server.caseById(target.id)).tags).not.toContain('from-the-future');
  });

  it('workflow steps recorded offline land in order; a step the warehouse recorded meanwhile refuses the duplicate', async () => {
    const target = open.length > 5 ? caseAt(5) : unassigned;
    if (target === unassigned)
      await supervisor.apply('case.assign@1', { caseId: target.id, to: await world.userId('jonas.weber') });
    await supervisor.apply('case.setField@1', { caseId: target.id, field: 'type', value: 'return_refund' });
    await world.settle();
    const today = new Date(world.time.now()).toISOString().slice(0, 10);
    const step = (detail: Record<string, unknown>) => ({
      caseId: target.id,
      step: { stepId: randomUUID(), on: today, detail },
    });
    world.proxy.setDown(true);
    jonas.write('case.recordStep@1', step({ kind: 'withdrawal_declared', via: 'message' }));
    jonas.write('case.recordStep@1', step({ kind: 'return_authorised' }));
    jonas.write('case.recordStep@1', step({ kind: 'label_issued', carrier: 'DHL', trackingNumber: 'JJD0001' }));
    jonas.write('case.recordStep@1', step({ kind: 'received' }));
    // Offline, the desk's own copy already carries the steps (the rights panel reads them from here).
    expect(jonas.store.caseDetail(target.id)?.case.workflowSteps?.map((s) => s.detail.kind)).toEqual([
      'withdrawal_declared',
      'return_authorised',
      'label_issued',
      'received',
    ]);
    await world.runFor(10 * 60_000);
    await supervisor.apply('case.recordStep@1', step({ kind: 'received', condition: 'box dented' }));
    world.proxy.setDown(false);
    expect(await world.settleAndCheck()).toEqual([]);

    const onServer = await world.server.caseById(target.id);
    expect(onServer.workflowSteps?.map((s) => s.detail.kind)).toEqual([
      'received',
      'withdrawal_declared',
      'return_authorised',
      'label_issued',
    ]);
    expect(jonas.store.caseDetail(target.id)?.case.workflowSteps).toEqual(onServer.workflowSteps);
    expect(jonas.store.attention().find((item) => item.caseId === target.id)).toMatchObject({
      mutationName: 'case.recordStep',
      code: 'INVALID_TRANSITION',
      reason: { key: 'step_once' },
    });
    const trail = jonas.store.caseDetail(target.id)?.events.filter((event) => event.kind === 'workflow_step');
    expect(trail).toHaveLength(4);
  });
});

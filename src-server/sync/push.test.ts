import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src-shared/sync/protocol';
import { signCursor } from './cursor';
import { readSyncState } from './syncState';
import { clientFor, DRIVERS, makeCase, startTestServer, serverSuite } from '../testing/harness';
import { mutation, pushBody } from '../testing/protocolClient';

describe.each(DRIVERS)('push on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({ clock: clock.now, replyGraceMs: 60 * 60_000 }));
  const { clock } = suite;

  const { setup } = suite;

  const { caseRow } = suite;

  it('applies a reply once with its effects, result, outbound row and change-log rows', async () => {
    const {
      world,
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const clientId = randomUUID();
    const messageId = randomUUID();
    const reply = mutation(1, 'case.reply', {
      caseId: open!.id,
      messageId,
      body: 'Wir erstatten den Betrag.',
      locale: 'de-DE',
    });
    const first = await agent.sendPush(clientId, [reply]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      lastMutationId: 1,
      results: [{ mutationId: 1, uuid: reply.uuid, status: 'applied' }],
    });
    const messages = await suite.db.query<{ id: string }>('SELECT id FROM messages WHERE case_id = $1', [open!.id]);
    expect(messages.map((row) => row.id)).toEqual([messageId]);
    const outbound = await suite.db.query<{ state: string }>('SELECT state FROM outbound WHERE message_id = $1', [
      messageId,
    ]);
    expect(outbound).toEqual([{ state: 'queued' }]);
    expect((await caseRow(open!.id)).firstRepliedAt).not.toBeNull();

    const again = await agent.sendPush(clientId, [reply]);
    expect(again.body).toEqual(first.body);
    const afterAgain = await suite.db.query('SELECT 1 FROM messages WHERE case_id = $1', [open!.id]);
    expect(afterAgain).toHaveLength(1);
    expect(world.users.agentA1.id).toBeTruthy();
  });

  it('answers 409 OUT_OF_ORDER with the expected id and changes nothing', async () => {
    const {
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const clientId = randomUUID();
    const reply = await agent.sendPush(clientId, [mutation(3, 'case.addTag', { caseId: open!.id, tag: 'vip' })]);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: 'OUT_OF_ORDER', details: { expected: 1 } } });
    expect((await caseRow(open!.id)).tags).toEqual([]);
  });

  it('answers CLIENT_STATE_CONFLICT when a restored client reuses an id with another mutation', async () => {
    const {
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const clientId = randomUUID();
    await agent.sendPush(clientId, [mutation(1, 'case.addTag', { caseId: open!.id, tag: 'first' })]);
    const restored = await agent.sendPush(clientId, [mutation(1, 'case.addTag', { caseId: open!.id, tag: 'other' })]);
    expect(restored.status).toBe(409);
    expect(restored.body).toMatchObject({ error: { code: 'CLIENT_STATE_CONFLICT', details: { lastMutationId: 1 } } });
    expect((await caseRow(open!.id)).tags).toEqual(['first']);
  });

  it('deduplicates side effects by uuid when a mutation is re-sent under a new client id', async () => {
    const {
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const tag = mutation(1, 'case.addTag', { caseId: open!.id, tag: 'once' });
    await agent.sendPush(randomUUID(), [tag]);
    const version = (await caseRow(open!.id)).version;
    const resent = await agent.sendPush(randomUUID(), [
      { ...tag, id: 1 },
      mutation(2, 'case.addTag', { caseId: open!.id, tag: 'twice' }),
    ]);
    expect(resent.body.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    const after = await caseRow(open!.id);
    expect(after.tags).toEqual(['once', 'twice']);
    expect(after.version).toBe(version + 1);
  });

  it('checks permission before answering a duplicate reply or note id: no applied for a case out of reach', async () => {
    const {
      cases: [theirs],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const owner = await as('agentA1');
    const stranger = await as('agentB1');
    const messageId = randomUUID();
    const noteId = randomUUID();
    await owner.sendPush(randomUUID(), [
      mutation(1, 'case.reply', { caseId: theirs!.id, messageId, body: 'Hello', locale: 'en' }),
      mutation(2, 'case.addNote', { caseId: theirs!.id, noteId, body: 'Internal' }),
    ]);
    const before = await caseRow(theirs!.id);
    // Another team's agent re-uses both ids on that case: they must learn nothing, not even that the ids exist.
    const probe = await stranger.sendPush(randomUUID(), [
      mutation(1, 'case.reply', { caseId: theirs!.id, messageId, body: 'Hello', locale: 'en' }),
      mutation(2, 'case.addNote', { caseId: theirs!.id, noteId, body: 'Internal' }),
    ]);
    expect(probe.body.results.map((result) => (result.status === 'rejected' ? result.code : result.status))).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect(await caseRow(theirs!.id)).toEqual(before);
  });

  it("deduplicates mutation uuids per user: another user's uuid neither answers for nor blocks theirs", async () => {
    const {
      cases: [a, b],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id), makeCase(w.teamB.id, w.users.agentB1.id)]);
    const agentA = await as('agentA1');
    const agentB = await as('agentB1');
    const tagA = mutation(1, 'case.addTag', { caseId: a!.id, tag: 'first' });
    await agentA.sendPush(randomUUID(), [tagA]);
    // The same uuid from another user (a copied store, or a guess) is that user's own mutation.
    const tagB = { ...mutation(1, 'case.addTag', { caseId: b!.id, tag: 'mine' }), uuid: tagA.uuid };
    const answer = await agentB.sendPush(randomUUID(), [tagB]);
    expect(answer.body.results).toEqual([{ mutationId: 1, uuid: tagA.uuid, status: 'applied' }]);
    expect((await caseRow(b!.id)).tags).toEqual(['mine']);
    expect((await caseRow(a!.id)).tags).toEqual(['first']);
  });

  it('answers an unknown mutation UNSUPPORTED_MUTATION without keeping its args, and does not block later ones', async () => {
    const {
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const clientId = randomUUID();
    const unknown = { ...mutation(1, 'case.teleport', { caseId: open!.id }), v: 7 };
    const reply = await agent.sendPush(clientId, [
      unknown,
      mutation(2, 'case.addTag', { caseId: open!.id, tag: 'after' }),
    ]);
    expect(reply.body.lastMutationId).toBe(2);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'UNSUPPORTED_MUTATION',
      reason: { key: 'unknown_mutation', params: { name: 'case.teleport@7' } },
    });
    expect(reply.body.results[1]).toMatchObject({ status: 'applied' });
    const kept = await suite.db.query<{ name: string; v: number; args: unknown }>(
      'SELECT name, v, args FROM mutations WHERE client_id = $1 AND mutation_id = 1',
      [clientId],
    );
    // Its result answers a re-send; its args are never read again, so they are not kept (issue 19.6).
    expect(kept).toEqual([{ name: 'case.teleport', v: 7, args: {} }]);
  });

  it('rejects invalid args as a result, advancing lastMutationId', async () => {
    const {
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const reply = await agent.sendPush(randomUUID(), [
      mutation(1, 'case.addTag', { caseId: open!.id, tag: 'two words' }),
    ]);
    expect(reply.body).toMatchObject({
      lastMutationId: 1,
      results: [{ status: 'rejected', code: 'INVALID_ARGS', reason: { key: 'malformed_args' } }],
    });
  });

  it('enforces the status machine with INVALID_TRANSITION and the current status', async () => {
    const {
      cases: [closed, open],
      as,
    } = await setup((w) => [
      makeCase(w.teamA.id, w.users.agentA1.id, { status: 'closed' }),
      makeCase(w.teamA.id, w.users.agentA1.id),
    ]);
    const agent = await as('agentA1');
    const reply = await agent.sendPush(randomUUID(), [
      mutation(1, 'case.setStatus', { caseId: closed!.id, to: 'open' }),
      mutation(2, 'case.setStatus', { caseId: open!.id, to: 'solved' }),
    ]);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'INVALID_TRANSITION',
      details: { current: 'closed' },
      reason: { key: 'status_transition', params: { from: 'closed', to: 'open' } },
    });
    expect(reply.body.results[1]).toMatchObject({ status: 'applied' });
    expect((await caseRow(open!.id)).status).toBe('solved');
  });

  it('lets take succeed only on the current assigneeVersion', async () => {
    const {
      cases: [unassigned],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, null, { assigneeVersion: 3 })]);
    const first = await as('agentA1');
    const second = await as('agentA2');
    const won = await first.sendPush(randomUUID(), [
      mutation(1, 'case.take', { caseId: unassigned!.id }, { assigneeVersion: 3 }),
    ]);
    const lost = await second.sendPush(randomUUID(), [
      mutation(1, 'case.take', { caseId: unassigned!.id }, { assigneeVersion: 3 }),
    ]);
    expect(won.body.results[0]?.status).toBe('applied');
    expect(lost.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'ASSIGNMENT_CHANGED',
      details: { assigneeVersion: 4 },
      reason: { key: 'assignment_taken' },
    });
    const after = await caseRow(unassigned!.id);
    expect(after.assigneeVersion).toBe(4);
  });

  it('reassigns a selection from the console (assign@2) case by case: moved, changed meanwhile, outside the teams, not a member', async () => {
    const { world, cases, as } = await setup((w) => [
      ...Array.from({ length: 200 }, () => makeCase(w.teamA.id, w.users.agentA1.id, { assigneeVersion: 2 })),
      makeCase(w.teamA.id, w.users.agentA1.id, { assigneeVersion: 5 }),
      makeCase(w.teamB.id, w.users.agentB1.id, { assigneeVersion: 2 }),
    ]);
    const moving = cases.slice(0, 200);
    const [changed, otherTeam] = cases.slice(200);
    const supervisor = await as('supervisorA');
    const to = world.users.agentA2.id;
    const seen = { assigneeVersion: 2 };
    const response = await supervisor.sendPush(randomUUID(), [
      ...moving.map((c, i) => mutation(i + 1, 'case.assign@2', { caseId: c.id, to, reason: 'Urlaub' }, seen)),
      mutation(201, 'case.assign@2', { caseId: changed!.id, to }, seen),
      mutation(202, 'case.assign@2', { caseId: otherTeam!.id, to }, seen),
      mutation(203, 'case.assign@2', { caseId: moving[0]!.id, to: world.users.agentB1.id }, { assigneeVersion: 3 }),
    ]);
    const results = response.body.results;
    expect(results.slice(0, 200).every((result) => result.status === 'applied')).toBe(true);
    expect(results.slice(200)).toMatchObject([
      { status: 'rejected', code: 'ASSIGNMENT_CHANGED', reason: { key: 'assignment_changed_meanwhile' } },
      { status: 'rejected', code: 'FORBIDDEN', reason: { key: 'outside_supervisor_teams' } },
      { status: 'rejected', code: 'INVALID_ARGS', reason: { key: 'assignee_not_in_team' } },
    ]);
    expect(await caseRow(moving[199]!.id)).toMatchObject({ assigneeId: to, assigneeVersion: 3 });
    expect(await caseRow(changed!.id)).toMatchObject({ assigneeId: world.users.agentA1.id, assigneeVersion: 5 });
    const [event] = await suite.db.query<{ data: { data: Record<string, unknown> } }>(
      "SELECT data FROM case_events WHERE case_id = $1 AND data->>'kind' = 'assigned'",
      [moving[0]!.id],
    );
    expect(event?.data.data).toEqual({ from: world.users.agentA1.id, to, reason: 'Urlaub' });
    // An agent may not reassign at all, whatever the versions.
    const agent = await as('agentA2');
    const refused = await agent.sendPush(randomUUID(), [
      mutation(1, 'case.assign@2', { caseId: moving[1]!.id, to: null }, { assigneeVersion: 3 }),
    ]);
    expect(refused.body.results[0]).toMatchObject({ code: 'FORBIDDEN', reason: { key: 'assign_supervisor_only' } });
  });

  it('lets only a supervisor assign, and applies scalar fields last-writer-wins with commutative tags', async () => {
    const {
      world,
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const supervisor = await as('supervisorA');
    const refused = await agent.sendPush(randomUUID(), [
      mutation(1, 'case.assign', { caseId: open!.id, to: world.users.agentA2.id }),
    ]);
    expect(refused.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN',
      reason: { key: 'assign_supervisor_only' },
    });
    const outsider = await supervisor.sendPush(randomUUID(), [
      mutation(1, 'case.assign', { caseId: open!.id, to: world.users.agentB1.id }),
    ]);
    expect(outsider.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'INVALID_ARGS',
      reason: { key: 'assignee_not_in_team' },
    });
    const sup = randomUUID();
    await supervisor.sendPush(sup, [
      mutation(1, 'case.setField', { caseId: open!.id, field: 'priority', value: 'urgent' }),
      mutation(2, 'case.addTag', { caseId: open!.id, tag: 'x' }),
    ]);
    const ag = randomUUID();
    await agent.sendPush(ag, [
      mutation(1, 'case.setField', { caseId: open!.id, field: 'priority', value: 'low' }),
      mutation(2, 'case.addTag', { caseId: open!.id, tag: 'x' }),
      mutation(3, 'case.removeTag', { caseId: open!.id, tag: 'absent' }),
    ]);
    const after = await caseRow(open!.id);
    expect(after.priority).toBe('low');
    expect(after.tags).toEqual(['x']);
    expect(after.assigneeId).toBe(world.users.agentA1.id);
  });

  it("rejects a push for another user's client id with 403 and changes nothing", async () => {
    const {
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const owner = await as('agentA1');
    const other = await as('agentA2');
    const clientId = randomUUID();
    await owner.sendPush(clientId, [mutation(1, 'case.addTag', { caseId: open!.id, tag: 'mine' })]);
    const stolen = await other.sendPush(clientId, [mutation(2, 'case.addTag', { caseId: open!.id, tag: 'theirs' })]);
    expect(stolen.status).toBe(403);
    expect(stolen.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await caseRow(open!.id)).tags).toEqual(['mine']);
  });

  it('handles offline replies per the SYNC.md table', async () => {
    const {
      world,
      cases: [solved, teammates, otherTeam, reassigned, merged, survivor],
      as,
    } = await setup((w) => [
      makeCase(w.teamA.id, w.users.agentA1.id, { status: 'solved' }),
      makeCase(w.teamA.id, w.users.agentA2.id),
      makeCase(w.teamB.id, w.users.agentB1.id),
      makeCase(w.teamA.id, w.users.agentA1.id),
      makeCase(w.teamA.id, w.users.agentA1.id),
      makeCase(w.teamA.id, w.users.agentA2.id),
    ]);
    const supervisor = await as('supervisorA');
    const sup = randomUUID();
    await supervisor.sendPush(sup, [mutation(1, 'case.merge', { caseId: merged!.id, intoId: survivor!.id })]);
    const agent = await as('agentA1');
    const reply = (id: number, caseId: string) =>
      mutation(id, 'case.reply', { caseId, messageId: randomUUID(), body: 'Sorry for the wait', locale: 'en' });
    const result = await agent.sendPush(randomUUID(), [
      reply(1, solved!.id),
      reply(2, teammates!.id),
      reply(3, otherTeam!.id),
      reply(4, merged!.id),
    ]);
    expect(result.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'CASE_CLOSED',
      'applied',
      'FORBIDDEN',
      'applied',
    ]);
    expect(result.body.results[0]).toMatchObject({ reason: { key: 'case_done', params: { status: 'solved' } } });
    expect(result.body.results[2]).toMatchObject({ reason: { key: 'not_permitted' } });
    expect(result.body.results[3]).toMatchObject({ redirectedToCaseId: survivor!.id });
    const events = await suite.db.query<{ data: { kind: string } }>('SELECT data FROM case_events WHERE case_id = $1', [
      teammates!.id,
    ]);
    expect(events.map((row) => row.data.kind)).toContain('replied_while_offline');

    // A previous assignee may still reply within the grace window, not after it.
    const otherTeamSupervisor = world.users.admin.username;
    const admin = await clientFor(suite.server, otherTeamSupervisor);
    await admin.sendPush(randomUUID(), [mutation(1, 'case.assign', { caseId: reassigned!.id, to: null })]);
    await suite.db.query(
      "UPDATE cases SET team_id = $2, data = jsonb_set(data, '{teamId}', to_jsonb($2::text)) WHERE id = $1",
      [reassigned!.id, world.teamB.id],
    );
    const inGrace = await agent.sendPush(randomUUID(), [reply(1, reassigned!.id)]);
    expect(inGrace.body.results[0]?.status).toBe('applied');
    clock.advance(2 * 60 * 60_000);
    const late = await agent.sendPush(randomUUID(), [reply(1, reassigned!.id)]);
    expect(late.body.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
  });

  it('answers 503 with Retry-After on an infrastructure failure and lastMutationId does not move', async () => {
    const {
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const clientId = randomUUID();
    let isFailing = false;
    const failing = await startTestServer(
      {
        kind: suite.db.kind,
        query: suite.db.query,
        copyOut: suite.db.copyOut,
        listen: suite.db.listen,
        close: async () => undefined,
        transaction: (fn) =>
          suite.db.transaction(async (tx) => {
            const result = await fn(tx);
            if (isFailing) throw Object.assign(new Error('connection lost before commit'), { code: '08006' });
            return result;
          }),
      },
      { clock: clock.now },
    );
    isFailing = true;
    try {
      const reply = await agent.call(
        'POST',
        '/sync/v1/push',
        pushBody(clientId, [mutation(1, 'case.addTag', { caseId: open!.id, tag: 'lost' })]),
        {},
      );
      expect(reply.status).toBe(200);
      const viaFailing = await fetch(`${failing.url}/sync/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
        body: JSON.stringify(pushBody(clientId, [mutation(2, 'case.addTag', { caseId: open!.id, tag: 'never' })])),
      });
      expect(viaFailing.status).toBe(503);
      expect(viaFailing.headers.get('retry-after')).toBeTruthy();
      expect(await viaFailing.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
      const client = await suite.db.query<{ last_mutation_id: number }>(
        'SELECT last_mutation_id FROM clients WHERE client_id = $1',
        [clientId],
      );
      expect(client[0]?.last_mutation_id).toBe(1);
      expect((await caseRow(open!.id)).tags).toEqual(['lost']);
    } finally {
      await failing.close();
    }
  });

  it('returns results of lost push responses through pull', async () => {
    const {
      world,
      cases: [open],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const clientId = randomUUID();
    const state = await readSyncState(suite.db);
    const tag = mutation(1, 'case.addTag', { caseId: open!.id, tag: 'lost-response' });
    await agent.sendPush(clientId, [tag]);
    const pulled = await agent.call<PullResponse>('POST', '/sync/v1/pull', {
      protocol: 1,
      clientId,
      cursor: signCursor({ key: state.signingKey, userId: world.users.agentA1.id }, state.epoch, state.highSeq),
    });
    expect(pulled.body.lastMutationId).toBe(1);
    expect(pulled.body.results).toEqual([{ mutationId: 1, uuid: tag.uuid, status: 'applied' }]);
    expect(pulled.body.changes.some((change) => change.entity === 'case' && change.entityId === open!.id)).toBe(true);
  });
});

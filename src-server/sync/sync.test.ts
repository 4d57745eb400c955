import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BootstrapLine, Change, PullResponse, VerifyResponse } from '../../src-shared/sync/protocol';
import { BootstrapLineSchema, PokeEventSchema, verifyLine } from '../../src-shared/sync/protocol';
import { compactChangeLog, resetEpoch } from './epoch';
import { DRIVERS, makeCase, serverSuite } from '../testing/harness';
import { ProtocolClient, mutation } from '../testing/protocolClient';

/** What a client keeps per entity: the version the server sent, for the verify hash. */
class Replica {
  readonly rows = new Map<string, { entity: Change['entity']; id: string; version: number; data: unknown }>();
  cursor = '';

  applyBootstrap(lines: BootstrapLine[]): void {
    for (const line of lines) {
      if ('entity' in line)
        this.rows.set(`${line.entity}:${line.entityId}`, {
          entity: line.entity,
          id: line.entityId,
          version: line.version,
          data: line.data,
        });
      if ('complete' in line) this.cursor = line.cursor;
    }
  }

  applyChanges(changes: readonly Change[]): void {
    for (const change of changes) {
      const key = `${change.entity}:${change.entityId}`;
      if (change.op === 'upsert')
        this.rows.set(key, { entity: change.entity, id: change.entityId, version: change.version, data: change.data });
      else this.rows.delete(key);
    }
  }

  verify(): VerifyResponse {
    const lines = [...this.rows.values()]
      .filter(
        (row) =>
          row.entity === 'case' || row.entity === 'message' || row.entity === 'note' || row.entity === 'case_event',
      )
      .map((row) => verifyLine(row.entity, row.id, row.version))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line);
    return { count: lines.length, hash: hash.digest('hex') };
  }

  has(entity: Change['entity'], id: string): boolean {
    return this.rows.has(`${entity}:${id}`);
  }
}

function parseNdjson(text: string): BootstrapLine[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => BootstrapLineSchema.parse(JSON.parse(line)));
}

describe.each(DRIVERS)('pull, bootstrap, verify and events on %s', (driver) => {
  const suite = serverSuite(driver, (clock) => ({
    clock: clock.now,
    bootstrapPageRows: 2,
    pullPageSize: 3,
    heartbeatMs: 40,
  }));

  const { setup } = suite;

  async function bootstrapAll(client: ProtocolClient): Promise<Replica> {
    const reply = await client.call<string>('GET', '/sync/v1/bootstrap');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/x-ndjson');
    const replica = new Replica();
    replica.applyBootstrap(parseNdjson(reply.body));
    return replica;
  }

  async function pullAll(client: ProtocolClient, replica: Replica, clientId = randomUUID()): Promise<Change[]> {
    const all: Change[] = [];
    for (;;) {
      const reply = await client.call<PullResponse>('POST', '/sync/v1/pull', {
        protocol: 1,
        clientId,
        cursor: replica.cursor,
      });
      expect(reply.status).toBe(200);
      expect(reply.body.changes.length).toBeLessThanOrEqual(3);
      replica.applyChanges(reply.body.changes);
      all.push(...reply.body.changes);
      replica.cursor = reply.body.cursor;
      if (!reply.body.hasMore) return all;
    }
  }

  it("bootstraps exactly the caller's scope, resumably, and verify hashes match", async () => {
    const {
      world,
      cases: [mine, unassigned, teammates, otherTeam],
      as,
    } = await setup((w) => [
      makeCase(w.teamA.id, w.users.agentA1.id),
      makeCase(w.teamA.id, null),
      makeCase(w.teamA.id, w.users.agentA2.id),
      makeCase(w.teamB.id, null),
    ]);
    const agent = await as('agentA1');
    const replica = await bootstrapAll(agent);
    expect(replica.has('case', mine!.id)).toBe(true);
    expect(replica.has('case', unassigned!.id)).toBe(true);
    expect(replica.has('case', teammates!.id)).toBe(false);
    expect(replica.has('case', otherTeam!.id)).toBe(false);
    expect(replica.has('user', world.users.agentA2.id)).toBe(true);
    expect(replica.has('user', world.users.agentB1.id)).toBe(false);
    const server = await agent.call<VerifyResponse>('GET', '/sync/v1/verify');
    expect(server.body).toEqual(replica.verify());
    expect(server.body.count).toBe(2);

    const supervisor = await as('supervisorA');
    const full = await supervisor.call<string>('GET', '/sync/v1/bootstrap');
    const lines = parseNdjson(full.body);
    const tokens = lines.flatMap((line) => ('pageToken' in line ? [line.pageToken] : []));
    expect(tokens.length).toBeGreaterThan(2);
    const resumeAt = lines.findIndex((line) => 'pageToken' in line && line.pageToken === tokens[2]);
    const resumed = await supervisor.call<string>(
      'GET',
      `/sync/v1/bootstrap?pageToken=${encodeURIComponent(tokens[2]!)}`,
    );
    expect(parseNdjson(resumed.body)).toEqual(lines.slice(resumeAt + 1));
    const supervisorReplica = new Replica();
    supervisorReplica.applyBootstrap(lines);
    expect(supervisorReplica.has('case', teammates!.id)).toBe(true);
    expect(supervisorReplica.has('case', otherTeam!.id)).toBe(false);
    expect((await supervisor.call('GET', '/sync/v1/verify')).body).toEqual(supervisorReplica.verify());
  });

  it('moves a reassigned case and its messages out of the old scope and into the new one', async () => {
    const {
      world,
      cases: [moving],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const first = await as('agentA1');
    const second = await as('agentA2');
    const supervisor = await as('supervisorA');
    const firstReplica = await bootstrapAll(first);
    const secondReplica = await bootstrapAll(second);
    const supervisorReplica = await bootstrapAll(supervisor);
    const messageId = randomUUID();
    const noteId = randomUUID();
    await first.sendPush(randomUUID(), [
      mutation(1, 'case.reply', { caseId: moving!.id, messageId, body: 'On it', locale: 'de-DE' }),
      mutation(2, 'case.addNote', { caseId: moving!.id, noteId, body: 'customer called' }),
    ]);
    await pullAll(first, firstReplica);
    await pullAll(second, secondReplica);
    expect(secondReplica.has('message', messageId)).toBe(false);
    await supervisor.sendPush(randomUUID(), [
      mutation(1, 'case.assign', { caseId: moving!.id, to: world.users.agentA2.id }),
    ]);

    const firstChanges = await pullAll(first, firstReplica);
    expect(
      firstChanges
        .filter((change) => change.op === 'remove_from_scope')
        .map((change) => change.entity)
        .sort(),
    ).toEqual(expect.arrayContaining(['case', 'message', 'note']));
    expect(firstReplica.has('case', moving!.id)).toBe(false);
    expect(firstReplica.has('message', messageId)).toBe(false);

    await pullAll(second, secondReplica);
    expect(secondReplica.has('case', moving!.id)).toBe(true);
    expect(secondReplica.has('message', messageId)).toBe(true);
    expect(secondReplica.has('note', noteId)).toBe(true);

    const supervisorChanges = await pullAll(supervisor, supervisorReplica);
    expect(supervisorChanges.some((change) => change.op === 'remove_from_scope')).toBe(false);

    for (const [client, replica] of [
      [first, firstReplica],
      [second, secondReplica],
      [supervisor, supervisorReplica],
    ] as const) {
      expect((await client.call('GET', '/sync/v1/verify')).body).toEqual(replica.verify());
    }
  });

  it("never lets an agent pull another team's changes", async () => {
    const {
      cases: [teamBCase],
      as,
    } = await setup((w) => [makeCase(w.teamB.id, null)]);
    const outsider = await as('agentA1');
    const replica = await bootstrapAll(outsider);
    const insider = await as('agentB1');
    await insider.sendPush(randomUUID(), [mutation(1, 'case.addTag', { caseId: teamBCase!.id, tag: 'secret' })]);
    const changes = await pullAll(outsider, replica);
    expect(changes.filter((change) => change.entityId === teamBCase!.id)).toEqual([]);
  });

  it('answers RESET_REQUIRED for a cursor of an old epoch or older than retention', async () => {
    const { as } = await setup((w) => [makeCase(w.teamA.id, w.users.agentA1.id)]);
    const agent = await as('agentA1');
    const replica = await bootstrapAll(agent);
    await compactChangeLog(suite.db, Number.MAX_SAFE_INTEGER);
    const expired = await agent.call('POST', '/sync/v1/pull', {
      protocol: 1,
      clientId: randomUUID(),
      cursor: replica.cursor,
    });
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({ error: { code: 'RESET_REQUIRED', details: { reason: 'expired' } } });
    await suite.db.query('UPDATE sync_state SET floor_seq = 0');

    const fresh = await bootstrapAll(agent);
    const events = await agent.events();
    await events.nextOf('poke');
    await resetEpoch(suite.db);
    expect((await events.nextOf('reset')).event).toBe('reset');
    events.close();
    const stale = await agent.call('POST', '/sync/v1/pull', {
      protocol: 1,
      clientId: randomUUID(),
      cursor: fresh.cursor,
    });
    expect(stale.body).toMatchObject({ error: { code: 'RESET_REQUIRED', details: { reason: 'epoch' } } });
    const malformed = await agent.call('POST', '/sync/v1/pull', {
      protocol: 1,
      clientId: randomUUID(),
      cursor: 'not-a-cursor',
    });
    expect(malformed.status).toBe(400);
  });

  it('pokes the SSE clients whose scope changed, and sends heartbeats', async () => {
    const {
      cases: [teamA, teamB],
      as,
    } = await setup((w) => [makeCase(w.teamA.id, null), makeCase(w.teamB.id, null)]);
    const writerA = await as('agentA1');
    const watcherA = await as('agentA2');
    const watcherB = await as('agentB1');
    const eventsA = await watcherA.events();
    const eventsB = await watcherB.events();
    try {
      expect(eventsA.status).toBe(200);
      await eventsA.nextOf('poke');
      await eventsB.nextOf('poke');
      const pushedA = await writerA.sendPush(randomUUID(), [
        mutation(1, 'case.addTag', { caseId: teamA!.id, tag: 'a' }),
      ]);
      expect(pushedA.status).toBe(200);
      const pokeA = await eventsA.nextOf('poke');
      const pushedB = await watcherB.sendPush(randomUUID(), [
        mutation(1, 'case.addTag', { caseId: teamB!.id, tag: 'b' }),
      ]);
      expect(pushedB.status).toBe(200);
      const pokeB = await eventsB.nextOf('poke');
      // B's first poke after connecting is for B's own change: A's change never reached B.
      expect(PokeEventSchema.parse(pokeB.data).seq).toBeGreaterThan(PokeEventSchema.parse(pokeA.data).seq);
      const heartbeat = await eventsA.nextOf('heartbeat');
      expect(heartbeat.data).toHaveProperty('serverTime');
    } finally {
      eventsA.close();
      eventsB.close();
    }
  });

  it('never skips a committed change while many clients push concurrently', async () => {
    const { cases, as } = await setup((w) => Array.from({ length: 6 }, () => makeCase(w.teamA.id, null)));
    const supervisor = await as('supervisorA');
    const agents = await Promise.all([as('agentA1'), as('agentA2'), as('supervisorA')]);
    const replica = await bootstrapAll(supervisor);
    const seen = new Set<number>();
    let isDone = false;
    const puller = (async () => {
      while (!isDone) for (const change of await pullAll(supervisor, replica)) seen.add(change.seq);
      for (const change of await pullAll(supervisor, replica)) seen.add(change.seq);
    })();
    await Promise.all(
      agents.map(async (agent, index) => {
        const clientId = randomUUID();
        for (let round = 1; round <= 5; round++) {
          const caseId = cases[(index + round) % cases.length]!.id;
          const reply = await agent.sendPush(clientId, [
            mutation(round, 'case.addTag', { caseId, tag: `t${index}-${round}` }),
          ]);
          expect(reply.status).toBe(200);
        }
      }),
    );
    isDone = true;
    await puller;
    const ids = JSON.stringify(cases.map((each) => each.id));
    const expected = await suite.db.query<{ seq: number }>(
      'SELECT seq FROM change_log WHERE entity_id IN (SELECT jsonb_array_elements_text($1::jsonb)) OR entity_id IN (SELECT id FROM case_events WHERE case_id IN (SELECT jsonb_array_elements_text($1::jsonb)))',
      [ids],
    );
    expect(expected.length).toBeGreaterThanOrEqual(30);
    for (const row of expected) expect(seen.has(row.seq)).toBe(true);
    expect((await supervisor.call('GET', '/sync/v1/verify')).body).toEqual(replica.verify());
  });
});

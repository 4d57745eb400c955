import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/case';
import { signCursor } from '../../src-server/sync/cursor';

const encodeCursor = (epoch: string, seq: number) => signCursor({ key: 'test', userId: 'u' }, epoch, seq);
import type { ClientProbe, InvariantInput } from './invariants';
import { checkInvariants, hashLines, principalOf, scopeLines } from './invariants';
import type { ProtocolClient } from '../../src-server/testing/protocolClient';
import { TestServer, WORLD_START } from './testServer';
import { VirtualTime } from './virtualTime';

/**
 * The checker itself must be able to fail: a probe that mirrors the server passes, and each kind of
 * damage (a wrong local copy, a double delivery, a cursor going back, a silent rejection, a lost
 * effect) is reported with the invariant's number.
 */
describe('checkInvariants', () => {
  const time = new VirtualTime(WORLD_START);
  let server: TestServer;
  let agent: ProtocolClient;
  let agentId: string;
  let lines: string[];
  let initialCases: Map<string, Pick<Case, 'tags' | 'status'>>;
  const created: { uuid: string; key: string; args: Record<string, unknown> }[] = [];
  let myCase: Case;

  beforeAll(async () => {
    server = await TestServer.create({ time });
    agentId = await server.userId('jonas.weber');
    agent = await server.login('jonas.weber');
    const open = await server.openCasesOf(agentId);
    const first = open[0];
    if (!first) throw new Error('the demo data gives jonas.weber no open case');
    myCase = first;
    initialCases = new Map([[myCase.id, { tags: myCase.tags, status: myCase.status }]]);
    const replyArgs = {
      caseId: myCase.id,
      messageId: randomUUID(),
      body: 'Vielen Dank, die Erstattung ist unterwegs.',
      locale: 'de-DE',
    };
    const tagArgs = { caseId: myCase.id, tag: 'refund-sent' };
    const assignArgs = { caseId: myCase.id, to: null };
    const results = await agent.push([
      { key: 'case.reply@1', args: replyArgs },
      { key: 'case.addTag@1', args: tagArgs },
      { key: 'case.assign@1', args: assignArgs },
    ]);
    results.forEach((result, index) =>
      created.push({
        uuid: result.uuid,
        key: ['case.reply@1', 'case.addTag@1', 'case.assign@1'][index] ?? '',
        args: [replyArgs, tagArgs, assignArgs][index] ?? {},
      }),
    );
    await server.deliverAll();
    lines = await scopeLines(server.database, await principalOf(server.database, agentId));
  });
  afterAll(async () => {
    await server.destroy();
  });

  function probe(overrides: Partial<ClientProbe> = {}): ClientProbe {
    return {
      name: 'jonas',
      userId: agentId,
      verifyHash: () => hashLines(lines),
      canonicalLines: () => lines,
      pendingCount: () => 0,
      clientIds: () => [agent.clientId],
      attention: () =>
        created
          .filter((item) => item.key === 'case.assign@1')
          .map((item) => ({ mutationUuid: item.uuid, code: 'FORBIDDEN', body: null })),
      created: () => created,
      cursorHistory: () => [encodeCursor('e1', 3), encodeCursor('e1', 5)],
      ...overrides,
    };
  }

  async function check(overrides: Partial<ClientProbe> = {}, input: Partial<InvariantInput> = {}): Promise<string[]> {
    return checkInvariants({
      db: server.database,
      clients: [probe(overrides)],
      deliveries: server.deliveries,
      exchanges: [],
      initialCases,
      isOutboundDrained: true,
      ...input,
    });
  }

  it('passes when the client mirrors the server and the rejection is in "Needs attention"', async () => {
    expect(await check()).toEqual([]);
  });

  it('reports a local copy that differs from the server, with the differing rows', async () => {
    const damaged = [...lines.slice(1), 'message:zzz:1'];
    const violations = await check({ verifyHash: () => hashLines(damaged), canonicalLines: () => damaged });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^3: .*only local \[message:zzz:1\], only server \[.+\]/);
  });

  it('reports pending work, a double delivery, a backwards cursor and a silent rejection', async () => {
    const replyMessageId = String(created[0]?.args.messageId);
    const violations = await check(
      {
        pendingCount: () => 2,
        attention: () => [],
        cursorHistory: () => [encodeCursor('e1', 5), encodeCursor('e1', 4)],
      },
      { deliveries: new Map([[replyMessageId, 2]]) },
    );
    expect(violations.map((violation) => violation.slice(0, 2)).sort()).toEqual(['1:', '2:', '2:', '5:', '6:']);
  });

  it('reports an applied effect that is missing from the server state', async () => {
    const violations = await check(
      {},
      { initialCases: new Map([[myCase.id, { tags: ['something-else'], status: myCase.status }]]) },
    );
    expect(violations).toEqual([
      expect.stringMatching(/^4: case .* has tags \[.*refund-sent.*\], applied mutations give \[.*something-else.*\]/),
    ]);
  });
});

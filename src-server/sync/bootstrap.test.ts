import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src-shared/domain/case';
import { BootstrapLineSchema, type BootstrapLine } from '../../src-shared/sync/protocol';
import { principalOf } from '../auth/directory';
import { insertSnapshot } from '../seed/insertSnapshot';
import type { TestDb, World } from '../testing/harness';
import { createWorld, DRIVERS, makeCase, openTestDb } from '../testing/harness';
import { bootstrapNdjson } from './bootstrap';

async function read(chunks: AsyncGenerator<Buffer>): Promise<BootstrapLine[]> {
  const received: Buffer[] = [];
  for await (const chunk of chunks) {
    // Each chunk is whole lines (a page), so a client may decode chunk by chunk.
    expect(chunk.at(-1)).toBe(0x0a);
    received.push(chunk);
  }
  return Buffer.concat(received)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => BootstrapLineSchema.parse(JSON.parse(line)));
}

function message(caseId: string, body: string): Message {
  const at = '2026-11-24T08:00:00.000Z';
  return {
    id: randomUUID(),
    caseId,
    direction: 'inbound',
    authorKind: 'customer',
    authorId: null,
    locale: 'de-DE',
    channel: 'email',
    body,
    createdAt: at,
    writtenAt: at,
    deliveryState: 'received',
  };
}

describe.each(DRIVERS)('bootstrap stream on %s', (driver) => {
  let testDb: TestDb;
  let world: World;

  beforeAll(async () => {
    testDb = await openTestDb(driver);
    world = await createWorld(testDb.db);
    // Visible and invisible rows interleave in id order, so scan windows start and end on both kinds.
    const { teamA, teamB, users } = world;
    const cases = Array.from({ length: 12 }, (_, i) =>
      makeCase(i % 3 === 0 ? teamB.id : teamA.id, i % 4 === 0 ? users.agentA2.id : null),
    );
    const messages = cases.flatMap((c, i) => [message(c.id, `first ${i}`), message(c.id, `second ${i}`)]);
    await insertSnapshot(testDb.db, { cases, messages, notes: [], events: [] }, Date.parse('2026-11-24T08:00:00.000Z'));
  });
  afterAll(async () => {
    await testDb?.dispose();
  });

  it('gives the same pages and resume points whatever the scan window, and resumes from every token', async () => {
    const agent = principalOf(world.users.agentA1);
    const reference = await read(bootstrapNdjson(testDb.db, agent, undefined, 2, 1));
    const rows = reference.filter((line) => 'entity' in line);
    expect(rows.filter((line) => line.entity === 'case').length).toBeGreaterThan(2);
    expect(rows.filter((line) => line.entity === 'message').length).toBeGreaterThan(4);
    expect(reference.at(-1)).toHaveProperty('complete', true);
    for (const pagesPerQuery of [2, 3, 50]) {
      expect(await read(bootstrapNdjson(testDb.db, agent, undefined, 2, pagesPerQuery))).toEqual(reference);
    }
    // Rows come once each, in pages of at most pageRows rows, and resuming from any token gives the rest.
    expect(new Set(rows.map((line) => 'entity' in line && `${line.entity}:${line.entityId}`)).size).toBe(rows.length);
    let inPage = 0;
    for (const [index, line] of reference.entries()) {
      if ('entity' in line) inPage++;
      if (!('pageToken' in line)) continue;
      expect(inPage).toBeGreaterThan(0);
      expect(inPage).toBeLessThanOrEqual(2);
      inPage = 0;
      expect(await read(bootstrapNdjson(testDb.db, agent, line.pageToken, 2, 3))).toEqual(reference.slice(index + 1));
    }
  });

  it('sends the children of exactly the cases the caller sees, whether most cases (filtered here) or few (filtered in SQL)', async () => {
    const { agentA1, agentB1, supervisorA, admin } = world.users;
    // 6, 3, 8 and 12 of the 12 cases: both filters and no filter at all.
    for (const [user, cases] of [
      [agentA1, 6],
      [agentB1, 3],
      [supervisorA, 8],
      [admin, 12],
    ] as const) {
      const rows = (await read(bootstrapNdjson(testDb.db, principalOf(user), undefined, 2, 2))).flatMap((line) =>
        'entity' in line ? [line] : [],
      );
      const caseIds = new Set(rows.filter((line) => line.entity === 'case').map((line) => line.entityId));
      const children = rows.filter((line) => line.entity === 'message').map((line) => (line.data as Message).caseId);
      expect(caseIds.size, user.username).toBe(cases);
      expect(children.length, user.username).toBe(cases * 2);
      expect(
        children.every((caseId) => caseIds.has(caseId)),
        user.username,
      ).toBe(true);
    }
  });

  it("sends each row's data exactly as stored, whatever its characters, in the layout the desktop reads directly", async () => {
    const { teamA, users } = world;
    const awkward = 'He said "it\'s broken" \\ C:\\path\n\ttab $1 $$ 中文 العربية 🙂 \u2028 end';
    const c = makeCase(teamA.id, null);
    await insertSnapshot(
      testDb.db,
      { cases: [c], messages: [message(c.id, awkward)], notes: [], events: [] },
      Date.parse('2026-11-24T08:00:00.000Z'),
    );
    const lines = await read(bootstrapNdjson(testDb.db, principalOf(users.agentA1), undefined, 2, 2));
    const sent = lines.find(
      (line) => 'entity' in line && line.entity === 'message' && (line.data as Message).caseId === c.id,
    );
    expect((sent as { data: Message } | undefined)?.data.body).toBe(awkward);
    const text: Buffer[] = [];
    for await (const chunk of bootstrapNdjson(testDb.db, principalOf(users.agentA1), undefined, 2, 2)) text.push(chunk);
    const rowLines = Buffer.concat(text)
      .toString('utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"entity"'));
    expect(rowLines.length).toBeGreaterThan(0);
    // The layout src-main/core/sync/bootstrapLine.ts reads without parsing the head.
    const layout = /^\{"entity":"[a-z_]+","entityId":"[^"\\]+","version":(?:0|[1-9]\d*),"data":\{[^]*\}\}$/;
    expect(rowLines.filter((line) => !layout.test(line))).toEqual([]);
  });

  it('streams nothing but the complete line for a role that sees no cases', async () => {
    const lines = await read(bootstrapNdjson(testDb.db, principalOf(world.users.gateway), undefined, 2, 2));
    expect(lines.filter((line) => 'entity' in line && line.entity !== 'team' && line.entity !== 'user')).toEqual([]);
    expect(lines.at(-1)).toHaveProperty('complete', true);
  });
});

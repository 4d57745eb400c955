// Central API push latency: one HTTP push of 100 mutations over loopback (SYNC.md push algorithm, one
// transaction per batch), on embedded PGlite and, when DATABASE_URL is set, on a PostgreSQL server.
// Target (issue 5): p99 under 50 ms per 100-mutation batch.
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { MutationEnvelope } from '../../src-shared/sync/mutations';
import type { Driver } from '../../src-server/testing/harness';
import { pushBody } from '../../src-server/testing/protocolClient';
import {
  addCases,
  clientFor,
  createWorld,
  DRIVERS,
  makeCase,
  openTestDb,
  startTestServer,
} from '../../src-server/testing/harness';
import { measure, report } from './stats';

const BATCH = 100;
const RUNS = 200;
const CASES = 200;

async function benchmark(driver: Driver, spread: number): Promise<void> {
  const testDb = await openTestDb(driver);
  const server = await startTestServer(testDb.db);
  try {
    const world = await createWorld(testDb.db);
    const cases = Array.from({ length: CASES }, () => makeCase(world.teamA.id, world.users.agentA1.id));
    await addCases(testDb.db, cases);
    const agent = await clientFor(server, world.users.agentA1.username);
    const clientId = randomUUID();
    let nextId = 1;
    const batch = (): MutationEnvelope[] =>
      Array.from({ length: BATCH }, (_, index) => {
        const id = nextId++;
        const caseId = cases[(id * 7) % spread]!.id;
        const base = { id, uuid: randomUUID(), v: 1, base: {}, clientTime: new Date().toISOString() };
        switch (index % 4) {
          case 0:
            return {
              ...base,
              name: 'case.reply',
              args: {
                caseId,
                messageId: randomUUID(),
                body: `Reply ${id}: the refund is on its way.`,
                locale: 'de-DE',
              },
            };
          case 1:
            return { ...base, name: 'case.addNote', args: { caseId, noteId: randomUUID(), body: `Note ${id}` } };
          case 2:
            return { ...base, name: 'case.addTag', args: { caseId, tag: `t${id % 13}` } };
          default:
            return {
              ...base,
              name: 'case.setField',
              args: { caseId, field: 'priority', value: id % 2 ? 'high' : 'normal' },
            };
        }
      });
    const cpuBefore = process.cpuUsage();
    const summary = await measure(
      async () => {
        const reply = await agent.call<{ lastMutationId: number }>(
          'POST',
          '/sync/v1/push',
          pushBody(clientId, batch()),
        );
        if (reply.status !== 200) throw new Error(`push failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      },
      RUNS,
      20,
    );
    const cpu = process.cpuUsage(cpuBefore);
    const [load1] = loadavg();
    report(`push latency, ${BATCH}-mutation batch over ${spread} cases, ${driver}`, {
      database: driver === 'pglite' ? 'PGlite 0.5.16 (in-process, data directory)' : 'PostgreSQL server (DATABASE_URL)',
      batches: summary.runs,
      p50Ms: summary.medianMs,
      p95Ms: summary.p95Ms,
      p99Ms: summary.p99Ms,
      // CPU of this process (HTTP client, server and, for PGlite, the database) per batch: less
      // sensitive than wall-clock time to other work on a shared machine.
      cpuMsPerBatch: Math.round(((cpu.user + cpu.system) / 1000 / (RUNS + 20)) * 10) / 10,
      loadAverage1m: Math.round(load1 ?? 0),
      cores: cpus().length,
      target: 'p99 < 50 ms',
      meetsTarget: summary.p99Ms < 50,
    });
  } finally {
    await server.close();
    await testDb.dispose();
  }
}

// 100 distinct cases per batch is the heavy end (every mutation rewrites another case row); an agent coming
// back online usually pushes many actions on a few cases.
for (const driver of DRIVERS) {
  await benchmark(driver, 100);
  await benchmark(driver, 10);
}

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../src-shared/sync/protocol';
import { PokeEventSchema } from '../src-shared/sync/protocol';
import type { TestDb } from './testing/harness';
import { addCases, createWorld, makeCase, openTestDb } from './testing/harness';
import { signCursor } from './sync/cursor';
import { ProtocolClient, mutation, pushBody } from './testing/protocolClient';

const databaseUrl = process.env.DATABASE_URL;
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

function startProcess(url: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], child, exited });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`server process exited with ${code}: ${output}`)));
  });
}

// PostgreSQL only: PGlite is one process's database. Without DATABASE_URL the proof runs nowhere on a
// developer's machine, but under CI (.ci/run always provides PostgreSQL) a missing URL fails loudly.
describe.runIf(databaseUrl !== undefined || process.env.CI)('two API processes on one PostgreSQL database', () => {
  beforeAll(() => {
    if (!databaseUrl) throw new Error('DATABASE_URL is not set: the scale-out proof cannot run');
  });

  let testDb: TestDb | undefined;
  const processes: ServerProcess[] = [];
  afterAll(async () => {
    for (const each of processes) each.child.kill('SIGKILL');
    await testDb?.dispose();
  });

  it('delivers a poke from a push on process A to an SSE client on process B, and both shut down gracefully', async () => {
    testDb = await openTestDb('postgres');
    const world = await createWorld(testDb.db);
    const shared = makeCase(world.teamA.id, null);
    await addCases(testDb.db, [shared]);
    const [a, b] = await Promise.all([startProcess(testDb.url!), startProcess(testDb.url!)]);
    processes.push(a!, b!);
    expect(a!.url).not.toBe(b!.url);

    const writer = await ProtocolClient.signIn(a!.url, world.users.agentA1.username);
    const watcher = await ProtocolClient.signIn(b!.url, world.users.agentA2.username);
    const events = await watcher.events();
    try {
      const initial = PokeEventSchema.parse((await events.nextOf('poke')).data);
      const pushed = await writer.call(
        'POST',
        '/sync/v1/push',
        pushBody(randomUUID(), [mutation(1, 'case.addTag', { caseId: shared.id, tag: 'cross-process' })]),
      );
      expect(pushed.status).toBe(200);
      const poke = PokeEventSchema.parse((await events.nextOf('poke')).data);
      expect(poke.seq).toBeGreaterThan(initial.seq);
    } finally {
      events.close();
    }
    // A cursor from the start of the epoch, signed as the server signs the watcher's (issue 19.5).
    const state = await testDb.db.query<{ epoch: string; signing_key: string }>(
      'SELECT epoch, signing_key FROM sync_state',
    );
    const signer = { key: state[0]!.signing_key, userId: world.users.agentA2.id };
    const cursor = signCursor(signer, state[0]!.epoch, 0);
    const pulled = await watcher.call<PullResponse>('POST', '/sync/v1/pull', {
      protocol: 1,
      clientId: randomUUID(),
      cursor,
    });
    expect(pulled.body.changes.some((change) => change.entityId === shared.id)).toBe(true);

    a!.child.kill('SIGTERM');
    b!.child.kill('SIGTERM');
    expect(await a!.exited).toBe(0);
    expect(await b!.exited).toBe(0);
  }, 60_000);
});

// The practice sandbox on the desk (issue 16): a run has its own store, never writes the live one, is checked
// answer by answer, works offline, and reaches the central API exactly once when the desk is online.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeRunView } from '../../src-shared/contract/practice';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { isTrainingId, pathAnswers, RunAnswerSchema, scenarioKey } from '../../src-shared/training';
import { openSyncedWorkstation } from '../../src-main/core/sync';
import { openDemoWorkstation, type Workstation } from '../../src-main/core/workstation';
import { practiceFixture } from '../../src-server/testing/practiceRuns';
import { TestServer } from './testServer';

const fixture = practiceFixture();
const answers = pathAnswers(fixture.compiled, fixture.perfect).map((answer) => RunAnswerSchema.parse(answer));
const dirs: string[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossdesk-practice-'));
  dirs.push(dir);
  return dir;
}

/** The live store's bytes: the database and its write-ahead log. */
function liveStoreHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of ['workstation.db', 'workstation.db-wal'])
    hash.update(existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : Buffer.alloc(0));
  return hash.digest('hex');
}

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>) {
  const answer = await result;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

/** Plays the perfect path through the contract, as the Practice screen does. */
async function play(desk: Workstation): Promise<PracticeRunView> {
  let run = await ok(desk.call('practice:start', { scenarioKey: scenarioKey(fixture.scenario), uiLanguage: 'ar' }));
  for (const answer of answers) run = await ok(desk.call('practice:answer', { runId: run.id, answer }));
  return run;
}

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string): Promise<T> {
  for (let tries = 0; tries < 600; tries++) {
    const value = await read();
    if (isDone(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the practice sandbox on the desk', { timeout: 120_000 }, () => {
  it('keeps a run in its own store: the live store file is byte for byte unchanged, the run survives a restart', async () => {
    const dir = dataDir();
    let desk = openDemoWorkstation(dir);
    await ok(desk.call('cases:list', { view: 'all' }));
    const before = liveStoreHash(dir);
    const run = await play(desk);
    expect(run).toMatchObject({ upload: 'pending', uiLanguage: 'ar' });
    expect(run.finishedAt).not.toBeNull();
    expect(isTrainingId(run.id)).toBe(true);
    expect(liveStoreHash(dir)).toBe(before);
    expect(existsSync(join(dir, 'practice.db'))).toBe(true);
    desk.close();

    desk = openDemoWorkstation(dir);
    const again = await ok(desk.call('practice:run', { runId: run.id }));
    expect(again.answers).toEqual(answers);
    const overview = await ok(desk.call('practice:overview', {}));
    expect(overview.runs.map((each) => each.id)).toEqual([run.id]);
    expect(overview.scenarios.length).toBeGreaterThanOrEqual(16);
    desk.close();
  });

  it('refuses an answer the scenario does not take, or one after the end, with a typed error and keeps the run as it was', async () => {
    const desk = openDemoWorkstation(dataDir());
    const run = await ok(desk.call('practice:start', { scenarioKey: scenarioKey(fixture.scenario), uiLanguage: 'en' }));
    const wrong = await desk.call('practice:answer', {
      runId: run.id,
      answer: { kind: 'choose', optionId: 'nope', delayMs: 0 },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await ok(desk.call('practice:run', { runId: run.id }))).answers).toEqual([]);
    for (const answer of answers) await ok(desk.call('practice:answer', { runId: run.id, answer }));
    const late = await desk.call('practice:answer', { runId: run.id, answer: answers[0] });
    expect(late).toMatchObject({ ok: false, error: { code: 'RUN_FINISHED' } });
    const unknown = await desk.call('practice:start', { scenarioKey: 'no-such-scenario@1.0.0', uiLanguage: 'en' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    desk.close();
  });

  describe('with the central API', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await TestServer.create();
    }, 120_000);
    afterAll(async () => {
      await server?.destroy();
    });

    it('plays offline, then syncs the finished run exactly once and gets the server’s score back', async () => {
      let isOffline = false;
      const desk = await openSyncedWorkstation({
        dataDir: dataDir(),
        serverUrl: server.url,
        signIn: { username: 'jonas.weber', password: DEMO_PASSWORD },
        fetch: (url, init) => (isOffline ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init)),
      });
      const outboundBefore = await server.database.query('SELECT message_id FROM outbound ORDER BY message_id');
      isOffline = true;
      const run = await play(desk);
      expect(run.upload).toBe('pending');
      isOffline = false;
      const synced = await until(
        () => ok(desk.call('practice:run', { runId: run.id })),
        (view) => view.upload === 'synced',
        'the run to reach the server',
      );
      expect(synced.serverResult).toMatchObject({ score: 100, passed: true, outcome: fixture.perfect.outcome });
      const rows = await server.database.query('SELECT id FROM training_runs WHERE id = $1', [run.id]);
      expect(rows).toHaveLength(1);
      const changes = await server.database.query(
        "SELECT seq FROM training_changes WHERE entity = 'run' AND entity_id = $1",
        [run.id],
      );
      expect(changes).toHaveLength(1);
      // Nothing of the run is a live message or waits for delivery.
      expect(await server.database.query('SELECT message_id FROM outbound ORDER BY message_id')).toEqual(
        outboundBefore,
      );
      expect(await server.database.query('SELECT id FROM messages WHERE id = $1', [run.id])).toEqual([]);
      desk.close();
    });

    it("shows the agent the trainer's released review: the trainer overrides through their desk's contract, with a comment", async () => {
      const agent = await openSyncedWorkstation({
        dataDir: dataDir(),
        serverUrl: server.url,
        signIn: { username: 'jonas.weber', password: DEMO_PASSWORD },
      });
      const played = await play(agent);
      await until(
        () => ok(agent.call('practice:run', { runId: played.id })),
        (view) => view.upload === 'synced',
        'the run to reach the server',
      );
      const trainer = await openSyncedWorkstation({
        dataDir: dataDir(),
        serverUrl: server.url,
        signIn: { username: 'sofia.marino', password: DEMO_PASSWORD },
      });
      // The agent's desk refuses trainer methods before anything reaches the server.
      expect(await agent.call('training:review', { runId: played.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const { runs } = await ok(trainer.call('training:runs', {}));
      expect(runs.map((run) => run.id)).toContain(played.id);
      const view = await ok(trainer.call('training:review', { runId: played.id }));
      const criterion = view.criteria.find((each) => each.max > each.min);
      if (!criterion) throw new Error('the run has no criterion to override');
      const bare = await trainer.call('training:override', {
        runId: played.id,
        overrides: [{ criterion: criterion.key, value: criterion.min, comment: '' }],
      });
      expect(bare).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      const { review } = await ok(
        trainer.call('training:override', {
          runId: played.id,
          overrides: [{ criterion: criterion.key, value: criterion.min, comment: 'Said before the customer asked.' }],
        }),
      );
      expect(review.result.score).toBeLessThan(100);
      await ok(trainer.call('training:release', { runId: played.id, feedback: 'Bien: la fecha exacta. Ojo al tono.' }));
      const seen = await until(
        () => ok(agent.call('practice:run', { runId: played.id })),
        (run) => run.review !== null,
        'the released review to reach the agent',
      );
      expect(seen.review).toMatchObject({
        feedback: 'Bien: la fecha exacta. Ojo al tono.',
        result: { score: review.result.score },
        overrides: [{ criterion: criterion.key, comment: 'Said before the customer asked.' }],
      });
      trainer.close();
      agent.close();
    });
  });
});

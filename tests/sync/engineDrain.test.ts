// A drain of more than one push batch: the engine pulls the effects of answered batches while the next
// batch is in flight (never two pushes at once), settles each page's results with the page, and ends with
// every mutation answered once, the outbox empty and the desk equal to the server's view of its scope.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_MUTATIONS } from '../../src-shared/sync/protocol';
import type { SyncEngineOptions } from '../../src-main/core/sync';
import type { Desk } from './engineHarness';
import { openDesk } from './engineHarness';
import { TestServer } from './testServer';

let demo: TestServer;
let desk: Desk;
const inFlight = { push: 0, pull: 0 };
const seen = { maxPushes: 0, pullsDuringPush: 0, pushes: 0 };

const countingFetch: NonNullable<SyncEngineOptions['fetch']> = async (url, init) => {
  const path = new URL(url).pathname;
  const kind = path === '/sync/v1/push' ? 'push' : path === '/sync/v1/pull' ? 'pull' : null;
  if (kind === 'push') {
    seen.pushes++;
    seen.maxPushes = Math.max(seen.maxPushes, inFlight.push + 1);
  }
  if (kind === 'pull' && inFlight.push > 0) seen.pullsDuringPush++;
  if (kind) inFlight[kind]++;
  try {
    return await fetch(url, init);
  } finally {
    if (kind) inFlight[kind]--;
  }
};

beforeAll(async () => {
  demo = await TestServer.create();
  desk = await openDesk(demo.url, 'wang.lei', { fetch: countingFetch });
}, 120_000);

afterAll(async () => {
  await desk?.close();
  await demo?.destroy();
});

describe('outbox drain over several push batches', () => {
  it('pulls while the next batch is in flight, one push at a time, and settles every mutation once', async () => {
    const cases = desk.sql((db) =>
      db
        .prepare<[], { id: string }>("SELECT id FROM cases WHERE status IN ('new', 'open') ORDER BY id LIMIT 300")
        .all()
        .map((row) => row.id),
    );
    expect(cases.length).toBeGreaterThan(10);
    // Solved on the server behind the desk's back: tags on it still apply, the reply is refused and must come
    // back as an attention item.
    const solvedMeanwhile = cases[0] ?? '';
    const total = MAX_PUSH_MUTATIONS * 2 + 150;
    const noteIds: string[] = [];
    for (let index = 0; index < total - 1; index++) {
      const caseId = cases[index % cases.length] ?? '';
      if (index % 2 === 0) desk.store.write('case.addTag@1', { caseId, tag: `drain-${index % 5}` });
      else {
        const noteId = randomUUID();
        noteIds.push(noteId);
        desk.store.write('case.addNote@1', { caseId, noteId, body: `Drain note ${index}` });
      }
    }
    const replyId = randomUUID();
    desk.store.write('case.reply@1', {
      caseId: solvedMeanwhile,
      messageId: replyId,
      body: 'Late answer.',
      locale: 'en-GB',
    });
    expect(desk.engine.status().pendingCount).toBe(total);
    const solved = await (
      await demo.login('wang.lei')
    ).pushOne('case.setStatus@1', {
      caseId: solvedMeanwhile,
      to: 'solved',
    });
    expect(solved.status).toBe('applied');

    Object.assign(seen, { maxPushes: 0, pullsDuringPush: 0, pushes: 0 });
    await desk.engine.syncNow();

    expect(seen.pushes).toBe(3);
    expect(seen.maxPushes).toBe(1);
    expect(seen.pullsDuringPush).toBeGreaterThan(0);
    expect(desk.engine.status()).toMatchObject({ pendingCount: 0, lastError: null });
    expect(desk.store.verifyHash()).toEqual(await (await demo.login('wang.lei')).verify());
    const attention = desk.store.attention();
    expect(attention.map((item) => [item.code, item.body])).toEqual([['CASE_CLOSED', 'Late answer.']]);
    const results = await demo.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM mutations WHERE client_id = $1',
      [desk.store.getSyncState().clientId],
    );
    expect(results[0]?.n).toBe(total);
    const notes = await demo.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notes WHERE id = ANY($1::text[])',
      [`{${noteIds.join(',')}}`],
    );
    expect(notes[0]?.n).toBe(noteIds.length);
    const localNotes = desk.sql((db) =>
      db.prepare<[], { n: number }>('SELECT count(*) AS n FROM notes WHERE pending = 0').get(),
    );
    expect(localNotes?.n).toBeGreaterThanOrEqual(noteIds.length);
  }, 120_000);
});

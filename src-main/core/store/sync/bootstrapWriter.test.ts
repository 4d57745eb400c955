import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { generateDemoData } from '../../../../src-shared/demo';
import type { BootstrapRow } from '../interface';
import { openLocalStore, type LocalStore } from '../localStore';
import { StoreError } from '../ports';
import { manualClock, sequentialIds, TEST_NOW, TEST_STORE_KEY, withTestConnection } from '../testStore';

const data = generateDemoData({ seed: 7, cases: 120, now: TEST_NOW });
/** The snapshot in pages of 50 rows, as a bootstrap stream would bring it. */
const rows: BootstrapRow[] = [
  ...data.teams.map((t) => ({ entity: 'team' as const, entityId: t.id, version: 1, data: t })),
  ...data.users.map((u) => ({ entity: 'user' as const, entityId: u.id, version: 1, data: u })),
  ...data.cases.map((c) => ({ entity: 'case' as const, entityId: c.id, version: c.version, data: c })),
  ...data.messages.map((m) => ({ entity: 'message' as const, entityId: m.id, version: 1, data: m })),
  ...data.notes.map((n) => ({ entity: 'note' as const, entityId: n.id, version: 1, data: n })),
  ...data.events.map((e) => ({ entity: 'case_event' as const, entityId: e.id, version: 1, data: e })),
];
const pages = Array.from({ length: Math.ceil(rows.length / 50) }, (_, index) =>
  rows.slice(index * 50, index * 50 + 50),
);

let dir: string;
const stores: LocalStore[] = [];
const paths = new Map<LocalStore, string>();
/** Runs fn on a connection of the test's own to the store's file. */
function sqlOf<T>(store: LocalStore, fn: (db: Database.Database) => T): T {
  return withTestConnection(paths.get(store) ?? '', fn, TEST_STORE_KEY);
}
function freshStore(name: string): LocalStore {
  const store = openLocalStore({
    path: join(dir, `${name}.db`),
    clock: manualClock(),
    ids: sequentialIds(name.slice(0, 1)),
    // Encrypted as in the app: the writer's own connection must open the file with the store's key.
    key: TEST_STORE_KEY,
  });
  stores.push(store);
  paths.set(store, join(dir, `${name}.db`));
  return store;
}
function dump(store: LocalStore) {
  return ['cases', 'messages', 'notes', 'case_events', 'users', 'teams'].map((table) =>
    sqlOf(store, (db) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()),
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crossdesk-writer-'));
});
afterAll(() => {
  for (const store of stores) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bootstrap writer thread', () => {
  it('stages pages exactly as stageBootstrap does, each with its token', async () => {
    const here = freshStore('here');
    const generation = here.beginBootstrap();
    pages.forEach((page, index) => here.stageBootstrap(generation, page, `token-${index}`));
    here.completeBootstrap(generation, 'cursor-1');

    const threaded = freshStore('threaded');
    const next = threaded.beginBootstrap();
    const writer = threaded.openBootstrapWriter(next);
    if (!writer) throw new Error('no writer for a database file');
    for (const [index, page] of pages.entries()) await writer.stage(page, `token-${index}`);
    await writer.flush();
    expect(threaded.getSyncState().bootstrapPageToken).toBe(`token-${pages.length - 1}`);
    await writer.close();
    threaded.completeBootstrap(next, 'cursor-1');

    expect(threaded.verifyHash()).toEqual(here.verifyHash());
    expect(dump(threaded)).toEqual(dump(here));
  });

  it('refuses a bad row before sending its page, and goes on with the next', async () => {
    const store = freshStore('bad');
    const generation = store.beginBootstrap();
    const writer = store.openBootstrapWriter(generation);
    if (!writer) throw new Error('no writer for a database file');
    const [first] = data.cases;
    await expect(
      writer.stage([{ entity: 'case', entityId: 'x', version: 1, data: { nope: true } }], 'bad'),
    ).rejects.toMatchObject({ code: 'BAD_CHANGE' });
    await writer.stage([{ entity: 'case', entityId: first?.id ?? '', version: 1, data: first }], 'good');
    await writer.close();
    expect(store.getSyncState().bootstrapPageToken).toBe('good');
  });

  it('fails a page of a generation no longer in progress, and writes nothing after it', async () => {
    const store = freshStore('stale');
    const generation = store.beginBootstrap();
    const writer = store.openBootstrapWriter(generation);
    if (!writer) throw new Error('no writer for a database file');
    await writer.stage(pages[0] ?? [], 'first');
    await writer.flush();
    const restarted = store.beginBootstrap();
    await writer.stage(pages[1] ?? [], 'stale');
    const failure = await writer.flush().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'STALE_BOOTSTRAP' });
    await expect(writer.stage(pages[2] ?? [], 'later')).rejects.toMatchObject({ code: 'STALE_BOOTSTRAP' });
    await writer.close();
    expect(store.getSyncState()).toMatchObject({ bootstrapGeneration: restarted, bootstrapPageToken: null });
    expect(sqlOf(store, (db) => db.prepare('SELECT count(*) AS n FROM next_cases').get())).toEqual({ n: 0 });
  });

  it('commits the pages queued before close, so a resume starts after the last of them', async () => {
    const store = freshStore('close');
    const generation = store.beginBootstrap();
    const writer = store.openBootstrapWriter(generation);
    if (!writer) throw new Error('no writer for a database file');
    for (const [index, page] of pages.slice(0, 6).entries()) await writer.stage(page, `token-${index}`);
    await writer.close();
    expect(store.getSyncState().bootstrapPageToken).toBe('token-5');
    const staged = pages
      .slice(0, 6)
      .flat()
      .filter((row) => row.entity === 'case').length;
    expect(sqlOf(store, (db) => db.prepare('SELECT count(*) AS n FROM next_cases').get())).toEqual({ n: staged });
  });

  it('is not offered for an in-memory database, which no other connection can open', () => {
    const store = openLocalStore({ path: ':memory:', clock: manualClock(), ids: sequentialIds('m') });
    stores.push(store);
    expect(store.openBootstrapWriter(store.beginBootstrap())).toBeNull();
  });
});

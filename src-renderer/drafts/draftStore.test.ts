import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDraftsDb } from './draftsDb';
import { draftStore } from './draftStore';

const caseId = '0190e4a6-0000-7000-8000-000000000001';
const otherCase = '0190e4a6-0000-7000-8000-000000000002';
const messageId = '0190e4a6-0000-7000-8000-0000000000aa';
const agent = '0190e4a6-0000-7000-8000-0000000000a1';
const colleague = '0190e4a6-0000-7000-8000-0000000000a2';

function fresh() {
  const factory = new IDBFactory();
  let tick = Date.parse('2026-11-25T09:00:00Z');
  const clock = () => new Date((tick += 1000));
  const drafts = draftStore(openDraftsDb('test-drafts', { indexedDB: factory, IDBKeyRange }), clock);
  return { factory, drafts, store: drafts.forUser(agent) };
}

describe('draftStore', () => {
  it('keeps a reply draft across a reopen of the database (a page reload)', async () => {
    const { factory, store } = fresh();
    await store.save({
      caseId,
      kind: 'reply',
      body: '您好，王女士',
      locale: 'zh-CN',
      entityId: messageId,
      replyId: 'return_refund.acknowledge',
    });
    const reopened = draftStore(openDraftsDb('test-drafts', { indexedDB: factory, IDBKeyRange })).forUser(agent);
    const draft = await reopened.load(caseId, 'reply');
    expect(draft).toMatchObject({
      body: '您好，王女士',
      locale: 'zh-CN',
      entityId: messageId,
      replyId: 'return_refund.acknowledge',
    });
    expect(draft?.updatedAt).toBe('2026-11-25T09:00:01.000Z');
  });

  it('keeps reply and note drafts of a case apart and overwrites on each keystroke save', async () => {
    const { store } = fresh();
    await store.save({ caseId, kind: 'reply', body: 'Hel', locale: 'en', entityId: messageId, replyId: null });
    await store.save({ caseId, kind: 'reply', body: 'Hello', locale: 'en', entityId: messageId, replyId: null });
    await store.save({ caseId, kind: 'note', body: 'check stock', locale: null, entityId: messageId, replyId: null });
    await store.save({
      caseId: otherCase,
      kind: 'reply',
      body: 'Hallo',
      locale: 'de',
      entityId: messageId,
      replyId: null,
    });
    expect((await store.load(caseId, 'reply'))?.body).toBe('Hello');
    expect((await store.load(caseId, 'note'))?.body).toBe('check stock');
    expect((await store.casesWithDrafts()).sort()).toEqual([caseId, otherCase]);
    await store.remove(caseId, 'reply');
    expect(await store.load(caseId, 'reply')).toBeNull();
    expect((await store.load(caseId, 'note'))?.body).toBe('check stock');
  });

  it('refuses a draft with a bad case id and stores nothing', async () => {
    const { store } = fresh();
    await expect(
      store.save({ caseId: 'not-a-uuid', kind: 'reply', body: 'x', locale: 'en', entityId: messageId, replyId: null }),
    ).rejects.toThrow();
    expect(await store.casesWithDrafts()).toEqual([]);
  });

  it("never shows one user's drafts to another on the same device; clearing removes everyone's", async () => {
    const { drafts, store } = fresh();
    await store.save({ caseId, kind: 'reply', body: 'Mine', locale: 'en', entityId: messageId, replyId: null });
    const theirs = drafts.forUser(colleague);
    expect(await theirs.load(caseId, 'reply')).toBeNull();
    expect(await theirs.casesWithDrafts()).toEqual([]);
    await theirs.save({ caseId, kind: 'reply', body: 'Theirs', locale: 'en', entityId: messageId, replyId: null });
    expect((await store.load(caseId, 'reply'))?.body).toBe('Mine');
    expect((await theirs.load(caseId, 'reply'))?.body).toBe('Theirs');
    await theirs.remove(caseId, 'reply');
    expect((await store.load(caseId, 'reply'))?.body).toBe('Mine');
    await drafts.clearAll();
    expect(await store.casesWithDrafts()).toEqual([]);
  });

  it('shows nobody a draft from before drafts had an owner (version 1)', async () => {
    const factory = new IDBFactory();
    const legacy = new Dexie('test-drafts', { indexedDB: factory, IDBKeyRange });
    legacy.version(1).stores({ drafts: 'key, caseId, updatedAt' });
    await legacy.table('drafts').put({
      key: `${caseId}:reply`,
      caseId,
      kind: 'reply',
      body: 'Whose is this?',
      locale: 'en',
      entityId: messageId,
      replyId: null,
      updatedAt: '2026-11-25T09:00:00.000Z',
    });
    legacy.close();
    const store = draftStore(openDraftsDb('test-drafts', { indexedDB: factory, IDBKeyRange })).forUser(agent);
    expect(await store.load(caseId, 'reply')).toBeNull();
    expect(await store.casesWithDrafts()).toEqual([]);
  });
});

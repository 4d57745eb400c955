import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from './testStore';

let t: TempStore;
beforeEach(() => {
  t = tempStore(80);
});
afterEach(() => t.dispose());

describe('local store', () => {
  it('a repeated canonical import changes nothing (upserts by id)', () => {
    const before = t.store.verifyHash();
    t.store.importCanonical(t.data);
    expect(t.store.verifyHash()).toEqual(before);
    expect(t.store.caseCount()).toBe(80);
    expect(t.store.search('Erstattung', 200).length).toBe(
      new Set(t.store.search('Erstattung', 200).map((h) => h.row.id)).size,
    );
  });

  it('reads a case with its conversation in server order, notes and audit trail', () => {
    const c = t.data.cases.find((x) => x.status === 'solved');
    if (!c) throw new Error('no solved case');
    const detail = t.store.caseDetail(c.id);
    expect(detail?.case).toEqual(c);
    const expected = t.data.messages
      .filter((m) => m.caseId === c.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(detail?.messages.map((m) => m.id)).toEqual(expected.map((m) => m.id));
    expect(detail?.events.map((e) => e.id).sort()).toEqual(
      t.data.events
        .filter((e) => e.caseId === c.id)
        .map((e) => e.id)
        .sort(),
    );
    expect(detail?.pendingMutationCount).toBe(0);
    expect(t.store.caseDetail('40000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('settings default to the signed-in user and persist across reopening', () => {
    const user = t.store.currentUser();
    expect(t.store.settings()).toEqual({ uiLocale: user?.uiLocale, agentLanguages: user?.languages, serverUrl: null });
    t.store.updateSettings({ uiLocale: 'ar', serverUrl: 'https://crossdesk.example' });
    const reopened = t.reopen();
    expect(reopened.settings()).toMatchObject({ uiLocale: 'ar', serverUrl: 'https://crossdesk.example' });
  });

  it('keeps sync state across reopening', () => {
    t.store.setSyncState({
      cursor: 'c-1',
      lastMutationId: 7,
      serverOffsetMs: -1200,
      lastSyncedAt: '2026-11-25T12:00:00.000Z',
    });
    const reopened = t.reopen();
    expect(reopened.getSyncState()).toMatchObject({ cursor: 'c-1', lastMutationId: 7, serverOffsetMs: -1200 });
  });
});

describe('tags in use (tag autocomplete)', () => {
  it('lists every tag on the cases with its case count, most used first, and follows new tags', () => {
    const expected = new Map<string, number>();
    for (const c of t.data.cases) for (const tag of c.tags) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    const listed = t.store.tagsInUse(500);
    expect(new Map(listed.map((use) => [use.tag, use.cases]))).toEqual(expected);
    const counts = listed.map((use) => use.cases);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(t.store.tagsInUse(2)).toHaveLength(Math.min(2, expected.size));

    const subject = t.data.cases.find((c) => t.isMine(c) && c.status !== 'closed');
    if (subject === undefined) throw new Error('no open case of the agent');
    t.store.write('case.addTag@1', { caseId: subject.id, tag: 'brand-new-tag' });
    expect(t.store.tagsInUse(500)).toContainEqual({ tag: 'brand-new-tag', cases: 1 });
  });
});

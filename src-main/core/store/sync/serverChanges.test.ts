import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, Message } from '../../../../src-shared/domain/case';
import type { Change } from '../../../../src-shared/sync/protocol';
import { StoreError } from '../ports';
import { tempStore, type TempStore } from '../testStore';

let t: TempStore;
beforeEach(() => {
  t = tempStore(120);
});
afterEach(() => t.dispose());

let seq = 0;
function upsert<T extends { id: string }>(entity: Change['entity'], data: T, version: number): Change {
  return { seq: ++seq, entity, entityId: data.id, op: 'upsert', version, data };
}

function openCase(): Case {
  const c = t.data.cases.find((x) => x.status === 'open' && t.isMine(x));
  if (!c) throw new Error('no open case');
  return c;
}

function serverMessage(c: Case, id: string, body: string): Message {
  return {
    id,
    caseId: c.id,
    direction: 'outbound',
    authorKind: 'agent',
    authorId: c.assigneeId,
    locale: c.locale,
    channel: c.channel,
    body,
    createdAt: '2026-11-25T12:05:00.000Z',
    writtenAt: '2026-11-25T12:00:00.000Z',
    deliveryState: 'sent',
  };
}

/** The verify hash written out from the protocol text, over the canonical rows the test knows of. */
function independentHash(rows: { entity: string; id: string; version: number }[]): { count: number; hash: string } {
  const sorted = [...rows].sort((a, b) =>
    a.entity === b.entity ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.entity < b.entity ? -1 : 1,
  );
  const hash = createHash('sha256');
  for (const r of sorted) hash.update(`${r.entity}:${r.id}:${r.version}\n`);
  return { count: sorted.length, hash: hash.digest('hex') };
}

function demoRows() {
  return [
    ...t.data.cases.map((c) => ({ entity: 'case', id: c.id, version: c.version })),
    ...t.data.events.map((e) => ({ entity: 'case_event', id: e.id, version: 1 })),
    ...t.data.messages.map((m) => ({ entity: 'message', id: m.id, version: 1 })),
    ...t.data.notes.map((n) => ({ entity: 'note', id: n.id, version: 1 })),
  ];
}

describe('verify hash', () => {
  it('equals the protocol formula over canonical rows and leaves pending local rows out', () => {
    expect(t.store.verifyHash()).toEqual(independentHash(demoRows()));
    const c = openCase();
    t.store.write('case.reply@1', {
      caseId: c.id,
      messageId: '20000000-0000-4000-8000-000000000001',
      body: 'Pending reply',
      locale: c.locale,
    });
    t.store.write('case.addTag@1', { caseId: c.id, tag: 'pending_tag' });
    expect(t.store.verifyHash()).toEqual(independentHash(demoRows()));
  });
});

describe('applyServerChanges', () => {
  it('rebases pending mutations on top of a server change and keeps the canonical version for verify', () => {
    const c = openCase();
    t.store.write('case.addTag@1', { caseId: c.id, tag: 'mine' });
    const fromServer: Case = { ...c, subject: 'Subject edited by a colleague', version: c.version + 1 };
    const outcome = t.store.applyServerChanges([upsert('case', fromServer, c.version + 1)], 'cursor-1');
    expect(outcome.caseIds).toEqual([c.id]);
    const visible = t.store.caseDetail(c.id)?.case;
    expect(visible?.subject).toBe('Subject edited by a colleague');
    expect(visible?.tags).toContain('mine');
    expect(t.store.getSyncState().cursor).toBe('cursor-1');
    const rows = demoRows().map((r) => (r.id === c.id ? { ...r, version: c.version + 1 } : r));
    expect(t.store.verifyHash()).toEqual(independentHash(rows));
    expect(t.store.search('colleague', 10).map((h) => h.row.id)).toContain(c.id);
  });

  it('restores the canonical row when the applied result and the server copy arrive', () => {
    const c = openCase();
    const { mutationUuid } = t.store.write('case.addTag@1', { caseId: c.id, tag: 'mine' });
    const serverCopy: Case = { ...c, tags: [...c.tags, 'mine'], version: c.version + 1 };
    t.store.applyServerChanges([upsert('case', serverCopy, c.version + 1)], 'cursor-2');
    t.store.markResults([{ mutationId: 1, uuid: mutationUuid, status: 'applied' }]);
    expect(t.store.pendingCount()).toBe(0);
    const row = t.store.queue({ view: 'all', sort: 'age', limit: 500 }).rows.find((r) => r.id === c.id);
    expect(row?.hasPendingChanges).toBe(false);
    expect(row?.tags).toEqual(serverCopy.tags);
    expect(t.sql.prepare('SELECT count(*) AS n FROM case_shadow').get()).toEqual({ n: 0 });
    expect(t.store.markResults([{ mutationId: 1, uuid: mutationUuid, status: 'applied' }])).toEqual({
      caseIds: [],
      attentionAdded: 0,
    });
  });

  it('turns the pending reply into the canonical message when the server copy arrives', () => {
    const c = openCase();
    const messageId = '20000000-0000-4000-8000-000000000002';
    t.store.write('case.reply@1', { caseId: c.id, messageId, body: 'Local text', locale: c.locale });
    t.store.applyServerChanges([upsert('message', serverMessage(c, messageId, 'Local text'), 3)], 'cursor-3');
    const m = t.store.caseDetail(c.id)?.messages.find((x) => x.id === messageId);
    expect(m).toMatchObject({ isPending: false, deliveryState: 'sent' });
    expect(t.store.verifyHash().count).toBe(demoRows().length + 1);
  });

  it('a scope removal deletes canonical rows but never the outbox or pending local rows', () => {
    const c = openCase();
    const messageId = '20000000-0000-4000-8000-000000000003';
    t.store.write('case.reply@1', { caseId: c.id, messageId, body: 'Written offline', locale: c.locale });
    t.store.write('case.addTag@1', { caseId: c.id, tag: 'kept' });
    t.store.applyServerChanges(
      [{ seq: ++seq, entity: 'case', entityId: c.id, op: 'remove_from_scope', version: c.version }],
      'cursor-4',
    );
    expect(t.store.caseDetail(c.id)).toBeNull();
    expect(t.store.pendingCount()).toBe(2);
    expect(t.sql.prepare('SELECT pending FROM messages WHERE case_id = ?').all(c.id)).toEqual([{ pending: 1 }]);
    const canonicalLeft = demoRows().filter(
      (r) =>
        r.id !== c.id &&
        !t.data.messages.some((m) => m.id === r.id && m.caseId === c.id) &&
        !t.data.events.some((e) => e.id === r.id && e.caseId === c.id) &&
        !t.data.notes.some((n) => n.id === r.id && n.caseId === c.id),
    );
    expect(t.store.verifyHash()).toEqual(independentHash(canonicalLeft));
    t.store.applyServerChanges([upsert('case', { ...c, version: c.version + 1 }, c.version + 1)], 'cursor-5');
    const back = t.store.caseDetail(c.id);
    expect(back?.case.tags).toContain('kept');
    expect(back?.messages.map((m) => m.id)).toEqual([messageId]);
  });

  it('settles the results a page carries in the same transaction: applied rows leave, rejections become attention', () => {
    const c = openCase();
    const tag = t.store.write('case.addTag@1', { caseId: c.id, tag: 'mine' });
    const noteId = '20000000-0000-4000-8000-000000000010';
    const note = t.store.write('case.addNote@1', { caseId: c.id, noteId, body: 'Refused note' });
    const later = t.store.write('case.addTag@1', { caseId: c.id, tag: 'later' });
    const serverCopy: Case = { ...c, tags: [...c.tags, 'mine'], version: c.version + 1 };
    const bad = [{ mutationId: 1, uuid: tag.mutationUuid, status: 'maybe' }];
    expect(() => t.store.applyServerChanges([upsert('case', serverCopy, c.version + 1)], 'cursor-r0', bad)).toThrow(
      StoreError,
    );
    expect(t.store.pendingCount()).toBe(3);
    expect(t.store.getSyncState().cursor).toBeNull();

    const outcome = t.store.applyServerChanges([upsert('case', serverCopy, c.version + 1)], 'cursor-r1', [
      { mutationId: 1, uuid: tag.mutationUuid, status: 'applied' },
      { mutationId: 2, uuid: note.mutationUuid, status: 'rejected', code: 'FORBIDDEN', message: 'Not yours any more.' },
    ]);
    expect(outcome).toEqual({ caseIds: [c.id], attentionAdded: 1 });
    expect(t.store.pendingMutations(10).map((m) => m.uuid)).toEqual([later.mutationUuid]);
    expect(t.store.attention().map((item) => [item.code, item.body])).toEqual([['FORBIDDEN', 'Refused note']]);
    const detail = t.store.caseDetail(c.id);
    expect(detail?.case.tags).toEqual([...c.tags, 'mine', 'later']);
    expect(detail?.notes.some((n) => n.id === noteId)).toBe(false);
    expect(t.store.getSyncState().cursor).toBe('cursor-r1');

    const done = t.store.applyServerChanges(
      [upsert('case', { ...serverCopy, tags: [...serverCopy.tags, 'later'], version: c.version + 2 }, c.version + 2)],
      'cursor-r2',
      [{ mutationId: 3, uuid: later.mutationUuid, status: 'applied' }],
    );
    expect(done.caseIds).toEqual([c.id]);
    expect(t.store.pendingCount()).toBe(0);
    expect(t.sql.prepare('SELECT count(*) AS n FROM case_shadow').get()).toEqual({ n: 0 });
    expect(
      t.store.queue({ view: 'all', sort: 'age', limit: 500 }).rows.find((r) => r.id === c.id)?.hasPendingChanges,
    ).toBe(false);
  });

  it('a server copy that leaves indexed and searched columns alone keeps the case findable and sorted', () => {
    const c = openCase();
    t.store.applyServerChanges(
      [upsert('case', { ...c, tags: [...c.tags, 'quiet'], version: c.version + 1 }, c.version + 1)],
      'cursor-q1',
    );
    expect(t.store.search(c.subject.slice(0, 12), 50).map((h) => h.row.id)).toContain(c.id);
    expect(t.store.caseDetail(c.id)?.case.tags).toContain('quiet');
    const urgent = c.priority === 'urgent' ? 'low' : 'urgent';
    t.store.applyServerChanges(
      [upsert('case', { ...c, priority: urgent, subject: 'Zollbeleg fehlt', version: c.version + 2 }, c.version + 2)],
      'cursor-q2',
    );
    expect(t.store.search('Zollbeleg', 10).map((h) => h.row.id)).toEqual([c.id]);
    const rows = t.store.queue({ view: 'all', sort: 'priority', limit: 500 }).rows;
    expect(rows.find((r) => r.id === c.id)?.priority).toBe(urgent);
    expect(t.store.verifyHash()).toEqual(
      independentHash(demoRows().map((r) => (r.id === c.id ? { ...r, version: c.version + 2 } : r))),
    );
  });

  it('a bad change anywhere in the page changes nothing', () => {
    const c = openCase();
    const before = t.store.verifyHash();
    const good = upsert('case', { ...c, subject: 'Should not land', version: c.version + 1 }, c.version + 1);
    const bad = upsert('message', { id: c.id, body: '' } as unknown as Message, 1);
    expect(() => t.store.applyServerChanges([good, bad], 'cursor-bad')).toThrow(StoreError);
    expect(() =>
      t.store.applyServerChanges([{ seq: 1, entity: 'case', entityId: c.id, op: 'explode', version: 1 }], 'c'),
    ).toThrow(/op/);
    expect(t.store.verifyHash()).toEqual(before);
    expect(t.store.getSyncState().cursor).toBeNull();
    expect(t.store.caseDetail(c.id)?.case.subject).toBe(c.subject);
  });
});

describe('markResults', () => {
  it('a rejected reply becomes an attention item with its text, and its optimistic effects roll back', () => {
    const c = t.data.cases.find((x) => x.status === 'open' && x.firstRepliedAt === null && t.isMine(x)) ?? openCase();
    const messageId = '20000000-0000-4000-8000-000000000004';
    const reply = t.store.write('case.reply@1', {
      caseId: c.id,
      messageId,
      body: 'Eine Antwort, die der Server ablehnt',
      locale: 'de-DE',
    });
    const tag = t.store.write('case.addTag@1', { caseId: c.id, tag: 'still_pending' });
    const outcome = t.store.markResults([
      {
        mutationId: 1,
        uuid: reply.mutationUuid,
        status: 'rejected',
        code: 'CASE_CLOSED',
        message: 'The case was closed meanwhile.',
      },
    ]);
    expect(outcome).toEqual({ caseIds: [c.id], attentionAdded: 1 });
    const [item] = t.store.attention();
    expect(item).toMatchObject({
      caseId: c.id,
      caseRef: c.ref,
      mutationName: 'case.reply',
      code: 'CASE_CLOSED',
      body: 'Eine Antwort, die der Server ablehnt',
      locale: 'de-DE',
    });
    const detail = t.store.caseDetail(c.id);
    expect(detail?.messages.some((m) => m.id === messageId)).toBe(false);
    expect(detail?.case.firstRepliedAt).toBe(c.firstRepliedAt);
    expect(detail?.case.tags).toContain('still_pending');
    expect(t.store.pendingMutations(10).map((m) => m.uuid)).toEqual([tag.mutationUuid]);
    expect(t.store.search('ablehnt', 10)).toEqual([]);
  });

  it('reopen_and_send sends the kept text again as a new reply; discard drops it', () => {
    const c = openCase();
    const reply = t.store.write('case.reply@1', {
      caseId: c.id,
      messageId: '20000000-0000-4000-8000-000000000005',
      body: 'Try again',
      locale: c.locale,
    });
    t.store.markResults([
      { mutationId: 1, uuid: reply.mutationUuid, status: 'rejected', code: 'FORBIDDEN', message: 'no access' },
    ]);
    const [item] = t.store.attention();
    if (!item) throw new Error('no item');
    const sent = t.store.resolveAttention(item.id, 'reopen_and_send');
    expect(sent?.caseId).toBe(c.id);
    expect(t.store.attention()).toEqual([]);
    const again = t.store.pendingMutations(10);
    expect(again.map((m) => m.name)).toEqual(['case.reply']);
    expect(again[0]?.id).toBe(2);
    expect(t.store.caseDetail(c.id)?.messages.some((m) => m.isPending && m.body === 'Try again')).toBe(true);
    expect(() => t.store.resolveAttention(item.id, 'discard')).toThrow(/already resolved/);
  });

  it('an applied reply redirected to another case moves the pending message there', () => {
    const [c, into] = t.data.cases.filter((x) => x.status === 'open' && t.isMine(x));
    if (!c || !into) throw new Error('need two open cases');
    const messageId = '20000000-0000-4000-8000-000000000006';
    const reply = t.store.write('case.reply@1', { caseId: c.id, messageId, body: 'Merged reply', locale: c.locale });
    t.store.markResults([{ mutationId: 1, uuid: reply.mutationUuid, status: 'applied', redirectedToCaseId: into.id }]);
    expect(t.store.caseDetail(into.id)?.messages.some((m) => m.id === messageId)).toBe(true);
    expect(t.store.caseDetail(c.id)?.messages.some((m) => m.id === messageId)).toBe(false);
  });
});

describe('bootstrap', () => {
  it('a snapshot goes current only on complete, keeps the outbox and re-applies it', () => {
    const c = openCase();
    t.store.write('case.addTag@1', { caseId: c.id, tag: 'offline_tag' });
    const generation = t.store.beginBootstrap();
    const snapshot = [c, ...t.data.cases.slice(0, 3).filter((x) => x.id !== c.id)];
    t.store.stageBootstrap(
      generation,
      snapshot.slice(0, 2).map((x) => ({ entity: 'case', entityId: x.id, version: x.version + 10, data: x })),
      'page-1',
    );
    expect(t.store.getSyncState().bootstrapPageToken).toBe('page-1');
    expect(t.store.caseCount()).toBe(t.data.cases.length);
    t.store.stageBootstrap(
      generation,
      snapshot.slice(2).map((x) => ({ entity: 'case', entityId: x.id, version: x.version + 10, data: x })),
      null,
    );
    t.store.completeBootstrap(generation, 'boot-cursor');
    expect(t.store.caseCount()).toBe(snapshot.length);
    expect(t.store.getSyncState()).toMatchObject({ generation, bootstrapGeneration: null, cursor: 'boot-cursor' });
    expect(t.store.caseDetail(c.id)?.case.tags).toContain('offline_tag');
    expect(t.store.pendingCount()).toBe(1);
    expect(t.store.verifyHash()).toEqual(
      independentHash(snapshot.map((x) => ({ entity: 'case', id: x.id, version: x.version + 10 }))),
    );
  });

  it('an interrupted or superseded bootstrap never touches current data', () => {
    const stale = t.store.beginBootstrap();
    t.store.stageBootstrap(stale, [{ entity: 'case', entityId: openCase().id, version: 99, data: openCase() }], 'p');
    const fresh = t.store.beginBootstrap();
    expect(fresh).toBeGreaterThan(stale);
    expect(() => t.store.completeBootstrap(stale, 'x')).toThrow(/not the one in progress/);
    expect(() =>
      t.store.stageBootstrap(fresh, [{ entity: 'case', entityId: 'x', version: 1, data: { nope: true } }], null),
    ).toThrow(StoreError);
    expect(t.store.verifyHash()).toEqual(independentHash(demoRows()));
    expect(t.sql.prepare('SELECT count(*) AS n FROM next_cases').get()).toEqual({ n: 0 });
  });

  it('swaps in a searchable generation with the pending replies, resuming after a restart', () => {
    const [c, other] = t.data.cases.filter((x) => x.status === 'open' && t.isMine(x));
    if (!c || !other) throw new Error('two open cases needed');
    const arrived = '20000000-0000-4000-8000-000000000010';
    const stillPending = '20000000-0000-4000-8000-000000000011';
    const { mutationUuid } = t.store.write('case.reply@1', {
      caseId: c.id,
      messageId: arrived,
      body: 'Ersatzteil unterwegs',
      locale: c.locale,
    });
    t.store.write('case.reply@1', {
      caseId: c.id,
      messageId: stillPending,
      body: 'Rückerstattung veranlasst',
      locale: c.locale,
    });
    const generation = t.store.beginBootstrap();
    // A row sent twice keeps the second copy, and only its text is found.
    t.store.stageBootstrap(
      generation,
      [
        { entity: 'case', entityId: c.id, version: 40, data: { ...c, subject: 'Zebrafink Lieferung' } },
        { entity: 'case', entityId: c.id, version: 41, data: { ...c, subject: 'Kolibri Lieferung 配送延迟' } },
      ],
      'page-1',
    );
    expect(t.store.search('Kolibri', 5)).toEqual([]);
    const store = t.reopen();
    expect(store.getSyncState()).toMatchObject({ bootstrapGeneration: generation, bootstrapPageToken: 'page-1' });
    store.stageBootstrap(
      generation,
      [
        { entity: 'case', entityId: other.id, version: 7, data: other },
        { entity: 'message', entityId: arrived, version: 2, data: serverMessage(c, arrived, 'Ersatzteil unterwegs') },
      ],
      null,
    );
    store.completeBootstrap(generation, 'boot-cursor');

    expect(store.caseCount()).toBe(2);
    expect(store.search('Zebrafink', 5)).toEqual([]);
    expect(store.search('Kolibri', 5).map((hit) => hit.row.id)).toEqual([c.id]);
    expect(store.search('延迟', 5).map((hit) => hit.row.id)).toEqual([c.id]);
    expect(store.search('Rückerstattung', 5).map((hit) => hit.row.id)).toEqual([c.id]);
    const messages = store.caseDetail(c.id)?.messages ?? [];
    expect(Object.fromEntries(messages.map((m) => [m.id, m.isPending]))).toEqual({
      [arrived]: false,
      [stillPending]: true,
    });
    // The arrived copy still answers a retried write of the same reply.
    expect(
      store.write('case.reply@1', { caseId: c.id, messageId: arrived, body: 'Ersatzteil unterwegs', locale: c.locale })
        .mutationUuid,
    ).toBe(mutationUuid);
    expect(store.verifyHash()).toEqual(
      independentHash([
        { entity: 'case', id: c.id, version: 41 },
        { entity: 'case', id: other.id, version: 7 },
        { entity: 'message', id: arrived, version: 2 },
      ]),
    );
    expect(t.sql.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'next_%'").get()).toEqual({
      n: 0,
    });
  });

  it('keeps the data text a row came with when it validates unchanged, refuses a page with a bad row whole, and leaves searchable indexes', () => {
    const [c, other] = t.data.cases.filter((x) => x.status === 'open' && t.isMine(x));
    if (!c || !other) throw new Error('two open cases needed');
    const message = serverMessage(c, '20000000-0000-4000-8000-000000000020', 'Paket kam beschädigt an');
    // PostgreSQL prints jsonb with spaces and its own key order; the text is kept as it came.
    const spaced = (value: object) => JSON.stringify(value, Object.keys(value).sort(), 1);
    const caseText = JSON.stringify({ ...c, subject: 'Wombat Lieferung' }, null, 1);
    const messageText = spaced(message);
    const { gender: _, ...name } = other.customer.name;
    const generation = t.store.beginBootstrap();
    expect(() =>
      t.store.stageBootstrap(
        generation,
        [
          { entity: 'case', entityId: c.id, version: 50, dataText: caseText },
          { entity: 'case', entityId: other.id, version: 9, dataText: `${JSON.stringify(other).slice(0, -1)},` },
        ],
        'page-1',
      ),
    ).toThrow(StoreError);
    expect(t.sql.prepare('SELECT count(*) AS n FROM next_cases').get()).toEqual({ n: 0 });
    expect(t.store.getSyncState().bootstrapPageToken).toBeNull();
    t.store.stageBootstrap(
      generation,
      [
        { entity: 'case', entityId: c.id, version: 50, dataText: caseText },
        {
          entity: 'case',
          entityId: other.id,
          version: 9,
          dataText: JSON.stringify({ ...other, customer: { ...other.customer, name } }),
        },
        { entity: 'message', entityId: message.id, version: 3, dataText: messageText },
      ],
      null,
    );
    t.store.completeBootstrap(generation, 'boot-cursor');

    const stored = (table: string, id: string) =>
      t.sql.prepare<[string], { data: string }>(`SELECT data FROM ${table} WHERE id = ?`).get(id)?.data;
    expect(stored('cases', c.id)).toBe(caseText);
    expect(stored('messages', message.id)).toBe(messageText);
    // A name without its gender gets zod's default, so that row is the serialized result.
    expect(t.store.caseDetail(other.id)?.case.customer.name.gender).toBe('unknown');
    expect(t.store.caseDetail(c.id)?.case).toEqual({ ...c, subject: 'Wombat Lieferung' });
    expect(t.store.caseDetail(c.id)?.messages).toEqual([{ ...message, isPending: false }]);
    // Found before the search indexes are built (searchBacklog.ts) and after.
    expect(t.store.searchBacklog()).toBeGreaterThan(0);
    expect(t.store.search('Wombat', 5).map((hit) => hit.row.id)).toEqual([c.id]);
    expect(t.store.search('beschädigt', 5).map((hit) => hit.row.id)).toEqual([c.id]);
    while (t.store.indexSearchBacklog(1_000) > 0);
    expect(t.store.search('Wombat', 5).map((hit) => hit.row.id)).toEqual([c.id]);
    expect(t.store.search('beschädigt', 5).map((hit) => hit.row.id)).toEqual([c.id]);
  });

  it('starts over a bootstrap it cannot resume: staged by an older version, or into tables changed since', () => {
    const generation = t.store.beginBootstrap();
    t.store.stageBootstrap(
      generation,
      [{ entity: 'case', entityId: openCase().id, version: 99, data: openCase() }],
      'page-1',
    );
    t.sql.exec('DROP TABLE next_cases');
    const store = t.reopen();
    expect(store.getSyncState()).toMatchObject({ bootstrapGeneration: generation, bootstrapPageToken: null });
    expect(t.sql.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'next_%'").get()).toEqual({
      n: 0,
    });
    const again = store.beginBootstrap();
    store.stageBootstrap(again, [{ entity: 'case', entityId: openCase().id, version: 99, data: openCase() }], 'page-1');
    t.sql.exec('ALTER TABLE cases ADD COLUMN later TEXT');
    expect(t.reopen().getSyncState()).toMatchObject({ bootstrapGeneration: again, bootstrapPageToken: null });
    expect(t.store.verifyHash()).toEqual(independentHash(demoRows()));
  });
});

describe('client identity', () => {
  it('CLIENT_STATE_CONFLICT: a new client id and the outbox renumbered from 1 in order', () => {
    const c = openCase();
    t.store.write('case.addTag@1', { caseId: c.id, tag: 'a' });
    t.store.write('case.addTag@1', { caseId: c.id, tag: 'b' });
    const uuids = t.store.pendingMutations(10).map((m) => m.uuid);
    t.store.markResults([{ mutationId: 1, uuid: uuids[0] ?? '', status: 'applied' }]);
    t.store.write('case.addTag@1', { caseId: c.id, tag: 'c' });
    expect(t.store.pendingMutations(10).map((m) => m.id)).toEqual([2, 3]);
    const state = t.store.resetClientIdentity('30000000-0000-4000-8000-000000000001');
    expect(state).toMatchObject({
      clientId: '30000000-0000-4000-8000-000000000001',
      lastMutationId: 0,
      nextMutationId: 3,
    });
    expect(t.store.pendingMutations(10).map((m) => [m.id, m.uuid])).toEqual([
      [1, uuids[1]],
      [2, expect.any(String)],
    ]);
  });
});

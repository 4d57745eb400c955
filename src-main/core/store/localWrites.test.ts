import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../../src-shared/contract/workstation';
import { refusal, TEST_NOW, tempStore, type TempStore } from './testStore';

let t: TempStore;
beforeEach(() => {
  t = tempStore(150);
});
afterEach(() => t.dispose());

function firstRow(where: (r: CaseRow) => boolean): CaseRow {
  const row = t.store.queue({ view: 'all', sort: 'age', limit: 500 }).rows.find((r) => t.isMine(r) && where(r));
  if (!row) throw new Error('no matching case in the demo set');
  return row;
}

/** Everything a refused write could have touched. */
function snapshot() {
  const db = t.sql;
  return {
    cases: db.prepare('SELECT id, data, has_pending FROM cases ORDER BY id').all(),
    shadow: db.prepare('SELECT * FROM case_shadow ORDER BY case_id').all(),
    outbox: db.prepare('SELECT * FROM outbox ORDER BY id').all(),
    messages: db.prepare('SELECT count(*) AS n FROM messages').get(),
    notes: db.prepare('SELECT count(*) AS n FROM notes').get(),
    fts: db.prepare('SELECT count(*) AS n FROM message_fts WHERE message_fts MATCH \'"Antwort"\'').get(),
    state: t.store.getSyncState(),
  };
}

describe('local writes', () => {
  it('reply: pending message, optimistic case and outbox row in one go, searchable at once', () => {
    const row = firstRow((r) => r.status === 'open');
    const messageId = '10000000-0000-4000-8000-000000000001';
    const { mutationUuid } = t.store.write('case.reply@1', {
      caseId: row.id,
      messageId,
      body: 'Antwort mit Rücksendeetikett',
      locale: 'de-DE',
    });
    const detail = t.store.caseDetail(row.id);
    const message = detail?.messages.find((m) => m.id === messageId);
    expect(message).toMatchObject({
      isPending: true,
      direction: 'outbound',
      deliveryState: 'queued',
      body: 'Antwort mit Rücksendeetikett',
    });
    expect(detail?.pendingMutationCount).toBe(1);
    const [envelope] = t.store.pendingMutations(10);
    expect(envelope).toMatchObject({
      id: 1,
      uuid: mutationUuid,
      name: 'case.reply',
      v: 1,
      clientTime: '2026-11-25T12:00:00.000Z',
    });
    expect(envelope?.base.caseVersion).toBe(t.data.cases.find((c) => c.id === row.id)?.version);
    expect(
      t.store.queue({ view: 'all', sort: 'age', limit: 500 }).rows.find((r) => r.id === row.id)?.hasPendingChanges,
    ).toBe(true);
    expect(t.store.search('Rücksendeetikett', 50).some((h) => h.row.id === row.id)).toBe(true);
  });

  it('reply is idempotent by message id: a retried send returns the first write', () => {
    const row = firstRow((r) => r.status === 'open');
    const args = { caseId: row.id, messageId: '10000000-0000-4000-8000-000000000002', body: 'Hello', locale: 'en' };
    const first = t.store.write('case.reply@1', args);
    const again = t.store.write('case.reply@1', args);
    expect(again).toEqual(first);
    expect(t.store.pendingCount()).toBe(1);
    const other = firstRow((r) => r.id !== row.id && r.status === 'open');
    expect(refusal(() => t.store.write('case.reply@1', { ...args, caseId: other.id })).code).toBe('DUPLICATE_ID');
  });

  it('note, status, tags and take each change the case and queue one mutation, ids without gaps', () => {
    const row = firstRow((r) => (r.status === 'open' || r.status === 'new') && r.assigneeId === null);
    t.store.write('case.addNote@1', {
      caseId: row.id,
      noteId: '10000000-0000-4000-8000-000000000003',
      body: 'Checked with the warehouse.',
    });
    t.store.write('case.addTag@1', { caseId: row.id, tag: 'vip' });
    t.store.write('case.removeTag@1', { caseId: row.id, tag: 'vip' });
    t.store.write('case.addTag@1', { caseId: row.id, tag: 'fragile' });
    t.store.write('case.setStatus@1', { caseId: row.id, to: 'pending_customer' });
    t.store.write('case.take@1', { caseId: row.id });
    const detail = t.store.caseDetail(row.id);
    expect(detail?.case.tags).toContain('fragile');
    expect(detail?.case.tags).not.toContain('vip');
    expect(detail?.case.status).toBe('pending_customer');
    expect(detail?.case.statusChangedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(detail?.case.assigneeId).toBe(t.store.getSyncState().userId);
    expect(detail?.notes.find((n) => n.isPending)?.body).toBe('Checked with the warehouse.');
    expect(t.store.pendingMutations(50).map((m) => `${m.id}:${m.name}`)).toEqual([
      '1:case.addNote',
      '2:case.addTag',
      '3:case.removeTag',
      '4:case.addTag',
      '5:case.setStatus',
      '6:case.take',
    ]);
    expect(t.store.queue({ view: 'pending_customer', sort: 'sla', limit: 100 }).rows.map((r) => r.id)).toContain(
      row.id,
    );
  });

  it('bad input and refused writes change nothing', () => {
    const open = firstRow((r) => r.status === 'open');
    const closed = firstRow((r) => r.status === 'closed');
    const before = snapshot();
    expect(
      refusal(() => t.store.write('case.reply@1', { caseId: open.id, messageId: 'nope', body: 'x', locale: 'en' }))
        .code,
    ).toBe('INVALID_ARGS');
    expect(
      refusal(() =>
        t.store.write('case.reply@1', {
          caseId: open.id,
          messageId: '10000000-0000-4000-8000-000000000004',
          body: '   ',
          locale: 'en',
        }),
      ).code,
    ).toBe('INVALID_ARGS');
    expect(refusal(() => t.store.write('case.addTag@1', { caseId: open.id, tag: 'two words' })).code).toBe(
      'INVALID_ARGS',
    );
    expect(refusal(() => t.store.write('case.setStatus@1', { caseId: open.id, to: 'closed' })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      refusal(() =>
        t.store.write('case.reply@1', {
          caseId: closed.id,
          messageId: '10000000-0000-4000-8000-000000000005',
          body: 'Antwort',
          locale: 'de-DE',
        }),
      ).code,
    ).toBe('CASE_CLOSED');
    expect(
      refusal(() => t.store.write('case.addTag@1', { caseId: '10000000-0000-4000-8000-0000000000ff', tag: 'x' })).code,
    ).toBe('NOT_FOUND');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a reply to a solved case as the server does (CASE_CLOSED), changing nothing', () => {
    const solved = firstRow((r) => r.status === 'solved');
    const before = snapshot();
    const error = refusal(() =>
      t.store.write('case.reply@1', {
        caseId: solved.id,
        messageId: '10000000-0000-4000-8000-000000000007',
        body: 'One more thing',
        locale: 'en',
      }),
    );
    expect(error.code).toBe('CASE_CLOSED');
    expect(snapshot()).toEqual(before);
  });

  it('opens a new case with a reply, as the server does', () => {
    const fresh = firstRow((r) => r.status === 'new');
    t.store.write('case.reply@1', {
      caseId: fresh.id,
      messageId: '10000000-0000-4000-8000-000000000008',
      body: 'Thank you for writing',
      locale: 'en',
    });
    expect(t.store.caseDetail(fresh.id)?.case).toMatchObject({
      status: 'open',
      statusChangedAt: TEST_NOW,
      firstRepliedAt: TEST_NOW,
    });
  });

  it('bulk saves what it can and lists the refusals, in one transaction', () => {
    const open = firstRow((r) => r.status === 'open');
    const closed = firstRow((r) => r.status === 'closed');
    const outcome = t.store.bulk([open.id, closed.id], (caseId) => ['case.setStatus@1', { caseId, to: 'solved' }]);
    expect(outcome.applied).toEqual([open.id]);
    expect(outcome.refused).toEqual([
      {
        caseId: closed.id,
        code: 'INVALID_TRANSITION',
        message: expect.stringContaining('closed'),
        reason: { key: 'status_transition', params: { from: 'closed', to: 'solved' } },
      },
    ]);
    expect(t.store.pendingMutations(10).map((m) => m.id)).toEqual([1]);
    expect(t.store.caseDetail(closed.id)?.case.status).toBe('closed');
  });
});

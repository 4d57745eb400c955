import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '../../../src-shared/domain/case';
import type { Change } from '../../../src-shared/sync/protocol';
import { tempStore, type TempStore } from '../store/testStore';
import { createNotifier, SLA_WARNING_AHEAD_MS } from './notifier';
import type { EventName, EventPayload } from '../../../src-shared/contract/workstation';

let t: TempStore;
let seq = 0;
let notified: EventPayload<'notify'>[];
const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
  if (event === 'notify') notified.push(payload as EventPayload<'notify'>);
};

beforeEach(() => {
  t = tempStore(120);
  notified = [];
});
afterEach(() => t.dispose());

function me(): string {
  const user = t.store.currentUser();
  if (!user) throw new Error('no agent signed in');
  return user.id;
}

function upsert(entity: Change['entity'], data: { id: string }, version: number): Change {
  return { seq: ++seq, entity, entityId: data.id, op: 'upsert', version, data };
}

/** A team-unassigned case the server now assigns to the agent, with the assignment event by `actorId`. */
function assignFromServer(actorId: string): Case {
  const unassigned = t.store.queue({ view: 'team_unassigned', sort: 'age', limit: 1 }).rows[0];
  if (!unassigned) throw new Error('demo has no unassigned case');
  const original = t.store.caseDetail(unassigned.id)?.case;
  if (!original) throw new Error('case vanished');
  const assigned: Case = {
    ...original,
    assigneeId: me(),
    version: original.version + 1,
    assigneeVersion: original.assigneeVersion + 1,
  };
  const event: CaseEvent = {
    id: '30000000-0000-4000-8000-00000000000' + String(seq % 10),
    caseId: original.id,
    kind: 'assigned',
    actorId,
    at: new Date(t.clock.now()).toISOString(),
    data: { to: me() },
  };
  t.store.applyServerChanges(
    [upsert('case', assigned, assigned.version), upsert('case_event', event, 1)],
    `cursor-${seq}`,
  );
  return assigned;
}

describe('notifier', () => {
  it('tells the agent about a case a supervisor assigned to them, once', () => {
    const notifier = createNotifier(t.store, t.clock, emit);
    const supervisor = t.data.users.find((user) => user.role === 'supervisor');
    const assigned = assignFromServer(supervisor?.id ?? '');
    notifier.serverChanged();
    notifier.serverChanged();
    expect(notified).toEqual([{ kind: 'case_assigned', caseId: assigned.id }]);
  });

  it('treats a bootstrap as a new baseline, not as news', () => {
    const notifier = createNotifier(t.store, t.clock, emit);
    const supervisor = t.data.users.find((user) => user.role === 'supervisor');
    assignFromServer(supervisor?.id ?? '');
    notifier.serverChanged(true);
    notifier.serverChanged();
    expect(notified).toEqual([]);
  });

  it('stays quiet when the case became theirs by their own take', () => {
    const notifier = createNotifier(t.store, t.clock, emit);
    assignFromServer(me());
    notifier.serverChanged();
    expect(notified).toEqual([]);
  });

  it('warns once per case nearing its deadline and again when it is breached, in server time', () => {
    const notifier = createNotifier(t.store, t.clock, emit);
    const next = t.store
      .queue({ view: 'mine', sort: 'sla', limit: 50 })
      .rows.find((row) => row.slaDueAt !== null && row.status !== 'pending_customer' && row.status !== 'on_hold');
    if (!next?.slaDueAt) throw new Error('demo agent has no case with a deadline');
    const due = Date.parse(next.slaDueAt);

    // The laptop clock is two hours behind the server: server time is what counts.
    t.store.setSyncState({ serverOffsetMs: 2 * 60 * 60 * 1000 });
    t.clock.set(new Date(due - SLA_WARNING_AHEAD_MS - 3 * 60 * 60 * 1000).toISOString());
    notifier.checkSla();
    expect(notified.filter((n) => n.caseId === next.id)).toEqual([]);

    t.clock.set(new Date(due - 2 * 60 * 60 * 1000 - 10 * 60 * 1000).toISOString());
    notifier.checkSla();
    notifier.checkSla();
    expect(notified.filter((n) => n.caseId === next.id)).toEqual([{ kind: 'sla_warning', caseId: next.id }]);

    t.clock.set(new Date(due - 2 * 60 * 60 * 1000 + 1000).toISOString());
    notifier.checkSla();
    expect(notified.filter((n) => n.caseId === next.id)).toEqual([
      { kind: 'sla_warning', caseId: next.id },
      { kind: 'sla_breached', caseId: next.id },
    ]);
  });

  it('tells the agent once about each refused reply, not about refused notes or items from before the start', () => {
    const [first, second] = t.store.queue({ view: 'mine', sort: 'age', limit: 2 }).rows;
    if (!first || !second) throw new Error('demo agent has fewer than two cases');
    const earlier = t.store.write('case.reply@1', {
      caseId: first.id,
      messageId: '20000000-0000-4000-8000-000000000011',
      body: 'Before the start',
      locale: 'en-GB',
    });
    t.store.markResults([
      { mutationId: 1, uuid: earlier.mutationUuid, status: 'rejected', code: 'FORBIDDEN', message: 'no access' },
    ]);
    const notifier = createNotifier(t.store, t.clock, emit);

    const reply = t.store.write('case.reply@1', {
      caseId: second.id,
      messageId: '20000000-0000-4000-8000-000000000012',
      body: 'Refused now',
      locale: 'en-GB',
    });
    const note = t.store.write('case.addNote@1', {
      caseId: second.id,
      noteId: '20000000-0000-4000-8000-000000000013',
      body: 'A refused note',
    });
    t.store.markResults([
      { mutationId: 2, uuid: reply.mutationUuid, status: 'rejected', code: 'CASE_CLOSED', message: 'closed' },
      { mutationId: 3, uuid: note.mutationUuid, status: 'rejected', code: 'FORBIDDEN', message: 'no access' },
    ]);
    notifier.attentionChanged();
    notifier.attentionChanged();
    expect(notified).toEqual([{ kind: 'reply_rejected', caseId: second.id }]);
  });
});

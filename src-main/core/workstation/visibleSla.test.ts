import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../src-shared/contract/workstation';
import type { Case, CaseEvent } from '../../../src-shared/domain/case';
import {
  DEFAULT_SLA_POLICIES,
  evaluateSla,
  marketCalendar,
  selectSlaPolicy,
  slaTimelineFromCase,
  type SlaState,
} from '../../../src-shared/sla';
import { withVisibleStatus } from '../../../src-shared/sla/optimisticTimeline';
import type { Change } from '../../../src-shared/sync/protocol';
import { sequentialIds, tempStore, type TempStore } from '../store/testStore';
import { createWorkstation, type Workstation } from './createWorkstation';

let t: TempStore;
let ws: Workstation;
beforeEach(() => {
  t = tempStore(200);
  ws = createWorkstation({ store: t.store, clock: t.clock, ids: sequentialIds('a') });
});
afterEach(() => t.dispose());

async function ok<T>(
  promise: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The states of the case's SLA targets as the case view evaluates them: server history plus unsent status. */
function targetStates(detail: CaseDetail): SlaState[] {
  const c = detail.case;
  const team = t.store.teams().find((candidate) => candidate.id === c.teamId);
  if (!team) throw new Error('no team');
  const server = slaTimelineFromCase({
    createdAt: c.createdAt,
    events: detail.events,
    messages: detail.messages.filter((m) => !m.isPending),
  });
  const timeline =
    detail.pendingMutationCount > 0
      ? withVisibleStatus(
          server,
          c,
          t.store.getSyncState().serverOffsetMs,
          t.clock.now() + t.store.getSyncState().serverOffsetMs,
        )
      : server;
  const policy = selectSlaPolicy(DEFAULT_SLA_POLICIES, {
    caseType: c.type,
    priority: c.priority,
    market: c.customer.market,
  });
  const calendars = {
    team: {
      id: team.id,
      timeZone: team.timeZone,
      weeklyHours: team.weeklyHours,
      holidayMarket: team.holidayMarket,
      closedDates: [],
    },
    customer: marketCalendar(c.customer.market),
  };
  return evaluateSla(timeline, policy, calendars, t.clock.now() + t.store.getSyncState().serverOffsetMs, {
    events: false,
    explain: false,
  })
    .targets.filter((target) => target.state !== 'achieved' && target.state !== 'cancelled')
    .map((target) => target.state);
}

function detail(caseId: string): CaseDetail {
  const found = t.store.caseDetail(caseId);
  if (!found) throw new Error('case vanished');
  return found;
}

async function row(caseId: string) {
  const page = await ok(ws.call('cases:list', { view: 'all', limit: 500 }));
  const found = page.rows.find((r) => r.id === caseId);
  if (!found) throw new Error('row not listed');
  return found;
}

/** A case of the given status with at least one target still counting (or paused) on the server. */
function caseWith(status: Case['status']): Case {
  const found = t.data.cases.find((c) => c.status === status && t.isMine(c) && targetStates(detail(c.id)).length > 0);
  if (!found) throw new Error(`demo has no ${status} case with a running target`);
  return found;
}

let seq = 0;
function serverAccepts(caseId: string, to: Case['status'], mutationUuid: string): void {
  const canonical = t.store.caseDetail(caseId)?.case;
  if (!canonical) throw new Error('case vanished');
  const at = new Date(t.clock.now()).toISOString();
  const updated: Case = { ...canonical, status: to, statusChangedAt: at, version: canonical.version + 1 };
  const event: CaseEvent = {
    id: `70000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
    caseId,
    kind: 'status_changed',
    actorId: null,
    at,
    data: { from: 'open', to },
  };
  const changes: Change[] = [
    { seq, entity: 'case', entityId: caseId, op: 'upsert', version: updated.version, data: updated },
    { seq, entity: 'case_event', entityId: event.id, op: 'upsert', version: 1, data: event },
  ];
  t.store.markResults([
    { mutationId: t.store.getSyncState().lastMutationId + 1, uuid: mutationUuid, status: 'applied' },
  ]);
  t.store.applyServerChanges(changes, `cursor-${seq}`);
}

describe('SLA of a status set offline', () => {
  it('pauses at once while waiting on the customer and stays paused when the server agrees', async () => {
    const open = caseWith('open');
    expect(targetStates(detail(open.id))).not.toContain('paused');
    t.clock.advance(60_000);
    const { mutationUuid } = await ok(ws.call('cases:setStatus', { caseId: open.id, to: 'pending_customer' }));

    expect(targetStates(detail(open.id)).every((state) => state === 'paused')).toBe(true);
    expect(await row(open.id)).toMatchObject({ status: 'pending_customer', slaDueAt: null, hasPendingChanges: true });

    serverAccepts(open.id, 'pending_customer', mutationUuid);
    t.clock.advance(1_000);
    expect(detail(open.id).pendingMutationCount).toBe(0);
    expect(targetStates(detail(open.id)).every((state) => state === 'paused')).toBe(true);
  });

  it('goes back to counting when the server rejects the change', async () => {
    const open = caseWith('open');
    const before = targetStates(detail(open.id));
    const { mutationUuid } = await ok(ws.call('cases:setStatus', { caseId: open.id, to: 'on_hold' }));
    expect(targetStates(detail(open.id)).every((state) => state === 'paused')).toBe(true);

    t.store.markResults([
      {
        mutationId: 1,
        uuid: mutationUuid,
        status: 'rejected',
        code: 'INVALID_TRANSITION',
        message: 'The case moved on.',
      },
    ]);
    expect(detail(open.id).case.status).toBe('open');
    expect(targetStates(detail(open.id))).toEqual(before);
    expect((await row(open.id)).slaDueAt).toBe(open.slaDueAt);
  });

  it('gives a case resumed offline a running countdown in the queue at once', async () => {
    const waiting = caseWith('pending_customer');
    expect(targetStates(detail(waiting.id)).every((state) => state === 'paused')).toBe(true);
    expect((await row(waiting.id)).slaDueAt).toBeNull();

    t.clock.advance(5 * 60_000);
    await ok(ws.call('cases:setStatus', { caseId: waiting.id, to: 'open' }));
    const states = targetStates(detail(waiting.id));
    expect(states).not.toContain('paused');
    const resumed = await row(waiting.id);
    expect(resumed.status).toBe('open');
    expect(resumed.slaDueAt).not.toBeNull();
    const hits = await ok(ws.call('cases:search', { text: waiting.ref }));
    expect(hits.find((hit) => hit.row.id === waiting.id)?.row.slaDueAt).toBe(resumed.slaDueAt);
  });

  it('leaves rows without unsent changes exactly as the server sent them', async () => {
    const page = await ok(ws.call('cases:list', { view: 'all', limit: 200 }));
    for (const listed of page.rows)
      expect(listed.slaDueAt).toBe(t.data.cases.find((c) => c.id === listed.id)?.slaDueAt);
  });
});

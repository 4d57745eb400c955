import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo';
import type { Case } from '../domain/case';
import { expireLease, PIN_LIMIT, pinUntil, runCaseRule, type Actor, type RuleContext } from './index';
import { testRuleContext } from './testRuleContext';

const NOW = '2026-11-25T12:00:00.000Z';
const base = generateDemoData({ seed: 5, cases: 5, now: NOW }).cases[0];
if (!base) throw new Error('no demo case');
const TEAM = base.teamId;
const agent: Actor = { id: 'a0000000-0000-4000-8000-000000000001', role: 'agent', teamIds: [TEAM] };
const other: Actor = { id: 'a0000000-0000-4000-8000-000000000002', role: 'agent', teamIds: [TEAM] };
const supervisor: Actor = { id: 'a0000000-0000-4000-8000-000000000003', role: 'supervisor', teamIds: [TEAM] };

const caseOf = (change: Partial<Case>): Case => ({
  ...base,
  assigneeId: agent.id,
  status: 'open',
  mergedIntoId: null,
  slaDueAt: '2026-11-26T12:00:00.000Z',
  version: 3,
  assigneeVersion: 2,
  ...change,
});

const ctx = (actor: Actor, more: Partial<RuleContext> = {}): RuleContext =>
  testRuleContext(actor, NOW, [agent.id, other.id], more);

describe('lease rules', () => {
  it('lets only the assignee pin, up to the limit, until 8 h or the due time less 30 min', () => {
    const c = caseOf({});
    expect(runCaseRule('case.pin@1', c, { caseId: c.id }, ctx(other))).toMatchObject({
      status: 'refused',
      refusal: { code: 'FORBIDDEN', reason: { key: 'pin_not_assignee' } },
    });
    expect(runCaseRule('case.pin@1', c, { caseId: c.id }, ctx(supervisor))).toMatchObject({ status: 'refused' });
    const full = ctx(agent, { pinnedCaseCount: () => PIN_LIMIT });
    expect(runCaseRule('case.pin@1', c, { caseId: c.id }, full)).toMatchObject({
      refusal: { reason: { key: 'pin_limit_reached', params: { limit: PIN_LIMIT } } },
    });
    const outcome = runCaseRule('case.pin@1', c, { caseId: c.id }, ctx(agent));
    expect(outcome).toMatchObject({
      status: 'applied',
      cases: [{ heldOffline: { by: agent.id, until: '2026-11-25T20:00:00.000Z' }, version: 4 }],
    });
    expect(pinUntil(caseOf({ slaDueAt: '2026-11-25T13:00:00.000Z' }), NOW)).toBe('2026-11-25T12:30:00.000Z');
    expect(pinUntil(caseOf({ slaDueAt: '2026-11-25T12:20:00.000Z' }), NOW)).toBeNull();
  });

  it('returns an expired lease to the queue without an actor, and leaves a live pin alone', () => {
    const pinned = caseOf({ heldOffline: { by: agent.id, until: '2026-11-25T13:00:00.000Z' } });
    expect(expireLease(pinned, NOW)).toMatchObject({ status: 'applied', cases: [] });
    const outcome = expireLease(pinned, '2026-11-25T13:00:00.000Z');
    expect(outcome).toMatchObject({
      status: 'applied',
      cases: [{ assigneeId: null, assigneeVersion: 3, heldOffline: null, version: 4 }],
      events: [{ kind: 'assigned', actorId: null, data: { from: agent.id, to: null, reason: 'lease_expired' } }],
    });
    expect(expireLease(caseOf({ status: 'solved' }), NOW)).toMatchObject({ cases: [] });
  });

  it('lets a supervisor, not an agent, break a lease; a reassignment ends the pin', () => {
    const pinned = caseOf({ heldOffline: { by: agent.id, until: '2026-11-25T13:00:00.000Z' } });
    expect(runCaseRule('case.breakLease@1', pinned, { caseId: pinned.id }, ctx(agent))).toMatchObject({
      refusal: { reason: { key: 'lease_supervisor_only' } },
    });
    expect(runCaseRule('case.breakLease@1', pinned, { caseId: pinned.id }, ctx(supervisor))).toMatchObject({
      cases: [{ assigneeId: null, heldOffline: null }],
      events: [{ actorId: supervisor.id, data: { reason: 'lease_broken' } }],
    });
    expect(runCaseRule('case.assign@1', pinned, { caseId: pinned.id, to: other.id }, ctx(supervisor))).toMatchObject({
      cases: [{ assigneeId: other.id, heldOffline: null }],
    });
    expect(runCaseRule('case.unpin@1', pinned, { caseId: pinned.id }, ctx(agent))).toMatchObject({
      cases: [{ assigneeId: agent.id, heldOffline: null }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo';
import type { Case } from '../domain/case';
import { runCaseRule, type Actor, type RuleContext } from './index';
import { testRuleContext } from './testRuleContext';

const NOW = '2026-11-25T12:00:00.000Z';
const data = generateDemoData({ seed: 3, cases: 60, now: NOW });
const TEAM = data.teams[0]?.id ?? '';
const base = data.cases[0];
if (!base) throw new Error('no demo case');
const agent: Actor = { id: 'a0000000-0000-4000-8000-000000000001', role: 'agent', teamIds: [TEAM] };
const stranger: Actor = { id: 'a0000000-0000-4000-8000-000000000002', role: 'agent', teamIds: ['other-team'] };
const supervisor: Actor = { id: 'a0000000-0000-4000-8000-000000000003', role: 'supervisor', teamIds: [TEAM] };

function caseOf(change: Partial<Case>): Case {
  return { ...base!, teamId: TEAM, assigneeId: agent.id, mergedIntoId: null, tags: [], ...change };
}

const ctx = (actor: Actor, more: Partial<RuleContext> = {}): RuleContext =>
  testRuleContext(actor, NOW, [agent.id, supervisor.id], more);

const reply = (caseId: string) => ({
  caseId,
  messageId: 'b0000000-0000-4000-8000-000000000001',
  body: 'Hello',
  locale: 'en',
});

describe('shared case rules', () => {
  it('checks permission before a duplicate id can answer applied', () => {
    const c = caseOf({ status: 'open' });
    const outcome = runCaseRule('case.reply@1', c, reply(c.id), ctx(stranger, { isDuplicate: true }));
    expect(outcome).toMatchObject({ status: 'refused', refusal: { code: 'FORBIDDEN' } });
    expect(runCaseRule('case.reply@1', c, reply(c.id), ctx(agent, { isDuplicate: true }))).toMatchObject({
      status: 'applied',
      cases: [],
      messages: [],
    });
  });

  it('refuses a reply to a solved case and opens a new one with a single version bump', () => {
    const solved = caseOf({ status: 'solved' });
    expect(runCaseRule('case.reply@1', solved, reply(solved.id), ctx(agent))).toMatchObject({
      status: 'refused',
      refusal: { code: 'CASE_CLOSED', reason: { key: 'case_done', params: { status: 'solved' } } },
    });
    const fresh = caseOf({ status: 'new', firstRepliedAt: null, version: 4 });
    const outcome = runCaseRule('case.reply@1', fresh, reply(fresh.id), ctx(agent));
    if (outcome.status !== 'applied') throw new Error('refused');
    expect(outcome.cases).toEqual([
      { ...fresh, status: 'open', statusChangedAt: NOW, firstRepliedAt: NOW, version: 5, updatedAt: NOW },
    ]);
    expect(outcome.events.map((event) => event.kind)).toEqual(['status_changed']);
  });

  it('changes nothing for a status the case has, a tag it has, or a value a field has', () => {
    const c = caseOf({ status: 'open', tags: ['vip'], priority: 'high' });
    for (const outcome of [
      runCaseRule('case.setStatus@1', c, { caseId: c.id, to: 'open' }, ctx(agent)),
      runCaseRule('case.addTag@1', c, { caseId: c.id, tag: 'vip' }, ctx(agent)),
      runCaseRule('case.setField@1', c, { caseId: c.id, field: 'priority', value: 'high' }, ctx(agent)),
    ])
      expect(outcome).toEqual({ status: 'applied', cases: [], messages: [], notes: [], events: [] });
  });

  it('lets only a supervisor assign, only to a member, and an agent take only an unassigned case', () => {
    const c = caseOf({ status: 'open', assigneeId: null, assigneeVersion: 2 });
    expect(runCaseRule('case.assign@1', c, { caseId: c.id, to: agent.id }, ctx(agent))).toMatchObject({
      refusal: { code: 'FORBIDDEN', reason: { key: 'assign_supervisor_only' } },
    });
    expect(runCaseRule('case.assign@1', c, { caseId: c.id, to: stranger.id }, ctx(supervisor))).toMatchObject({
      refusal: { code: 'INVALID_ARGS', reason: { key: 'assignee_not_in_team' } },
    });
    const taken = runCaseRule('case.take@1', c, { caseId: c.id }, ctx(agent, { base: { assigneeVersion: 2 } }));
    expect(taken).toMatchObject({ status: 'applied', cases: [{ assigneeId: agent.id, assigneeVersion: 3 }] });
    const late = runCaseRule('case.take@1', c, { caseId: c.id }, ctx(agent, { base: { assigneeVersion: 1 } }));
    expect(late).toMatchObject({ refusal: { code: 'ASSIGNMENT_CHANGED' } });
  });

  it('follows a merge to the surviving case, and refuses a broken chain as NOT_FOUND', () => {
    const into = caseOf({ status: 'open', id: 'c0000000-0000-4000-8000-000000000009' });
    const merged = caseOf({ status: 'closed', mergedIntoId: into.id });
    const outcome = runCaseRule(
      'case.reply@1',
      merged,
      reply(merged.id),
      ctx(agent, { caseById: (id) => (id === into.id ? into : undefined) }),
    );
    expect(outcome).toMatchObject({ status: 'applied', redirectedToCaseId: into.id, messages: [{ caseId: into.id }] });
    expect(runCaseRule('case.reply@1', merged, reply(merged.id), ctx(agent))).toMatchObject({
      refusal: { code: 'NOT_FOUND' },
    });
  });

  it('merges into a target the desk does not hold by closing its own case; the server refuses a missing one', () => {
    const source = caseOf({ status: 'open' });
    const args = { caseId: source.id, intoId: 'c0000000-0000-4000-8000-00000000000f' };
    const onDesk = runCaseRule('case.merge@1', source, args, ctx(supervisor, { holdsEveryCase: false }));
    if (onDesk.status !== 'applied') throw new Error(`refused on the desk: ${JSON.stringify(onDesk)}`);
    expect(onDesk.cases).toEqual([
      {
        ...source,
        status: 'closed',
        statusChangedAt: NOW,
        mergedIntoId: args.intoId,
        version: source.version + 1,
        updatedAt: NOW,
      },
    ]);
    expect(onDesk.events.map((event) => [event.caseId, event.kind])).toEqual([
      [source.id, 'status_changed'],
      [source.id, 'merged'],
    ]);
    expect(runCaseRule('case.merge@1', source, args, ctx(supervisor))).toMatchObject({
      status: 'refused',
      refusal: { code: 'NOT_FOUND' },
    });
    // Not knowing the target does not let an agent past the permission check.
    expect(runCaseRule('case.merge@1', source, args, ctx(agent, { holdsEveryCase: false }))).toMatchObject({
      status: 'refused',
      refusal: { code: 'FORBIDDEN' },
    });
  });

  it('reassigns from the console (assign@2) with the reason on the event, refusing a case changed meanwhile, done, or outside the teams', () => {
    const c = caseOf({ status: 'open', assigneeId: agent.id, assigneeVersion: 4 });
    const seen = { base: { assigneeVersion: 4 } };
    const moved = runCaseRule(
      'case.assign@2',
      c,
      { caseId: c.id, to: null, reason: 'On leave' },
      ctx(supervisor, seen),
    );
    expect(moved).toMatchObject({
      status: 'applied',
      cases: [{ assigneeId: null, assigneeVersion: 5 }],
      events: [{ kind: 'assigned', data: { from: agent.id, to: null, reason: 'On leave' } }],
    });
    const stale = runCaseRule(
      'case.assign@2',
      c,
      { caseId: c.id, to: null },
      ctx(supervisor, { base: { assigneeVersion: 3 } }),
    );
    expect(stale).toMatchObject({
      refusal: { code: 'ASSIGNMENT_CHANGED', reason: { key: 'assignment_changed_meanwhile' } },
    });
    const done = caseOf({ status: 'solved', assigneeId: agent.id, assigneeVersion: 4 });
    expect(runCaseRule('case.assign@2', done, { caseId: c.id, to: null }, ctx(supervisor, seen))).toMatchObject({
      refusal: { code: 'CASE_CLOSED', reason: { key: 'case_done' } },
    });
    const elsewhere: Actor = { ...supervisor, teamIds: ['other-team'] };
    expect(runCaseRule('case.assign@2', c, { caseId: c.id, to: null }, ctx(elsewhere, seen))).toMatchObject({
      refusal: { code: 'FORBIDDEN', reason: { key: 'outside_supervisor_teams' } },
    });
    expect(runCaseRule('case.assign@2', c, { caseId: c.id, to: null }, ctx(agent, seen))).toMatchObject({
      refusal: { code: 'FORBIDDEN', reason: { key: 'assign_supervisor_only' } },
    });
    expect(runCaseRule('case.assign@2', c, { caseId: c.id, to: stranger.id }, ctx(supervisor, seen))).toMatchObject({
      refusal: { code: 'INVALID_ARGS', reason: { key: 'assignee_not_in_team' } },
    });
    // Already where it was sent: nothing to do, even when the versions moved meanwhile.
    expect(runCaseRule('case.assign@2', c, { caseId: c.id, to: agent.id }, ctx(supervisor))).toMatchObject({
      status: 'applied',
      cases: [],
    });
  });
});

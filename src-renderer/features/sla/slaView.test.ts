import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../src-shared/contract/workstation';
import { generateDemoData } from '../../../src-shared/demo/index';
import { slaPanelModel, slaTimelineFor } from './slaView';

const NOW = '2026-11-25T08:00:00.000Z';
const demo = generateDemoData({ seed: 20261125, cases: 400, now: NOW });

function detailOf(index: number): CaseDetail {
  const record = demo.cases[index];
  if (record === undefined) throw new Error('demo too small');
  return {
    case: record,
    messages: demo.messages
      .filter((message) => message.caseId === record.id)
      .map((message) => ({ ...message, isPending: false })),
    notes: [],
    events: demo.events.filter((event) => event.caseId === record.id),
    pendingMutationCount: 0,
  };
}

describe('slaPanelModel', () => {
  it('evaluates every demo case with the team calendar and gives a deadline to each running target', () => {
    for (let index = 0; index < demo.cases.length; index += 1) {
      const model = slaPanelModel(detailOf(index), demo.teams, Date.parse(NOW));
      if (model.kind !== 'ready') throw new Error('no team');
      expect(model.targets.length).toBeGreaterThan(0);
      for (const target of model.targets) {
        if (target.state === 'active' || target.state === 'warning' || target.state === 'breached')
          expect(target.dueAt).not.toBeNull();
        expect(target.explanation?.summary.length).toBeGreaterThan(0);
      }
    }
  });

  it('does not let a reply still waiting in the outbox satisfy the first-reply target', () => {
    const detail = detailOf(0);
    const agentReply = {
      ...detail.messages[0]!,
      id: '0190e4a6-0000-7000-8000-0000000000ff',
      direction: 'outbound' as const,
      authorKind: 'agent' as const,
      createdAt: NOW,
      writtenAt: NOW,
    };
    const pending = slaTimelineFor({ ...detail, messages: [...detail.messages, { ...agentReply, isPending: true }] });
    const sent = slaTimelineFor({ ...detail, messages: [...detail.messages, { ...agentReply, isPending: false }] });
    expect(sent.messages.length).toBe(pending.messages.length + 1);
  });

  it('pauses at once for a status change still in the outbox, and counts again once it is gone', () => {
    const index = demo.cases.findIndex(
      (c, i) =>
        c.status === 'open' &&
        (() => {
          const model = slaPanelModel(detailOf(i), demo.teams, Date.parse(NOW));
          return (
            model.kind === 'ready' &&
            model.targets.some((target) => target.state === 'active' || target.state === 'warning')
          );
        })(),
    );
    const detail = detailOf(index);
    const offline: CaseDetail = {
      ...detail,
      case: { ...detail.case, status: 'pending_customer', statusChangedAt: NOW },
      pendingMutationCount: 1,
    };
    const states = (d: CaseDetail) => {
      const model = slaPanelModel(d, demo.teams, Date.parse(NOW), 0);
      return model.kind === 'ready'
        ? model.targets.filter((target) => target.state !== 'achieved').map((target) => target.state)
        : [];
    };
    expect(states(detail)).not.toContain('paused');
    expect(states(offline).length).toBeGreaterThan(0);
    expect(states(offline).every((state) => state === 'paused')).toBe(true);
    // The laptop clock is an hour ahead of the server: the pause still starts no later than server now.
    const ahead: CaseDetail = {
      ...offline,
      case: { ...offline.case, statusChangedAt: new Date(Date.parse(NOW) + 3_600_000).toISOString() },
    };
    expect(states(ahead).every((state) => state === 'paused')).toBe(true);
  });

  it('says so when there is no team to take a calendar from', () => {
    expect(slaPanelModel(detailOf(0), [], Date.parse(NOW))).toEqual({ kind: 'no_team' });
  });
});

import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './case';
import { priorityReason } from './priorityReason';

const change = (to: string, at: string, actorId: string | null = 'u-mei'): CaseEvent => ({
  id: `e-${at}`,
  caseId: 'c-1',
  kind: 'priority_changed',
  actorId,
  at,
  data: { field: 'priority', from: 'normal', to },
});

describe('priorityReason', () => {
  it('gives no reason for low and normal cases', () => {
    expect(priorityReason({ type: 'privacy_request', priority: 'normal' })).toBeNull();
    expect(priorityReason({ type: 'complaint', priority: 'low' })).toBeNull();
  });

  it('names who set the priority it has now, the latest change first', () => {
    const events = [change('urgent', '2026-12-01T09:00:00.000Z', 'u-old'), change('high', '2026-12-02T10:00:00.000Z')];
    expect(priorityReason({ type: 'inquiry', priority: 'high' }, events)).toEqual({
      kind: 'changed',
      actorId: 'u-mei',
      at: '2026-12-02T10:00:00.000Z',
    });
  });

  it('falls back to the case type when the last change set another priority', () => {
    const events = [change('urgent', '2026-12-01T09:00:00.000Z')];
    expect(priorityReason({ type: 'payment_issue', priority: 'high' }, events)).toEqual({ kind: 'moneyHeld' });
  });

  it('explains urgent types and says when the priority came with the case', () => {
    expect(priorityReason({ type: 'privacy_request', priority: 'urgent' })).toEqual({ kind: 'statutoryDeadline' });
    expect(priorityReason({ type: 'complaint', priority: 'high' })).toEqual({ kind: 'complaint' });
    expect(priorityReason({ type: 'return_refund', priority: 'high' })).toEqual({ kind: 'atIntake' });
  });
});

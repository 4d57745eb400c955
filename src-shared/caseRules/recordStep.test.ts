import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo';
import type { Case } from '../domain/case';
import type { CaseType } from '../domain/caseType';
import type { WorkflowStepDetail } from '../domain/workflow';
import { runCaseRule, type Actor, type RuleContext, type RuleOutcome } from './index';

const NOW = '2026-11-25T12:00:00.000Z';
const data = generateDemoData({ seed: 5, cases: 40, now: NOW });
const TEAM = data.teams[0]?.id ?? '';
const withOrder = data.cases.find((c) => c.order !== undefined);
if (!withOrder?.order) throw new Error('no demo case with an order');
const agent: Actor = { id: 'a0000000-0000-4000-8000-000000000001', role: 'agent', teamIds: [TEAM] };
const stranger: Actor = { id: 'a0000000-0000-4000-8000-000000000002', role: 'agent', teamIds: ['other-team'] };
const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

function caseOf(type: CaseType): Case {
  const order = { ...withOrder!.order!, total: EUR(10_000) };
  const { workflowSteps: _none, ...rest } = withOrder!;
  return { ...rest, type, order, teamId: TEAM, assigneeId: agent.id, mergedIntoId: null, status: 'open' };
}

const ctx = (actor: Actor = agent): RuleContext => ({
  actor,
  now: NOW,
  clientTime: NOW,
  base: {},
  teamMembers: () => [agent.id],
  caseById: () => undefined,
  holdsEveryCase: true,
  lastReassignment: () => null,
  replyGraceMs: 0,
  isDuplicate: false,
});

let nextStep = 1;
function stepId(): string {
  return `c0000000-0000-4000-8000-${String(nextStep++).padStart(12, '0')}`;
}

function record(c: Case, detail: WorkflowStepDetail, on = '2026-11-20', actor: Actor = agent): RuleOutcome {
  return runCaseRule('case.recordStep@1', c, { caseId: c.id, step: { stepId: stepId(), on, detail } }, ctx(actor));
}

/** Records the steps in order; each must apply; returns the case after the last. */
function play(c: Case, details: readonly WorkflowStepDetail[]): Case {
  let current = c;
  for (const detail of details) {
    const outcome = record(current, detail);
    if (outcome.status !== 'applied') throw new Error(`${detail.kind}: ${outcome.refusal.message}`);
    current = outcome.cases[0] ?? current;
  }
  return current;
}

function refusalKey(outcome: RuleOutcome): string | null {
  return outcome.status === 'refused' ? outcome.refusal.reason.key : null;
}

const declared: WorkflowStepDetail = { kind: 'withdrawal_declared', via: 'message' };
const authorised: WorkflowStepDetail = { kind: 'return_authorised' };
const label: WorkflowStepDetail = { kind: 'label_issued', carrier: 'DHL', trackingNumber: 'JJD000123' };
const received: WorkflowStepDetail = { kind: 'received', condition: 'sealed' };
const refund = (amountMinor: number, reason?: string): WorkflowStepDetail => ({
  kind: 'refund_issued',
  amount: EUR(amountMinor),
  method: 'original_payment',
  reference: 'RF-1',
  ...(reason ? { reason } : {}),
});

describe('workflow steps (case.recordStep@1)', () => {
  it('records a return from the withdrawal to the refund, each step once in the case and in its trail', () => {
    const start = caseOf('return_refund');
    const done = play(start, [declared, authorised, label, { kind: 'in_transit' }, received, refund(10_000)]);
    expect(done.workflowSteps?.map((step) => step.detail.kind)).toEqual([
      'withdrawal_declared',
      'return_authorised',
      'label_issued',
      'in_transit',
      'received',
      'refund_issued',
    ]);
    expect(done.version).toBe(start.version + 6);
    expect(done.workflowSteps?.[0]).toMatchObject({ recordedBy: agent.id, source: 'agent', recordedAt: NOW });
    const event = record(start, declared);
    expect(event).toMatchObject({
      status: 'applied',
      events: [{ kind: 'workflow_step', data: { kind: 'withdrawal_declared', via: 'message', on: '2026-11-20' } }],
    });
  });

  it('refuses a label before the return is authorised and a second withdrawal or receipt', () => {
    const start = caseOf('return_refund');
    expect(record(start, label)).toMatchObject({
      status: 'refused',
      refusal: { code: 'INVALID_TRANSITION', reason: { key: 'step_needs', params: { needs: 'return_authorised' } } },
    });
    const once = play(start, [declared, received]);
    expect(refusalKey(record(once, declared))).toBe('step_once');
    expect(refusalKey(record(once, received))).toBe('step_once');
    expect(refusalKey(record(once, { kind: 'in_transit' }))).toBe('step_once');
    expect(refusalKey(record(start, { kind: 'inspected', outcome: 'as_sold' }))).toBe('step_needs');
  });

  it('allows a refund before authorisation only with a reason', () => {
    const start = caseOf('return_refund');
    expect(refusalKey(record(start, refund(10_000)))).toBe('refund_needs_reason');
    expect(record(start, refund(10_000, 'parcel lost by the carrier')).status).toBe('applied');
  });

  it('takes partial refunds up to the order total and refuses a second full refund', () => {
    const partly = play(caseOf('return_refund'), [authorised, received, refund(3_000), refund(2_000)]);
    expect(refusalKey(record(partly, refund(6_000)))).toBe('refund_over_order');
    const full = play(partly, [refund(5_000)]);
    expect(refusalKey(record(full, refund(10_000)))).toBe('already_refunded');
    expect(refusalKey(record(full, refund(1)))).toBe('already_refunded');
    expect(refusalKey(record(full, { kind: 'refused', ground: 'value_reduced_by_use' }))).toBe('already_refunded');
    const inDollars: WorkflowStepDetail = {
      kind: 'refund_issued',
      amount: { amountMinor: 100, currency: 'USD' },
      method: 'original_payment',
      reference: 'RF-2',
    };
    expect(refusalKey(record(play(caseOf('return_refund'), [authorised]), inDollars))).toBe('currency_mismatch');
  });

  it('after a refusal takes only a refund with a reason', () => {
    const refusedCase = play(caseOf('return_refund'), [
      declared,
      { kind: 'refused', ground: 'withdrawal_period_ended' },
    ]);
    expect(refusalKey(record(refusedCase, authorised))).toBe('step_after_refusal');
    expect(refusalKey(record(refusedCase, { kind: 'refused', ground: 'excluded_goods' }))).toBe('step_once');
    expect(refusalKey(record(refusedCase, refund(500)))).toBe('refund_needs_reason');
    expect(record(refusedCase, refund(500, 'goodwill after escalation')).status).toBe('applied');
  });

  it('runs an exchange to the replacement and refuses a replacement before authorisation', () => {
    const start = caseOf('exchange');
    const shipment = { kind: 'replacement_shipped', carrier: 'UPS', trackingNumber: '1Z999' } as const;
    expect(refusalKey(record(start, shipment))).toBe('step_needs');
    expect(refusalKey(record(start, { kind: 'replacement_delivered' }))).toBe('step_needs');
    const done = play(start, [declared, authorised, label, received, shipment, { kind: 'replacement_delivered' }]);
    expect(done.workflowSteps).toHaveLength(6);
    expect(refusalKey(record(done, { kind: 'replacement_delivered' }))).toBe('step_once');
  });

  it('runs a repair through diagnosis and quote, and a second round after it came back', () => {
    const start = caseOf('repair_warranty');
    expect(refusalKey(record(start, { kind: 'diagnosed', coverage: 'statutory_guarantee' }))).toBe('step_needs');
    const paid = play(start, [
      { kind: 'received_for_repair' },
      { kind: 'diagnosed', coverage: 'paid', quote: EUR(4_500) },
    ]);
    expect(refusalKey(record(paid, { kind: 'repaired', outcome: 'repaired' }))).toBe('step_needs');
    expect(refusalKey(record(paid, { kind: 'received_for_repair' }))).toBe('step_once');
    const declined = play(paid, [{ kind: 'quote_answered', accepted: false }]);
    expect(refusalKey(record(declined, { kind: 'repaired', outcome: 'repaired' }))).toBe('step_needs');
    const back = play(declined, [{ kind: 'shipped_back', carrier: 'DPD', trackingNumber: '0150' }]);
    const second = play(back, [
      { kind: 'received_for_repair' },
      { kind: 'diagnosed', coverage: 'statutory_guarantee' },
      { kind: 'repaired', outcome: 'replaced' },
      { kind: 'shipped_back', carrier: 'DPD', trackingNumber: '0151' },
    ]);
    expect(second.workflowSteps).toHaveLength(8);
    const guaranteed = play(caseOf('repair_warranty'), [
      { kind: 'received_for_repair' },
      { kind: 'diagnosed', coverage: 'statutory_guarantee' },
    ]);
    expect(refusalKey(record(guaranteed, { kind: 'quote_answered', accepted: true }))).toBe('step_needs');
    expect(refusalKey(record(guaranteed, { kind: 'shipped_back', carrier: 'DPD', trackingNumber: '1' }))).toBe(
      'step_needs',
    );
  });

  it('refunds a price difference only once it is found eligible and no more than the difference', () => {
    const start = caseOf('price_protection');
    const change = { kind: 'price_changed', oldPrice: EUR(9_900), newPrice: EUR(7_900), source: 'shop page' } as const;
    expect(refusalKey(record(start, { ...change, newPrice: EUR(9_900) }))).toBe('price_not_lower');
    expect(refusalKey(record(start, { kind: 'eligibility_decided', eligible: true, policyWindowDays: 14 }))).toBe(
      'step_needs',
    );
    const ineligible = play(start, [change, { kind: 'eligibility_decided', eligible: false, policyWindowDays: 14 }]);
    const difference = { kind: 'difference_refunded', amount: EUR(2_000), reference: 'PP-1' } as const;
    expect(refusalKey(record(ineligible, difference))).toBe('step_needs');
    const eligible = play(start, [change, { kind: 'eligibility_decided', eligible: true, policyWindowDays: 30 }]);
    expect(refusalKey(record(eligible, { ...difference, amount: EUR(2_001) }))).toBe('refund_over_order');
    expect(refusalKey(record(play(eligible, [difference]), difference))).toBe('step_once');
  });

  it('opens and resolves chargebacks in turn on a payment problem', () => {
    const start = caseOf('payment_issue');
    expect(refusalKey(record(start, { kind: 'chargeback_resolved', outcome: 'won' }))).toBe('step_needs');
    const open = play(start, [
      { kind: 'charge_questioned', charge: EUR(10_000), providerReference: 'ch_1' },
      { kind: 'chargeback_opened', providerReference: 'cb_1' },
    ]);
    expect(refusalKey(record(open, { kind: 'chargeback_opened', providerReference: 'cb_2' }))).toBe('step_once');
    expect(record(open, refund(10_000)).status).toBe('applied');
    const resolved = play(open, [{ kind: 'chargeback_resolved', outcome: 'lost' }]);
    expect(refusalKey(record(resolved, { kind: 'chargeback_resolved', outcome: 'won' }))).toBe('step_needs');
  });

  it('refuses a step of another workflow, a step dated after tomorrow, and a stranger', () => {
    expect(refusalKey(record(caseOf('return_refund'), { kind: 'received_for_repair' }))).toBe('step_not_for_case');
    expect(refusalKey(record(caseOf('inquiry'), declared))).toBe('step_not_for_case');
    expect(refusalKey(record(caseOf('return_refund'), declared, '2026-11-27'))).toBe('step_in_future');
    expect(record(caseOf('return_refund'), declared, '2026-11-26').status).toBe('applied');
    expect(record(caseOf('return_refund'), declared, '2026-11-20', stranger)).toMatchObject({
      status: 'refused',
      refusal: { code: 'FORBIDDEN' },
    });
  });

  it('treats the same stepId twice as one step', () => {
    const start = caseOf('return_refund');
    const args = { caseId: start.id, step: { stepId: stepId(), on: '2026-11-20', detail: declared } };
    const first = runCaseRule('case.recordStep@1', start, args, ctx());
    if (first.status !== 'applied' || !first.cases[0]) throw new Error('not applied');
    expect(runCaseRule('case.recordStep@1', first.cases[0], args, ctx())).toMatchObject({
      status: 'applied',
      cases: [],
      events: [],
    });
  });
});

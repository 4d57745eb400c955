import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo';
import type { Case } from '../domain/case';
import type { CaseType } from '../domain/caseType';
import type { MarketCode } from '../domain/market';
import type { WorkflowStep, WorkflowStepDetail } from '../domain/workflow';
import { buildReplyContext } from '../replies/buildReplyContext';
import { clockInputForCase, computeStatutoryClocks } from './index';

const NOW = '2026-11-25T12:00:00.000Z';
const base = generateDemoData({ seed: 8, cases: 30, now: NOW }).cases.find((c) => c.order !== undefined);
if (!base?.order) throw new Error('no demo case with an order');

/** A case in a market with its order delivered on 10 Jan 2026 (electronics) and the given steps recorded. */
function caseIn(market: MarketCode, type: CaseType, steps: Array<[string, WorkflowStepDetail]>, region?: string): Case {
  const workflowSteps = steps.map(([on, detail], index): WorkflowStep => ({
    stepId: `d0000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    on,
    detail,
    recordedAt: NOW,
    recordedBy: null,
    source: 'agent',
  }));
  const { returnReceivedAt: _none, ...order } = base!.order!;
  return {
    ...base!,
    type,
    customer: { ...base!.customer, market, ...(region ? { region } : {}) },
    order: {
      ...order,
      purchasedAt: '2026-01-08T10:00:00Z',
      deliveredAt: '2026-01-10T10:00:00Z',
      items: order.items.map((item) => ({ ...item, category: 'electronics' })),
    },
    workflowSteps,
  };
}

function due(c: Case, kind: string): string | null | undefined {
  return computeStatutoryClocks(clockInputForCase(c)).find((clock) => clock.kind === kind)?.dueDate;
}

const declared: WorkflowStepDetail = { kind: 'withdrawal_declared', via: 'message' };
const received: WorkflowStepDetail = { kind: 'received' };
// Monday 2 November 2026 (no holiday in any of these markets); Monday 9 November for the receipt.
const DECLARED = '2026-11-02';
const RECEIVED = '2026-11-09';

describe('recorded workflow dates start the statutory clocks', () => {
  it('DE and FR: the refund is due 14 days after the withdrawal notice, not after the return arrived', () => {
    for (const market of ['DE', 'FR'] as const) {
      expect(due(caseIn(market, 'return_refund', []), 'refund_due'), market).toBeNull();
      const both = caseIn(market, 'return_refund', [
        [DECLARED, declared],
        [RECEIVED, received],
      ]);
      // 3 to 16 November; Monday 16 is a working day.
      expect(due(both, 'refund_due'), market).toBe('2026-11-16');
      // Without a recorded notice the arrival stands in for it (and the explanation says the notice is unknown).
      expect(due(caseIn(market, 'return_refund', [[RECEIVED, received]]), 'refund_due'), market).toBe('2026-11-23');
    }
  });

  it('GB and CN: the refund counts from the return’s arrival (14 and 7 days); the carrier’s delivery counts too', () => {
    expect(due(caseIn('GB', 'return_refund', [[DECLARED, declared]]), 'refund_due')).toBeNull();
    expect(
      due(
        caseIn('GB', 'return_refund', [
          [DECLARED, declared],
          [RECEIVED, received],
        ]),
        'refund_due',
      ),
    ).toBe('2026-11-23');
    expect(due(caseIn('CN', 'return_refund', [[RECEIVED, received]]), 'refund_due')).toBe('2026-11-16');
    expect(due(caseIn('CN', 'return_refund', [[RECEIVED, { kind: 'delivered' }]]), 'refund_due')).toBe('2026-11-16');
  });

  it('JP has no statutory refund clock: recorded steps do not invent one', () => {
    const clocks = computeStatutoryClocks(
      clockInputForCase(
        caseIn('JP', 'return_refund', [
          [DECLARED, declared],
          [RECEIVED, received],
        ]),
      ),
    );
    expect(clocks.some((clock) => clock.kind === 'refund_due')).toBe(false);
    expect(clocks.find((clock) => clock.kind === 'withdrawal_ends')?.dueDate).toBe('2026-01-17');
  });

  it('BR: the refund is due at once on the withdrawal; a repair is due 30 days after the goods arrived', () => {
    expect(due(caseIn('BR', 'return_refund', [[DECLARED, declared]]), 'refund_due')).toBe(DECLARED);
    expect(due(caseIn('BR', 'repair_warranty', []), 'repair_due')).toBeNull();
    expect(due(caseIn('BR', 'repair_warranty', [[DECLARED, { kind: 'received_for_repair' }]]), 'repair_due')).toBe(
      '2026-12-02',
    );
  });

  it('US-CA: the refund is due 7 working days after the withdrawal (Veterans Day, 11 November, not counted)', () => {
    const californian = caseIn('US', 'return_refund', [[DECLARED, declared]], 'CA');
    expect(clockInputForCase(californian).region).toBe('CA');
    // 3, 4, 5, 6, 9, 10, then 12 November.
    expect(due(californian, 'refund_due')).toBe('2026-11-12');
  });

  it('FR: repair within 30 days of receipt, and a repair extends the guarantee by six months', () => {
    const inRepair = caseIn('FR', 'repair_warranty', [[DECLARED, { kind: 'received_for_repair' }]]);
    expect(due(inRepair, 'repair_due')).toBe('2026-12-02');
    expect(due(inRepair, 'guarantee_ends')).toBe('2028-01-10');
    const repaired = caseIn('FR', 'repair_warranty', [
      [DECLARED, { kind: 'received_for_repair' }],
      [DECLARED, { kind: 'diagnosed', coverage: 'statutory_guarantee' }],
      [RECEIVED, { kind: 'repaired', outcome: 'repaired' }],
    ]);
    expect(due(repaired, 'guarantee_ends')).toBe('2028-07-10');
    // Germany has no repair period or extension in its pack: the guarantee stays.
    expect(due({ ...repaired, customer: { ...repaired.customer, market: 'DE' } }, 'guarantee_ends')).toBe('2028-01-10');
    // A product sent back unrepaired gains nothing.
    const unrepaired = caseIn('FR', 'repair_warranty', [
      [RECEIVED, { kind: 'repaired', outcome: 'returned_unrepaired' }],
    ]);
    expect(due(unrepaired, 'guarantee_ends')).toBe('2028-01-10');
  });

  it('the reply placeholders read the same recorded facts: refund date, amount and tracking number', () => {
    const c = caseIn('DE', 'return_refund', [
      [DECLARED, declared],
      [DECLARED, { kind: 'return_authorised' }],
      [DECLARED, { kind: 'label_issued', carrier: 'DHL', trackingNumber: 'JJD0099' }],
      [RECEIVED, received],
      [
        RECEIVED,
        {
          kind: 'refund_issued',
          amount: { amountMinor: 1_250, currency: base!.order!.total.currency },
          method: 'original_payment',
          reference: 'R-9',
        },
      ],
    ]);
    const context = buildReplyContext(c, { agentName: 'Jonas', brand: 'Shop' });
    expect(context.deadlines.refundDue?.dueDate).toBe('2026-11-16');
    expect(context.refundAmount).toEqual({ amountMinor: 1_250, currency: base!.order!.total.currency });
    expect(context.trackingNumber).toBe('JJD0099');
  });
});

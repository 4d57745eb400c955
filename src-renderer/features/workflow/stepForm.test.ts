import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src-shared/demo';
import type { Case } from '../../../src-shared/domain/case';
import { detailFromForm, marketDateOf, nextSteps } from './stepForm';

const NOW = '2026-11-25T12:00:00.000Z';
const found = generateDemoData({ seed: 4, cases: 30, now: NOW }).cases.find((c) => c.order !== undefined);
if (!found?.order) throw new Error('no demo case with an order');
const yen: Case = {
  ...found,
  type: 'return_refund',
  order: { ...found.order, total: { amountMinor: 5000, currency: 'JPY' } },
};
const euro: Case = { ...yen, order: { ...found.order, total: { amountMinor: 5000, currency: 'EUR' } } };

describe('step form', () => {
  it('reads amounts in the currency’s minor unit, with a decimal comma or point', () => {
    const values = { amount: '12,50', method: 'original_payment', reference: 'R-1' };
    expect(detailFromForm('refund_issued', values, euro)).toMatchObject({
      ok: true,
      detail: { amount: { amountMinor: 1250, currency: 'EUR' } },
    });
    expect(detailFromForm('refund_issued', { ...values, amount: '1200' }, yen)).toMatchObject({
      ok: true,
      detail: { amount: { amountMinor: 1200, currency: 'JPY' } },
    });
  });

  it('names the missing or wrong fields and leaves optional ones out', () => {
    expect(detailFromForm('label_issued', { carrier: 'DHL' }, euro)).toEqual({ ok: false, fields: ['trackingNumber'] });
    expect(detailFromForm('refund_issued', { amount: 'abc', method: 'x', reference: 'R' }, euro)).toEqual({
      ok: false,
      fields: ['amount', 'method'],
    });
    expect(detailFromForm('received', { condition: '  ' }, euro)).toEqual({ ok: true, detail: { kind: 'received' } });
    expect(detailFromForm('quote_answered', { accepted: 'no' }, euro)).toEqual({
      ok: true,
      detail: { kind: 'quote_answered', accepted: false },
    });
  });

  it('offers only the steps the case rules allow next', () => {
    expect(nextSteps(euro, NOW)).toEqual([
      'withdrawal_declared',
      'return_authorised',
      'in_transit',
      'delivered',
      'received',
      'refund_issued',
      'refused',
    ]);
    expect(nextSteps({ ...euro, type: 'inquiry' }, NOW)).toEqual([]);
  });

  it('dates an instant in the customer’s zone', () => {
    expect(marketDateOf('2026-11-24T23:30:00Z', 'Asia/Shanghai')).toBe('2026-11-25');
    expect(marketDateOf('2026-11-24T23:30:00Z', 'America/Los_Angeles')).toBe('2026-11-24');
  });
});

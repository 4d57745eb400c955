import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src-shared/demo/index';
import type { CaseType } from '../../../src-shared/domain/caseType';
import type { MarketCode } from '../../../src-shared/domain/market';
import { findMarketPack } from '../../../src-shared/markets/index';
import { clockInputFor, rightsFor } from './rightsView';

const NOW = '2026-11-25T08:00:00.000Z';
const demo = generateDemoData({ seed: 20261125, cases: 400, now: NOW });

describe('rightsFor', () => {
  it('computes clocks for every demo case, regions the pack does not know included', () => {
    for (const record of demo.cases) {
      const rights = rightsFor(record, Date.parse(NOW));
      expect(rights.hasPack).toBe(findMarketPack(record.customer.market) !== undefined);
    }
  });

  it('keeps a region the pack has rules for and drops one it has not', () => {
    const base = demo.cases[0];
    if (base === undefined) throw new Error('empty demo');
    const californian = { ...base, customer: { ...base.customer, market: 'US' as const, region: 'CA' } };
    expect(clockInputFor(californian).region).toBe(findMarketPack('US')?.regions.CA === undefined ? undefined : 'CA');
    const jakarta = { ...base, customer: { ...base.customer, market: 'ID' as const, region: 'JK' } };
    expect(clockInputFor(jakarta).region).toBeUndefined();
  });

  it('counts down to the withdrawal end on the server clock and marks it ended afterwards', () => {
    const record = demo.cases.find(
      (candidate) =>
        candidate.type === 'return_refund' &&
        candidate.order?.deliveredAt !== undefined &&
        candidate.customer.market === 'DE',
    );
    if (record === undefined) throw new Error('no German return case in the demo');
    const rights = rightsFor(record, Date.parse(NOW));
    if (!rights.hasPack) throw new Error('DE pack missing');
    const withdrawal = rights.clocks.find((clock) => clock.kind === 'withdrawal_ends');
    if (withdrawal?.dueAt == null) throw new Error('no withdrawal clock');
    const justBefore = rightsFor(record, Date.parse(withdrawal.dueAt) - 1000);
    const after = rightsFor(record, Date.parse(withdrawal.dueAt) + 1000);
    if (!justBefore.hasPack || !after.hasPack) throw new Error('pack vanished');
    expect(justBefore.clocks.find((clock) => clock.kind === 'withdrawal_ends')).toMatchObject({
      phase: 'running',
      remainingMs: 1000,
    });
    expect(after.clocks.find((clock) => clock.kind === 'withdrawal_ends')?.phase).toBe('ended');
    expect(withdrawal.source.label.length).toBeGreaterThan(0);
    expect(typeof withdrawal.verified).toBe('boolean');
  });

  function caseIn(market: MarketCode, type: CaseType) {
    const base = demo.cases.find((candidate) => candidate.order?.deliveredAt !== undefined);
    if (base === undefined) throw new Error('no delivered case in the demo');
    return {
      ...base,
      type,
      customer: { ...base.customer, market, region: undefined },
    };
  }

  it('lists a right the market does not have as a rule, not as a clock that is "not running"', () => {
    const rights = rightsFor(caseIn('AU', 'return_refund'), Date.parse(NOW));
    if (!rights.hasPack) throw new Error('AU pack missing');
    expect(rights.clocks.map((clock) => clock.kind)).not.toContain('withdrawal_ends');
    expect(rights.notes.map((note) => note.kind)).toContain('withdrawal_ends');
    expect(rights.clocks.every((clock) => clock.reason?.kind !== 'not_applicable')).toBe(true);
  });

  it('says what applies to a defect in a market whose defect right has no clock (Japan)', () => {
    for (const type of ['complaint', 'return_refund', 'repair_warranty'] as const) {
      const rights = rightsFor(caseIn('JP', type), Date.parse(NOW));
      if (!rights.hasPack) throw new Error('JP pack missing');
      const defect = rights.notes.find((note) => note.kind === 'guarantee');
      expect(defect?.fact.summary.en, type).toMatch(/non-conformity/);
    }
  });

  it('puts the clock that answers the case type first', () => {
    const repair = rightsFor(caseIn('DE', 'repair_warranty'), Date.parse(NOW));
    const refund = rightsFor(caseIn('DE', 'return_refund'), Date.parse(NOW));
    if (!repair.hasPack || !refund.hasPack) throw new Error('DE pack missing');
    expect(repair.clocks[0]?.kind).toBe('guarantee_ends');
    expect(refund.clocks[0]?.kind).toBe('withdrawal_ends');
  });
});

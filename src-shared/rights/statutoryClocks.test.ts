import { describe, expect, it } from 'vitest';
import { computeStatutoryClocks, type StatutoryClockInput } from './index';

function clock(input: StatutoryClockInput, kind: string) {
  const found = computeStatutoryClocks(input).find((item) => item.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
}

// Hand-checked against the calendars in markets.md; the comment gives the reasoning for each row.
const TABLE: Array<{ name: string; input: StatutoryClockInput; kind: string; dueDate: string; dueAt?: string }> = [
  {
    name: 'FR 14 days from Mon 4 May end on Mon 18 May',
    input: { market: 'FR', deliveredAt: '2026-05-04' },
    kind: 'withdrawal_ends',
    dueDate: '2026-05-18',
    dueAt: '2026-05-18T23:59:59.999+02:00',
  },
  {
    name: 'DE: day 14 is Whit Monday (25 May), so Reg. 1182/71 moves it to Tue 26 May',
    input: { market: 'DE', deliveredAt: '2026-05-11' },
    kind: 'withdrawal_ends',
    dueDate: '2026-05-26',
  },
  {
    name: 'IT: day 14 is Sat 16 May, so the period ends Mon 18 May',
    input: { market: 'IT', deliveredAt: '2026-05-02' },
    kind: 'withdrawal_ends',
    dueDate: '2026-05-18',
  },
  {
    name: 'PL: day 14 is Fri 25 Dec (Christmas), then 26 Dec, Sun 27: ends Mon 28 Dec',
    input: { market: 'PL', deliveredAt: '2026-12-11' },
    kind: 'withdrawal_ends',
    dueDate: '2026-12-28',
  },
  {
    name: 'ES: delivered as an instant late on 3 Jun UTC is 4 Jun in Madrid; 18 Jun is a Thursday',
    input: { market: 'ES', deliveredAt: '2026-06-03T22:30:00Z' },
    kind: 'withdrawal_ends',
    dueDate: '2026-06-18',
  },
  {
    name: 'GB: no weekend/holiday shift; day 14 is the late-May bank holiday and stays',
    input: { market: 'GB', deliveredAt: '2026-05-11' },
    kind: 'withdrawal_ends',
    dueDate: '2026-05-25',
  },
  {
    name: 'CN Golden Week: day 7 (5 Oct) is a holiday through 7 Oct, so it ends Thu 8 Oct',
    input: { market: 'CN', deliveredAt: '2026-09-28' },
    kind: 'withdrawal_ends',
    dueDate: '2026-10-08',
    dueAt: '2026-10-08T23:59:59.999+08:00',
  },
  {
    name: 'CN: day 7 is Sunday 20 Sep, a 调休 working day, so it does not move',
    input: { market: 'CN', deliveredAt: '2026-09-13' },
    kind: 'withdrawal_ends',
    dueDate: '2026-09-20',
  },
  {
    name: 'CN: day 7 is an ordinary Sunday (13 Sep) and moves to Monday',
    input: { market: 'CN', deliveredAt: '2026-09-06' },
    kind: 'withdrawal_ends',
    dueDate: '2026-09-14',
  },
  {
    name: 'CN: day 7 is Saturday 14 Feb (make-up working day): Saturdays are not moved',
    input: { market: 'CN', deliveredAt: '2026-02-07' },
    kind: 'withdrawal_ends',
    dueDate: '2026-02-14',
  },
  {
    name: 'CN refund: 7 days after the return arrives',
    input: { market: 'CN', returnReceivedAt: '2026-09-29' },
    kind: 'refund_due',
    dueDate: '2026-10-06',
  },
  {
    name: 'KR refund: 3 business days skipping Chuseok (24–26 Sep) and the weekend',
    input: { market: 'KR', returnReceivedAt: '2026-09-23' },
    kind: 'refund_due',
    dueDate: '2026-09-30',
  },
  {
    name: 'KR withdrawal: day 7 is Seollal (16–18 Feb), ends Thu 19 Feb',
    input: { market: 'KR', deliveredAt: '2026-02-09' },
    kind: 'withdrawal_ends',
    dueDate: '2026-02-19',
  },
  {
    name: 'MX: 5 business days skipping the weekend and Benito Juárez Day (16 Mar)',
    input: { market: 'MX', deliveredAt: '2026-03-12' },
    kind: 'withdrawal_ends',
    dueDate: '2026-03-20',
  },
  {
    name: 'RU privacy: 10 working days, the New Year break (to 11 Jan) does not count',
    input: { market: 'RU', receivedAt: '2026-01-05' },
    kind: 'privacy_response_due',
    dueDate: '2026-01-23',
  },
  {
    name: 'US-CA privacy ack: 10 business days skip Thanksgiving and the day after (a CA holiday)',
    input: { market: 'US', region: 'CA', receivedAt: '2026-11-20' },
    kind: 'privacy_ack_due',
    dueDate: '2026-12-08',
  },
  {
    name: 'US-CA privacy answer: 45 calendar days, in Los Angeles time',
    input: { market: 'US', region: 'CA', receivedAt: '2026-11-20' },
    kind: 'privacy_response_due',
    dueDate: '2027-01-04',
    dueAt: '2027-01-04T23:59:59.999-08:00',
  },
  {
    name: 'US-CA §1723: 30 days from purchase',
    input: { market: 'US', region: 'CA', purchasedAt: '2026-06-01' },
    kind: 'withdrawal_ends',
    dueDate: '2026-07-01',
    dueAt: '2026-07-01T23:59:59.999-07:00',
  },
  {
    name: 'DE GDPR: one month from 31 Jan is 28 Feb (Saturday), moved to Mon 2 Mar',
    input: { market: 'DE', receivedAt: '2026-01-31' },
    kind: 'privacy_response_due',
    dueDate: '2026-03-02',
  },
  {
    name: 'JP: 8 days counting the day of receipt',
    input: { market: 'JP', deliveredAt: '2026-04-28' },
    kind: 'withdrawal_ends',
    dueDate: '2026-05-05',
  },
  {
    name: 'SA: 7 days from receipt',
    input: { market: 'SA', deliveredAt: '2026-03-13' },
    kind: 'withdrawal_ends',
    dueDate: '2026-03-20',
    dueAt: '2026-03-20T23:59:59.999+03:00',
  },
  {
    name: 'ID privacy: 3×24 hours from the request, across Idul Fitri',
    input: { market: 'ID', receivedAt: '2026-03-20T10:00:00+07:00' },
    kind: 'privacy_response_due',
    dueDate: '2026-03-23',
    dueAt: '2026-03-23T10:00:00.000+07:00',
  },
  {
    name: 'BR: durable goods have 90 days to complain about apparent defects',
    input: { market: 'BR', deliveredAt: '2026-01-10', itemCategories: ['electronics'] },
    kind: 'defect_claim_ends',
    dueDate: '2026-04-10',
  },
  {
    name: 'BR: non-durable goods have 30 days',
    input: { market: 'BR', deliveredAt: '2026-01-10', itemCategories: ['food'] },
    kind: 'defect_claim_ends',
    dueDate: '2026-02-09',
  },
  {
    name: 'ES: 3-year guarantee',
    input: { market: 'ES', deliveredAt: '2026-02-10' },
    kind: 'guarantee_ends',
    dueDate: '2029-02-10',
  },
  {
    name: 'TH: refund 15 days after the cancellation notice',
    input: { market: 'TH', withdrawalNotifiedAt: '2026-04-10' },
    kind: 'refund_due',
    dueDate: '2026-04-25',
  },
];

describe('statutory clocks (hand-checked)', () => {
  for (const row of TABLE) {
    it(row.name, () => {
      const result = clock(row.input, row.kind);
      expect(result.dueDate).toBe(row.dueDate);
      if (row.dueAt) expect(result.dueAt).toBe(row.dueAt);
      expect(result.excluded).toBeUndefined();
      expect(result.explanation.steps.at(-1)?.date).toBe(row.dueDate);
    });
  }
});

describe('statutory clocks: rules, sources and explanations', () => {
  it('explains skipped days and cites the counting rule', () => {
    const result = clock({ market: 'CN', deliveredAt: '2026-09-28' }, 'withdrawal_ends');
    expect(result.source.label).toContain('CRPL art. 25');
    expect(result.verified).toBe(true);
    expect(result.counting?.source.label).toContain('[S2c]');
    expect(result.explanation.steps.filter((step) => step.step === 'adjust').map((step) => step.date)).toEqual([
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(result.explanation.summary).toMatch(/国庆节/);
    expect(result.explanation.summaries['zh-CN']).toContain('自收货之日（2026-09-28，星期一，Asia/Shanghai）起算。');
    expect(result.explanation.summaries['zh-CN']).toContain('最后一日：2026-10-08（星期四）');
    expect(
      result.explanation.steps.every((item) => item.texts['zh-CN'].length > 0 && item.texts.en === item.text),
    ).toBe(true);
  });

  it('lists business days not counted', () => {
    const result = clock({ market: 'KR', returnReceivedAt: '2026-09-23' }, 'refund_due');
    expect(result.explanation.steps.filter((step) => step.step === 'skip').map((step) => step.date)).toEqual([
      '2026-09-24',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
    ]);
  });

  it('filters by case type', () => {
    const kinds = computeStatutoryClocks({
      market: 'DE',
      caseType: 'privacy_request',
      receivedAt: '2026-03-02',
      deliveredAt: '2026-03-01',
    }).map((c) => c.kind);
    expect(kinds).toEqual(['privacy_response_due']);
    const returnKinds = computeStatutoryClocks({
      market: 'DE',
      caseType: 'return_refund',
      deliveredAt: '2026-03-01',
    }).map((c) => c.kind);
    expect(returnKinds).toEqual(expect.arrayContaining(['withdrawal_ends', 'refund_due', 'guarantee_ends']));
    expect(returnKinds).not.toContain('privacy_response_due');
  });

  it('excludes the withdrawal clock when every item is excluded by law, and lists conditional exclusions', () => {
    const custom = clock(
      { market: 'CN', deliveredAt: '2026-05-06', itemCategories: ['custom_made'] },
      'withdrawal_ends',
    );
    expect(custom.dueDate).toBeNull();
    expect(custom.excluded).toMatch(/Custom-made/);
    const mixed = clock(
      { market: 'DE', deliveredAt: '2026-05-06', itemCategories: ['custom_made', 'apparel', 'beauty'] },
      'withdrawal_ends',
    );
    expect(mixed.dueDate).not.toBeNull();
    expect(mixed.exclusions.map((exclusion) => exclusion.when)).toEqual(['always', 'conditional']);
  });

  it('shows absent rights with their reason', () => {
    const au = clock({ market: 'AU', deliveredAt: '2026-05-06' }, 'withdrawal_ends');
    expect(au).toMatchObject({ dueDate: null, dueAt: null });
    expect(au.excluded).toMatch(/No statutory change-of-mind right/);
    expect(au.excludedTexts?.['zh-CN']).toContain('无法定无理由退货权');
    const us = clock({ market: 'US', deliveredAt: '2026-05-06' }, 'withdrawal_ends');
    expect(us.dueDate).toBeNull();
  });

  it('says which date is missing', () => {
    const result = clock({ market: 'FR', caseType: 'return_refund', deliveredAt: '2026-05-06' }, 'refund_due');
    expect(result.dueDate).toBeNull();
    expect(result.excluded).toBe('Needs the date of the withdrawal notice.');
  });

  it("gives a region without its own rules the market's clocks and the region's holidays", () => {
    const newYork = computeStatutoryClocks({
      market: 'US',
      region: 'NY',
      receivedAt: '2026-02-12',
      withdrawalNotifiedAt: '2026-02-12',
    });
    expect(newYork.find((item) => item.kind === 'privacy_ack_due')).toBeUndefined();
    expect(newYork.find((item) => item.kind === 'withdrawal_ends')?.dueDate).toBeNull();
    // FTC refund, 7 business days from Wed 11 Feb: federal calendar skips 16 Feb (Washington's Birthday);
    // New York also closes on 12 Feb (Lincoln's Birthday), one business day later.
    expect(clock({ market: 'US', withdrawalNotifiedAt: '2026-02-11' }, 'refund_due').dueDate).toBe('2026-02-23');
    expect(clock({ market: 'US', region: 'NY', withdrawalNotifiedAt: '2026-02-11' }, 'refund_due').dueDate).toBe(
      '2026-02-24',
    );
  });

  it('marks conditional rights with their condition', () => {
    const jp = clock({ market: 'JP', deliveredAt: '2026-04-28' }, 'withdrawal_ends');
    expect(jp.condition?.en).toMatch(/did not clearly display return terms/);
    expect(jp.counting?.verified).toBe(false);
  });

  it('rejects bad input clearly', () => {
    expect(() => computeStatutoryClocks({ market: 'US', region: 'new york', deliveredAt: '2026-01-01' })).toThrow();
    expect(() => computeStatutoryClocks({ market: 'FR', deliveredAt: '2026-13-01' })).toThrow();
    expect(() => computeStatutoryClocks({ market: 'XX' as 'FR', deliveredAt: '2026-01-01' })).toThrow();
  });
});

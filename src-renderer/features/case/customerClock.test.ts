import { describe, expect, it } from 'vitest';
import { customerClock } from './customerClock';

const shanghai = { market: 'CN' as const, timeZone: 'Asia/Shanghai' };

describe('customerClock', () => {
  it('reads the date in the customer zone, not the host zone', () => {
    // 2026-10-01T17:00Z is already 2 October, 01:00, in Shanghai.
    expect(customerClock(shanghai, Date.parse('2026-10-01T17:00:00Z'))).toMatchObject({
      date: '2026-10-02',
      offsetMinutes: 480,
      isBusinessHours: false,
    });
  });

  it('knows Golden Week is a holiday and its make-up Saturday a working day', () => {
    const golden = customerClock(shanghai, Date.parse('2026-10-05T03:00:00Z'));
    expect(golden.day.kind).toBe('holiday');
    const makeUp = customerClock(shanghai, Date.parse('2026-10-10T03:00:00Z'));
    expect(makeUp.day.kind).toBe('make_up_working_day');
    expect(makeUp.isBusinessHours).toBe(true);
  });

  it('tells a weekend from a working day and office hours from the evening', () => {
    expect(customerClock(shanghai, Date.parse('2026-11-28T03:00:00Z')).day.kind).toBe('weekend');
    expect(customerClock(shanghai, Date.parse('2026-11-25T03:00:00Z'))).toMatchObject({
      day: { kind: 'working' },
      isBusinessHours: true,
    });
    expect(customerClock(shanghai, Date.parse('2026-11-25T13:00:00Z')).isBusinessHours).toBe(false);
  });

  it('admits it does not know the calendar of a market without a pack', () => {
    expect(
      customerClock({ market: 'ZZ' as 'CN', timeZone: 'Europe/Berlin' }, Date.parse('2026-11-25T03:00:00Z')).day.kind,
    ).toBe('unknown');
  });
});

describe('customerClock over the demo customers', () => {
  it('knows the day of every demo customer, subdivisions included', async () => {
    const { generateDemoData } = await import('../../../src-shared/demo/index');
    const demo = generateDemoData({ seed: 20261125, cases: 400, now: '2026-11-25T08:00:00.000Z' });
    for (const record of demo.cases) {
      expect(customerClock(record.customer, Date.parse('2026-11-25T08:00:00.000Z')).day.kind).not.toBe('unknown');
    }
  });
});

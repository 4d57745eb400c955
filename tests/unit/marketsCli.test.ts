import { describe, expect, it } from 'vitest';
import { runScript } from './runScript';

const run = (...args: string[]) => runScript('scripts/markets.ts', args);

describe('npm run markets', () => {
  it('check validates every pack and reports unverified facts per market', () => {
    const result = run('check', '--years', '2026,2027');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      errors: string[];
      warnings: string[];
      markets: Array<{ code: string; unverifiedCount: number; holidayOverrides: number[] }>;
    };
    expect(report.ok).toBe(true);
    expect(report.markets).toHaveLength(23);
    expect(report.markets.find((market) => market.code === 'CN')?.holidayOverrides).toEqual([2026, 2027]);
    expect(report.markets.find((market) => market.code === 'AE')?.unverifiedCount).toBeGreaterThan(0);
    expect(report.warnings.some((warning) => warning.startsWith('SA 2027'))).toBe(true);
  });

  it('clocks prints the statutory clocks with explanation and source', () => {
    const result = run('clocks', '--market', 'FR', '--delivered', '2026-05-04', '--case-type', 'return_refund');
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as {
      clocks: Array<{
        kind: string;
        dueDate: string | null;
        source: { label: string };
        explanation: { summary: string };
      }>;
    };
    const withdrawal = output.clocks.find((clock) => clock.kind === 'withdrawal_ends');
    expect(withdrawal?.dueDate).toBe('2026-05-18');
    expect(withdrawal?.source.label).toContain('L221-18');
    expect(withdrawal?.explanation.summary).toContain('Starts at delivery');
  });

  it('sla prints the deadline with holidays of the market applied', () => {
    const result = run(
      'sla',
      '--zone',
      'Asia/Shanghai',
      '--hours',
      'Mon-Fri 09:00-18:00',
      '--market',
      'CN',
      '--start',
      '2026-04-30T16:00:00+08:00',
      '--business-hours',
      '4',
    );
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { dueAt: string; explanation: { closedDays: Array<{ date: string }> } };
    expect(output.dueAt).toBe('2026-05-06T11:00:00+08:00');
    expect(output.explanation.closedDays.map((day) => day.date)).toContain('2026-05-01');
  });

  it('rejects bad arguments with a clear message and a non-zero exit', () => {
    const unknownMarket = run('clocks', '--market', 'XX', '--delivered', '2026-05-04');
    expect(unknownMarket.status).toBe(2);
    expect(unknownMarket.stderr).toContain('Invalid market');
    expect(unknownMarket.stdout).toBe('');
    const badHours = run(
      'sla',
      '--zone',
      'Asia/Shanghai',
      '--hours',
      'Mon-Fri 9-18',
      '--start',
      '2026-05-06T10:00:00+08:00',
      '--business-hours',
      '4',
    );
    expect(badHours.status).toBe(2);
    expect(badHours.stderr).toContain('Bad time range');
    const badDate = run('clocks', '--market', 'FR', '--delivered', 'tomorrow');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--delivered must be a date');
  });
});

import { describe, expect, it } from 'vitest';
import { describeFinding } from './describeFinding';
import { normalizeText } from './factReader';
import { finding, FINDING_CODES } from './findings';

describe('findings shown to agents', () => {
  it('has a sentence for every finding in English, Chinese and Arabic', () => {
    for (const code of FINDING_CODES) {
      for (const ui of ['en', 'zh-CN', 'ar']) {
        const text = describeFinding(
          finding(code, 'error', { token: '{orderId}', promisedDays: 7, statutoryDays: 14 }),
          ui,
        );
        expect(text.length, `${code} ${ui}`).toBeGreaterThan(15);
        expect(text, `${code} ${ui}`).not.toContain('replies.finding');
      }
    }
  });

  it('fills the finding’s parameters in', () => {
    expect(
      describeFinding(
        finding('return_window_shorter_than_statutory', 'error', {
          promisedDays: 7,
          statutoryDays: 14,
          rule: 'BGB §355.',
        }),
        'en',
      ),
    ).toBe('The reply offers 7 days to return the goods; the law gives the customer 14 days. BGB §355.');
    expect(describeFinding(finding('fallback_language', 'warning', { requested: 'pt-BR', used: 'en' }), 'zh-HK')).toBe(
      '该回复没有 pt-BR 版本：客户将收到 en 版本。',
    );
  });

  it('counts days with the full Arabic plural (3–10 take a plural noun, 11–99 a singular) (issue 13)', () => {
    const arabic = (promisedDays: number, statutoryDays: number) =>
      normalizeText(
        describeFinding(finding('refund_slower_than_statutory', 'warning', { promisedDays, statutoryDays }), 'ar'),
      );
    expect(arabic(7, 14)).toContain('خلال 7 أيام، بينما يوجب القانون رده خلال 14 يومًا');
    expect(arabic(2, 1)).toContain('خلال يومين، بينما يوجب القانون رده خلال يوم واحد');
    expect(arabic(30, 100)).toContain('خلال 30 يومًا، بينما يوجب القانون رده خلال 100 يوم');
  });
});

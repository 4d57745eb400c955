import { describe, expect, it } from 'vitest';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { lintRenderedDeadlines, lintReply, lintText } from './contentLint';
import { DEMO_REPLY_MARKETS, demoReplyCase } from './demoReplyCases';
import { renderReply } from './renderReply';
import type { ReplyTemplate } from './schema';

const library = builtinReplyLibrary();
const salutations = builtinSalutations();

function template(variants: Record<string, string>): ReplyTemplate {
  return {
    id: 'test.sample',
    caseTypes: ['return_refund'],
    situation: 'acknowledge',
    title: { en: 'Sample' },
    purpose: { en: 'Sample' },
    sourceLocale: 'en',
    variants: Object.fromEntries(Object.entries(variants).map(([locale, body]) => [locale, { body }])),
  };
}

const rules = (variants: Record<string, string>): string[] =>
  lintReply(template(variants)).map((problem) => `${problem.locale} ${problem.rule}`);

describe('content checks catch each class of error (issue 13)', () => {
  it('finds a statutory period counted in the text instead of quoting the computed date', () => {
    expect(rules({ en: 'We refund within {refundDays, plural, one {# day} other {# days}}.' })).toContain(
      'en statutory_period_counted',
    );
    const context = buildReplyContext(demoReplyCase('DE').caseRecord, { agentName: 'Li Wei', brand: 'Shop' });
    const problems = lintRenderedDeadlines(
      'x',
      'de',
      'Wir erstatten den Betrag spätestens 14 Tage nach Eingang.',
      context,
    );
    expect(problems.map((problem) => problem.rule)).toEqual(['statutory_days_in_text']);
    expect(
      lintRenderedDeadlines('x', 'de', 'Wir erstatten den Betrag spätestens am 26. November 2026.', context),
    ).toEqual([]);
  });

  it('reads day counts in the languages added for issue 14.6 too', () => {
    const context = buildReplyContext(demoReplyCase('DE').caseRecord, { agentName: 'Li Wei', brand: 'Shop' });
    const counted = (locale: string, text: string) =>
      lintRenderedDeadlines('x', locale, text, context).map((problem) => problem.rule);
    expect(counted('it', 'La rimborseremo entro 14 giorni dal ricevimento del pacco.')).toEqual([
      'statutory_days_in_text',
    ]);
    expect(counted('nl', 'We betalen het bedrag binnen 14 dagen terug.')).toEqual(['statutory_days_in_text']);
    expect(counted('pl', 'Zwrot pieniędzy nastąpi w ciągu 14 dni.')).toEqual(['statutory_days_in_text']);
    expect(counted('th', 'เราจะคืนเงินภายใน 15 วัน')).toEqual(['statutory_days_in_text']);
    expect(counted('vi', 'Chúng tôi sẽ hoàn tiền trong 15 ngày.')).toEqual(['statutory_days_in_text']);
    expect(counted('id', 'Pengembalian dana dalam 7 hari.')).toEqual(['statutory_days_in_text']);
    expect(counted('hi', 'हम 14 दिन में रिफ़ंड कर देंगे।')).toEqual(['statutory_days_in_text']);
    // A repair time is a commercial promise, not a statutory period.
    expect(counted('vi', 'Việc sửa chữa mất khoảng 5 ngày làm việc.')).toEqual([]);
  });

  it('finds counted nouns without every plural category of the language', () => {
    expect(rules({ ar: 'خلال {promisedDays} يومًا' })).toContain('ar count_outside_plural');
    expect(rules({ ru: '{promisedDays, plural, one {# дня} other {# дней}}' })).toContain('ru plural_category_missing');
    expect(rules({ ar: '{itemCount, plural, one {منتج} two {منتجان} other {# منتجات}}' })).toEqual([
      'ar plural_category_missing',
      'ar plural_category_missing',
      'ar plural_category_missing',
    ]);
    // Chinese, Japanese and Korean have one form, so a bare count is fine there.
    expect(
      rules({ ja: '{promisedDays} 営業日以内', ko: '{promisedDays}일 이내', 'zh-CN': '{promisedDays} 个工作日' }),
    ).toEqual([]);
  });

  it('finds a Russian "one" branch without the number, which also reads for 21 and 31 items', () => {
    expect(rules({ ru: '{itemCount, plural, one {товар} few {# товара} many {# товаров} other {# товара}}' })).toEqual([
      'ru plural_branch_without_number',
    ]);
    expect(
      rules({ ru: '{itemCount, plural, =1 {товар} one {# товар} few {# товара} many {# товаров} other {# товара}}' }),
    ).toEqual([]);
  });

  it('finds a Korean particle whose form depends on the text put before it', () => {
    expect(rules({ ko: '{refundAmount}을 환불해 드렸습니다.' })).toEqual(['ko particle_after_placeholder']);
    expect(rules({ ko: '{itemTitle}는 무상 수리 대상입니다.' })).toEqual(['ko particle_after_placeholder']);
    // Particles that never change, and the copula, are fine.
    expect(rules({ ko: '{expectedDate}까지 {orderId}의 상품을 보내 드리며, 접수번호는 {caseRef}입니다.' })).toEqual([]);
  });

  it('finds colloquial words that clash with a formal salutation, and other wording a canned text must avoid', () => {
    expect(rules({ 'pt-BR': 'É só responder que a gente resolve rapidinho.' })).toEqual(['pt-BR colloquial_marker']);
    expect(rules({ ja: '本日発送いたしました。' })).toEqual(['ja time_bound_word']);
    expect(rules({ ja: '誠にありがとうございます。誠に申し訳ございません。' })).toEqual(['ja repeated_intensifier']);
    expect(lintText('scenario.1', 'pt-BR', 'Olá! A gente já viu seu pedido.').map((p) => p.rule)).toEqual([
      'colloquial_marker',
    ]);
  });
});

describe('the shipped library passes every content check', () => {
  it('has no structural or wording problem in any variant', () => {
    expect(library.replies.flatMap(lintReply)).toEqual([]);
  });

  it('counts no statutory days in any rendering, for any demo market and language', () => {
    const problems = DEMO_REPLY_MARKETS.flatMap((market) => {
      const context = buildReplyContext(demoReplyCase(market).caseRecord, {
        agentName: 'Li Wei',
        brand: 'Crossdesk Shop',
        trackingNumber: 'JT0012345678',
        expectedAt: '2026-11-28T12:00:00Z',
        promisedDays: 5,
      });
      return library.replies.flatMap((reply) =>
        Object.keys(reply.variants).flatMap((locale) =>
          lintRenderedDeadlines(reply.id, locale, renderReply(reply, context, locale, { salutations }).text, context),
        ),
      );
    });
    expect(problems).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { MarketCode } from '../domain';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { checkReply } from './checkReply';
import { describeFinding } from './describeFinding';
import { demoReplyCase } from './demoReplyCases';
import { getReply } from './replyLibrary';
import type { ReplyContext } from './replyContext';
import { renderReply } from './renderReply';
import { draftOf, renderSideBySide } from './sideBySide';

const library = builtinReplyLibrary();
const salutations = builtinSalutations();

function contextFor(market: MarketCode, extra: Partial<ReplyContext> = {}): ReplyContext {
  const demo = demoReplyCase(market);
  return {
    ...buildReplyContext(demo.caseRecord, {
      agentName: 'Li Wei',
      brand: 'Crossdesk Shop',
      trackingNumber: 'JT0012345678',
      expectedAt: '2026-11-28T12:00:00Z',
      promisedDays: 5,
    }),
    ...extra,
  };
}

/** Renders a reply for the customer and the agent, then lets the test edit the customer's text. */
function edited(
  replyId: string,
  market: MarketCode,
  locale: string,
  edit: (text: string) => string,
  agentLocale = 'en',
) {
  const context = contextFor(market);
  const pair = renderSideBySide(
    getReply(library, replyId),
    context,
    { customer: locale, agent: agentLocale },
    { salutations },
  );
  const text = edit(pair.customer.text);
  expect(text, 'the edit must change the text').not.toBe(pair.customer.text);
  return {
    good: pair.findings,
    bad: checkReply({ context, customer: draftOf(pair.customer, text), agent: draftOf(pair.agent) }),
  };
}

const codes = (findings: readonly { code: string }[]): string[] => findings.map((finding) => finding.code);

describe('pre-send checks', () => {
  it('finds placeholders an agent left unfilled', () => {
    const { good, bad } = edited('return_refund.acknowledge', 'DE', 'de', (text) =>
      text.replace('302-5518842-7731', '{orderId}'),
    );
    expect(good).toEqual([]);
    expect(bad).toContainEqual(
      expect.objectContaining({
        code: 'unfilled_placeholder',
        severity: 'error',
        params: expect.objectContaining({ name: 'orderId' }),
      }),
    );
    const typed = edited('return_refund.acknowledge', 'GB', 'en', (text) =>
      text.replace('within one business day', 'by [DATE]'),
    );
    expect(codes(typed.bad)).toContain('unfilled_placeholder');
  });

  it('finds a fact the case cannot fill and names it in the agent’s language (issue 14.3)', () => {
    const context = { ...contextFor('DE'), trackingNumber: undefined };
    const rendered = renderReply(getReply(library, 'inquiry.order_status'), context, 'de', { salutations });
    expect(rendered.missing).toEqual(['trackingNumber']);
    const findings = checkReply({ context, customer: draftOf(rendered) });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'missing_fact',
        severity: 'error',
        params: expect.objectContaining({ name: 'trackingNumber' }),
      }),
    ]);
    const [missing] = findings;
    if (!missing) throw new Error('no finding');
    expect(describeFinding(missing, 'en')).toBe(
      'This case has no tracking number yet, so the reply cannot state it: add it to the case, type it in, or choose another reply.',
    );
    expect(describeFinding(missing, 'zh-CN')).toContain('该工单还没有物流单号');
    expect(describeFinding(missing, 'ar')).toContain('رقم التتبع');
  });

  it('finds a missing count until the agent types it in', () => {
    const context = { ...contextFor('DE'), promisedDays: undefined };
    const rendered = renderReply(getReply(library, 'complaint.apology'), context, 'de', { salutations });
    expect(rendered.missing).toEqual(['promisedDays']);
    expect(codes(checkReply({ context, customer: draftOf(rendered) }))).toEqual(['missing_fact']);
    expect(rendered.text).toContain('innerhalb von {promisedDays} Werktagen');
    const typed = rendered.text.replace('{promisedDays} Werktagen', '3 Werktagen');
    expect(typed).not.toBe(rendered.text);
    expect(checkReply({ context, customer: draftOf(rendered, typed) })).toEqual([]);
  });

  it('finds an order id that differs between the customer and agent texts', () => {
    const { bad } = edited('return_refund.acknowledge', 'KR', 'ko', (text) =>
      text.replace('CP-77120934', 'CP-77120943'),
    );
    expect(bad).toEqual([
      expect.objectContaining({
        code: 'order_id_mismatch',
        params: expect.objectContaining({ onlyInCustomerText: 'CP-77120943', onlyInAgentText: 'CP-77120934' }),
      }),
    ]);
  });

  it('finds an amount that differs, reading each language’s own number format', () => {
    const { bad } = edited('return_refund.partial_refund', 'DE', 'de', (text) =>
      text.replace(/sofort 1\.299,00/u, 'sofort 1.199,00'),
    );
    expect(bad).toEqual([
      expect.objectContaining({
        code: 'amount_mismatch',
        params: expect.objectContaining({ onlyInCustomerText: 'EUR:119900' }),
      }),
    ]);
    const arabic = edited(
      'return_refund.partial_refund',
      'SA',
      'ar',
      (text) => text.replace('فورًا مبلغ \u2068\u200f٤٩٩٫٠٠', 'فورًا مبلغ \u2068\u200f٤٩٠٫٠٠'),
      'zh-CN',
    );
    expect(codes(arabic.good)).toEqual([]);
    expect(codes(arabic.bad)).toEqual(['amount_mismatch']);
  });

  it('finds a date that differs between the two renderings', () => {
    const { bad } = edited('return_refund.return_instructions', 'JP', 'ja', (text) =>
      text.replace('2026年11月12日', '2026年11月10日'),
    );
    expect(bad).toContainEqual(
      expect.objectContaining({
        code: 'date_mismatch',
        params: expect.objectContaining({ onlyInCustomerText: '2026-11-10', onlyInAgentText: '2026-11-12' }),
      }),
    );
  });

  it.each([
    [
      'DE',
      'de',
      'return_refund.acknowledge',
      (t: string) => t.replace('Bis dahin müssen Sie nichts', 'Bis dahin musst du nichts'),
    ],
    ['DE', 'de', 'return_refund.refund_issued', (t: string) => t.replace('auf Ihrem Konto', 'auf deinem Konto')],
    ['FR', 'fr', 'return_refund.acknowledge', (t: string) => t.replace('Vous n’avez rien', 'Tu n’as rien')],
    [
      'ES',
      'es',
      'return_refund.acknowledge',
      (t: string) => t.replace('Por ahora no necesita hacer nada más.', 'Por ahora no tienes que hacer nada más.'),
    ],
    [
      'RU',
      'ru',
      'return_refund.acknowledge',
      (t: string) => t.replace('Пока от Вас ничего больше не требуется.', 'Пока от тебя ничего не требуется.'),
    ],
    ['CN', 'zh-CN', 'return_refund.acknowledge', (t: string) => t.replace('感谢您就订单', '感谢你就订单')],
    [
      'JP',
      'ja',
      'return_refund.acknowledge',
      (t: string) => t.replace('今しばらくお待ちくださいませ。', 'ちょっと待ってね。'),
    ],
    [
      'KR',
      'ko',
      'return_refund.acknowledge',
      (t: string) => t.replace('지금은 별도로 하실 일이 없습니다.', '지금은 할 일 없어.'),
    ],
    [
      'KR',
      'ko',
      'return_refund.refund_issued',
      (t: string) => t.replace('함께 확인해 드리겠습니다.', '당신 계좌를 함께 확인해 드리겠습니다.'),
    ],
  ] as const)('finds informal address in %s/%s', (market, locale, replyId, edit) => {
    const { good, bad } = edited(replyId, market, locale, edit);
    expect(good).toEqual([]);
    expect(bad).toContainEqual(expect.objectContaining({ code: 'informal_address', severity: 'error' }));
  });

  it('finds a Korean reply that never addresses the customer with 님', () => {
    const { bad } = edited('return_refund.acknowledge', 'KR', 'ko', (text) =>
      text.replace('김민준 고객님, 안녕하세요.', '안녕하세요.').replace('고객님의 반품', '반품'),
    );
    expect(bad).toEqual([
      expect.objectContaining({ code: 'missing_honorific', params: expect.objectContaining({ expected: '고객님' }) }),
    ]);
  });

  it('accepts du where the market register is neutral (a brand that chose it)', () => {
    const context = contextFor('DE', { register: 'neutral' });
    const rendered = renderReply(getReply(library, 'return_refund.acknowledge'), context, 'de', { salutations });
    const text = rendered.text.replace('Bis dahin müssen Sie nichts', 'Bis dahin musst du nichts');
    expect(rendered.text.startsWith('Hallo Frau Müller,')).toBe(true);
    expect(checkReply({ context, customer: draftOf(rendered, text) })).toEqual([]);
  });

  it('finds a promised return window shorter than the statutory one', () => {
    const days = edited('return_refund.return_instructions', 'DE', 'de', (text) =>
      text.replace(
        'Sie können die Ware bis zum 19. November 2026 zurücksenden.',
        'Sie können die Ware innerhalb von 7 Tagen zurücksenden.',
      ),
    );
    expect(days.bad).toContainEqual(
      expect.objectContaining({
        code: 'return_window_shorter_than_statutory',
        severity: 'error',
        params: expect.objectContaining({ promisedDays: 7, statutoryDays: 14 }),
      }),
    );
    const date = edited('return_refund.return_instructions', 'FR', 'fr', (text) =>
      text.replace('jusqu’au 19 novembre 2026', 'jusqu’au 12 novembre 2026'),
    );
    expect(date.bad).toContainEqual(
      expect.objectContaining({
        code: 'return_deadline_before_statutory',
        params: expect.objectContaining({ promisedDate: '2026-11-12', statutoryDate: '2026-11-19' }),
      }),
    );
    const english = edited('return_refund.return_instructions', 'GB', 'en', (text) =>
      text.replace('You can send the goods back until 19 November 2026.', 'You can return it within 5 days.'),
    );
    expect(codes(english.bad)).toContain('return_window_shorter_than_statutory');
    const chinese = edited('return_refund.return_instructions', 'CN', 'zh-CN', (text) =>
      text.replace('您可在 2026年11月12日 前寄回商品。', '签收后 3 天内可申请退货。'),
    );
    expect(codes(chinese.bad)).toContain('return_window_shorter_than_statutory');
  });

  it('only warns where the statutory right is conditional (Japan: no return terms shown)', () => {
    const { bad } = edited('return_refund.return_instructions', 'JP', 'ja', (text) =>
      text.replace('ご返送の期限は 2026年11月12日 でございます。', '返品は商品到着後 5日以内にお願いいたします。'),
    );
    expect(bad).toContainEqual(
      expect.objectContaining({ code: 'return_window_shorter_than_statutory', severity: 'warning' }),
    );
  });

  it('warns about a refund promised later than the law allows', () => {
    const { bad } = edited('return_refund.approve_return_with_label', 'KR', 'ko', (text) =>
      text.replace(
        '늦어도 2026년 11월 19일까지 결제하신 수단으로 돌려드립니다.',
        '수령 후 14일 이내에 환불해 드립니다.',
      ),
    );
    expect(bad).toContainEqual(
      expect.objectContaining({
        code: 'refund_slower_than_statutory',
        severity: 'warning',
        params: expect.objectContaining({ promisedDays: 14, statutoryDays: 3 }),
      }),
    );
  });

  it('stays silent on a longer, more generous return window', () => {
    const { bad } = edited('return_refund.return_instructions', 'DE', 'de', (text) =>
      text.replace(
        'Sie können die Ware bis zum 19. November 2026 zurücksenden.',
        'Sie können die Ware bis zum 19. November 2026 zurücksenden; aus Kulanz nehmen wir sie sogar innerhalb von 30 Tagen zurück.',
      ),
    );
    expect(bad).toEqual([]);
  });

  it('does not read a product name or “back in stock” as a return promise', () => {
    const context = contextFor('GB', { itemTitle: 'Noise-Cancelling Headphones 2 Days Edition' });
    const rendered = renderReply(getReply(library, 'repair_warranty.repair_under_warranty'), context, 'en', {
      salutations,
    });
    expect(checkReply({ context, customer: draftOf(rendered) })).toEqual([]);
    const french = contextFor('FR');
    const stock = renderReply(getReply(library, 'exchange.out_of_stock'), french, 'fr', { salutations });
    expect(stock.text).toContain('dès son retour en stock, prévu le 28 novembre 2026');
    expect(checkReply({ context: french, customer: draftOf(stock) })).toEqual([]);
  });
});

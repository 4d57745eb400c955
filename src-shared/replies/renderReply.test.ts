import { describe, expect, it } from 'vitest';
import type { Case, MarketCode, PersonName } from '../domain';
import { computeStatutoryClocks } from '../rights';
import { stripBidiControls } from './bidi';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { demoReplyCase } from './demoReplyCases';
import { getReply } from './replyLibrary';
import { renderReply } from './renderReply';

const library = builtinReplyLibrary();
const salutations = builtinSalutations();
const options = { agentName: 'Li Wei', brand: 'Crossdesk Shop' };

function withName(market: MarketCode, name: PersonName): Case {
  const { caseRecord } = demoReplyCase(market);
  return { ...caseRecord, customer: { ...caseRecord.customer, name } };
}

function firstLine(market: MarketCode, locale: string, name?: PersonName): string {
  const caseRecord = name ? withName(market, name) : demoReplyCase(market).caseRecord;
  const text = renderReply(
    getReply(library, 'return_refund.acknowledge'),
    buildReplyContext(caseRecord, options),
    locale,
    { salutations },
  ).text;
  return stripBidiControls(text.split('\n')[0] ?? '');
}

describe('salutations by market and language', () => {
  it.each([
    ['CN', 'zh-CN', undefined, '尊敬的王先生，您好！'],
    ['CN', 'zh-CN', { given: '丽', family: '王', order: 'family_given', gender: 'female' }, '尊敬的王女士，您好！'],
    ['JP', 'ja', undefined, '田中様'],
    ['KR', 'ko', undefined, '김민준 고객님, 안녕하세요.'],
    ['DE', 'de', undefined, 'Sehr geehrte Frau Müller,'],
    [
      'DE',
      'de',
      { given: 'Jonas', family: 'Becker', order: 'given_family', gender: 'male' },
      'Sehr geehrter Herr Becker,',
    ],
    ['DE', 'de', { given: 'Kim', family: 'Wagner', order: 'given_family', gender: 'unknown' }, 'Guten Tag Kim Wagner,'],
    ['FR', 'fr', undefined, 'Bonjour Madame Dupont,'],
    ['ES', 'es', undefined, 'Estimado Sr. García:'],
    ['BR', 'pt-BR', undefined, 'Olá, Ana!'],
    ['RU', 'ru', undefined, 'Здравствуйте, Иван!'],
    ['RU', 'ru', { given: 'Анна', family: 'Смирнова', order: 'given_family', gender: 'female' }, 'Здравствуйте, Анна!'],
    ['SA', 'ar', undefined, 'الأستاذ Omar المحترم،'],
    [
      'SA',
      'ar',
      { given: 'Fatima', family: 'Al-Harbi', order: 'given_family', gender: 'female' },
      'الأستاذة Fatima المحترمة،',
    ],
    ['GB', 'en', undefined, 'Hello Ms Clarke,'],
    ['US', 'en', undefined, 'Hello Jordan,'],
  ] as const)('%s customer in %s', (market, locale, name, expected) => {
    expect(firstLine(market, locale, name as PersonName | undefined)).toBe(expected);
  });

  it('uses the formal register where the market asks for it, in English too', () => {
    const caseRecord = demoReplyCase('DE').caseRecord;
    const text = renderReply(
      getReply(library, 'return_refund.acknowledge'),
      buildReplyContext(caseRecord, options),
      'en',
      { salutations },
    ).text;
    expect(text.startsWith('Dear Ms Müller,')).toBe(true);
    expect(text).toContain('Kind regards,');
  });
});

describe('facts in the customer’s conventions', () => {
  it('formats amounts in the order currency with the customer’s locale', () => {
    const amount = (market: MarketCode, locale: string) =>
      renderReply(
        getReply(library, 'return_refund.refund_issued'),
        buildReplyContext(demoReplyCase(market).caseRecord, options),
        locale,
        { salutations },
      ).values.refundAmount;
    expect(amount('DE', 'de')).toBe('1.299,00\u00a0€');
    expect(amount('JP', 'ja')).toBe('￥12,800');
    expect(amount('KR', 'ko')).toBe('₩159,000');
    expect(amount('SA', 'ar')).toBe('\u200f٤٩٩٫٠٠\u00a0ر.س.\u200f');
    expect(amount('BR', 'pt-BR')).toBe('R$\u00a0349,90');
    expect(amount('CN', 'zh-CN')).toBe('¥1,299.00');
  });

  it('shows an instant as the date it is in the customer’s zone', () => {
    const { caseRecord } = demoReplyCase('JP');
    const order = caseRecord.order;
    if (!order) throw new Error('demo order');
    // 20:30 UTC on 1 November is already 2 November in Tokyo.
    const lateOrder = { ...caseRecord, order: { ...order, purchasedAt: '2026-11-01T20:30:00Z' } };
    const rendered = renderReply(
      getReply(library, 'price_protection.declined'),
      buildReplyContext(lateOrder, options),
      'ja',
      { salutations },
    );
    expect(rendered.values.purchaseDate).toBe('2026年11月2日');
    const german = renderReply(
      getReply(library, 'price_protection.declined'),
      buildReplyContext(lateOrder, options),
      'de',
      { salutations },
    );
    expect(german.values.purchaseDate).toBe('2. November 2026');
  });

  it('quotes legal deadlines exactly as the rights calculator computed them', () => {
    for (const market of ['DE', 'CN', 'KR', 'RU', 'BR'] as const) {
      const { caseRecord } = demoReplyCase(market);
      const context = buildReplyContext(caseRecord, options);
      const clocks = computeStatutoryClocks({
        market,
        purchasedAt: caseRecord.order?.purchasedAt,
        deliveredAt: caseRecord.order?.deliveredAt,
        returnReceivedAt: caseRecord.order?.returnReceivedAt,
        // A return case opens with the customer's withdrawal notice.
        withdrawalNotifiedAt: caseRecord.createdAt,
        itemCategories: ['electronics'],
      });
      const withdrawal = clocks.find((clock) => clock.kind === 'withdrawal_ends');
      expect(context.deadlines.withdrawalEnds?.dueDate, market).toBe(withdrawal?.dueDate);
      const refund = clocks.find((clock) => clock.kind === 'refund_due');
      expect(context.deadlines.refundDue?.dueDate, market).toBe(refund?.dueDate ?? undefined);
    }
    expect(buildReplyContext(demoReplyCase('KR').caseRecord, options).deadlines.refundDue?.periodDays).toBe(3);
    expect(buildReplyContext(demoReplyCase('BR').caseRecord, options).deadlines.refundDue?.periodDays).toBe(0);
    expect(buildReplyContext(demoReplyCase('JP').caseRecord, options).deadlines.withdrawalEnds?.conditional).toBe(true);
  });

  it('takes the register from the market pack unless the brand overrides it', () => {
    expect(buildReplyContext(demoReplyCase('DE').caseRecord, options).register).toBe('formal');
    expect(buildReplyContext(demoReplyCase('BR').caseRecord, options).register).toBe('neutral');
    expect(buildReplyContext(demoReplyCase('DE').caseRecord, { ...options, register: 'neutral' }).register).toBe(
      'neutral',
    );
  });
});

describe('statutory refund dates', () => {
  const render = (market: MarketCode, locale: string) =>
    renderReply(
      getReply(library, 'return_refund.approve_return_with_label'),
      buildReplyContext(demoReplyCase(market).caseRecord, options),
      locale,
      { salutations },
    ).text;

  it('quotes the date counted from the withdrawal notice, not from the parcel’s arrival (issue 13)', () => {
    // The case opened on 12 November (the notice); the parcel arrived on 16 November.
    expect(render('DE', 'de')).toContain('spätestens am 26. November 2026');
    expect(render('DE', 'de')).not.toMatch(/nach Eingang/u);
    expect(render('FR', 'fr')).toContain('au plus tard le 26 novembre 2026');
    expect(render('RU', 'ru')).toContain('не позднее 22 ноября 2026 г.');
    // Brazil refunds at once: the due date is the notice day itself.
    expect(render('BR', 'pt-BR')).toContain('até 12 de novembro de 2026');
  });

  it('counts business days where the law does (Korea) and says no count of its own', () => {
    const korean = render('KR', 'ko');
    expect(korean).toContain('늦어도 2026년 11월 19일까지');
    expect(korean).not.toMatch(/\d+일 이내/u);
    expect(render('KR', 'en')).toContain('no later than November 19, 2026');
  });
});

describe('naming the customer mid-text', () => {
  it('uses the market pack’s honorific for the customer’s language', () => {
    const render = (market: MarketCode, locale: string) =>
      renderReply(
        getReply(library, 'complaint.apology'),
        buildReplyContext(demoReplyCase(market).caseRecord, { ...options, promisedDays: 3 }),
        locale,
        { salutations },
      ).text;
    expect(render('JP', 'ja')).toContain('このたびは田中様に多大なるご迷惑');
    expect(render('KR', 'ko')).toContain('김민준 고객님께 불편을 드린 점');
  });
});

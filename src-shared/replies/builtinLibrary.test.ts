import { describe, expect, it } from 'vitest';
import { CASE_TYPES, type MarketCode } from '../domain';
import { generateDemoData } from '../demo';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { demoReplyCase } from './demoReplyCases';
import { describeReply } from './replyLibrary';
import { replyAvailability } from './replyAvailability';
import { renderSideBySide } from './sideBySide';
import { variantStatus } from './staleness';

/** Every language the demo's customers write in (issue 14.6: th, vi, it, nl, pl, hi and id were missing). */
const REQUIRED_LOCALES = [
  'en',
  'zh-CN',
  'de',
  'fr',
  'es',
  'ja',
  'ko',
  'ar',
  'pt-BR',
  'ru',
  'it',
  'nl',
  'pl',
  'th',
  'vi',
  'id',
  'hi',
] as const;
/** The market whose customers write each language; every reply is rendered for a real case there. */
const MARKET_OF: Record<(typeof REQUIRED_LOCALES)[number], MarketCode> = {
  en: 'GB',
  'zh-CN': 'CN',
  de: 'DE',
  fr: 'FR',
  es: 'ES',
  ja: 'JP',
  ko: 'KR',
  ar: 'SA',
  'pt-BR': 'BR',
  ru: 'RU',
  it: 'IT',
  nl: 'NL',
  pl: 'PL',
  th: 'TH',
  vi: 'VN',
  id: 'ID',
  hi: 'IN',
};
const REQUIRED_SITUATIONS = [
  'acknowledge',
  'request_photos',
  'approve_return_with_label',
  'refund_issued',
  'repair_under_warranty',
  'price_protection_approved',
  'price_protection_declined',
  'privacy_request_received',
  'privacy_request_fulfilled',
  'payment_dispute_guidance',
  'apology_for_delay',
];

function contextFor(market: MarketCode) {
  const demo = demoReplyCase(market);
  const currency = demo.caseRecord.order?.total.currency ?? 'EUR';
  return {
    demo,
    context: buildReplyContext(demo.caseRecord, {
      agentName: 'Li Wei',
      brand: 'Crossdesk Shop',
      trackingNumber: '1Z999AA10123456784',
      expectedAt: '2026-11-28T12:00:00Z',
      promisedDays: 5,
      priceDifference: { amountMinor: 1000, currency },
      attachments: ['return_label'],
    }),
  };
}

describe('the shipped reply library', () => {
  const library = builtinReplyLibrary();

  it('has at least 30 replies covering every case type and the situations of issue 4', () => {
    expect(library.replies.length).toBeGreaterThanOrEqual(30);
    for (const type of CASE_TYPES)
      expect(
        library.replies.some((reply) => reply.caseTypes.includes(type)),
        type,
      ).toBe(true);
    const situations = new Set(library.replies.map((reply) => reply.situation));
    for (const situation of REQUIRED_SITUATIONS) expect(situations.has(situation as never), situation).toBe(true);
  });

  it('has every required language for every reply, all translated from the current source', () => {
    for (const reply of library.replies) {
      for (const locale of REQUIRED_LOCALES) {
        expect(reply.variants[locale], `${reply.id} ${locale}`).toBeDefined();
        expect(variantStatus(reply, locale), `${reply.id} ${locale}`).not.toBe('stale');
      }
    }
  });

  it('shows titles and purposes to agents in English, Chinese and Arabic', () => {
    for (const reply of library.replies) {
      for (const ui of ['en', 'zh-CN', 'ar']) {
        const described = describeReply(reply, ui);
        expect(described.locale, `${reply.id} ${ui}`).toBe(ui);
        expect(described.title.length).toBeGreaterThan(2);
        expect(described.purpose.length).toBeGreaterThan(10);
      }
    }
    expect(describeReply(library.replies[0]!, 'zh-HK').locale).toBe('zh-CN');
  });

  it('renders every reply in every required language for a real case with no finding', () => {
    const germany = contextFor('DE');
    let natural = 0;
    for (const locale of REQUIRED_LOCALES) {
      const home = contextFor(MARKET_OF[locale]);
      for (const reply of library.replies) {
        // A reply quoting a deadline the home market's law does not have is not offered there
        // (replyAvailability); it is rendered for the German case, whose law has every clock.
        const { context } = replyAvailability(reply, home.context).available ? home : germany;
        if (context === home.context) natural++;
        for (const agent of ['en', 'zh-CN']) {
          const result = renderSideBySide(
            reply,
            context,
            { customer: locale, agent },
            { salutations: builtinSalutations() },
          );
          expect(
            result.findings,
            `${reply.id} ${locale} for ${context.market}, agent ${agent}\n${result.customer.text}`,
          ).toEqual([]);
          expect(result.customer.resolution.locale).toBe(locale);
          expect(result.customer.missing).toEqual([]);
        }
      }
    }
    expect(natural).toBeGreaterThan(REQUIRED_LOCALES.length * library.replies.length * 0.9);
  });

  it('says which replies a market cannot use and why', () => {
    const { context } = contextFor('JP');
    const privacy = library.replies.find((reply) => reply.id === 'privacy_request.received');
    expect(privacy && replyAvailability(privacy, context)).toEqual({
      available: false,
      missing: ['privacyResponseDue'],
    });
    const germany = contextFor('DE').context;
    expect(privacy && replyAvailability(privacy, germany)).toEqual({ available: true, missing: [] });
  });
});

describe('replies for the generated demo data', () => {
  it('render for every available reply of real demo cases with no finding but a language fallback', () => {
    const demo = generateDemoData({ seed: 20261125, cases: 60, now: '2026-11-25T08:00:00.000Z' });
    const library = builtinReplyLibrary();
    let rendered = 0;
    for (const caseRecord of demo.cases) {
      const context = buildReplyContext(caseRecord, {
        agentName: 'Li Na',
        brand: 'Crossdesk Shop',
        trackingNumber: 'JT0012345678',
        expectedAt: '2026-11-28T12:00:00Z',
        promisedDays: 5,
      });
      for (const reply of library.replies) {
        if (!replyAvailability(reply, context).available) continue;
        const result = renderSideBySide(
          reply,
          context,
          { customer: caseRecord.locale, agent: 'zh-CN' },
          { salutations: builtinSalutations() },
        );
        const inLibrary = result.customer.resolution.locale.split('-')[0] === caseRecord.locale.split('-')[0];
        const expected = result.customer.resolution.usedFallback ? ['fallback_language'] : [];
        expect(
          result.findings.map((finding) => finding.code),
          `${reply.id} for ${caseRecord.ref} (${caseRecord.locale}, ${caseRecord.customer.market})`,
        ).toEqual(expected);
        if (inLibrary) rendered++;
      }
    }
    expect(rendered).toBeGreaterThan(500);
  });
});

import { CaseSchema, type Case, type CaseType, type MarketCode, type PersonName } from '../domain';

/**
 * Realistic cases per market for previews, training and tests: a customer in the market's zone and
 * language, an order in its currency, delivered and returned on known dates.
 */
export interface DemoReplyCase {
  market: MarketCode;
  locale: string;
  caseRecord: Case;
}

interface Seed {
  market: MarketCode;
  locale: string;
  timeZone: string;
  name: PersonName;
  currency: string;
  totalMinor: number;
  item: string;
  orderId: string;
}

const SEEDS: readonly Seed[] = [
  {
    market: 'GB',
    locale: 'en-GB',
    timeZone: 'Europe/London',
    name: { given: 'Emma', family: 'Clarke', order: 'given_family', gender: 'female' },
    currency: 'GBP',
    totalMinor: 8999,
    item: 'Wireless headphones',
    orderId: '205-8812345-1122334',
  },
  {
    market: 'CN',
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    name: { given: '家豪', family: '王', order: 'family_given', gender: 'male' },
    currency: 'CNY',
    totalMinor: 129900,
    item: '无线降噪耳机',
    orderId: 'JD202611020001',
  },
  {
    market: 'DE',
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    name: { given: 'Anna', family: 'Müller', order: 'given_family', gender: 'female' },
    currency: 'EUR',
    totalMinor: 129900,
    item: 'Kabellose Kopfhörer',
    orderId: '302-5518842-7731',
  },
  {
    market: 'FR',
    locale: 'fr-FR',
    timeZone: 'Europe/Paris',
    name: { given: 'Claire', family: 'Dupont', order: 'given_family', gender: 'female' },
    currency: 'EUR',
    totalMinor: 4990,
    item: 'Casque sans fil',
    orderId: 'FR-88213077',
  },
  {
    market: 'ES',
    locale: 'es-ES',
    timeZone: 'Europe/Madrid',
    name: { given: 'Javier', family: 'García López', order: 'given_family', gender: 'male' },
    currency: 'EUR',
    totalMinor: 7450,
    item: 'Auriculares inalámbricos',
    orderId: 'ES-40917720',
  },
  {
    market: 'JP',
    locale: 'ja-JP',
    timeZone: 'Asia/Tokyo',
    name: { given: '花子', family: '田中', order: 'family_given', gender: 'female' },
    currency: 'JPY',
    totalMinor: 12800,
    item: 'ワイヤレスイヤホン',
    orderId: 'RK-5531029',
  },
  {
    market: 'KR',
    locale: 'ko-KR',
    timeZone: 'Asia/Seoul',
    name: { given: '민준', family: '김', order: 'family_given', gender: 'male' },
    currency: 'KRW',
    totalMinor: 159000,
    item: '무선 이어폰',
    orderId: 'CP-77120934',
  },
  {
    market: 'SA',
    locale: 'ar-SA',
    timeZone: 'Asia/Riyadh',
    name: { given: 'Omar', family: 'Haddad', order: 'given_family', gender: 'male' },
    currency: 'SAR',
    totalMinor: 49900,
    item: 'سماعات لاسلكية',
    orderId: 'NN-20261102-448',
  },
  {
    market: 'BR',
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    name: { given: 'Ana', family: 'Souza', order: 'given_family', gender: 'female' },
    currency: 'BRL',
    totalMinor: 34990,
    item: 'Fone de ouvido sem fio',
    orderId: 'ML-2049981123',
  },
  {
    market: 'RU',
    locale: 'ru-RU',
    timeZone: 'Europe/Moscow',
    name: { given: 'Иван', family: 'Петров', order: 'given_family', gender: 'male' },
    currency: 'RUB',
    totalMinor: 899000,
    item: 'Беспроводные наушники',
    orderId: 'OZ-0193377-0042',
  },
  {
    market: 'US',
    locale: 'en-US',
    timeZone: 'America/Los_Angeles',
    name: { given: 'Jordan', family: 'Lee', order: 'given_family', gender: 'unknown' },
    currency: 'USD',
    totalMinor: 5999,
    item: 'Wireless earbuds',
    orderId: '113-4432123-1234567',
  },
  {
    market: 'IT',
    locale: 'it-IT',
    timeZone: 'Europe/Rome',
    name: { given: 'Giulia', family: 'Rossi', order: 'given_family', gender: 'female' },
    currency: 'EUR',
    totalMinor: 8990,
    item: 'Cuffie wireless',
    orderId: 'IT-57203318',
  },
  {
    market: 'NL',
    locale: 'nl-NL',
    timeZone: 'Europe/Amsterdam',
    name: { given: 'Daan', family: 'de Vries', order: 'given_family', gender: 'male' },
    currency: 'EUR',
    totalMinor: 6495,
    item: 'Draadloze koptelefoon',
    orderId: 'BOL-1044778213',
  },
  {
    market: 'PL',
    locale: 'pl-PL',
    timeZone: 'Europe/Warsaw',
    name: { given: 'Katarzyna', family: 'Nowak', order: 'given_family', gender: 'female' },
    currency: 'PLN',
    totalMinor: 34900,
    item: 'Słuchawki bezprzewodowe',
    orderId: 'AL-8833120456',
  },
  {
    market: 'TH',
    locale: 'th-TH',
    timeZone: 'Asia/Bangkok',
    name: { given: 'สมชาย', family: 'ใจดี', order: 'given_family', gender: 'male' },
    currency: 'THB',
    totalMinor: 259000,
    item: 'หูฟังไร้สาย',
    orderId: 'SHP-2611020088',
  },
  {
    market: 'VN',
    locale: 'vi-VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    name: { given: 'Lan', family: 'Nguyễn', order: 'family_given', gender: 'female' },
    currency: 'VND',
    totalMinor: 1490000,
    item: 'Tai nghe không dây',
    orderId: 'TK-261102445',
  },
  {
    market: 'ID',
    locale: 'id-ID',
    timeZone: 'Asia/Jakarta',
    name: { given: 'Budi', family: 'Santoso', order: 'given_family', gender: 'male' },
    currency: 'IDR',
    totalMinor: 89900000,
    item: 'Headphone nirkabel',
    orderId: 'TKP-20261102-7781',
  },
  {
    market: 'IN',
    locale: 'hi-IN',
    timeZone: 'Asia/Kolkata',
    name: { given: 'Priya', family: 'Sharma', order: 'given_family', gender: 'female' },
    currency: 'INR',
    totalMinor: 499900,
    item: 'वायरलेस हेडफ़ोन',
    orderId: 'FK-OD226110200456',
  },
];

const ids = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function demoReplyCase(market: MarketCode, type: CaseType = 'return_refund'): DemoReplyCase {
  const index = SEEDS.findIndex((candidate) => candidate.market === market);
  const seed = SEEDS[index];
  if (!seed) throw new Error(`no demo reply case for ${market}`);
  const caseRecord = CaseSchema.parse({
    id: ids(100 + index),
    ref: `CD-${104230 + index}`,
    type,
    status: 'open',
    priority: 'normal',
    channel: 'email',
    subject: seed.item,
    locale: seed.locale,
    customer: {
      id: ids(200 + index),
      name: seed.name,
      locale: seed.locale,
      market: seed.market,
      timeZone: seed.timeZone,
      contacts: [{ channel: 'email', address: `customer${index}@example.com` }],
    },
    order: {
      platform: 'shop',
      orderId: seed.orderId,
      items: [
        {
          sku: `SKU-${index}`,
          title: seed.item,
          category: 'electronics',
          quantity: 1,
          unitPrice: { amountMinor: seed.totalMinor, currency: seed.currency },
        },
      ],
      total: { amountMinor: seed.totalMinor, currency: seed.currency },
      purchasedAt: '2026-11-02T09:30:00Z',
      shippedAt: '2026-11-03T09:30:00Z',
      deliveredAt: '2026-11-05T14:00:00Z',
      returnReceivedAt: '2026-11-16',
    },
    teamId: ids(1),
    assigneeId: null,
    tags: [],
    createdAt: '2026-11-12T08:00:00Z',
    updatedAt: '2026-11-12T08:00:00Z',
    statusChangedAt: '2026-11-12T08:00:00Z',
    firstRepliedAt: null,
    lastCustomerMessageAt: '2026-11-12T08:00:00Z',
    slaDueAt: null,
    mergedIntoId: null,
    version: 1,
    assigneeVersion: 1,
  });
  return { market: seed.market, locale: seed.locale, caseRecord };
}

export const DEMO_REPLY_MARKETS: readonly MarketCode[] = SEEDS.map((seed) => seed.market);

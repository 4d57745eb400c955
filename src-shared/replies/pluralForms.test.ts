import { describe, expect, it } from 'vitest';
import { stripBidiControls } from './bidi';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { demoReplyCase } from './demoReplyCases';
import { messageArguments } from './placeholders';
import type { ReplyContext } from './replyContext';
import { renderReply } from './renderReply';

const library = builtinReplyLibrary();
const salutations = builtinSalutations();
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 101];

type Forms = Readonly<Record<number, string>>;

/**
 * What a native reader expects after each number, written out by hand per reply and count: Russian
 * one/few/many (в течение 1/21/101 рабочего дня, 2/3 рабочих дней), Arabic singular, dual, 3–10 plural,
 * 11–99 singular accusative and 100+ genitive singular. `#` stands for the number as rendered.
 */
const EXPECTED: Readonly<Record<'ru' | 'ar', Readonly<Record<string, Forms>>>> = {
  ru: {
    'complaint.apology promisedDays': {
      0: '# рабочих дней',
      1: '# рабочего дня',
      2: '# рабочих дней',
      3: '# рабочих дней',
      5: '# рабочих дней',
      11: '# рабочих дней',
      21: '# рабочего дня',
      101: '# рабочего дня',
    },
    'repair_warranty.repair_under_warranty promisedDays': {
      0: 'около # рабочих дней',
      1: 'около # рабочего дня',
      2: 'около # рабочих дней',
      3: 'около # рабочих дней',
      5: 'около # рабочих дней',
      11: 'около # рабочих дней',
      21: 'около # рабочего дня',
      101: 'около # рабочего дня',
    },
    'inquiry.follow_up_no_response promisedDays': {
      0: 'в течение # дней',
      1: 'в течение # дня',
      2: 'в течение # дней',
      3: 'в течение # дней',
      5: 'в течение # дней',
      11: 'в течение # дней',
      21: 'в течение # дня',
      101: 'в течение # дня',
    },
    'return_refund.approve_return_with_label itemCount': {
      0: 'все товары (# шт.)',
      1: 'упакуйте товар,',
      2: 'все товары (# шт.)',
      3: 'все товары (# шт.)',
      5: 'все товары (# шт.)',
      11: 'все товары (# шт.)',
      21: 'все товары (# шт.)',
      101: 'все товары (# шт.)',
    },
    'return_refund.return_received itemCount': Object.fromEntries(COUNTS.map((n) => [n, '(# шт.)'])),
  },
  ar: {
    'complaint.apology promisedDays': {
      0: 'خلال # يوم عمل',
      1: 'خلال يوم عمل واحد',
      2: 'خلال يومَي عمل',
      3: 'خلال # أيام عمل',
      5: 'خلال # أيام عمل',
      11: 'خلال # يوم عمل',
      21: 'خلال # يوم عمل',
      101: 'خلال # يوم عمل',
    },
    'repair_warranty.repair_under_warranty promisedDays': {
      0: 'نحو # يوم عمل',
      1: 'نحو يوم عمل واحد',
      2: 'نحو يومَي عمل',
      3: 'نحو # أيام عمل',
      5: 'نحو # أيام عمل',
      11: 'نحو # يوم عمل',
      21: 'نحو # يوم عمل',
      101: 'نحو # يوم عمل',
    },
    'inquiry.follow_up_no_response promisedDays': {
      0: 'خلال # يوم',
      1: 'خلال يوم واحد',
      2: 'خلال يومين',
      3: 'خلال # أيام',
      5: 'خلال # أيام',
      11: 'خلال # يومًا',
      21: 'خلال # يومًا',
      101: 'خلال # يوم',
    },
    'return_refund.approve_return_with_label itemCount': {
      0: 'تغليف المنتجات جيدًا',
      1: 'تغليف المنتج جيدًا',
      2: 'تغليف المنتجَين جيدًا',
      3: 'تغليف المنتجات (#) جيدًا',
      5: 'تغليف المنتجات (#) جيدًا',
      11: 'تغليف المنتجات (#) جيدًا',
      21: 'تغليف المنتجات (#) جيدًا',
      101: 'تغليف المنتجات (#) جيدًا',
    },
    'return_refund.return_received itemCount': {
      0: 'استلمنا المنتجات المرتجعة من',
      1: 'استلمنا المنتج المرتجع من',
      2: 'استلمنا المنتجَين المرتجعَين من',
      3: 'استلمنا المنتجات المرتجعة (#) من',
      5: 'استلمنا المنتجات المرتجعة (#) من',
      11: 'استلمنا المنتجات المرتجعة (#) من',
      21: 'استلمنا المنتجات المرتجعة (#) من',
      101: 'استلمنا المنتجات المرتجعة (#) من',
    },
  },
};

const MARKET = { ru: 'RU', ar: 'SA' } as const;

function contextWith(locale: 'ru' | 'ar', name: string, n: number): ReplyContext {
  const base = buildReplyContext(demoReplyCase(MARKET[locale]).caseRecord, {
    agentName: 'Li Wei',
    brand: 'Crossdesk Shop',
    trackingNumber: 'JT0012345678',
    expectedAt: '2026-11-28T12:00:00Z',
    promisedDays: 5,
  });
  return { ...base, [name]: n };
}

describe('counted nouns in Russian and Arabic (issue 13)', () => {
  it('has an expected form for every counted placeholder in every reply', () => {
    for (const locale of ['ru', 'ar'] as const) {
      const counted = library.replies.flatMap((reply) => {
        const variant = reply.variants[locale];
        if (!variant) return [];
        return [...messageArguments(variant.body, locale)]
          .filter(([, kind]) => kind === 'plural')
          .map(([name]) => `${reply.id} ${name}`);
      });
      expect(counted.sort(), locale).toEqual(Object.keys(EXPECTED[locale]).sort());
    }
  });

  for (const locale of ['ru', 'ar'] as const) {
    for (const [key, forms] of Object.entries(EXPECTED[locale])) {
      const [replyId = '', name = ''] = key.split(' ');
      it(`${locale} ${key} for n = ${COUNTS.join(', ')}`, () => {
        const reply = library.replies.find((candidate) => candidate.id === replyId);
        if (!reply) throw new Error(`no reply ${replyId}`);
        for (const n of COUNTS) {
          const context = contextWith(locale, name, n);
          const rendered = renderReply(reply, context, locale, { salutations });
          const digits = new Intl.NumberFormat(rendered.formatLocale).format(n);
          const expected = (forms[n] ?? '').replace('#', digits);
          expect(stripBidiControls(rendered.text), `n = ${n}`).toContain(expected);
        }
      });
    }
  }
});

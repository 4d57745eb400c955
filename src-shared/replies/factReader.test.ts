import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAmounts, readDates, readIdentifiers } from './factReader';
import { formatDateOnly, formatMoney } from './formatters';

const LOCALES = [
  'en-GB',
  'en-US',
  'zh-CN',
  'de-DE',
  'fr-FR',
  'es-ES',
  'ja-JP',
  'ko-KR',
  'ar-SA',
  'ar',
  'pt-BR',
  'ru-RU',
];
const CURRENCIES = ['EUR', 'USD', 'JPY', 'KRW', 'SAR', 'BRL', 'RUB', 'CNY', 'GBP'];
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('reading facts back from written replies', () => {
  it('reads back any date in the style replies write it, in every locale', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), isoDate, (locale, date) => {
        expect(readDates(`… ${formatDateOnly(date, locale)} …`, locale)).toEqual([date]);
      }),
    );
  });

  it('reads back any amount in any currency, in every locale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 0, max: 10_000_000_00 }),
        (locale, currency, amountMinor) => {
          const text = `Betrag ${formatMoney({ amountMinor, currency }, locale)} gesamt`;
          expect(readAmounts(text, locale, [currency])).toEqual([`${currency}:${amountMinor}`]);
        },
      ),
    );
  });

  it('reads order ids but not years, prices or counts', () => {
    expect(
      readIdentifiers('订单 JD202611020001 于 2026年11月5日 送达，共 2 件，¥1,299.00，单号 302-5518842-7731。'),
    ).toEqual(['JD202611020001', '302-5518842-7731']);
  });
});

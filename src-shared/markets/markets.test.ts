import { describe, expect, it } from 'vitest';
import { MARKET_CODES } from '../domain/market';
import {
  CULTURE_TOPICS,
  getMarketPack,
  holidayOn,
  holidaysInYear,
  isPublicHoliday,
  isWorkingDay,
  listHolidayOverrides,
  listMarketPacks,
  makeUpWorkingDays,
  marketDayStatus,
  MarketPackSchema,
  HolidayOverrideSchema,
  packReport,
} from './index';
import { OVERRIDE_FILES, PACK_FILES } from './packData';

const dates = (market: Parameters<typeof holidaysInYear>[0], year: number, region?: string): string[] =>
  holidaysInYear(market, year, region).map((holiday) => holiday.date);

describe('market packs', () => {
  it('has exactly one valid pack per market code', () => {
    expect(
      listMarketPacks()
        .map((pack) => pack.code)
        .sort(),
    ).toEqual([...MARKET_CODES].sort());
    for (const { file, data } of PACK_FILES) {
      const parsed = MarketPackSchema.safeParse(data);
      expect(parsed.success, `${file}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
    for (const { file, data } of OVERRIDE_FILES) expect(HolidayOverrideSchema.safeParse(data).success, file).toBe(true);
  });

  it('keeps every legal fact sourced and marked, and cultural notes in English and Chinese', () => {
    for (const pack of listMarketPacks()) {
      const facts = [
        pack.rights.consumerLaw,
        pack.rights.withdrawal,
        pack.rights.returnShipping,
        pack.rights.refund,
        pack.rights.guarantee,
        pack.rights.privacy,
        pack.rights.authority,
        pack.rights.disputeBody,
        ...pack.rights.clocks.map((clock) => clock.fact),
        ...pack.rights.absentClocks.map((clock) => clock.fact),
      ];
      for (const fact of facts) {
        expect(fact.source.label.length, pack.code).toBeGreaterThan(0);
        expect(typeof fact.verified).toBe('boolean');
        expect(fact.summary.en.length).toBeGreaterThan(0);
        expect(fact.summary['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const topic of CULTURE_TOPICS) {
        expect(pack.culture.topics[topic].text.en.length, `${pack.code} ${topic}`).toBeGreaterThan(0);
        expect(pack.culture.topics[topic].text['zh-CN'], `${pack.code} ${topic}`).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(pack.culture.honorifics.length).toBeGreaterThan(0);
      expect(packReport(pack, [2026]).missing, pack.code).toEqual([]);
    }
  });

  it('keeps facts that markets.md marks unverified unverified', () => {
    expect(getMarketPack('DE').rights.guarantee.verified).toBe(false);
    expect(getMarketPack('MX').rights.guarantee.verified).toBe(false);
    expect(getMarketPack('CN').rights.guarantee.verified).toBe(false);
    expect(getMarketPack('AE').rights.withdrawal.verified).toBe(false);
    expect(getMarketPack('CN').rights.withdrawal.verified).toBe(true);
    expect(getMarketPack('KR').rights.clocks.find((clock) => clock.kind === 'refund_due')?.fact.verified).toBe(true);
  });

  it('gives the machine-usable fields other code needs', () => {
    expect(getMarketPack('SA')).toMatchObject({ direction: 'rtl', businessWeek: [7, 1, 2, 3, 4], currency: 'SAR' });
    expect(getMarketPack('AE').direction).toBe('rtl');
    expect(getMarketPack('JP')).toMatchObject({
      nameOrder: 'family_given',
      currency: 'JPY',
      culture: { register: 'formal' },
    });
    expect(getMarketPack('AU').culture.register).toBe('neutral');
    expect(getMarketPack('US').regions.CA?.timeZone).toBe('America/Los_Angeles');
    expect(getMarketPack('DE').culture.honorifics[0]).toMatchObject({ locale: 'de-DE', female: 'Frau {family}' });
  });

  it('rejects a broken pack with a clear message', () => {
    const broken = { ...getMarketPack('DE'), businessWeek: [], direction: 'sideways' };
    const parsed = MarketPackSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['businessWeek', 'direction']),
    );
  });

  it('rejects unknown markets', () => {
    expect(() => getMarketPack('XX')).toThrow(/No market pack for "XX"/);
  });
});

describe('holidays (hand-checked against markets.md)', () => {
  it('CN 2026: official Spring Festival and Golden Week with 调休 make-up days', () => {
    expect(dates('CN', 2026).filter((date) => date.startsWith('2026-02'))).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(dates('CN', 2026).filter((date) => date.startsWith('2026-10'))).toHaveLength(7);
    expect(makeUpWorkingDays('CN', 2026).map((day) => day.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(isWorkingDay('CN', '2026-02-14')).toBe(true); // Saturday made a working day
    expect(marketDayStatus('CN', '2026-10-10')).toMatchObject({ working: true, reason: 'make_up_working_day' });
    expect(isWorkingDay('CN', '2026-10-07')).toBe(false);
    expect(isWorkingDay('CN', '2026-10-11')).toBe(false); // an ordinary Sunday
    expect(isPublicHoliday('CN', '2026-03-08')).toBe(false); // women's half day is not a day off
  });

  it('CN 2027: four-day Spring Festival by statute', () => {
    expect(dates('CN', 2027).filter((date) => date.startsWith('2027-02'))).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect(holidayOn('CN', '2027-02-05')?.verified).toBe(false);
  });

  it('KR: three-day Seollal and Chuseok, election day, no 제헌절', () => {
    expect(dates('KR', 2026)).toEqual(
      expect.arrayContaining([
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-09-24',
        '2026-09-25',
        '2026-09-26',
        '2026-06-03',
      ]),
    );
    expect(isPublicHoliday('KR', '2026-07-17')).toBe(false);
    expect(dates('KR', 2027)).toEqual(expect.arrayContaining(['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']));
  });

  it('SA: Friday-Saturday weekend and Eid breaks', () => {
    expect(isWorkingDay('SA', '2026-03-27')).toBe(false); // Friday
    expect(isWorkingDay('SA', '2026-03-29')).toBe(true); // Sunday
    expect(dates('SA', 2026)).toEqual(
      expect.arrayContaining(['2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-05-26', '2026-05-29']),
    );
    expect(holidayOn('SA', '2026-03-19')?.verified).toBe(false); // moon-sighted: a projection
    expect(holidayOn('SA', '2026-09-23')?.verified).toBe(true);
  });

  it("AE: no first day of Ramadan or Isra Mi'raj; two-day National Day", () => {
    expect(isPublicHoliday('AE', '2026-02-18')).toBe(false);
    expect(isPublicHoliday('AE', '2026-01-16')).toBe(false);
    expect(dates('AE', 2026)).toEqual(expect.arrayContaining(['2026-12-02', '2026-12-03', '2026-03-19']));
    expect(isWorkingDay('AE', '2026-03-28')).toBe(false); // Saturday
  });

  it('ID 2026: Idul Fitri 21–22 March per SKB, with cuti bersama', () => {
    expect(isPublicHoliday('ID', '2026-03-21')).toBe(true);
    expect(holidayOn('ID', '2026-03-20')?.kind).toBe('collective_leave');
    expect(
      ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24'].every((date) => !isWorkingDay('ID', date)),
    ).toBe(true);
    expect(isWorkingDay('ID', '2026-03-25')).toBe(true);
  });

  it('GB: England & Wales by default (the library omits the August bank holiday without a region); Scotland differs', () => {
    expect(isPublicHoliday('GB', '2026-08-31')).toBe(true);
    expect(isPublicHoliday('GB', '2026-08-31', 'SCT')).toBe(false);
    expect(isPublicHoliday('GB', '2026-08-03', 'SCT')).toBe(true);
    expect(isPublicHoliday('GB', '2026-11-30', 'SCT')).toBe(true);
  });

  it('US: observed Independence Day; California adds César Chávez Day', () => {
    expect(isWorkingDay('US', '2026-07-03')).toBe(false);
    expect(isPublicHoliday('US', '2026-03-31')).toBe(false);
    expect(isPublicHoliday('US', '2026-03-31', 'CA')).toBe(true);
    expect(isPublicHoliday('US', '2026-02-12', 'NY')).toBe(true); // a state the pack has no rules for: library holidays
    expect(isPublicHoliday('US', '2026-02-12', 'ZZ')).toBe(false); // unknown code: national holidays
  });

  it('RU 2026: the long New Year break and transfers', () => {
    expect(dates('RU', 2026).filter((date) => date.startsWith('2026-01'))).toHaveLength(11);
    expect(isWorkingDay('RU', '2026-01-12')).toBe(true);
    expect(isPublicHoliday('RU', '2026-12-31')).toBe(true);
  });

  it('JP 2026: sandwiched national holiday and substitute day', () => {
    expect(isPublicHoliday('JP', '2026-09-22')).toBe(true);
    expect(isPublicHoliday('JP', '2026-05-06')).toBe(true);
    expect(isPublicHoliday('JP', '2026-01-02')).toBe(false); // bank holiday only
  });

  it('every override stays within its year and names its source', () => {
    for (const override of listHolidayOverrides()) {
      expect(override.source.label.length).toBeGreaterThan(0);
      for (const holiday of override.holidays) expect(holiday.date.startsWith(String(override.year))).toBe(true);
    }
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('DE', '2026-02-30')).toThrow(/Not a calendar date/);
    expect(() => isWorkingDay('DE', '26-1-1')).toThrow(/YYYY-MM-DD/);
  });
});

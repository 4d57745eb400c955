import { describe, expect, it } from 'vitest';
import type { Case, MarketCode, PersonName } from '../domain';
import { listMarketPacks, type MarketPack } from '../markets';
import { stripBidiControls } from './bidi';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { demoReplyCase } from './demoReplyCases';
import { language } from './localeFallback';
import { getReply } from './replyLibrary';
import { renderReply } from './renderReply';

const library = builtinReplyLibrary();
const salutations = builtinSalutations();
const GIVEN = 'Given';
const FAMILY = 'Family';

type NamePart = 'given' | 'family' | 'full';

function namePart(pattern: string): NamePart | undefined {
  if (pattern.includes('{full}') || (pattern.includes('{given}') && pattern.includes('{family}'))) return 'full';
  if (pattern.includes('{given}')) return 'given';
  if (pattern.includes('{family}')) return 'family';
  return undefined;
}

function customerCase(pack: MarketPack, locale: string, gender: PersonName['gender']): Case {
  const { caseRecord } = demoReplyCase('GB');
  const name: PersonName = { given: GIVEN, family: FAMILY, order: 'given_family', gender };
  return {
    ...caseRecord,
    locale,
    customer: {
      ...caseRecord.customer,
      market: pack.code as MarketCode,
      locale,
      name,
      timeZone: pack.timeZones[0] ?? 'UTC',
    },
  };
}

/** The salutation line(s): everything before the first blank line. */
function salutationOf(text: string): string {
  return stripBidiControls(text.split('\n\n')[0] ?? '');
}

describe('name order and salutations agree between the market packs and the salutation rules (issue 13, 14.6)', () => {
  const cases = listMarketPacks().flatMap((pack) =>
    pack.locales.flatMap((locale) => (['female', 'male'] as const).map((gender) => ({ pack, locale, gender }))),
  );

  it.each(cases.map((c) => [c.pack.code, c.locale, c.gender, c] as const))(
    '%s customer writing %s (%s) is greeted as the market names people, whatever language the reply falls back to',
    (_code, locale, gender, { pack }) => {
      const context = buildReplyContext(customerCase(pack, locale, gender), {
        agentName: 'Li Wei',
        brand: 'Crossdesk Shop',
        clocks: [],
      });
      const rendered = renderReply(getReply(library, 'return_refund.acknowledge'), context, locale, { salutations });
      const used = rendered.resolution.locale;
      const honorific =
        pack.culture.honorifics.find((h) => h.locale === locale) ??
        pack.culture.honorifics.find((h) => language(h.locale) === language(used)) ??
        pack.culture.honorifics[0];
      const expected = honorific ? namePart(honorific[gender]) : undefined;
      const salutation = salutationOf(rendered.text);
      if (expected === 'given') {
        expect(salutation).toContain(GIVEN);
        expect(salutation).not.toContain(FAMILY);
      } else if (expected === 'family') {
        expect(salutation).toContain(FAMILY);
        expect(salutation).not.toContain(GIVEN);
      } else if (expected === 'full') {
        expect(salutation).toContain(GIVEN);
        expect(salutation).toContain(FAMILY);
      }
      // The name mid-text is the one the salutation uses.
      expect(salutation).toContain(stripBidiControls(rendered.values.customerName?.toString() ?? ''));
    },
  );

  it('greets a Thai customer with Khun and the given name even in an English fallback', () => {
    const pack = listMarketPacks().find((candidate) => candidate.code === 'TH');
    if (!pack) throw new Error('no TH pack');
    const context = buildReplyContext(customerCase(pack, 'th-TH', 'female'), {
      agentName: 'Li Wei',
      brand: 'Crossdesk Shop',
      clocks: [],
    });
    const rendered = renderReply(getReply(library, 'return_refund.acknowledge'), context, 'th-TH', { salutations });
    expect(salutationOf(rendered.text)).toMatch(/^(?:Dear Khun Given,|เรียน คุณGiven)/u);
  });
});

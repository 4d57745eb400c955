import { describe, expect, it } from 'vitest';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { checkReply } from './checkReply';
import { demoReplyCase } from './demoReplyCases';
import { getReply, loadReplyLibrary } from './replyLibrary';
import { renderReply } from './renderReply';
import { draftOf } from './sideBySide';
import { sourceHash } from './sourceHash';
import { markReviewed, staleLocales, variantStatus, withSourceText } from './staleness';

const template = getReply(builtinReplyLibrary(), 'return_refund.refund_issued');

describe('translation staleness', () => {
  it('keeps translations current while the source is unchanged', () => {
    expect(staleLocales(template)).toEqual([]);
    expect(variantStatus(template, 'en')).toBe('source');
    expect(variantStatus(template, 'ko')).toBe('current');
  });

  it('marks every translation stale when the source text changes, until each is reviewed', () => {
    const changed = withSourceText(
      template,
      template.variants.en!.body.replace('a few business days', 'up to ten business days'),
    );
    expect(staleLocales(changed).sort()).toEqual(
      Object.keys(changed.variants)
        .filter((locale) => locale !== 'en')
        .sort(),
    );
    const reviewed = markReviewed(changed, 'de', {
      body: changed.variants.de!.body.replace('einige Werktage', 'bis zu zehn Werktage'),
    });
    expect(variantStatus(reviewed, 'de')).toBe('current');
    expect(reviewed.variants.de?.translatedFrom).toEqual({
      locale: 'en',
      sourceHash: sourceHash(changed.variants.en!),
    });
    expect(staleLocales(reviewed)).not.toContain('de');
    expect(staleLocales(reviewed)).toContain('ja');
  });

  it('warns the agent before sending a stale translation', () => {
    const changed = withSourceText(template, `${template.variants.en!.body}\n\nP.S. new sentence.`);
    const context = buildReplyContext(demoReplyCase('KR').caseRecord, { agentName: 'Li Wei', brand: 'Crossdesk Shop' });
    const rendered = renderReply(changed, context, 'ko', { salutations: builtinSalutations() });
    expect(rendered.status).toBe('stale');
    expect(checkReply({ context, customer: draftOf(rendered) })).toEqual([
      expect.objectContaining({ code: 'stale_translation', severity: 'warning' }),
    ]);
  });

  it('rejects a library whose translation does not say which source it came from', () => {
    const broken = { ...template, variants: { ...template.variants, fr: { body: template.variants.fr!.body } } };
    expect(() => loadReplyLibrary({ version: 1, replies: [broken] })).toThrow(/fr.*must record the source version/s);
  });

  it('rejects invalid ICU, unknown placeholders and a translation that drops a fact', () => {
    const badIcu = {
      ...template,
      variants: { ...template.variants, de: { ...template.variants.de!, body: 'Betrag {refundAmount' } },
    };
    expect(() => loadReplyLibrary({ version: 1, replies: [badIcu] })).toThrow(/\[de\]: not valid ICU/);
    const unknown = {
      ...template,
      variants: { ...template.variants, ja: { ...template.variants.ja!, body: '{customerAge}歳' } },
    };
    expect(() => loadReplyLibrary({ version: 1, replies: [unknown] })).toThrow(
      /\[ja\]: unknown placeholders customerAge/,
    );
    const dropped = {
      ...template,
      variants: {
        ...template.variants,
        ru: { ...template.variants.ru!, body: 'Мы оформили возврат по заказу {orderId}.' },
      },
    };
    expect(() => loadReplyLibrary({ version: 1, replies: [dropped] })).toThrow(
      /\[ru\]: states facts \{orderId\} but the source states \{orderId, refundAmount\}/,
    );
  });
});

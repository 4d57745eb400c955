import { describe, expect, it } from 'vitest';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { checkReply } from './checkReply';
import { demoReplyCase } from './demoReplyCases';
import { fallbackChain, resolveLocale } from './localeFallback';
import { getReply } from './replyLibrary';
import { renderReply } from './renderReply';
import type { ReplyTemplate } from './schema';
import { draftOf } from './sideBySide';

const salutations = builtinSalutations();
const base = getReply(builtinReplyLibrary(), 'return_refund.acknowledge');
const context = buildReplyContext(demoReplyCase('BR').caseRecord, { agentName: 'Li Wei', brand: 'Crossdesk Shop' });

function withOnly(template: ReplyTemplate, locales: string[]): ReplyTemplate {
  return {
    ...template,
    variants: Object.fromEntries(Object.entries(template.variants).filter(([locale]) => locales.includes(locale))),
  };
}

describe('locale fallback', () => {
  it('follows the documented chains', () => {
    expect(fallbackChain('pt-BR')).toEqual(['pt-BR', 'pt', 'pt-PT', 'en']);
    expect(fallbackChain('zh-HK')).toEqual(['zh-HK', 'zh-TW', 'zh-CN', 'en', 'zh']);
    expect(fallbackChain('de-AT')).toEqual(['de-AT', 'de', 'en']);
  });

  it('treats the general form of the language as the requested one, but not a sibling or another language', () => {
    expect(resolveLocale('de-DE', ['en', 'de'])).toMatchObject({ locale: 'de', usedFallback: false });
    expect(resolveLocale('zh-HK', ['en', 'zh-CN'])).toMatchObject({
      locale: 'zh-CN',
      usedFallback: true,
      sameLanguage: true,
    });
    expect(resolveLocale('pt-BR', ['en', 'de'])).toMatchObject({
      locale: 'en',
      usedFallback: true,
      sameLanguage: false,
      tried: ['pt-BR', 'pt', 'pt-PT', 'en'],
    });
  });

  it('is configurable', () => {
    const chains = { 'pt-BR': ['es', 'en'] };
    expect(resolveLocale('pt-BR', ['en', 'es'], chains).locale).toBe('es');
    expect(() => resolveLocale('pt-BR', ['de'], {}, 'fr')).toThrow(/no variant for pt-BR/);
  });

  it('tells the agent when the customer will not get their language', () => {
    const portugal = renderReply(withOnly(base, ['en', 'de']), context, 'pt-BR', { salutations });
    expect(portugal.resolution).toMatchObject({ requested: 'pt-BR', locale: 'en', usedFallback: true });
    expect(portugal.text).toContain('Thank you for getting in touch about order ML-2049981123');
    expect(checkReply({ context, customer: draftOf(portugal) })).toEqual([
      expect.objectContaining({
        code: 'fallback_language',
        severity: 'warning',
        params: { requested: 'pt-BR', used: 'en' },
      }),
    ]);
  });

  it('uses a custom chain in rendering (a Spanish variant for a Brazilian before English)', () => {
    const rendered = renderReply(withOnly(base, ['en', 'es']), context, 'pt-BR', {
      salutations,
      fallbackChains: { 'pt-BR': ['es'] },
    });
    expect(rendered.resolution.locale).toBe('es');
    expect(rendered.text).toContain('ML-2049981123');
  });

  it('falls back to the source language when a library has no English', () => {
    const chineseOnly = { ...withOnly(base, ['zh-CN', 'ja']), sourceLocale: 'zh-CN' };
    const rendered = renderReply(chineseOnly, context, 'pt-BR', { salutations });
    expect(rendered.resolution).toMatchObject({ locale: 'zh-CN', usedFallback: true, sameLanguage: false });
  });
});

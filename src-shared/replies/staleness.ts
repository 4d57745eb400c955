import type { ReplyTemplate } from './schema';
import { sourceHash } from './sourceHash';

/**
 * source: the text every translation is made from; current: translated from today's source;
 * stale: the source changed since, so the translation may say something else until someone reviews it.
 */
export type VariantStatus = 'source' | 'current' | 'stale';

export function variantStatus(template: ReplyTemplate, locale: string): VariantStatus {
  const variant = template.variants[locale];
  if (!variant) throw new Error(`reply ${template.id} has no ${locale} variant`);
  if (locale === template.sourceLocale) return 'source';
  const source = template.variants[template.sourceLocale];
  if (!source || !variant.translatedFrom || variant.translatedFrom.locale !== template.sourceLocale) return 'stale';
  return variant.translatedFrom.sourceHash === sourceHash(source) ? 'current' : 'stale';
}

export function staleLocales(template: ReplyTemplate): string[] {
  return Object.keys(template.variants).filter((locale) => variantStatus(template, locale) === 'stale');
}

/** A new template whose source text is replaced; the translations keep their old stamp and so turn stale. */
export function withSourceText(template: ReplyTemplate, body: string, subject?: string): ReplyTemplate {
  const source = template.variants[template.sourceLocale];
  if (!source) throw new Error(`reply ${template.id} has no source variant`);
  const next = { ...source, body, ...(subject === undefined ? {} : { subject }) };
  return { ...template, variants: { ...template.variants, [template.sourceLocale]: next } };
}

/**
 * A reviewer confirmed (or rewrote) a translation against the current source: stamp it with the source's
 * hash so it is current again. The optional new text replaces the translation.
 */
export function markReviewed(
  template: ReplyTemplate,
  locale: string,
  text?: { body: string; subject?: string },
): ReplyTemplate {
  const variant = template.variants[locale];
  const source = template.variants[template.sourceLocale];
  if (!variant || !source) throw new Error(`reply ${template.id} has no ${locale} variant`);
  if (locale === template.sourceLocale) throw new Error('the source variant is not a translation');
  const reviewed = {
    ...variant,
    ...(text ?? {}),
    translatedFrom: { locale: template.sourceLocale, sourceHash: sourceHash(source) },
  };
  return { ...template, variants: { ...template.variants, [locale]: reviewed } };
}

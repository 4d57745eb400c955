/**
 * Locale fallback chains. Explicit entries win; otherwise a tag falls back by dropping subtags
 * (pt-BR -> pt) and finally to the default. Chinese goes script-aware: Hong Kong and Macau readers
 * get Traditional (zh-TW) before Simplified.
 */
export type FallbackChains = Readonly<Record<string, readonly string[]>>;

export const DEFAULT_FALLBACK_CHAINS: FallbackChains = {
  'zh-HK': ['zh-TW', 'zh-CN', 'en'],
  'zh-MO': ['zh-HK', 'zh-TW', 'zh-CN', 'en'],
  'zh-TW': ['zh-HK', 'zh-CN', 'en'],
  'zh-SG': ['zh-CN', 'en'],
  zh: ['zh-CN', 'en'],
  'zh-Hans': ['zh-CN', 'en'],
  'zh-Hant': ['zh-TW', 'zh-HK', 'zh-CN', 'en'],
  'pt-PT': ['pt', 'pt-BR', 'en'],
  'pt-BR': ['pt', 'pt-PT', 'en'],
  pt: ['pt-BR', 'pt-PT', 'en'],
  'es-MX': ['es-419', 'es', 'en'],
  'es-419': ['es', 'en'],
  'fr-CA': ['fr', 'en'],
  'ar-SA': ['ar', 'en'],
  'ar-AE': ['ar', 'en'],
  'en-GB': ['en'],
  nb: ['no', 'da', 'sv', 'en'],
};

export const DEFAULT_FINAL_LOCALE = 'en';

/** The ordered locales to try for `requested`, starting with `requested` itself, without repeats. */
export function fallbackChain(
  requested: string,
  chains: FallbackChains = DEFAULT_FALLBACK_CHAINS,
  finalLocale = DEFAULT_FINAL_LOCALE,
): string[] {
  const chain: string[] = [requested];
  const explicit = chains[requested];
  if (explicit) chain.push(...explicit);
  const subtags = requested.split('-');
  for (let length = subtags.length - 1; length >= 1; length--) {
    const prefix = subtags.slice(0, length).join('-');
    chain.push(prefix, ...(chains[prefix] ?? []));
  }
  chain.push(finalLocale);
  return [...new Set(chain)];
}

export interface LocaleResolution {
  requested: string;
  /** The locale actually used. */
  locale: string;
  /**
   * True when the customer will not get the variant they asked for. A more general variant of the same
   * language ("de" for "de-DE") is what they asked for and does not count; a sibling (pt-PT for pt-BR,
   * zh-CN for zh-HK) or another language does.
   */
  usedFallback: boolean;
  /** True when the fallback is another regional form of the same language (pt-PT for pt-BR). */
  sameLanguage: boolean;
  tried: string[];
}

export function resolveLocale(
  requested: string,
  available: Iterable<string>,
  chains: FallbackChains = DEFAULT_FALLBACK_CHAINS,
  finalLocale = DEFAULT_FINAL_LOCALE,
): LocaleResolution {
  const have = new Set(available);
  const tried: string[] = [];
  for (const candidate of fallbackChain(requested, chains, finalLocale)) {
    tried.push(candidate);
    if (have.has(candidate)) {
      return {
        requested,
        locale: candidate,
        usedFallback: candidate !== requested && !requested.startsWith(`${candidate}-`),
        sameLanguage: language(candidate) === language(requested),
        tried,
      };
    }
  }
  throw new Error(`no variant for ${requested} nor any fallback (${tried.join(' -> ')})`);
}

export function language(locale: string): string {
  return locale.split('-')[0] ?? locale;
}

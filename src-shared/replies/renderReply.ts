import { isolate, isRtlLocale } from './bidi';
import { compiledMessage } from './compiledMessage';
import { renderGreeting } from './greeting';
import { fallbackChain, resolveLocale, type FallbackChains, type LocaleResolution } from './localeFallback';
import { PLACEHOLDERS } from './placeholderValues';
import { messageArguments } from './placeholders';
import type { ReplyContext } from './replyContext';
import type { ReplyTemplate, SalutationRules } from './schema';
import { variantStatus, type VariantStatus } from './staleness';

/** Stand-in for a missing count; large enough to take the "other" plural branch and never a real count. */
const MISSING_COUNT = 987_654_321;

export interface RenderOptions {
  salutations: SalutationRules;
  fallbackChains?: FallbackChains;
}

export interface RenderedReply {
  replyId: string;
  resolution: LocaleResolution;
  /** The locale whose conventions format numbers and dates (the variant's language in the customer's market). */
  formatLocale: string;
  direction: 'ltr' | 'rtl';
  status: VariantStatus;
  subject?: string;
  text: string;
  /** Placeholders the context could not fill; they stay visible as {name} (counts too) and block sending. */
  missing: string[];
  /** The placeholder values used, by name, as formatted into this rendering. */
  values: Record<string, string | number>;
}

/** Renders one reply for one reader: salutation, body and sign-off, in the best variant for `locale`. */
export function renderReply(
  template: ReplyTemplate,
  context: ReplyContext,
  locale: string,
  options: RenderOptions,
): RenderedReply {
  const available = Object.keys(template.variants);
  // A library from the content admin may have no English variant; its source language is the last resort.
  const resolution = fallbackChain(locale, options.fallbackChains).some((candidate) => available.includes(candidate))
    ? resolveLocale(locale, available, options.fallbackChains)
    : resolveLocale(locale, available, options.fallbackChains, template.sourceLocale);
  const variant = template.variants[resolution.locale];
  if (!variant) throw new Error(`reply ${template.id} lost its ${resolution.locale} variant`);
  const rtl = isRtlLocale(resolution.locale);
  const formatLocale = formatLocaleFor(resolution.locale, context.market);
  const greeting = renderGreeting(
    options.salutations,
    resolution.locale,
    {
      name: context.customer.name,
      register: context.register,
      agentName: context.agentName,
      brand: context.brand,
      rtl,
      honorifics: context.honorifics,
    },
    options.fallbackChains,
  );

  const missing = new Set<string>();
  const values: Record<string, string | number> = {};
  const fill = (message: string): string => {
    const args: Record<string, string | number> = {};
    // A count the case cannot supply still has to pick a plural branch: it renders with a stand-in number
    // that is then replaced by the visible hole {name}, in every script (NaN would read "ليس رقمًا" in Arabic).
    const standIns: [string, string][] = [];
    for (const [name, kind] of messageArguments(message, resolution.locale)) {
      const value = name === 'customerName' ? greeting.addressName : PLACEHOLDERS[name]?.value(context, formatLocale);
      if (value === undefined) {
        missing.add(name);
        if (kind === 'plural' || kind === 'number' || PLACEHOLDERS[name]?.kind === 'count') {
          const standIn = MISSING_COUNT + missing.size;
          // Plural # is formatted for the locale; a bare {count} may come out as plain digits.
          standIns.push([new Intl.NumberFormat(formatLocale).format(standIn), `{${name}}`]);
          standIns.push([String(standIn), `{${name}}`]);
          args[name] = standIn;
        } else {
          args[name] = `{${name}}`;
        }
        continue;
      }
      values[name] = value;
      const isolated =
        rtl && typeof value === 'string' && PLACEHOLDERS[name]?.kind !== 'choice' && name !== 'customerName';
      args[name] = isolated ? isolate(value) : value;
    }
    let text = String(compiledMessage(message, formatLocale).format(args));
    for (const [standIn, hole] of standIns) text = text.replaceAll(standIn, hole);
    return text;
  };

  const body = fill(variant.body);
  const subject = variant.subject === undefined ? undefined : fill(variant.subject);
  return {
    replyId: template.id,
    resolution,
    formatLocale,
    direction: rtl ? 'rtl' : 'ltr',
    status: variantStatus(template, resolution.locale),
    ...(subject === undefined ? {} : { subject }),
    text: [greeting.salutation, body.trim(), greeting.signOff].join('\n\n'),
    missing: [...missing],
    values,
  };
}

/**
 * A language-only variant ("ar", "de") is formatted with the customer's market as region, so a Saudi
 * customer sees Arabic-Indic digits and a Swiss-German date style comes from the market, not the text.
 */
export function formatLocaleFor(locale: string, market: string): string {
  if (locale.includes('-')) return locale;
  const candidate = `${locale}-${market}`;
  return Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : locale;
}

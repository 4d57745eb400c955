import { fullName, type PersonName } from '../domain';
import { isolate } from './bidi';
import { compiledMessage } from './compiledMessage';
import { resolveLocale, language, type FallbackChains } from './localeFallback';
import type { Register } from './replyContext';
import type { SalutationRules } from './schema';

export interface Greeting {
  salutation: string;
  addressName: string;
  signOff: string;
}

export interface GreetingInput {
  name: PersonName;
  register: Register;
  agentName: string;
  brand: string;
  rtl: boolean;
  /** The market pack's honorific patterns; one for the rendering's language names the customer mid-text. */
  honorifics?: readonly { locale: string; female: string; male: string; unknown: string }[];
}

/**
 * Builds the salutation, the way to name the customer mid-text and the sign-off. The name and honorific
 * come from the market pack's pattern for the rendering's language (the rule's addressName when the pack
 * has none); the salutation rule adds the grammar around it ({address}, with selects on register and gender).
 */
export function renderGreeting(
  rules: SalutationRules,
  locale: string,
  input: GreetingInput,
  chains?: FallbackChains,
): Greeting {
  const resolved = resolveLocale(locale, Object.keys(rules), chains);
  const rule = rules[resolved.locale];
  if (!rule) throw new Error(`no salutation rule for ${locale}`);
  const wrap = (value: string): string => (input.rtl && value ? isolate(value) : value);
  const family = addressFamilyName(input.name, language(locale));
  const values = {
    register: input.register,
    gender: input.name.gender === 'unknown' ? 'other' : input.name.gender,
    given: wrap(input.name.given || fullName(input.name)),
    family: wrap(family || fullName(input.name)),
    fullName: wrap(fullName(input.name)),
    agentName: wrap(input.agentName),
    brand: wrap(input.brand),
  };
  const format = (message: string): string => String(compiledMessage(message, resolved.locale).format(values));
  const honorific =
    input.honorifics?.find((h) => h.locale === locale) ??
    input.honorifics?.find((h) => language(h.locale) === language(resolved.locale));
  const pattern = honorific ? honorific[input.name.gender === 'unknown' ? 'unknown' : input.name.gender] : undefined;
  const addressName = pattern
    ? pattern
        .replaceAll('{family}', values.family)
        .replaceAll('{given}', values.given)
        .replaceAll('{full}', values.fullName)
    : format(rule.addressName);
  // The salutation names the customer exactly as the text does, so the market's convention (Khun + given
  // name, family name + 様, given name for Russian and Brazilian customers) holds in every language.
  const salutation = String(
    compiledMessage(rule.salutation, resolved.locale).format({ ...values, address: addressName }),
  );
  return { salutation, addressName, signOff: format(rule.signOff) };
}

/** Spanish speakers are addressed by the first surname ("Sr. García" for García López). */
function addressFamilyName(name: PersonName, lang: string): string {
  const family = name.family.trim();
  if (lang === 'es') return family.split(/\s+/u)[0] ?? family;
  return family;
}

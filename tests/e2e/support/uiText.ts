import type { UiLanguage } from '../../../src-renderer/i18n/languages';
import { NAMESPACES } from '../../../src-renderer/i18n/i18n';
import { i18nInEveryLanguage } from '../../../src-renderer/i18n/testing/everyLanguage';

// The renderer's words, rendered by i18next from the app's own catalogs with the app's options (plural
// forms by the language's rules, Intl number formats), so a test finds what the agent reads in any
// language without copying a translation into the test; a key the language lacks fails the test.
const everyLanguage = await i18nInEveryLanguage({ strict: true });

/**
 * `t` in `language`, its keys typed by the English catalogs: `uiText('ar')('settings:server.current', { server })`
 * is the sentence an Arabic screen shows.
 */
export function uiText(language: UiLanguage) {
  return everyLanguage.getFixedT(language, [...NAMESPACES]);
}

/** `t` of one namespace, as a feature's useTranslation('rights') gives it to the renderer's text builders. */
export function uiTextOf<N extends (typeof NAMESPACES)[number]>(language: UiLanguage, namespace: N) {
  return everyLanguage.getFixedT(language, namespace);
}

// A character no catalog uses, to find where a sentence's values go.
const HOLE = '\u0000';

/**
 * The words of a sentence that stay whatever its values are, in order, for screens whose values the test
 * does not know (a local time, a date): `sentence` renders it with every value set to the hole it is given.
 */
export function fixedParts(sentence: (hole: string) => string): string[] {
  return sentence(HOLE)
    .split(HOLE)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

import i18next, { type i18n as I18n } from 'i18next';
import { NAMESPACES, bundledCatalogs } from '../i18n';
import { UI_LANGUAGES } from '../languages';

/**
 * For tests that check words in a language (unit tests of text builders, e2e tests that find what the agent
 * reads): an i18next instance with every UI language loaded from the bundled catalogs and the app's
 * interpolation, without a fallback language, so a missing translation never passes as English.
 * `strict` makes a missing key throw where it is asked for, instead of answering with the key.
 */
export async function i18nInEveryLanguage(options: { strict?: boolean } = {}): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(bundledCatalogs).init({
    lng: 'en',
    preload: [...UI_LANGUAGES],
    supportedLngs: [...UI_LANGUAGES],
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    ...(options.strict
      ? {
          parseMissingKeyHandler: (key: string) => {
            throw new Error(`the catalogs have no ${key} in this language`);
          },
        }
      : {}),
  });
  return instance;
}

import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { WorkstationApi } from '../../src-shared/contract/workstation';
import fallbackCatalogs from './catalogs/en';
import { FALLBACK_LANGUAGE, UI_LANGUAGES, languageDirection, matchUiLanguage, type UiLanguage } from './languages';

export const NAMESPACES = [
  'app',
  'domain',
  'queue',
  'case',
  'composer',
  'guidance',
  'rights',
  'sla',
  'attention',
  'settings',
  'shortcuts',
  'sync',
  'supervision',
  'workflow',
  'practice',
] as const;

type Catalog = Record<string, unknown>;
type Catalogs = Record<string, Catalog>;
// Lazy: catalogs/<language>.ts holds every namespace of one language as one chunk, fetched when that
// language is first used, so the first paint parses one language (and the English fallback), not six.
// English is the fallback of every language, so it is needed at every start: it comes with the entry
// instead of a request made only after the entry has run.
const languageLoaders = import.meta.glob<Catalogs>(['./catalogs/*.ts', '!./catalogs/en.ts'], { import: 'default' });
const loading = new Map<string, Promise<Catalogs>>([[FALLBACK_LANGUAGE, Promise.resolve(fallbackCatalogs)]]);

function languageCatalogs(language: string): Promise<Catalogs> {
  let catalogs = loading.get(language);
  if (catalogs === undefined) {
    const load = languageLoaders[`./catalogs/${language}.ts`];
    catalogs =
      load === undefined
        ? Promise.reject(new Error(`no catalogs for ${language} (src-renderer/i18n/catalogs/${language}.ts)`))
        : load();
    loading.set(language, catalogs);
  }
  return catalogs;
}

function namespaceCatalog(catalogs: Catalogs, language: string, namespace: string): Catalog | undefined {
  return Object.entries(catalogs).find(([path]) => path.endsWith(`/${language}/${namespace}.json`))?.[1];
}

/** One language's catalogs as i18next resources ({ namespace: catalog }). */
function resourcesOf(catalogs: Catalogs, language: string): Record<string, Catalog> {
  const resources: Record<string, Catalog> = {};
  for (const namespace of NAMESPACES) {
    const catalog = namespaceCatalog(catalogs, language, namespace);
    if (catalog === undefined) throw new Error(`no catalog locales/${language}/${namespace}.json`);
    resources[namespace] = catalog;
  }
  return resources;
}

/** The bundled catalogs as an i18next backend: changeLanguage loads a language before it switches. */
export const bundledCatalogs: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    languageCatalogs(language).then(
      (catalogs) => {
        const catalog = namespaceCatalog(catalogs, language, namespace);
        if (catalog === undefined) callback(new Error(`no catalog locales/${language}/${namespace}.json`), false);
        else callback(null, catalog);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** The first language that fits: ?lng= in the address, the agent's saved setting, the browser's languages. */
export async function pickStartLanguage(
  api: WorkstationApi,
  search: string,
  browserLanguages: readonly string[],
): Promise<UiLanguage> {
  const fromAddress = matchUiLanguage(new URLSearchParams(search).get('lng'));
  if (fromAddress !== null) return fromAddress;
  const settings = await api['settings:get']({});
  if (settings.ok) {
    const saved = matchUiLanguage(settings.data.uiLocale);
    if (saved !== null) return saved;
  }
  for (const language of browserLanguages) {
    const match = matchUiLanguage(language);
    if (match !== null) return match;
  }
  return FALLBACK_LANGUAGE;
}

/** Keeps <html lang dir> in step with the UI language: screen readers and the bidi algorithm read them. */
export function applyDocumentLanguage(language: string, root: HTMLElement = document.documentElement): void {
  root.lang = language;
  root.dir = languageDirection(language);
}

export async function initI18n(api: WorkstationApi): Promise<I18n> {
  const fromAddress = matchUiLanguage(new URLSearchParams(window.location.search).get('lng'));
  // The address's language loads while settings are asked for.
  if (fromAddress !== null) void languageCatalogs(fromAddress).catch(() => undefined);
  const language = await pickStartLanguage(api, window.location.search, navigator.languages);
  const instance = await startI18n(language);
  instance.on('languageChanged', (next) => applyDocumentLanguage(next));
  applyDocumentLanguage(language);
  return instance;
}

/**
 * An i18next instance in `language` with its catalogs and the fallback's handed over, so init finishes
 * in this task (no backend round of 12 namespaces per language, no timer); other languages still load
 * through the backend when chosen.
 */
export async function startI18n(language: UiLanguage): Promise<I18n> {
  const resources = { [FALLBACK_LANGUAGE]: resourcesOf(fallbackCatalogs, FALLBACK_LANGUAGE) };
  if (language !== FALLBACK_LANGUAGE) resources[language] = resourcesOf(await languageCatalogs(language), language);
  const instance = i18next.createInstance();
  await instance
    .use(bundledCatalogs)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: [...UI_LANGUAGES],
      ns: [...NAMESPACES],
      defaultNS: 'app',
      resources,
      partialBundledLanguages: true,
      initAsync: false,
      // React escapes output already.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
}

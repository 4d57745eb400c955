import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { WorkstationApi } from '../../src-shared/contract/workstation';
import { FALLBACK_LANGUAGE, UI_LANGUAGES, languageDirection, matchUiLanguage, type UiLanguage } from './languages';

export const NAMESPACES = [
  'app', 'domain', 'queue',
  'case', 'composer', 'guidance', 'rights', 'sla', 'attention', 'settings', 'shortcuts', 'sync',
] as const;

type Catalog = Record<string, unknown>;
type Catalogs = Record<string, Catalog>;
// Lazy: catalogs/<language>.ts holds every namespace of one language as one chunk, fetched when that
// language is first used, so the first paint parses one language (and the English fallback), not six.
const languageLoaders = import.meta.glob<Catalogs>('./catalogs/*.ts', { import: 'default' });
const loading = new Map<string, Promise<Catalogs>>();

function languageCatalogs(language: string): Promise<Catalogs> {
  let catalogs = loading.get(language);
  if (catalogs === undefined) {
    const load = languageLoaders[`./catalogs/${language}.ts`];
    catalogs = load === undefined ? Promise.reject(new Error(`no catalogs for ${language} (src-renderer/i18n/catalogs/${language}.ts)`)) : load();
    loading.set(language, catalogs);
  }
  return catalogs;
}

/** The bundled catalogs as an i18next backend: changeLanguage loads a language before it switches. */
export const bundledCatalogs: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    languageCatalogs(language).then((catalogs) => {
      const catalog = Object.entries(catalogs).find(([path]) => path.endsWith(`/${language}/${namespace}.json`))?.[1];
      if (catalog === undefined) callback(new Error(`no catalog locales/${language}/${namespace}.json`), false);
      else callback(null, catalog);
    }, (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false));
  },
};

/** The first language that fits: ?lng= in the address, the agent's saved setting, the browser's languages. */
export async function pickStartLanguage(api: WorkstationApi, search: string, browserLanguages: readonly string[]): Promise<UiLanguage> {
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
  // The fallback's chunk (and the address's language, when given) load while settings are asked for.
  void languageCatalogs(FALLBACK_LANGUAGE);
  const fromAddress = matchUiLanguage(new URLSearchParams(window.location.search).get('lng'));
  if (fromAddress !== null) void languageCatalogs(fromAddress);
  const language = await pickStartLanguage(api, window.location.search, navigator.languages);
  const instance = i18next.createInstance();
  instance.on('languageChanged', (next) => applyDocumentLanguage(next));
  await instance.use(bundledCatalogs).use(initReactI18next).init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'app',
    // React escapes output already.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return instance;
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { WorkstationApi } from '../../src-shared/contract/workstation';
import { FALLBACK_LANGUAGE, UI_LANGUAGES, languageDirection, matchUiLanguage, type UiLanguage } from './languages';

export const NAMESPACES = [
  'app', 'domain', 'queue',
  'case', 'composer', 'guidance', 'rights', 'sla', 'attention', 'settings', 'shortcuts', 'sync',
] as const;

type Catalog = Record<string, unknown>;
const files = import.meta.glob<Catalog>('../../locales/*/*.json', { eager: true, import: 'default' });

function bundledResources(): Record<string, Record<string, Catalog>> {
  const resources: Record<string, Record<string, Catalog>> = {};
  for (const [path, catalog] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (match === null) continue;
    const [, language = '', namespace = ''] = match;
    resources[language] = { ...resources[language], [namespace]: catalog };
  }
  return resources;
}

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
  const language = await pickStartLanguage(api, window.location.search, navigator.languages);
  const instance = i18next.createInstance();
  instance.on('languageChanged', (next) => applyDocumentLanguage(next));
  await instance.use(initReactI18next).init({
    resources: bundledResources(),
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

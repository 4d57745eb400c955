import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, bundledCatalogs, startI18n } from './i18n';
import { FALLBACK_LANGUAGE, UI_LANGUAGES } from './languages';

function read(language: string, namespace: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    bundledCatalogs.read(language, namespace, (error, catalog) => (error ? reject(error) : resolve(catalog)));
  });
}

async function instanceIn(language: string) {
  const instance = i18next.createInstance();
  await instance.use(bundledCatalogs).init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'app',
  });
  return instance;
}

describe('bundled catalogs (loaded per language)', () => {
  it('has every namespace of every UI language', async () => {
    for (const language of UI_LANGUAGES) {
      for (const namespace of NAMESPACES)
        expect(await read(language, namespace), `${language}/${namespace}`).toBeTypeOf('object');
    }
  });

  it('refuses a language or namespace it does not have, with the path it looked for', async () => {
    await expect(read('fr', 'app')).rejects.toThrow(/catalogs\/fr\.ts/);
    await expect(read('en', 'nope')).rejects.toThrow(/locales\/en\/nope\.json/);
  });

  it('starts with the UI language and the English fallback only, and loads another on change', async () => {
    const instance = await instanceIn('ar');
    expect(instance.hasResourceBundle('ar', 'queue')).toBe(true);
    expect(instance.hasResourceBundle('en', 'queue')).toBe(true);
    expect(instance.hasResourceBundle('de', 'queue')).toBe(false);
    expect(instance.t('title', { ns: 'queue' })).toBe(((await read('ar', 'queue')) as { title: string }).title);
    await instance.changeLanguage('de');
    expect(instance.hasResourceBundle('de', 'queue')).toBe(true);
    expect(instance.t('title', { ns: 'queue' })).toBe(((await read('de', 'queue')) as { title: string }).title);
  });

  it('starts ready in the start language with the fallback handed over, and still loads another on change', async () => {
    const instance = await startI18n('zh-CN');
    expect(instance.isInitialized).toBe(true);
    expect(instance.language).toBe('zh-CN');
    expect(instance.hasResourceBundle('en', 'case')).toBe(true);
    expect(instance.hasResourceBundle('ar', 'queue')).toBe(false);
    expect(instance.t('title', { ns: 'queue' })).toBe(((await read('zh-CN', 'queue')) as { title: string }).title);
    await instance.changeLanguage('ar');
    expect(instance.t('title', { ns: 'queue' })).toBe(((await read('ar', 'queue')) as { title: string }).title);
  });
});

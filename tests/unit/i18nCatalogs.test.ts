import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';

/**
 * The one test of the catalogs against each other: every language has English's keys and placeholders,
 * CLDR plural rules as the runtime knows them (Intl.PluralRules), and the renderer's own t(..., { count })
 * calls, so a count is never shown with "(s)" or a wrong form.
 */

const ROOT = join(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, 'locales');
const LANGUAGES = readdirSync(LOCALES_DIR)
  .filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory())
  .sort();
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Catalog = Record<string, unknown>;
const catalogs = new Map<string, Map<string, Catalog>>(
  LANGUAGES.map((language) => [
    language,
    new Map(
      readdirSync(join(LOCALES_DIR, language))
        .filter((file) => file.endsWith('.json'))
        .map((file): [string, Catalog] => [
          file.replace(/\.json$/, ''),
          JSON.parse(readFileSync(join(LOCALES_DIR, language, file), 'utf8')) as Catalog,
        ]),
    ),
  ]),
);

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
  }
  return out;
}

/** namespace:key -> text for every string of a language. */
function allLeaves(language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [namespace, catalog] of catalogs.get(language) ?? []) {
    for (const [key, text] of leaves(catalog)) out.set(`${namespace}:${key}`, text);
  }
  return out;
}

/** Plural groups (namespace:base -> categories present) and plain keys of a language. */
function shape(language: string): { plurals: Map<string, Set<string>>; plain: Set<string> } {
  const plurals = new Map<string, Set<string>>();
  const plain = new Set<string>();
  for (const key of allLeaves(language).keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (match === null) {
      plain.add(key);
      continue;
    }
    const base = key.slice(0, match.index);
    plurals.set(base, (plurals.get(base) ?? new Set()).add(match[1] ?? ''));
  }
  return { plurals, plain };
}

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? ''));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every t('key', { ..., count }) in the renderer, resolved to namespace:key by the file's useTranslation
 * or TFunction<'ns'>. A template key (`unit.${unit}`) stays a pattern: `${...}` matches one key segment.
 */
function keysUsedWithCount(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(ROOT, 'src-renderer'))) {
    const text = readFileSync(file, 'utf8');
    const namespace = /(?:useTranslation\(\s*\[?\s*|TFunction<\s*)'([\w-]+)'/.exec(text)?.[1] ?? 'app';
    for (const call of text.matchAll(/\bt\(\s*(['`])([\w.:${}-]+)\1\s*,\s*\{([^{}]*)\}/g)) {
      const [, , key = '', options = ''] = call;
      if (!/\bcount\b\s*(?:[:,}]|$)/.test(options.trim())) continue;
      found.push(key.includes(':') ? key : `${namespace}:${key}`);
    }
  }
  return [...new Set(found)].sort();
}

function matching(pattern: string, keys: Iterable<string>): string[] {
  if (!pattern.includes('${')) return [...keys].filter((key) => key === pattern);
  const regex = new RegExp(
    `^${pattern
      .split(/\$\{[^}]*\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^.]+')}$`,
  );
  return [...keys].filter((key) => regex.test(key));
}

describe('i18n catalogs', () => {
  const english = shape('en');

  it('covers the six UI languages', () => {
    expect(LANGUAGES).toEqual(['ar', 'de', 'en', 'es', 'ja', 'zh-CN']);
  });

  for (const language of LANGUAGES) {
    it(`${language}: every plural key has exactly the categories Intl.PluralRules(${language}) requires`, () => {
      const required = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
      const { plurals } = shape(language);
      expect(plurals.size).toBeGreaterThan(0);
      for (const [base, categories] of plurals) expect([...categories].sort(), `${language} ${base}`).toEqual(required);
    });

    it(`${language}: the same keys as English (plural groups compared by their base), none empty`, () => {
      const { plurals, plain } = shape(language);
      expect([...plain].sort()).toEqual([...english.plain].sort());
      expect([...plurals.keys()].sort()).toEqual([...english.plurals.keys()].sort());
      for (const [key, text] of allLeaves(language)) expect(text.trim(), `${language} ${key}`).not.toBe('');
    });

    it(`${language}: every key with one form has English's placeholders`, () => {
      const texts = allLeaves(language);
      for (const [key, text] of allLeaves('en')) {
        if (PLURAL_SUFFIX.test(key)) continue;
        expect([...placeholders(texts.get(key) ?? '')].sort(), `${language} ${key}`).toEqual(
          [...placeholders(text)].sort(),
        );
      }
    });

    it(`${language}: plural forms use only the English placeholders; the open-ended one uses all of them`, () => {
      const texts = allLeaves(language);
      const englishTexts = allLeaves('en');
      for (const base of english.plurals.keys()) {
        const reference = [...placeholders(englishTexts.get(`${base}_other`) ?? '')]
          .filter((name) => name !== 'count')
          .sort();
        for (const [key, text] of texts) {
          if (!key.startsWith(`${base}_`) || !PLURAL_SUFFIX.test(key.slice(base.length))) continue;
          // A zero, one or two form may say the number in words and leave a value out ("no case selected").
          for (const name of placeholders(text)) expect(['count', ...reference], `${language} ${key}`).toContain(name);
        }
        const open = placeholders(texts.get(`${base}_other`) ?? '');
        expect([...open].sort(), `${language} ${base}_other`).toEqual(['count', ...reference].sort());
      }
    });
  }

  it('leaves no English in the other catalogs: Latin-script words only where the word is the same (brands, keys, loanwords)', () => {
    // Words these languages write the same as English; anything else equal to the English text is untranslated.
    const same = new Set([
      'Crossdesk',
      'WeChat',
      'LINE',
      'KakaoTalk',
      'WhatsApp',
      'Telegram',
      'Zalo',
      'VK',
      'Chat',
      'Alt',
      'Ctrl',
      'Shift',
      'Status',
      'Normal',
      'Online',
      'Offline',
      'Server',
      'in {{duration}}',
      // Spanish answers a yes/no question with the same word.
      'No',
    ]);
    const english = allLeaves('en');
    for (const language of LANGUAGES.filter((code) => code !== 'en')) {
      const copied = [...allLeaves(language)].filter(
        ([key, text]) => english.get(key) === text && /[A-Za-z]{2,}/.test(text.replace(/\{\{[^}]*\}\}/g, '')),
      );
      expect(
        copied.filter(([, text]) => !same.has(text)),
        language,
      ).toEqual([]);
      if (['ar', 'ja', 'zh-CN'].includes(language)) {
        // Two Latin words in a row outside a placeholder is an English phrase in a non-Latin script.
        const latinPhrases = [...allLeaves(language)].filter(([, text]) =>
          /[A-Za-z]{2,}[ ,.]+[A-Za-z]{2,}/.test(text.replace(/\{\{[^}]*\}\}/g, '')),
        );
        expect(latinPhrases, language).toEqual([]);
      }
    }
  });

  it('every t() the renderer calls with a count has plural forms', () => {
    const used = keysUsedWithCount();
    // The scan itself must find the calls it exists for (a regex gone stale would pass everything).
    expect(used).toEqual(
      expect.arrayContaining([
        'case:pendingChanges',
        'queue:bulk.selected',
        'queue:search.results',
        'sync:pending',
        'rights:unit.${detail.unit}',
      ]),
    );
    for (const pattern of used) {
      expect(matching(pattern, english.plurals.keys()), `${pattern} has no plural forms`).not.toEqual([]);
      expect(matching(pattern, english.plain), `${pattern} is called with a count but has a single form`).toEqual([]);
    }
  });

  describe('resolved by i18next with Intl digits', () => {
    const instance = i18next.createInstance();
    const resources = Object.fromEntries(
      LANGUAGES.map((language) => [language, Object.fromEntries(catalogs.get(language) ?? [])]),
    );
    const ready = instance.init({
      resources,
      lng: 'en',
      fallbackLng: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    // Keys here are read from the files, not from the typed English catalog the app's t() is checked against.
    const untypedT = instance.t as unknown as (key: string, options: Record<string, unknown>) => string;
    const t = (language: string, key: string, count: number): string => {
      const [ns = '', path = ''] = key.split(':');
      // Every other placeholder the catalogs use with a count gets a plain value.
      return untypedT(path, { lng: language, ns, count, status: 'S', legal: 1, applied: 'A', refused: 'R' });
    };

    it('every plural key renders in every language for counts across all categories', async () => {
      await ready;
      for (const language of LANGUAGES) {
        const digits = new Intl.NumberFormat(language);
        for (const base of english.plurals.keys()) {
          for (const count of [0, 1, 2, 3, 7, 11, 25, 100, 101, 1000, 1_000_000]) {
            const text = t(language, base, count);
            expect(text, `${language} ${base} ${count}`).not.toMatch(/\{\{|_(zero|one|two|few|many|other)$/);
            expect(text).not.toBe(base.split(':')[1]);
            if (count > 2) expect(text, `${language} ${base} ${count}`).toContain(digits.format(count));
          }
        }
      }
    });

    it('Arabic takes the zero, singular, dual, plural and accusative-singular forms', async () => {
      await ready;
      expect(t('ar', 'sync:pending', 0)).toBe('لا شيء بالانتظار');
      expect(t('ar', 'sync:pending', 1)).toBe('تغيير واحد بالانتظار');
      expect(t('ar', 'sync:pending', 2)).toBe('تغييران بالانتظار');
      expect(t('ar', 'sync:pending', 3)).toBe(`${new Intl.NumberFormat('ar').format(3)} تغييرات بالانتظار`);
      expect(t('ar', 'sync:pending', 11)).toBe(`${new Intl.NumberFormat('ar').format(11)} تغييرًا بالانتظار`);
      expect(t('ar', 'sync:pending', 100)).toBe(`${new Intl.NumberFormat('ar').format(100)} تغيير بالانتظار`);
    });

    it('English, German and Spanish tell one from many; Chinese and Japanese have one form', async () => {
      await ready;
      expect(t('en', 'case:pendingChanges', 1)).toBe('1 change waiting to sync');
      expect(t('en', 'case:pendingChanges', 1200)).toBe('1,200 changes waiting to sync');
      expect(t('de', 'queue:bulk.selected', 1)).toBe('1 Fall ausgewählt');
      expect(t('de', 'queue:bulk.selected', 1200)).toBe('1.200 Fälle ausgewählt');
      expect(t('es', 'queue:bulk.selected', 1_000_000)).toBe('1.000.000 casos seleccionados');
      expect(t('zh-CN', 'queue:bulk.selected', 1)).toBe('已选 1 个工单');
      expect(t('ja', 'sync:pending', 5)).toBe('5 件送信待ち');
    });
  });
});

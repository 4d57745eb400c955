import { describe, expect, it } from 'vitest';
import { NAMESPACES } from './i18n';
import { UI_LANGUAGES } from './languages';

const catalogs = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
});

function catalog(language: string, namespace: string): Record<string, unknown> {
  const found = catalogs[`../../locales/${language}/${namespace}.json`];
  if (found === undefined) throw new Error(`locales/${language}/${namespace}.json is missing`);
  return found;
}

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

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]).sort();

// Plural forms differ by language (ar has six, ja one): tests/unit/i18nCatalogs.test.ts checks them against Intl.PluralRules.
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;
const singular = (texts: Map<string, string>) => new Map([...texts].filter(([key]) => !PLURAL_FORM.test(key)));

describe('locale catalogs', () => {
  for (const namespace of NAMESPACES) {
    const reference = singular(leaves(catalog('en', namespace)));
    for (const language of UI_LANGUAGES.filter((code) => code !== 'en')) {
      it(`${language}/${namespace} has every English key, no extra ones, and the same placeholders`, () => {
        const translated = singular(leaves(catalog(language, namespace)));
        expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
        for (const [key, text] of reference) {
          expect(placeholders(translated.get(key) ?? ''), `${language}/${namespace}:${key}`).toEqual(
            placeholders(text),
          );
          expect(translated.get(key)?.trim(), `${language}/${namespace}:${key}`).not.toBe('');
        }
      });
    }
  }

  it('translates rather than copies English', () => {
    for (const language of UI_LANGUAGES.filter((code) => code !== 'en')) {
      const english = leaves(catalog('en', 'queue'));
      const translated = leaves(catalog(language, 'queue'));
      const copied = [...english].filter(
        ([key, text]) => translated.get(key) === text && placeholders(text).length === 0,
      );
      expect(copied.length, `${language}: ${copied.map(([key]) => key).join(', ')}`).toBeLessThan(3);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { PACK_FILES } from '../../src-shared/markets/packData';
import { UI_LANGUAGES } from '../../src-renderer/i18n/languages';

/** Every {en, zh-CN, ...} text in a pack, with where it sits, so a failure names the field. */
function localizedTexts(
  value: unknown,
  path: string,
  found: Array<{ path: string; text: Record<string, unknown> }>,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => localizedTexts(item, `${path}[${index}]`, found));
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string') found.push({ path, text: record });
    else for (const [key, child] of Object.entries(record)) localizedTexts(child, `${path}.${key}`, found);
  }
}

// Guidance and rights are read beside each case in the agent's UI language (issue 6): a pack text missing
// a UI language would silently fall back to English for those agents.
describe('market packs speak every UI language', () => {
  it.each(PACK_FILES.map((pack) => [pack.file, pack.data] as const))('%s has every text in %#', (file, data) => {
    const texts: Array<{ path: string; text: Record<string, unknown> }> = [];
    localizedTexts(data, file, texts);
    expect(texts.length).toBeGreaterThan(10);
    const missing = texts.flatMap(({ path, text }) =>
      UI_LANGUAGES.filter(
        (language) => typeof text[language] !== 'string' || (text[language] as string).trim() === '',
      ).map((language) => `${path} lacks ${language}`),
    );
    expect(missing).toEqual([]);
  });
});

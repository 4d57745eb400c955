const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/**
 * Han, kana and Hangul runs as one token per character, runs kept apart by a "0" token so a phrase
 * never matches across two runs. Returns '' for text without such characters (nothing to index).
 */
export function cjkTokens(text: string): string {
  const runs = text.match(CJK_RUN);
  if (!runs) return '';
  return runs.map((run) => [...run].join(' ')).join(' 0 ');
}

/** An FTS5 phrase for the CJK index: "退 款" matches the two characters side by side. */
export function cjkPhrase(query: string): string {
  return `"${[...query].filter((ch) => !/\s/u.test(ch)).join(' ')}"`;
}

/** An FTS5 phrase for the trigram index, quotes doubled as FTS5 requires. */
export function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

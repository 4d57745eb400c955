/** Characters an order number may be written with or without (114-5550123-1234567 or 1145550123...). */
const SEPARATOR = /[\s\-_./]/u;

/** Where `term` matches at `start` ignoring separators in the text: the end index, or -1. */
function looseMatchEnd(text: string, start: number, term: string): number {
  let at = start;
  for (const char of term) {
    while (at < text.length && at > start && SEPARATOR.test(text[at] ?? '')) at++;
    if (text[at] !== char) return -1;
    at++;
  }
  return at;
}

/**
 * The [start, end) ranges of `text` where any of the search terms occur, case-insensitively, merged and
 * in order. A term without separators also matches across them, as search finds an order number typed
 * without its dashes; a leading "#" (a tag as agents write it) is not part of the term.
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const haystack = text.toLowerCase();
  // Lower-casing may change the length of some characters (İ); then only exact-length matches are safe.
  const isAligned = haystack.length === text.length;
  const ranges: [number, number][] = [];
  for (const raw of terms) {
    const term = raw.replace(/^#/u, '').toLowerCase();
    if (term === '' || !isAligned) continue;
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length))
      ranges.push([at, at + term.length]);
    if (SEPARATOR.test(term) || ranges.length > 0) continue;
    for (let start = 0; start < haystack.length; start++) {
      const end = looseMatchEnd(haystack, start, term);
      if (end > 0) {
        ranges.push([start, end]);
        start = end - 1;
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

import IntlMessageFormat from 'intl-messageformat';

// Parsing ICU is most of a render's cost and the library is small and fixed, so compiled messages are
// kept; the cap only guards against an unbounded stream of ad-hoc messages (agent-edited templates).
const CAPACITY = 4000;
const cache = new Map<string, IntlMessageFormat>();

export function compiledMessage(message: string, locale: string): IntlMessageFormat {
  const key = `${locale}\u0000${message}`;
  let compiled = cache.get(key);
  if (!compiled) {
    if (cache.size >= CAPACITY) cache.clear();
    compiled = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    cache.set(key, compiled);
  }
  return compiled;
}

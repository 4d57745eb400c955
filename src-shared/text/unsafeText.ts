/**
 * Text that no store here can keep faithfully: NUL (PostgreSQL text and jsonb refuse it, C strings end at
 * it) and lone UTF-16 surrogates (not Unicode; PostgreSQL refuses them, and UTF-8 encoders turn them into
 * U+FFFD, so what is stored would differ from what was sent). Such input is refused, never stripped:
 * a message that silently differs from what the customer or agent wrote is worse than a clear refusal.
 */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}

/** `mutations[0].args.body`: where in a parsed JSON value a piece of text sits. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * The path of the first string (value or object key) in a parsed JSON value that is not safe text, or null.
 * Walks with its own stack, so a deeply nested body cannot overflow the call stack.
 */
export function findUnsafeText(value: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      if (!isSafeText(current)) return path === '' ? '(the value)' : path;
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        pending.push({ value: current[index], path: childPath(path, index) });
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index] ?? ['', undefined];
        if (!isSafeText(key)) return childPath(path, key.replace(UNSAFE_TEXT, '\ufffd'));
        pending.push({ value: child, path: childPath(path, key) });
      }
    }
  }
  return null;
}

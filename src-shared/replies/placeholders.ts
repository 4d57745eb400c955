import type IntlMessageFormat from 'intl-messageformat';
import { compiledMessage } from './compiledMessage';

type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];

export type ArgumentKind = 'text' | 'number' | 'date' | 'select' | 'plural';

/** The arguments an ICU message uses, in first-use order, with how the message uses each. */
export function messageArguments(message: string, locale = 'en'): Map<string, ArgumentKind> {
  const kinds = new Map<string, ArgumentKind>();
  collect(compiledMessage(message, locale).getAst(), kinds);
  return kinds;
}

export function messagePlaceholders(message: string, locale = 'en'): string[] {
  return [...messageArguments(message, locale).keys()];
}

// Element type numbers of @formatjs/icu-messageformat-parser (TYPE enum): 1 argument, 2 number,
// 3 date, 4 time, 5 select, 6 plural; 0 literal and 7 pound carry no name.
const KIND_BY_TYPE: Record<number, ArgumentKind> = {
  1: 'text',
  2: 'number',
  3: 'date',
  4: 'date',
  5: 'select',
  6: 'plural',
};

function collect(elements: readonly MessageElement[], kinds: Map<string, ArgumentKind>): void {
  for (const element of elements) {
    const kind = KIND_BY_TYPE[element.type];
    if (kind && 'value' in element && typeof element.value === 'string') {
      const known = kinds.get(element.value);
      if (!known || known === 'text') kinds.set(element.value, kind);
    }
    if ('options' in element) {
      for (const option of Object.values(element.options)) collect(option.value, kinds);
    }
    if ('children' in element) collect(element.children, kinds);
  }
}

export interface UnfilledPlaceholder {
  token: string;
  name: string;
  index: number;
}

/**
 * Leftovers an agent must fill before sending: ICU or mustache braces ({orderId}, {{name}}) and the
 * bracketed capitals people type as reminders ([ORDER NUMBER], [NAME]). A rendered reply never
 * contains braces, so any brace pair with a name inside is a hole.
 */
const HOLE_PATTERN =
  /\{\{\s*([^{}\s][^{}]*?)\s*\}\}|\{\s*([^{}\s][^{}]*?)\s*\}|\[\s*([A-Z][A-Z0-9 _-]{1,40}?)\s*\]|\b(X{3,}|TODO|TBD)\b/gu;

export function findUnfilledPlaceholders(text: string): UnfilledPlaceholder[] {
  const found: UnfilledPlaceholder[] = [];
  for (const match of text.matchAll(HOLE_PATTERN)) {
    const name = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').split(',')[0]?.trim() ?? '';
    found.push({ token: match[0], name, index: match.index });
  }
  return found;
}

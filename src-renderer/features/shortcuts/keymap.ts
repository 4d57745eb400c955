export const SHORTCUT_ACTIONS = [
  'nextCase',
  'previousCase',
  'reply',
  'note',
  'insertReply',
  'changeStatus',
  'take',
  'tag',
  'backToQueue',
  'search',
  'help',
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export type KeyChord = { key: string; alt?: boolean; ctrlOrMeta?: boolean; shift?: boolean };

/**
 * Single letters in the Gmail/Zendesk tradition (j/k move, r reply), with Alt variants so they still work
 * while typing in the composer; Ctrl/Cmd+K for search matches most desktop apps.
 */
export const KEYMAP: Readonly<Record<ShortcutAction, readonly KeyChord[]>> = {
  nextCase: [{ key: 'j' }, { key: 'ArrowDown', alt: true }],
  previousCase: [{ key: 'k' }, { key: 'ArrowUp', alt: true }],
  reply: [{ key: 'r' }, { key: 'r', alt: true }],
  note: [{ key: 'n' }, { key: 'n', alt: true }],
  insertReply: [{ key: 'i' }, { key: 'i', alt: true }],
  changeStatus: [{ key: 's' }, { key: 's', alt: true }],
  // T takes the case, L labels it (Gmail's letter for labels), U goes up to the list (Gmail's "back").
  take: [{ key: 't' }, { key: 't', alt: true }],
  tag: [{ key: 'l' }, { key: 'l', alt: true }],
  backToQueue: [{ key: 'u' }, { key: 'u', alt: true }],
  search: [{ key: '/' }, { key: 'k', ctrlOrMeta: true }],
  help: [{ key: '?', shift: true }, { key: 'F1' }],
};

/**
 * Keys the queue grid and search results handle themselves while they have focus; listed in the help
 * beside the app-wide shortcuts, never dispatched from the window.
 */
export const LIST_KEY_ACTIONS = ['moveInList', 'openCase', 'selectRow', 'extendSelection', 'searchToResults'] as const;
export type ListKeyAction = (typeof LIST_KEY_ACTIONS)[number];
export const LIST_KEYS: Readonly<Record<ListKeyAction, readonly KeyChord[]>> = {
  moveInList: [{ key: 'ArrowDown' }, { key: 'ArrowUp' }],
  openCase: [{ key: 'Enter' }],
  selectRow: [{ key: 'x' }],
  extendSelection: [
    { key: 'ArrowDown', shift: true },
    { key: 'ArrowUp', shift: true },
  ],
  searchToResults: [{ key: 'ArrowDown' }],
};

export type KeyEventLike = {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
};

function chordMatches(chord: KeyChord, event: KeyEventLike): boolean {
  // With Alt held, macOS and some layouts change `key` (Alt+r gives "®"); `code` keeps the physical letter.
  const key =
    event.altKey && event.code?.startsWith('Key')
      ? event.code.slice(3).toLowerCase()
      : event.key.length === 1
        ? event.key.toLowerCase()
        : event.key;
  if (key !== chord.key) return false;
  if ((chord.alt ?? false) !== event.altKey) return false;
  if ((chord.ctrlOrMeta ?? false) !== (event.ctrlKey || event.metaKey)) return false;
  // Shift is part of "?" itself; for other chords it must not be held.
  if (chord.key.length === 1 && /[a-z/]/.test(chord.key) && event.shiftKey) return false;
  return true;
}

/**
 * The action of a key press, or null. Plain letters only count outside text fields, so an agent typing
 * "j" in a reply never jumps to the next case; IME composition (Chinese, Japanese input) never triggers.
 */
export function actionFor(event: KeyEventLike, isInTextField: boolean): ShortcutAction | null {
  if (event.isComposing === true) return null;
  for (const action of SHORTCUT_ACTIONS) {
    for (const chord of KEYMAP[action]) {
      const isPlain = chord.alt !== true && chord.ctrlOrMeta !== true && chord.key.length === 1;
      if (isPlain && isInTextField) continue;
      if (chordMatches(chord, event)) return action;
    }
  }
  return null;
}

/** How a chord is written in the help dialog ("Alt + ↓", "Ctrl + K"); modifier names are translated by the caller. */
export function chordParts(chord: KeyChord): Array<{ modifier: 'alt' | 'ctrl' | 'shift' } | { key: string }> {
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' };
  // "?" already implies Shift; elsewhere a Shift chord says so.
  const showsShift = chord.shift === true && chord.key.length > 1;
  return [
    ...(chord.ctrlOrMeta === true ? [{ modifier: 'ctrl' as const }] : []),
    ...(chord.alt === true ? [{ modifier: 'alt' as const }] : []),
    ...(showsShift ? [{ modifier: 'shift' as const }] : []),
    { key: names[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key) },
  ];
}

export { ShortcutsProvider, useShortcut, useShortcutHelp } from './ShortcutsProvider';
export { actionFor, KEYMAP, SHORTCUT_ACTIONS, type ShortcutAction } from './keymap';

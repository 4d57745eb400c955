export { ShortcutsProvider, useShortcut, useShortcutHelp } from './ShortcutsProvider';
export { ShortcutsHelpButton } from './components/ShortcutsHelpButton';
export { actionFor, KEYMAP, SHORTCUT_ACTIONS, type ShortcutAction } from './keymap';

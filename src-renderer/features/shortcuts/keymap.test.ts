import { describe, expect, it } from 'vitest';
import { actionFor, KEYMAP, SHORTCUT_ACTIONS } from './keymap';

const press = (
  key: string,
  mods: Partial<{ alt: boolean; ctrl: boolean; meta: boolean; shift: boolean; code: string; composing: boolean }> = {},
) => ({
  key,
  code: mods.code,
  altKey: mods.alt ?? false,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  isComposing: mods.composing ?? false,
});

describe('actionFor', () => {
  it('maps plain letters outside text fields', () => {
    expect(actionFor(press('j'), false)).toBe('nextCase');
    expect(actionFor(press('k'), false)).toBe('previousCase');
    expect(actionFor(press('r'), false)).toBe('reply');
    expect(actionFor(press('?', { shift: true }), false)).toBe('help');
    expect(actionFor(press('k', { ctrl: true }), true)).toBe('search');
    expect(actionFor(press('k', { meta: true }), false)).toBe('search');
  });

  it('lets the agent type letters in the composer, and still answers to Alt chords there', () => {
    for (const letter of ['j', 'k', 'r', 'n', 'i', 's', '/']) expect(actionFor(press(letter), true)).toBeNull();
    expect(actionFor(press('ArrowDown', { alt: true }), true)).toBe('nextCase');
    // macOS turns Alt+R into "®"; the physical key still counts.
    expect(actionFor(press('®', { alt: true, code: 'KeyR' }), true)).toBe('reply');
  });

  it('ignores keys pressed while an input method is composing', () => {
    expect(actionFor(press('j', { composing: true }), false)).toBeNull();
  });

  it('does not fire a letter shortcut with Shift or Ctrl held (Ctrl+R reloads, Shift+J types J)', () => {
    expect(actionFor(press('J', { shift: true }), false)).toBeNull();
    expect(actionFor(press('r', { ctrl: true }), false)).toBeNull();
  });

  it('gives no two actions the same chord', () => {
    const seen = new Set<string>();
    for (const action of SHORTCUT_ACTIONS) {
      for (const chord of KEYMAP[action]) {
        const id = JSON.stringify(chord);
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
});

/**
 * Which presses are the app's: saving works from anywhere (a console included), the editing
 * shortcuts only outside text fields and consoles, and the desktop menu keeps its own.
 */
import { describe, expect, it } from 'vitest';
import { isAppWideShortcut, readShortcut, type KeyPress } from '../../../renderer/keyboard/shortcut-command';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('Ctrl+S and Ctrl+Shift+S are app-wide (Cmd on a Mac); plain S, Ctrl+C, Ctrl+Z and Ctrl+N are not', () => {
    expect(isAppWideShortcut(press('s', { ctrlKey: true }), false)).toBe(true);
    expect(isAppWideShortcut(press('S', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isAppWideShortcut(press('s', { metaKey: true }), true)).toBe(true);
    expect(isAppWideShortcut(press('s', { ctrlKey: true }), true)).toBe(false);
    for (const other of [press('s'), press('c', { ctrlKey: true }), press('z', { ctrlKey: true }), press('n', { ctrlKey: true }), press('s', { ctrlKey: true, altKey: true })]) {
      expect(isAppWideShortcut(other, false)).toBe(false);
    }
  });

  it('with the desktop menu, Ctrl+S is left to its accelerator', () => {
    expect(readShortcut(press('s', { ctrlKey: true }), { hasDesktopMenu: true, isMac: false })).toBeNull();
    expect(readShortcut(press('s', { ctrlKey: true }), { hasDesktopMenu: false, isMac: false })).toBe('save');
  });
});

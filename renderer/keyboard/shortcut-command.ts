/**
 * The editor's keyboard shortcuts as a pure mapping from a key press to a command, so the rules
 * are testable without a DOM: Ctrl+Z undo, Ctrl+Y and Ctrl+Shift+Z redo, Delete/Backspace
 * delete the selection, F2 rename, Escape leave the current mode, F fit, + and − zoom,
 * Ctrl+N/O/S/Shift+S the file commands. In the desktop app the menu's accelerators already
 * send the commands it lists, so those presses are left to the menu (no double undo).
 * Saving works from anywhere, a console or a text field included (isAppWideShortcut).
 */
export type ShortcutCommand = 'undo' | 'redo' | 'delete' | 'rename' | 'escape' | 'fit' | 'zoom-in' | 'zoom-out' | 'new' | 'open' | 'save' | 'save-as';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export interface ShortcutContext {
  /** The desktop menu handles its own accelerators. */
  readonly hasDesktopMenu: boolean;
  readonly isMac: boolean;
}

export function readShortcut(press: KeyPress, context: ShortcutContext): ShortcutCommand | null {
  const mod = context.isMac ? press.metaKey : press.ctrlKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.altKey) return null;
  if (mod) {
    let command: ShortcutCommand | null = null;
    if (key === 'z') command = press.shiftKey ? 'redo' : 'undo';
    else if (key === 'y' && !press.shiftKey) command = 'redo';
    else if (key === 'n' && !press.shiftKey) command = 'new';
    else if (key === 'o' && !press.shiftKey) command = 'open';
    else if (key === 's') command = press.shiftKey ? 'save-as' : 'save';
    if (command === null) return null;
    return context.hasDesktopMenu && isMenuAccelerator(command, press, context) ? null : command;
  }
  if (press.ctrlKey || press.metaKey) return null;
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'F2':
      return 'rename';
    case 'Escape':
      return 'escape';
    case 'f':
      return press.shiftKey ? null : 'fit';
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    default:
      return null;
  }
}

/** Whether the desktop menu (electron/app-menu.ts) binds this press itself. */
function isMenuAccelerator(command: ShortcutCommand, press: KeyPress, context: ShortcutContext): boolean {
  if (command === 'redo') return context.isMac ? press.shiftKey : !press.shiftKey;
  return true;
}

/**
 * The shortcuts the app keeps even while a text field or a console has the keyboard: saving
 * (Ctrl+S, Ctrl+Shift+S). In a console Ctrl+S would otherwise be XOFF, which IOS and the hosts
 * here ignore anyway; a trainee pressing it means "save my lab".
 */
export function isAppWideShortcut(press: KeyPress, isMac: boolean): boolean {
  const command = readShortcut(press, { hasDesktopMenu: false, isMac });
  return command === 'save' || command === 'save-as';
}

/**
 * The xterm adapter (after VS Code's terminal/browser/xterm): xterm is only a view over a
 * device's console session in the worker. Keystrokes go to the worker as they are (Tab, `?`,
 * Ctrl-C, Ctrl-Z, arrows, Ctrl-6 = Ctrl-Shift-6 for IOS), output comes back and is written as
 * is; the session does the line editing and history. The fit addon sizes the grid to the panel
 * and the size goes to the session (`setDimensions`).
 *
 * Copy and paste as in terminal emulators on Windows and Linux: Ctrl+Shift+C copies the
 * selection, Ctrl+Shift+V pastes, Ctrl+C copies when text is selected (and is ^C otherwise),
 * a right click copies the selection or, with none, pastes. Pasted line ends become Enter.
 * Leaves out: the WebGL renderer (the DOM renderer is enough for console text).
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { isAppWideShortcut } from '../keyboard/shortcut-command';
import type { SimClient } from '../sim/sim-client';
import { streamConsole } from './console-stream';

export interface ClipboardAccess {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export const TERMINAL_THEME = {
  background: '#0f1720',
  foreground: '#d7e0ea',
  cursor: '#7dd3fc',
  cursorAccent: '#0f1720',
  selectionBackground: '#33507a',
  black: '#0f1720',
  brightBlack: '#64748b',
};

export class XtermConsole {
  readonly terminal: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly disposers: (() => void)[] = [];
  private lastSize = '';

  constructor(
    private readonly client: SimClient,
    readonly device: string,
    private readonly clipboard: ClipboardAccess | undefined,
  ) {
    this.terminal = new Terminal({
      fontFamily: "ui-monospace, 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
      fontSize: 13,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      convertEol: false,
      theme: TERMINAL_THEME,
      // The console session draws its own prompt and echo; xterm must not answer queries.
      disableStdin: false,
      rightClickSelectsWord: false,
    });
    this.terminal.loadAddon(this.fitAddon);
  }

  /** Shows the terminal in `element`, replays what the console printed so far, and starts streaming. */
  async open(element: HTMLElement): Promise<void> {
    const terminal = this.terminal;
    terminal.open(element);
    terminal.attachCustomKeyEventHandler((event) => this.handleKey(event));
    const onContextMenu = (event: MouseEvent) => {
      event.preventDefault();
      if (terminal.hasSelection()) this.copySelection();
      else void this.paste();
    };
    element.addEventListener('contextmenu', onContextMenu);
    this.disposers.push(() => element.removeEventListener('contextmenu', onContextMenu));
    const input = terminal.onData((data) => void this.client.request('console-input', { device: this.device, data }).catch(() => undefined));
    this.disposers.push(() => input.dispose());
    // The transcript first, then only newer output (console-stream.ts): one first prompt.
    const stream = streamConsole(this.client, this.device, {
      write: (data) => terminal.write(data),
      reset: (transcript) => {
        terminal.reset();
        terminal.write(transcript);
      },
    });
    this.disposers.push(() => stream.dispose());
    this.fit();
    await stream.opened;
  }

  /** Fits the grid to the element (when it is shown) and tells the session the size. */
  fit(): void {
    const element = this.terminal.element;
    if (!element || element.offsetParent === null) return;
    this.fitAddon.fit();
    const size = `${this.terminal.cols}x${this.terminal.rows}`;
    if (size === this.lastSize) return;
    this.lastSize = size;
    void this.client.request('console-resize', { device: this.device, cols: this.terminal.cols, rows: this.terminal.rows }).catch(() => undefined);
  }

  focus(): void {
    this.terminal.focus();
  }

  /** Types text as if pasted (line ends become Enter). */
  typeText(text: string): void {
    this.terminal.paste(text);
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.terminal.dispose();
  }

  private handleKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    // Ctrl+S saves the lab (the app's shortcut, or the desktop menu's accelerator): xterm must
    // neither send it to the device (XOFF) nor cancel the event before the app sees it.
    if (isAppWideShortcut(event, /Mac/.test(navigator.platform))) return false;
    const key = event.key.toLowerCase();
    if (event.ctrlKey && event.shiftKey && key === 'c') {
      this.copySelection();
      event.preventDefault();
      return false;
    }
    if (event.ctrlKey && event.shiftKey && key === 'v') {
      void this.paste();
      event.preventDefault();
      return false;
    }
    if (event.ctrlKey && !event.shiftKey && !event.altKey && key === 'c' && this.terminal.hasSelection()) {
      this.copySelection();
      event.preventDefault();
      return false;
    }
    return true;
  }

  private copySelection(): void {
    const text = this.terminal.getSelection();
    if (text === '') return;
    void this.clipboard?.writeText(text).catch(() => undefined);
    this.terminal.clearSelection();
  }

  private async paste(): Promise<void> {
    const text = await this.clipboard?.readText().catch(() => '');
    if (text) this.terminal.paste(text);
  }
}

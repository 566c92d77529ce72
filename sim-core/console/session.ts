/**
 * A console session as a pseudo-terminal (after VS Code's `Pseudoterminal`): keystrokes go in
 * through `write`, terminal text ('\r\n' line ends, '\b' to move left) comes out through the
 * listeners. The session does line editing and history for every dialect; what a line means,
 * the prompt, `?` help, Tab completion and control keys belong to the dialect (IOS, Windows
 * cmd, Linux bash plug in the same way). A command may run as a job whose output arrives over
 * virtual time; while it runs, the dialect's interrupt key cancels it and other keys wait.
 * Keys: printable text, Enter (\r or \n), Backspace (\x7f or \b), Tab, arrows (\x1b[A..D),
 * Ctrl-A/E (start/end), Ctrl-B/F (left/right), Ctrl-P/N (history), Ctrl-U (erase to start),
 * Ctrl-W (erase word), Ctrl-C, Ctrl-Z, Ctrl-Shift-6 (\x1e).
 * Leaves out: paging (`--More--`), horizontal scrolling of lines wider than the terminal, and
 * any knowledge of xterm: output is plain text with '\b' and '\x07' (bell).
 * Everything a dialect prints (output, prompts, messages) passes through sanitizeTerminalText
 * (terminal-text.ts) on its way out: device-supplied text never carries a control sequence to
 * the terminal; the only ones that reach it are the session's own (line editing, bell, clear).
 */
import type { ConsoleJob } from './job';
import { sanitizeTerminalText } from './terminal-text';

/** Home, erase the screen and the scrollback (xterm): what `clear` and `cls` do. */
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** What running a line produced. */
export interface DialectOutcome {
  /** Text to print, '\n' line ends (control characters are removed on the way out). */
  readonly output?: string;
  /** Clear the screen first (Linux `clear`, Windows `cls`): the session sends the control sequence. */
  readonly clearScreen?: boolean;
  /** Output still to come; the prompt returns when it is done. */
  readonly job?: ConsoleJob;
}

/** The answer to a control key at the prompt. */
export interface ControlKeyOutcome extends DialectOutcome {
  /** Echoed on the current line before the outcome (`^Z`, `^C`). */
  readonly echo?: string;
  /** Keep the line being typed (default: it is discarded and a new prompt is shown). */
  readonly keepLine?: boolean;
}

export interface ConsoleDialect {
  prompt(): string;
  /** Runs one line (the session has already echoed it and moved to a new line). */
  execute(line: string): DialectOutcome;
  /** `?` at the end of `line`: the help text to print; undefined makes `?` an ordinary character. */
  help?(line: string): string | undefined;
  /** Tab: the completed line, or undefined to ring the bell. */
  complete?(line: string): string | undefined;
  /** Ctrl-C / Ctrl-Z at the prompt; undefined = ignore the key. */
  controlKey?(key: 'ctrl-c' | 'ctrl-z', line: string): ControlKeyOutcome | undefined;
  /** The key that interrupts a running job: '\x03' (Ctrl-C) or '\x1e' (Ctrl-Shift-6). */
  readonly interruptKey: string;
  /** Echoed when a job is interrupted (bash prints `^C`). */
  readonly interruptEcho?: string;
}

export interface SessionOptions {
  readonly historySize?: number;
  /**
   * Defers the prompt redraw after unsolicited messages: called once when a burst begins, with
   * the function that ends it. Devices pass a zero-delay timer of the simulation, so every
   * message of one virtual instant prints before the prompt comes back once (no wall clock).
   * Without it, the prompt is redrawn after each message.
   */
  readonly scheduleRedraw?: (redraw: () => void) => void;
}

const BELL = '\x07';

/** Converts '\n' (or '\r\n') line ends to the terminal's '\r\n'. */
export function toTerminalText(text: string): string {
  return sanitizeTerminalText(text).replace(/\r?\n/g, '\r\n');
}

export class ConsoleSession {
  private readonly listeners = new Set<(data: string) => void>();
  private readonly history: string[] = [];
  private readonly historySize: number;
  private historyIndex = 0;
  private draft = '';
  private line = '';
  private cursor = 0;
  private escape = '';
  private job: ConsoleJob | undefined;
  private typeahead = '';
  private lastWasCr = false;
  private cols = 80;
  private rows = 24;
  /** Messages were printed below the prompt, which is not drawn again yet. */
  private redrawPending = false;
  private readonly scheduleRedraw: ((redraw: () => void) => void) | undefined;

  constructor(
    private readonly dialect: ConsoleDialect,
    options: SessionOptions = {},
  ) {
    this.historySize = options.historySize ?? 20;
    this.scheduleRedraw = options.scheduleRedraw;
  }

  /** Subscribes to terminal output; returns the unsubscribe function. */
  onData(listener: (data: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Shows the first prompt. */
  open(): void {
    this.emit(this.prompt());
  }

  setDimensions(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
  }

  get dimensions(): { readonly cols: number; readonly rows: number } {
    return { cols: this.cols, rows: this.rows };
  }

  /** Whether a job is running. */
  get busy(): boolean {
    return this.job !== undefined;
  }

  /** The lines in the history buffer, oldest first (IOS `show history`). */
  get historyLines(): readonly string[] {
    return [...this.history];
  }

  /** The line being typed (for tests and the UI). */
  get currentLine(): string {
    return this.line;
  }

  /** Types a whole line and Enter. */
  writeLine(line: string): void {
    this.write(`${line}\r`);
  }

  /**
   * An unsolicited message (a syslog line): printed on its own line below the prompt. Messages
   * of one burst follow one another; then the prompt and the half-typed line are drawn again
   * once, as IOS does with `logging synchronous` (see `scheduleRedraw`; `flush` ends a burst
   * at once, and so does the next key).
   */
  notify(text: string): void {
    const body = toTerminalText(text.endsWith('\n') ? text : `${text}\n`);
    if (this.job) {
      this.emit(body);
      return;
    }
    if (this.redrawPending) {
      this.emit(body);
      return;
    }
    this.redrawPending = true;
    this.emit(`\r\n${body}`);
    if (this.scheduleRedraw) this.scheduleRedraw(() => this.flush());
    else this.flush();
  }

  /** Draws the prompt and the half-typed line again if messages were printed since (ends a burst). */
  flush(): void {
    if (!this.redrawPending) return;
    this.redrawPending = false;
    if (this.job) return;
    this.emit(`${this.prompt()}${this.line}`);
    this.emit('\b'.repeat(this.line.length - this.cursor));
  }

  /** Keystrokes (any mix of text and control/escape sequences). Never throws on odd input. */
  write(data: string): void {
    this.flush();
    for (const ch of data) {
      if (this.job) {
        if (ch === this.dialect.interruptKey) {
          if (this.dialect.interruptEcho) this.emit(this.dialect.interruptEcho);
          this.job.cancel();
        } else {
          this.typeahead += ch;
        }
        continue;
      }
      this.key(ch);
    }
  }

  private emit(data: string): void {
    if (data === '') return;
    for (const l of this.listeners) l(data);
  }

  private key(ch: string): void {
    if (this.escape !== '') {
      this.escape += ch;
      if (this.escape === '\x1b[' || this.escape === '\x1bO') return;
      // Parameters of a CSI sequence (`\x1b[1;5D`): digits and ';' until the final letter.
      if (/^[0-9;]$/.test(ch) && this.escape.length < 16) return;
      const seq = this.escape;
      this.escape = '';
      const final = seq[seq.length - 1];
      if (final === 'A') this.historyUp();
      else if (final === 'B') this.historyDown();
      else if (final === 'C') this.moveRight();
      else if (final === 'D') this.moveLeft();
      return;
    }
    const wasCr = this.lastWasCr;
    this.lastWasCr = ch === '\r';
    switch (ch) {
      case '\x1b':
        this.escape = ch;
        return;
      case '\r':
        this.submit();
        return;
      case '\n':
        if (!wasCr) this.submit();
        return;
      case '\x7f':
      case '\b':
        this.backspace();
        return;
      case '\t':
        this.tab();
        return;
      case '\x01':
        this.emit('\b'.repeat(this.cursor));
        this.cursor = 0;
        return;
      case '\x05':
        this.emit(this.line.slice(this.cursor));
        this.cursor = this.line.length;
        return;
      case '\x02':
        this.moveLeft();
        return;
      case '\x06':
        this.moveRight();
        return;
      case '\x10':
        this.historyUp();
        return;
      case '\x0e':
        this.historyDown();
        return;
      case '\x15':
        this.eraseBefore(this.cursor);
        return;
      case '\x17': {
        let i = this.cursor;
        while (i > 0 && this.line[i - 1] === ' ') i--;
        while (i > 0 && this.line[i - 1] !== ' ') i--;
        this.eraseBefore(this.cursor - i);
        return;
      }
      case '\x03':
        this.control('ctrl-c');
        return;
      case '\x1a':
        this.control('ctrl-z');
        return;
      case '?':
        if (this.dialect.help) {
          const text = this.dialect.help(this.line.slice(0, this.cursor));
          if (text !== undefined) {
            this.line = this.line.slice(0, this.cursor);
            this.emit(`?\r\n${toTerminalText(text)}${this.prompt()}${this.line}`);
            return;
          }
        }
        this.insert(ch);
        return;
    }
    if (ch >= ' ' && ch !== '\x7f') this.insert(ch);
  }

  private insert(text: string): void {
    const tail = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor) + text + tail;
    this.cursor += text.length;
    this.emit(text + tail + '\b'.repeat(tail.length));
  }

  private backspace(): void {
    if (this.cursor === 0) {
      this.emit(BELL);
      return;
    }
    this.eraseBefore(1);
  }

  /** Deletes `count` characters left of the cursor and redraws the rest of the line. */
  private eraseBefore(count: number): void {
    if (count <= 0) return;
    const tail = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor - count) + tail;
    this.cursor -= count;
    this.emit('\b'.repeat(count) + tail + ' '.repeat(count) + '\b'.repeat(tail.length + count));
  }

  private moveLeft(): void {
    if (this.cursor === 0) return;
    this.cursor--;
    this.emit('\b');
  }

  private moveRight(): void {
    if (this.cursor >= this.line.length) return;
    this.emit(this.line[this.cursor]!);
    this.cursor++;
  }

  /** Replaces the whole line being typed, cursor at its end. */
  private replaceLine(text: string): void {
    const old = this.line;
    this.emit('\b'.repeat(this.cursor));
    const pad = Math.max(0, old.length - text.length);
    this.emit(text + ' '.repeat(pad) + '\b'.repeat(pad));
    this.line = text;
    this.cursor = text.length;
  }

  private historyUp(): void {
    if (this.historyIndex === 0) {
      this.emit(BELL);
      return;
    }
    if (this.historyIndex === this.history.length) this.draft = this.line;
    this.historyIndex--;
    this.replaceLine(this.history[this.historyIndex]!);
  }

  private historyDown(): void {
    if (this.historyIndex >= this.history.length) {
      this.emit(BELL);
      return;
    }
    this.historyIndex++;
    this.replaceLine(this.historyIndex === this.history.length ? this.draft : this.history[this.historyIndex]!);
  }

  private tab(): void {
    const completed = this.dialect.complete?.(this.line.slice(0, this.cursor));
    if (completed === undefined || this.cursor !== this.line.length) {
      this.emit(BELL);
      return;
    }
    this.replaceLine(completed);
  }

  private control(key: 'ctrl-c' | 'ctrl-z'): void {
    const outcome = this.dialect.controlKey?.(key, this.line);
    if (!outcome) return;
    if (outcome.echo) this.emit(outcome.echo);
    if (outcome.keepLine) return;
    this.emit('\r\n');
    this.line = '';
    this.cursor = 0;
    this.run(outcome);
  }

  private submit(): void {
    const line = this.line;
    this.emit('\r\n');
    this.line = '';
    this.cursor = 0;
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > this.historySize) this.history.shift();
    }
    this.historyIndex = this.history.length;
    this.draft = '';
    this.run(this.dialect.execute(line));
  }

  /** The dialect's prompt as it may reach a terminal (a hostname is device-supplied text). */
  private prompt(): string {
    return sanitizeTerminalText(this.dialect.prompt());
  }

  private run(outcome: DialectOutcome): void {
    if (outcome.clearScreen === true) this.emit(CLEAR_SCREEN);
    if (outcome.output) this.emit(toTerminalText(outcome.output));
    if (!outcome.job) {
      this.emit(this.prompt());
      return;
    }
    const job = outcome.job;
    this.job = job;
    job.onOutput((text) => this.emit(toTerminalText(text)));
    job.onDone(() => {
      if (this.job !== job) return;
      this.job = undefined;
      this.emit(this.prompt());
      const pending = this.typeahead;
      this.typeahead = '';
      this.write(pending);
    });
  }
}

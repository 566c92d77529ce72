/**
 * Golden transcripts for console sessions, reusable by every dialect: a script (`<case>.in`) is
 * typed into a session keystroke by keystroke, the terminal output is rendered as a screen
 * would show it, and the whole screen is compared with `<case>.out`.
 *
 * Script lines: the text is typed, then Enter — except when the line ends with `?`, `<tab>`,
 * `<noenter>`, `<enter>` or a control key. Key tokens: <tab> <enter> <bs> <up> <down> <left> <right>
 * <ctrl-a> <ctrl-e> <ctrl-u> <ctrl-w> <ctrl-c> <ctrl-z> <ctrl-shift-6> <noenter>.
 * `#! advance <ms>` calls the suite's `advance` hook (virtual time for jobs); `## …` is a comment.
 * Set UPDATE_TRANSCRIPTS=1 to (re)write the `.out` files from what the session prints — then
 * read every changed line against the real OS before committing.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsoleSession } from '../../../sim-core/console/session';

const KEYS: Record<string, string> = {
  '<tab>': '\t',
  '<enter>': '\r',
  '<bs>': '\x7f',
  '<up>': '\x1b[A',
  '<down>': '\x1b[B',
  '<right>': '\x1b[C',
  '<left>': '\x1b[D',
  '<ctrl-a>': '\x01',
  '<ctrl-e>': '\x05',
  '<ctrl-u>': '\x15',
  '<ctrl-w>': '\x17',
  '<ctrl-c>': '\x03',
  '<ctrl-z>': '\x1a',
  '<ctrl-shift-6>': '\x1e',
  '<noenter>': '',
};
const NO_ENTER_SUFFIXES = ['?', '<tab>', '<enter>', '<noenter>', '<ctrl-c>', '<ctrl-z>', '<ctrl-shift-6>'];

export interface TranscriptHooks {
  readonly session: ConsoleSession;
  readonly advance?: (ms: number) => void;
}

/** Turns one script line into keystrokes. */
export function keystrokesOf(scriptLine: string): string {
  const typed = scriptLine.replace(/<[a-z0-9-]+>/g, (token) => KEYS[token] ?? token);
  return NO_ENTER_SUFFIXES.some((s) => scriptLine.endsWith(s)) ? typed : `${typed}\r`;
}

/**
 * Renders terminal output as a screen shows it: '\r' to column 0, '\n' down, '\b' left, bell
 * ignored, characters overwrite. Trailing blanks of each row are dropped (erasing leaves them).
 */
export function renderScreen(output: string): string {
  const rows: string[][] = [[]];
  let row = 0;
  let col = 0;
  for (const ch of output) {
    if (ch === '\r') col = 0;
    else if (ch === '\n') {
      row++;
      rows[row] ??= [];
    } else if (ch === '\b') col = Math.max(0, col - 1);
    else if (ch === '\x07') continue;
    else {
      const r = rows[row]!;
      while (r.length < col) r.push(' ');
      r[col] = ch;
      col++;
    }
  }
  return rows.map((r) => r.join('').trimEnd()).join('\n');
}

/** Feeds a script through a session; returns the raw terminal output. */
export function runScript(script: string, hooks: TranscriptHooks): string {
  let output = '';
  const off = hooks.session.onData((d) => {
    output += d;
  });
  hooks.session.open();
  for (const line of script.split('\n')) {
    if (line.startsWith('##') || line === '') continue;
    const directive = /^#! advance (\d+)$/.exec(line);
    if (directive) {
      hooks.advance?.(Number(directive[1]));
      continue;
    }
    hooks.session.write(keystrokesOf(line));
  }
  off();
  return output;
}

/**
 * Declares one Vitest case per `<case>.in` in `dir`; `create` makes a fresh session (and its
 * virtual clock) for each case.
 */
export function describeTranscripts(title: string, dir: string, create: () => TranscriptHooks): void {
  const cases = readdirSync(dir).filter((f) => f.endsWith('.in')).sort();
  describe(title, () => {
    it('has transcripts', () => expect(cases.length).toBeGreaterThan(0));
    for (const file of cases) {
      const name = file.slice(0, -3);
      it(name, () => {
        const script = readFileSync(join(dir, file), 'utf8');
        const screen = `${renderScreen(runScript(script, create()))}\n`;
        const expectedPath = join(dir, `${name}.out`);
        if (process.env['UPDATE_TRANSCRIPTS'] === '1') writeFileSync(expectedPath, screen);
        expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_TRANSCRIPTS=1 and review it`).toBe(true);
        expect(screen).toBe(readFileSync(expectedPath, 'utf8'));
      });
    }
  });
}

/**
 * Device-supplied text cannot drive the trainee's terminal (issue 17.3): a lab file whose
 * configuration carries ESC sequences (a `description` that clears the screen and retitles the
 * window, a hostname with a colour change, a bidi-free but BEL-ringing banner of C0 and C1
 * controls) boots, and nothing the consoles emit — raw, as xterm would receive it — contains
 * any control sequence but the session's own line editing; `v6lab run --exec` prints none either.
 */
import { describe, expect, it } from 'vitest';
import { runLabCommand, streamText } from '../../../electron/cli/commands/run';
import { sanitizeTerminalText } from '../../../sim-core/console/terminal-text';
import { bootLab } from '../../../sim-core/lab/boot-lab';
import { loadLab } from '../../../sim-core/lab/load-lab';

const ESC = '\x1b';
const HOSTILE_LAB = [
  'version: 1',
  'devices:',
  '  - name: R1',
  '    kind: router',
  '    config: |',
  `      hostname R1${ESC}[31mRED`,
  '      interface GigabitEthernet0/0',
  `       description ok${ESC}[2J${ESC}[H${ESC}]0;pwned\x07 \x9b31m\x07\x08\x08x${ESC}P1;2q${ESC}\\done`,
  '       no shutdown',
  '  - name: SRV1',
  '    kind: server',
  'links:',
  '  - endpoints: ["R1:g0/0", "SRV1:eth0"]',
  '',
].join('\n');

/** Every control character a terminal acts on, except the session's own: CR, LF, TAB, BS, BEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FOREIGN_CONTROL = /[\x00-\x06\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

describe('sanitizeTerminalText', () => {
  it('removes CSI, OSC, DCS, two-character escapes, C1 and C0 controls; keeps text, tabs and line ends', () => {
    expect(sanitizeTerminalText(`a${ESC}[1;31mb${ESC}]0;title\x07c${ESC}]8;;http://x${ESC}\\d${ESC}Pq#0${ESC}\\e${ESC}7f${ESC}g\x9b2Jh\x00\x08i\tj\r\nk`)).toBe('abcdef2Jhi\tj\r\nk');
    expect(sanitizeTerminalText('plain text, Tiếng Việt ✓')).toBe('plain text, Tiếng Việt ✓');
    expect(sanitizeTerminalText(`unterminated ${ESC}]0;title`)).toBe('unterminated ');
  });
});

describe('a lab file with ESC sequences in its configuration', () => {
  it('cannot rewrite the console: raw console output carries no foreign control sequence', () => {
    const loaded = loadLab(HOSTILE_LAB, 'hostile.v6lab.yaml');
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const session = bootLab(loaded.lab, { seed: 1, source: loaded.source });
    const raw: string[] = [];
    for (const device of ['R1', 'SRV1']) {
      const console = session.console(device);
      if (!console.ok) throw new Error(console.error);
      console.value.onData((data) => raw.push(data));
    }
    const run = (device: string, line: string) => {
      const result = session.exec(device, line);
      if (!result.ok) throw new Error(result.error);
      return result.value.transcript;
    };
    run('R1', 'enable');
    const shown = run('R1', 'show running-config') + run('R1', 'show interfaces description') + run('R1', 'show interfaces GigabitEthernet0/0') + run('SRV1', 'hostname');
    expect(raw.join('').length).toBeGreaterThan(1000);
    for (const chunk of raw) expect(chunk).not.toMatch(FOREIGN_CONTROL);
    // What the description said, without its control functions.
    expect(shown).toContain(' description ok 31mxdone');
    expect(shown).not.toContain(ESC);
  });

  it('`v6lab run --exec` prints no control sequence from the file', () => {
    const outcome = runLabCommand('hostile.v6lab.yaml', HOSTILE_LAB, { exec: ['R1: enable; show running-config; show interfaces description', 'SRV1: hostname'] });
    const stdout = streamText(outcome.output, 'out');
    const stderr = streamText(outcome.output, 'err');
    expect(stdout).toContain('description ok');
    expect(stdout + stderr).not.toMatch(FOREIGN_CONTROL);
    expect(stdout.includes('\x07') || stdout.includes('\x08')).toBe(false);
  });

  it('a Linux hostname with ESC is refused at boot, and the problem printed carries no ESC', () => {
    const text = HOSTILE_LAB.replace("    kind: server\n", `    kind: server\n    config: |\n      hostname srv${ESC}[5mblink\n`);
    const outcome = runLabCommand('hostile.v6lab.yaml', text, { exec: ['SRV1: hostname'] });
    const stderr = streamText(outcome.output, 'err');
    expect(outcome.exitCode).not.toBe(0);
    expect(stderr).toContain("SRV1's config line 1: hostname: the specified hostname is invalid\n    hostname srv?[5mblink");
    expect(stderr).not.toMatch(FOREIGN_CONTROL);
  });

  it('`clear` and `cls` still clear the screen: the session sends the sequence itself', () => {
    const loaded = loadLab('version: 1\ndevices:\n  - {name: SRV1, kind: server}\n  - {name: PC1, kind: pc}\nlinks: []\n', 'c.v6lab.yaml');
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const session = bootLab(loaded.lab, { seed: 1, source: loaded.source });
    for (const [device, command] of [['SRV1', 'clear'], ['PC1', 'cls']] as const) {
      const console = session.console(device);
      if (!console.ok) throw new Error(console.error);
      const raw: string[] = [];
      const stop = console.value.onData((data) => raw.push(data));
      session.exec(device, command);
      stop();
      expect(raw.join('')).toContain(`${ESC}[H${ESC}[2J${ESC}[3J`);
    }
  });
});

/**
 * The pseudo-terminal session with the sample IOS dialect: exact bytes of help and errors,
 * line editing, jobs, and properties that no keystroke sequence throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileFilter } from '../../../sim-core/console/output-filter';
import { ConsoleSession, type ConsoleDialect } from '../../../sim-core/console/session';
import { createSampleIos } from './sample-ios';

function typeInto(keys: string): { out: string; h: ReturnType<typeof createSampleIos> } {
  const h = createSampleIos();
  let out = '';
  h.session.onData((d) => (out += d));
  h.session.open();
  h.session.write(keys);
  return { out, h };
}

describe('IOS output, byte for byte', () => {
  it('invalid input: caret at prompt length + error column, message, blank line (CRLF)', () => {
    const { out } = typeInto('en\rconf t\ripv6 adress 2001:db8::1/64\r');
    expect(out).toContain("R1(config)#ipv6 adress 2001:db8::1/64\r\n                 ^\r\n% Invalid input detected at '^' marker.\r\n\r\nR1(config)#");
  });
  it('ambiguous: two spaces after the colon, the line quoted, no blank line', () => {
    const { out } = typeInto('en\rsh i\r');
    expect(out).toContain('R1#sh i\r\n% Ambiguous command:  "sh i"\r\nR1#');
  });
  it('incomplete: message then a blank line', () => {
    const { out } = typeInto('show ipv6\r');
    expect(out).toContain('R1>show ipv6\r\n% Incomplete command.\r\n\r\nR1>');
  });
  it('configure terminal prints the banner; Ctrl-Z echoes ^Z and returns to privileged exec', () => {
    const { out, h } = typeInto('en\rconf t\rint g0/0\r\x1a');
    expect(out).toContain('Enter configuration commands, one per line.  End with CNTL/Z.\r\nR1(config)#');
    expect(out.endsWith('R1(config-if)#^Z\r\nR1#')).toBe(true);
    expect(h.dialect.mode).toBe('privileged');
  });
  it('? echoes, lists two columns padded to the longest token, a blank line, then redraws the line', () => {
    const { out } = typeInto('en\rconf t\ripv6 ?');
    expect(out).toContain('R1(config)#ipv6 ?\r\n  access-list      Configure access lists\r\n  route            Configure static routes\r\n  unicast-routing  Enable unicast routing\r\n\r\nR1(config)#ipv6 ');
  });
  it('partial help lists completions two spaces apart', () => {
    const { out } = typeInto('en\rsh i?');
    expect(out).toContain('R1#sh i?\r\ninterfaces  inventory  ipv6  \r\n\r\nR1#sh i');
  });
  it('an unknown word in exec mode is a host name IOS cannot resolve', () => {
    const { out } = typeInto('foo\r');
    expect(out).toContain('R1>foo\r\nTranslating "foo"\r\n% Unknown command or computer name, or unable to find computer address\r\nR1>');
  });
  it('a global command typed in a sub-mode runs and leaves the sub-mode', () => {
    const { h } = typeInto('en\rconf t\rint g0/0\rhostname R9\r');
    expect(h.state.hostname).toBe('R9');
    expect(h.dialect.mode).toBe('config');
  });
  it('do runs an exec command from configuration mode with the caret counted from the full line', () => {
    const { out } = typeInto('en\rconf t\rdo show ipv6 interfcae\r');
    expect(out).toContain('R1(config)#do show ipv6 interfcae\r\n                              ^\r\n');
  });
});

describe('line editing and jobs', () => {
  it('history up recalls the last line; backspace and arrows edit in place', () => {
    const { h } = typeInto('show ipv6\r\x1b[A');
    expect(h.session.currentLine).toBe('show ipv6');
    h.session.write('\x7f\x7fv6\x1b[D\x1b[Dx');
    expect(h.session.currentLine).toBe('show ipxv6');
  });
  it('keys typed while a job runs wait; Ctrl-Shift-6 stops the job', () => {
    const { out, h } = typeInto('ping 2001:db8::1 repeat 50\r');
    h.clock.advance(2);
    h.session.write('sh');
    expect(h.session.busy).toBe(true);
    h.session.write('\x1e');
    expect(h.session.busy).toBe(false);
    expect(h.session.currentLine).toBe('sh');
    void out;
  });
});

/** A console whose redraw after log messages waits for `flushBurst` (the end of the virtual instant). */
function loggingConsole(): { session: ConsoleSession; out: () => string; flushBurst: () => void } {
  const dialect: ConsoleDialect = { prompt: () => 'R1#', execute: () => ({}), interruptKey: '\x1e' };
  let scheduled: (() => void)[] = [];
  const session = new ConsoleSession(dialect, { scheduleRedraw: (redraw) => void scheduled.push(redraw) });
  let out = '';
  session.onData((d) => (out += d));
  session.open();
  return {
    session,
    out: () => out,
    flushBurst: () => {
      const due = scheduled;
      scheduled = [];
      for (const redraw of due) redraw();
    },
  };
}

describe('unsolicited messages (logging synchronous)', () => {
  it('a burst of messages prints one after another and the prompt is redrawn once after it', () => {
    const c = loggingConsole();
    c.session.notify('*Mar  1 00:00:40.004: ICMPv6-ND: Received NS');
    c.session.notify('*Mar  1 00:00:40.004: ICMPv6-ND: Sending NA');
    expect(c.out()).toBe('R1#\r\n*Mar  1 00:00:40.004: ICMPv6-ND: Received NS\r\n*Mar  1 00:00:40.004: ICMPv6-ND: Sending NA\r\n');
    c.flushBurst();
    expect(c.out().endsWith('Sending NA\r\nR1#')).toBe(true);
    expect(c.out().match(/R1#/g)).toHaveLength(2);
  });
  it('the half-typed line comes back after the burst, cursor where it was', () => {
    const c = loggingConsole();
    c.session.write('show ipv\x1b[D');
    c.session.notify('msg 1');
    c.session.notify('msg 2');
    c.flushBurst();
    expect(c.out()).toBe('R1#show ipv\b\r\nmsg 1\r\nmsg 2\r\nR1#show ipv\b');
    expect(c.session.currentLine).toBe('show ipv');
  });
  it('a key typed before the redraw is due draws the prompt first, then the key', () => {
    const c = loggingConsole();
    c.session.notify('msg 1');
    c.session.write('s');
    expect(c.out()).toBe('R1#\r\nmsg 1\r\nR1#s');
    c.flushBurst();
    expect(c.out()).toBe('R1#\r\nmsg 1\r\nR1#s');
  });
  it('each burst gets its own redraw', () => {
    const c = loggingConsole();
    c.session.notify('msg 1');
    c.flushBurst();
    c.session.notify('msg 2');
    c.flushBurst();
    expect(c.out()).toBe('R1#\r\nmsg 1\r\nR1#\r\nmsg 2\r\nR1#');
  });
  it('flush draws a pending redraw at once (callers outside the simulation)', () => {
    const c = loggingConsole();
    c.session.notify('banner');
    c.session.flush();
    expect(c.out()).toBe('R1#\r\nbanner\r\nR1#');
    c.flushBurst();
    expect(c.out()).toBe('R1#\r\nbanner\r\nR1#');
  });
});

describe('output filters', () => {
  const text = 'interface Gi0/0\n ipv6 address 2001:DB8::1/64\n!\ninterface Gi0/1\n shutdown\n!\nrouter ospf 1\n router-id 1.1.1.1\n';
  it('section prints matching parents with their children', () => {
    const f = compileFilter({ kind: 'section', pattern: 'Gi0/1' });
    expect(f.ok && f.apply(text)).toBe('interface Gi0/1\n shutdown\n');
  });
  it('a bad regular expression is an error value', () => {
    expect(compileFilter({ kind: 'include', pattern: '(' }).ok).toBe(false);
  });
});

describe('never throws (properties)', () => {
  const key = fc.constantFrom('a', 'i', 'p', 'v', '6', ' ', 's', 'h', 'n', 't', 'e', '?', '\t', '\r', '\x7f', '\x03', '\x1a', '\x1e', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b', '\x01', '\x05', '\x15', '\x17', '|', ':', '/', '0', '1');
  it('any keystroke sequence is handled without throwing', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 120 }), fc.string({ maxLength: 60 }), (keys, noise) => {
        const h = createSampleIos();
        h.session.open();
        h.session.write(`en\rconf t\r${keys.join('')}`);
        h.session.write(noise);
        h.clock.advance(10);
        h.session.write('\x1e\r');
      }),
      { numRuns: 300 },
    );
  });
});

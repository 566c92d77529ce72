/**
 * cmd.exe word splitting and the options of Windows ping and tracert, with the messages those
 * programs print for bad values (Windows 10/11).
 */
import { describe, expect, it } from 'vitest';
import { parseWindowsPing, parseWindowsTracert, splitCmdWords } from '../../../../sim-core/console/windows/cmd-args';

describe('cmd.exe words', () => {
  it('splits on blanks and keeps quoted blanks, removing the quotes', () => {
    expect(splitCmdWords('netsh interface ipv4 set address name="Ethernet 2" source=dhcp')).toEqual(['netsh', 'interface', 'ipv4', 'set', 'address', 'name=Ethernet 2', 'source=dhcp']);
    expect(splitCmdWords('  ping   -n 2  "fe80::1%11" ')).toEqual(['ping', '-n', '2', 'fe80::1%11']);
    expect(splitCmdWords('')).toEqual([]);
  });
});

describe('Windows ping options', () => {
  it('reads -n -l -f -i -w -4 -6 -t and the target (options with - or /)', () => {
    const parsed = parseWindowsPing(['-n', '2', '/l', '1400', '-f', '-i', '3', '-w', '500', '-4', '192.0.2.1']);
    expect(parsed).toEqual({ ok: true, value: { target: { kind: 'ipv4', address: 0xc0000201, text: '192.0.2.1' }, count: 2, sizeBytes: 1400, dontFragment: true, ttl: 3, timeoutMs: 500, family: 'ipv4' } });
    const forever = parseWindowsPing(['-t', 'fe80::1%11']);
    expect(forever.ok && forever.value.count).toBe(Infinity);
    expect(forever.ok && forever.value.target).toMatchObject({ kind: 'ipv6', zone: '11' });
  });

  it('refuses values outside the ranges ping accepts, with its wording', () => {
    expect(parseWindowsPing(['-n', '0', 'x'])).toEqual({ ok: false, output: 'Bad value for option -n, valid range is from 1 to 4294967295.\n' });
    expect(parseWindowsPing(['-l', '65501', 'x'])).toEqual({ ok: false, output: 'Bad value for option -l, valid range is from 0 to 65500.\n' });
    expect(parseWindowsPing(['-i', '256', 'x'])).toEqual({ ok: false, output: 'Bad value for option -i, valid range is from 1 to 255.\n' });
    expect(parseWindowsPing(['-n'])).toEqual({ ok: false, output: 'Value must be supplied for option -n.\n' });
    expect(parseWindowsPing(['-n', '2'])).toEqual({ ok: false, output: 'IP address must be specified.\n' });
    const bad = parseWindowsPing(['-x', 'host']);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.output.startsWith('Bad option -x.\n\nUsage: ping [-t]')).toBe(true);
  });

  it('prints the usage for a bare ping', () => {
    const bare = parseWindowsPing([]);
    expect(!bare.ok && bare.output.startsWith('Usage: ping [-t] [-a] [-n count]')).toBe(true);
  });
});

describe('Windows tracert options', () => {
  it('reads -d -h -w -4 -6 and the target', () => {
    expect(parseWindowsTracert(['-d', '-h', '5', '-6', '2001:db8::1'])).toMatchObject({ ok: true, value: { numeric: true, maxHops: 5, family: 'ipv6', target: { kind: 'ipv6', text: '2001:db8::1' } } });
    expect(parseWindowsTracert(['-h', '0', 'x'])).toEqual({ ok: false, output: 'Bad value for option -h, valid range is from 1 to 255.\n' });
  });
});

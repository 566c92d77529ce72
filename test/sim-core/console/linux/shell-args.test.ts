/**
 * bash word splitting and the options of iputils ping (20221126) and traceroute (2.1), with the
 * messages they print (captured on Debian 12).
 */
import { describe, expect, it } from 'vitest';
import { parseLinuxPing, parseLinuxTraceroute, splitShellWords } from '../../../../sim-core/console/linux/shell-args';

describe('bash words', () => {
  it('splits on blanks; single and double quotes group; backslash escapes', () => {
    expect(splitShellWords(`ip  addr add '2001:db8::1/64' dev "eth0"`)).toEqual(['ip', 'addr', 'add', '2001:db8::1/64', 'dev', 'eth0']);
    expect(splitShellWords('echo a\\ b "c \\"d\\""')).toEqual(['echo', 'a b', 'c "d"']);
  });
});

describe('iputils ping options', () => {
  it('runs until Ctrl-C without -c; reads -c -s -M do -I -i -W -t -6, glued or apart', () => {
    expect(parseLinuxPing(['2001:db8::1'])).toMatchObject({ ok: true, value: { count: Infinity, sizeBytes: 56, dontFragment: false } });
    expect(parseLinuxPing(['-c3', '-s', '1452', '-M', 'do', '-I', 'eth0', '-i', '0.5', '-W', '1', '-t', '2', '-6', 'fe80::1%eth0'])).toMatchObject({
      ok: true,
      value: { count: 3, sizeBytes: 1452, dontFragment: true, interfaceOrSource: 'eth0', intervalS: 0.5, timeoutS: 1, ttl: 2, family: 'ipv6', target: { kind: 'ipv6', zone: 'eth0' } },
    });
  });

  it('prints the messages iputils prints', () => {
    expect(parseLinuxPing([])).toEqual({ ok: false, output: 'ping: usage error: Destination address required' });
    expect(parseLinuxPing(['-c', 'x', 'h'])).toEqual({ ok: false, output: "ping: invalid argument: 'x'" });
    expect(parseLinuxPing(['-M', 'sometimes', 'h'])).toEqual({ ok: false, output: "ping: invalid argument: 'sometimes'" });
    const bad = parseLinuxPing(['-z', 'h']);
    expect(!bad.ok && bad.output.startsWith("ping: invalid option -- 'z'\n\nUsage\n  ping [options] <destination>")).toBe(true);
  });
});

describe('traceroute options', () => {
  it('reads -n -I -m -q -w -f and bundles (-nI)', () => {
    expect(parseLinuxTraceroute(['-nI', '-m', '5', '-q1', '2001:db8::1'], 'ipv6')).toMatchObject({ ok: true, value: { numeric: true, icmp: true, maxHops: 5, probesPerHop: 1, family: 'ipv6' } });
  });

  it('prints its usage without a host', () => {
    const bare = parseLinuxTraceroute([]);
    expect(!bare.ok && bare.output.startsWith('Usage:\n  traceroute [ -46dFITnreAUDV ]')).toBe(true);
  });
});

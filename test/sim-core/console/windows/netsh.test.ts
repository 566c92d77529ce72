/**
 * netsh's way of reading commands: unique prefixes for context and command words, tagged and
 * positional parameters in the usage's order, and netsh's messages for what it refuses.
 */
import { describe, expect, it } from 'vitest';
import { runNetsh, SYNTAX_ERROR } from '../../../../sim-core/console/windows/netsh';
import { splitCmdWords } from '../../../../sim-core/console/windows/cmd-args';
import { windowsHostOf } from '../../../../sim-core/console/windows/windows-host';
import { Network } from '../../../../sim-core/sim/network';

function netsh(line: string) {
  const net = new Network({ seed: 1 });
  const host = windowsHostOf(net.addDevice('pc', 'PC1'));
  const run = (l: string) => runNetsh(host, splitCmdWords(l), () => '');
  return { host, first: run(line), run };
}

describe('netsh', () => {
  it('accepts unique prefixes of context and command words (int ipv6 sh addr)', () => {
    expect(netsh('int ipv6 sh addr').first.output).toContain('Interface 11: Ethernet0');
    expect(netsh('i ipv6 a addr Ethernet0 2001:db8::1').first).toEqual({ ok: true, output: 'Ok.' });
  });

  it('treats ip as the ipv4 context', () => {
    const { host, first } = netsh('interface ip set address "Ethernet0" static 192.0.2.5 255.255.255.0 192.0.2.1');
    expect(first.ok).toBe(true);
    expect(host.config.ipv4.get('Ethernet0')).toMatchObject({ source: 'static', prefixLength: 24 });
  });

  it('binds tagged parameters in any order and positional ones in the usage order', () => {
    const { host, first } = netsh('interface ipv6 add route interface=Ethernet0 prefix=2001:db8:1::/48 nexthop=fe80::1 metric=10');
    expect(first.ok).toBe(true);
    expect(host.config.ipv6Routes).toHaveLength(1);
    expect(host.config.ipv6Routes[0]).toMatchObject({ prefixLength: 48, interfaceName: 'Ethernet0', metric: 10 });
  });

  it('matches interface names without regard to case, and by index', () => {
    expect(netsh('interface ipv6 add address ethernet0 2001:db8::1').first.ok).toBe(true);
    expect(netsh('interface ipv6 add address 11 2001:db8::1').first.ok).toBe(true);
  });

  it('says which command it could not find, prints the usage for a missing parameter, refuses unknown tags', () => {
    expect(netsh('interface ipv6 shw address').first).toEqual({ ok: false, output: 'The following command was not found: interface ipv6 shw address.' });
    expect(netsh('interface ipv6 add route ::/0').first.output.startsWith('Usage: add route [prefix=]<IPv6 address>/<integer> [interface=]<string>')).toBe(true);
    expect(netsh('interface ipv6 add address Ethernet0 2001:db8::1 color=red').first).toEqual({ ok: false, output: SYNTAX_ERROR });
    expect(netsh('interface ipv6 add address Ethernet0 2001:db8::1 unicast infinite infinite active true extra').first).toEqual({ ok: false, output: SYNTAX_ERROR });
  });

  it('refuses bad values, unknown interfaces and duplicates with netsh messages', () => {
    expect(netsh('interface ipv6 set privacy state=maybe').first).toEqual({ ok: false, output: 'The parameter is incorrect.' });
    expect(netsh('interface ipv6 set interface Ethernet7 routerdiscovery=disabled').first).toEqual({ ok: false, output: 'Element not found.' });
    expect(netsh('interface ipv4 set address name=Wrong source=dhcp').first).toEqual({ ok: false, output: 'The filename, directory name, or volume label syntax is incorrect.' });
    const { run } = netsh('interface ipv6 add route ::/0 Ethernet0 fe80::1');
    expect(run('interface ipv6 add route ::/0 Ethernet0 fe80::1')).toEqual({ ok: false, output: 'The object already exists.' });
  });
});

describe('netsh interface ipv6 show address (order as real captures list it)', () => {
  it('lists an interface newest address first with the link-local last, then the loopback pseudo-interface with ::1', () => {
    const net = new Network({ seed: 1 });
    const pc = net.addDevice('pc', 'PC1');
    net.addDevice('pc', 'PC2');
    net.connect('PC1:Ethernet0', 'PC2:Ethernet0');
    const host = windowsHostOf(pc);
    const run = (l: string) => runNetsh(host, splitCmdWords(l), () => '');
    net.runFor(5e9);
    expect(run('interface ipv6 add address Ethernet0 2001:db8::10').ok).toBe(true);
    net.runFor(5e9);
    const rows = run('interface ipv6 show address').output.split('\n');
    const at = rows.indexOf('Interface 11: Ethernet0');
    expect(rows[at + 4]).toMatch(/^Manual {5}Preferred {5}infinite {3}infinite 2001:db8::10$/);
    expect(rows[at + 5]).toMatch(/^Other {6}Preferred {5}infinite {3}infinite fe80::[0-9a-f:]+%11$/);
    expect(rows.slice(at + 6)).toEqual(['', 'Interface 1: Loopback Pseudo-Interface 1', '', 'Addr Type  DAD State   Valid Life Pref. Life Address', '---------  ----------- ---------- ---------- ------------------------', 'Other      Preferred     infinite   infinite ::1']);
  });
});

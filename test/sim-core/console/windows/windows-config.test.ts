/**
 * A PC's configuration as netsh text: the example labs load without a refused line, refused
 * lines come back with their number and netsh's message, and print → load → print is stable
 * over generated configurations (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHostConfig, printHostConfig } from '../../../../sim-core/console/host-config';
import { loadWindowsConfig, printWindowsConfig } from '../../../../sim-core/console/windows/windows-config';
import { Network } from '../../../../sim-core/sim/network';
import { exampleHostConfigs } from './host-lab';

function freshPc() {
  const net = new Network({ seed: 3 });
  return net.addDevice('pc', 'PC1');
}

describe('Windows configuration text', () => {
  it('loads the PC configs of every example lab with zero rejected lines', () => {
    const configs = exampleHostConfigs('pc');
    expect(configs.length).toBeGreaterThan(0);
    for (const { file, name, config } of configs) {
      const pc = freshPc();
      expect(loadHostConfig(pc, config).rejected, `${file} ${name}`).toEqual([]);
      expect(printHostConfig(pc)).toContain('netsh interface ipv4 set address name="Ethernet0" source=static');
    }
  });

  it('prints the lines in effect, normalised (abbreviations expanded, REM dropped, mask form)', () => {
    const pc = freshPc();
    const text = 'REM lab PC\nnetsh int ipv6 add addr "Ethernet0" 2001:DB8::0010/64\nnetsh interface ip set address Ethernet0 static 10.0.0.5 255.255.255.0 10.0.0.1\nnetsh interface ipv6 set privacy state=disabled\n';
    expect(loadWindowsConfig(pc, text).rejected).toEqual([]);
    expect(printWindowsConfig(pc)).toBe(
      'netsh interface ipv6 set privacy state=disabled\n' +
        'netsh interface ipv4 set address name="Ethernet0" source=static address=10.0.0.5 mask=255.255.255.0 gateway=10.0.0.1\n' +
        'netsh interface ipv6 add address "Ethernet0" 2001:db8::10/64\n',
    );
  });

  it('returns each refused line with its line number and the message netsh prints', () => {
    const pc = freshPc();
    const result = loadWindowsConfig(pc, 'netsh interface ipv6 add address "Ethernet0" 2001:db8::1\n\nnetsh interface ipv6 add address "Ethernet0" 2001:db8::1\nipconfig\nnetsh interface ipv6 shw addr\nnetsh interface ipv6 add address "Ethernet9" 2001:db8::2\n');
    expect(result.rejected.map((r) => [r.line, r.message])).toEqual([
      [3, 'The object already exists.'],
      [4, "'ipconfig' is not a configuration command: a PC's configuration holds netsh commands (and REM comments)"],
      [5, 'The following command was not found: interface ipv6 shw addr.'],
      [6, 'Element not found.'],
    ]);
  });

  it('print → load → print is stable over generated configurations', () => {
    const octet = fc.integer({ min: 1, max: 254 });
    const line = fc.oneof(
      fc.constantFrom('enabled', 'disabled').map((v) => `netsh interface ipv6 set global randomizeidentifiers=${v}`),
      fc.constantFrom('enabled', 'disabled').map((v) => `netsh interface ipv6 set privacy state=${v}`),
      fc.constantFrom('enabled', 'disabled').map((v) => `netsh interface ipv6 set interface "Ethernet0" routerdiscovery=${v}`),
      fc.tuple(octet, octet, fc.constantFrom(8, 16, 24), fc.boolean()).map(([a, b, len, gw]) => {
        const mask = ['255.0.0.0', '255.255.0.0', '255.255.255.0'][[8, 16, 24].indexOf(len)];
        return `netsh interface ipv4 set address name="Ethernet0" source=static address=10.${a}.${b}.77 mask=${mask}${gw ? ' gateway=10.' + a + '.' + b + '.1' : ''}`;
      }),
      fc.constant('netsh interface ipv4 set address name="Ethernet0" source=dhcp'),
      fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 1, max: 0xffff }), fc.integer({ min: 48, max: 128 })).map(([net, host, len]) => `netsh interface ipv6 add address "Ethernet0" 2001:db8:${net.toString(16)}::${host.toString(16)}/${len}`),
      fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.boolean(), fc.option(fc.integer({ min: 1, max: 9999 }))).map(([net, hop, metric]) => `netsh interface ipv6 add route 2001:db8:${net.toString(16)}::/48 "Ethernet0"${hop ? ' fe80::1' : ''}${metric === null ? '' : ` metric=${metric}`}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const first = freshPc();
        loadWindowsConfig(first, lines.join('\n'));
        const printed = printWindowsConfig(first);
        const second = freshPc();
        expect(loadWindowsConfig(second, printed).rejected).toEqual([]);
        expect(printWindowsConfig(second)).toBe(printed);
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * `ipconfig /all` lists the DHCPv6 client identity on every Ethernet adapter running IPv6, static
 * IPv4 or not (Windows 10/11 captures in os-outputs.md): `DHCPv6 IAID` (RFC 8415 section 12, per
 * adapter: a per-adapter byte over the adapter's OUI, 0x17005056 for 00-50-56-…) and
 * `DHCPv6 Client DUID` (one per host, DUID-LLT, RFC 8415 section 11.2: type 1, hardware type 1,
 * seconds since 2000-01-01, the MAC). Both come from the MAC and the seeded generator, never the
 * wall clock: the same seed prints the same lines.
 */
import { describe, expect, it } from 'vitest';
import { formatIpconfigAll } from '../../../../sim-core/console/output/windows/ipconfig';
import { loadWindowsConfig } from '../../../../sim-core/console/windows/windows-config';
import { windowsHostOf } from '../../../../sim-core/console/windows/windows-host';
import { Network } from '../../../../sim-core/sim/network';

function staticPc(seed: number) {
  const net = new Network({ seed });
  const pc = net.addDevice('pc', 'PC1');
  net.addDevice('pc', 'PC2');
  net.connect('PC1:Ethernet0', 'PC2:Ethernet0');
  const config = 'netsh interface ipv4 set address name="Ethernet0" source=static address=192.168.10.11 mask=255.255.255.0 gateway=192.168.10.1\n';
  expect(loadWindowsConfig(pc, config).rejected).toEqual([]);
  net.runFor(5e9);
  const host = windowsHostOf(pc);
  return { host, ipconfigAll: () => formatIpconfigAll(host.hostInfo(), host.adapterViews()) };
}

const IAID_LINE = /^ {3}DHCPv6 IAID \. \. \. \. \. \. \. \. \. \. \. : (\d+)$/m;
const DUID_LINE = /^ {3}DHCPv6 Client DUID\. \. \. \. \. \. \. \. : ((?:[0-9A-F]{2}-){13}[0-9A-F]{2})$/m;

describe('ipconfig /all DHCPv6 IAID and client DUID (RFC 8415 sections 11.2 and 12)', () => {
  it('prints both lines for an Ethernet adapter with IPv6 and static IPv4, after the gateway and before the DNS servers', () => {
    const { ipconfigAll } = staticPc(7);
    const text = ipconfigAll();
    expect(text).toMatch(IAID_LINE);
    expect(text).toMatch(DUID_LINE);
    expect(text).toMatch(/^ {3}DHCP Enabled\. \. \. \. \. \. \. \. \. \. \. : No$/m);
    const lines = text.split('\n');
    const gateway = lines.findIndex((l) => l.startsWith('   Default Gateway'));
    const iaid = lines.findIndex((l) => l.startsWith('   DHCPv6 IAID'));
    const duid = lines.findIndex((l) => l.startsWith('   DHCPv6 Client DUID'));
    const dns = lines.findIndex((l) => l.startsWith('   DNS Servers'));
    expect(gateway).toBeLessThan(iaid);
    expect(duid).toBe(iaid + 1);
    expect(dns).toBe(duid + 1);
  });

  it('builds the IAID from a per-adapter byte over the adapter OUI, and the DUID-LLT from a 2022-2025 time and the MAC', () => {
    const { host, ipconfigAll } = staticPc(7);
    const text = ipconfigAll();
    const mac = host.adapters()[0]!.mac;
    const iaid = Number(IAID_LINE.exec(text)![1]);
    expect(iaid % 0x1000000).toBe(Math.floor(mac / 0x1000000));
    expect(Math.floor(iaid / 0x1000000)).toBeGreaterThanOrEqual(2);
    expect(Math.floor(iaid / 0x1000000)).toBeLessThanOrEqual(30);
    const duid = DUID_LINE.exec(text)![1]!.split('-').map((h) => parseInt(h, 16));
    expect(duid.slice(0, 4)).toEqual([0x00, 0x01, 0x00, 0x01]);
    const timeS = ((duid[4]! << 24) >>> 0) + (duid[5]! << 16) + (duid[6]! << 8) + duid[7]!;
    expect(timeS).toBeGreaterThanOrEqual(694_224_000); // 2022-01-01T00:00:00Z
    expect(timeS).toBeLessThanOrEqual(788_918_400); // 2025-01-01T00:00:00Z
    expect(duid.slice(8).map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-')).toBe(text.match(/Physical Address\. \. \. \. \. \. \. \. \. : (\S+)/)![1]);
  });

  it('is a function of the seed: the same seed prints the same identity, another seed another time', () => {
    const pick = (seed: number) => {
      const text = staticPc(seed).ipconfigAll();
      return [IAID_LINE.exec(text)![1], DUID_LINE.exec(text)![1]];
    };
    expect(pick(7)).toEqual(pick(7));
    const others = [8, 9, 10, 11].map((seed) => pick(seed)[1]);
    expect(others.some((duid) => duid !== pick(7)[1])).toBe(true);
  });
});

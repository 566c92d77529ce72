/**
 * Test topology for the host consoles: R1 (IOS, RAs with an RDNSS server on the LAN, a second
 * LAN behind it), SW1, a Windows PC and a Linux server on the LAN, links of 100 µs so round trips
 * look like a LAN. The same seed gives the same addresses (MACs depend on names only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadIosConfig } from '../../../../sim-core/console/ios/load-ios-config';
import type { Device } from '../../../../sim-core/devices/device';
import { Network } from '../../../../sim-core/sim/network';

export interface HostLab {
  readonly net: Network;
  readonly pc: Device;
  readonly server: Device;
  readonly r1: Device;
}

export const R1_CONFIG = `hostname R1
ipv6 unicast-routing
interface GigabitEthernet0/0
 ip address 192.168.10.1 255.255.255.0
 ipv6 address FE80::1 link-local
 ipv6 address 2001:db8:6803:10::1/64
 ipv6 nd ra dns server 2001:db8:6803:10::53
 no shutdown
interface GigabitEthernet0/1
 ip address 192.168.20.1 255.255.255.0
 ipv6 address 2001:db8:6803:20::1/64
 no shutdown
end
`;

/** Builds the lab and runs it `settleS` seconds (RAs, SLAAC and DAD done after a few seconds). */
export function buildHostLab(settleS = 20): HostLab {
  const net = new Network({ seed: 7 });
  const r1 = net.addDevice('router', 'R1');
  net.addDevice('switch', 'SW1');
  const pc = net.addDevice('pc', 'PC1');
  const server = net.addDevice('server', 'SRV1');
  const r2 = net.addDevice('router', 'R2');
  net.connect('R1:g0/0', 'SW1:g1/0/1', { delayNs: 100_000 });
  net.connect('PC1:Ethernet0', 'SW1:g1/0/2', { delayNs: 100_000 });
  net.connect('SRV1:eth0', 'SW1:g1/0/3', { delayNs: 100_000 });
  net.connect('R1:g0/1', 'R2:g0/0', { delayNs: 100_000 });
  const rejected = loadIosConfig(r1, R1_CONFIG).rejected;
  if (rejected.length > 0) throw new Error(`R1 config: ${JSON.stringify(rejected)}`);
  const r2Rejected = loadIosConfig(r2, 'hostname R2\nipv6 unicast-routing\ninterface GigabitEthernet0/0\n ip address 192.168.20.2 255.255.255.0\n ipv6 address 2001:db8:6803:20::2/64\n no shutdown\nip route 0.0.0.0 0.0.0.0 192.168.20.1\nipv6 route ::/0 2001:db8:6803:20::1\nend\n').rejected;
  if (r2Rejected.length > 0) throw new Error(`R2 config: ${JSON.stringify(r2Rejected)}`);
  net.runFor(settleS * 1e9);
  return { net, pc, server, r1 };
}

const examples = fileURLToPath(new URL('../../../../docs/examples/', import.meta.url));

/** Every host config text of the example labs, by device kind. */
export function exampleHostConfigs(kind: 'pc' | 'server'): { file: string; name: string; config: string }[] {
  const out: { file: string; name: string; config: string }[] = [];
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.v6lab.yaml'))) {
    const lab = parse(readFileSync(`${examples}${file}`, 'utf8')) as { devices: { name: string; kind: string; config?: string }[] };
    for (const d of lab.devices) if (d.kind === kind && d.config !== undefined) out.push({ file, name: d.name, config: d.config });
  }
  return out;
}


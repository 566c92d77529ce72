/**
 * Test topology for router discovery and SLAAC: R1 (IOS, `ipv6 unicast-routing`) with
 * 2001:db8:1::1/64 on G0/0 towards a switch, a Windows PC and a Linux server on that LAN.
 */
import { parseIpv6, type Ipv6Address } from '../../../../sim-core/addr/ipv6';
import { Network } from '../../../../sim-core/sim/network';
import type { Device } from '../../../../sim-core/devices/device';
import type { Icmpv6Module } from '../../../../sim-core/stack/ipv6/icmpv6-module';
import type { Ipv6Layer } from '../../../../sim-core/stack/ipv6/ipv6-layer';
import { ROUTER_DISCOVERY, type RouterDiscovery } from '../../../../sim-core/stack/ipv6/router-discovery';

export function v6(text: string): Ipv6Address {
  const parsed = parseIpv6(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export interface RdNode {
  readonly device: Device;
  readonly modules: { readonly ipv6: Ipv6Layer; readonly icmpv6: Icmpv6Module };
  readonly rd: RouterDiscovery;
}

export function withIpv6(net: Network, name: string): RdNode {
  const device = net.device(name);
  return { device, modules: { ipv6: device.ipv6!, icmpv6: device.icmpv6! }, rd: device.stack!.findRequired(ROUTER_DISCOVERY) };
}

export function lan(seed = 1, options: { routerLifetimeS?: number } = {}) {
  const net = new Network({ seed });
  net.addDevice('router', 'R1');
  net.addDevice('switch', 'SW1');
  net.addDevice('pc', 'PC1');
  net.addDevice('server', 'SRV1');
  net.connect('R1:g0/0', 'SW1:g1/0/1');
  net.connect('PC1:Ethernet0', 'SW1:g1/0/2');
  net.connect('SRV1:eth0', 'SW1:g1/0/3');
  const r1 = withIpv6(net, 'R1');
  const pc = withIpv6(net, 'PC1');
  const srv = withIpv6(net, 'SRV1');
  net.setUp('R1:g0/0', true);
  const g00 = net.interfaceAt('R1:g0/0');
  if (options.routerLifetimeS !== undefined) r1.rd.config(g00).lifetimeS = options.routerLifetimeS;
  r1.modules.ipv6.addAddress(g00, { address: v6('2001:db8:1::1'), prefixLength: 64, origin: 'static' });
  net.setIpv6Routing('R1', true);
  return { net, r1, pc, srv, g00 };
}

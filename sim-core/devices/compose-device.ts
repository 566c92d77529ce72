/**
 * Builds a device of each catalog kind from the shared pieces, as the real platform ships:
 * - router (IOS): every port routed, interfaces shut down until `no shutdown`, IPv4 routing on;
 * - l3-switch (Catalyst IOS): every port a switchport in VLAN 1 (up), spanning tree on, an SVI
 *   `Vlan1` that starts shut down, `ip routing` off until configured;
 * - switch: bridge and spanning tree only (no IP stack, see catalog.ts);
 * - access-point: radios and uplink bridged in VLAN 1 (no spanning tree, as an autonomous AP),
 *   management interface BVI1 (up);
 * - pc (Windows) and server (Linux): one routed port, up, hosts (no forwarding).
 * Every IP device gets ARP, IPv4, ICMPv4 and the IPv6 RIB; the IPv6 module adds itself to `device.stack`.
 */
import type { MacAddress } from '../addr/mac';
import type { Simulator } from '../engine/simulator';
import { ArpModule } from '../stack/arp';
import { TcpModule } from '../stack/transport/tcp';
import { UdpModule } from '../stack/transport/udp';
import { Bridge } from '../stack/bridge';
import { Icmpv4Module } from '../stack/icmpv4';
import { Ipv4Layer } from '../stack/ipv4-layer';
import { addIpv6 } from '../stack/ipv6/ipv6-stack';
import { createNodeContext } from '../stack/node-context';
import { Ipv6Rib } from '../stack/routing/ipv6-rib';
import { addRouterDiscovery } from '../stack/ipv6/router-discovery';
import { NodeStack, type StackFlavour } from '../stack/node-stack';
import { SpanningTree } from '../stack/spanning-tree';
import { getDeviceKindSpec, type DeviceKind } from './catalog';
import { Device } from './device';

/** Adds ARP, IPv4, ICMPv4, IPv6, ICMPv6, UDP and TCP to a device (the pieces every IP device shares). */
function addIpStack(device: Device, flavour: StackFlavour): NodeStack {
  const stack = new NodeStack(createNodeContext(device.simulator, device.name), flavour);
  device.stack = stack;
  device.arp = new ArpModule(stack);
  device.ipv4 = new Ipv4Layer(stack, device.arp);
  device.icmpv4 = new Icmpv4Module(stack, device.ipv4);
  // The IPv6 RIB (connected/local/static/RA-learned) exists from the start: it provides IPV6_FIB.
  new Ipv6Rib(stack);
  // IPv6, ICMPv6 and Neighbor Discovery; hosts enable IPv6 on each interface as it is added.
  const ipv6 = addIpv6(stack);
  device.ipv6 = ipv6.ipv6;
  device.icmpv6 = ipv6.icmpv6;
  // Router discovery (RAs on routers with ipv6 unicast-routing; RS, default routers, SLAAC on hosts).
  addRouterDiscovery(stack, ipv6.ipv6, ipv6.icmpv6);
  // UDP over both families (made after them): port unreachable for closed ports ends a UDP traceroute (RFC 1122 4.1.3.1, RFC 4443 3.1).
  new UdpModule(stack);
  // TCP over both families: RST for closed ports (RFC 9293 section 3.10.7.1), connections for services and tools.
  new TcpModule(stack);
  return stack;
}

function addBridge(device: Device, withSpanningTree: boolean): Bridge {
  const bridge = new Bridge(createNodeContext(device.simulator, device.name));
  device.bridge = bridge;
  bridge.localDelivery = (vlan, bytes) => device.deliverToSvi(vlan, bytes);
  for (const port of device.ports) device.joinBridge(port);
  if (withSpanningTree) {
    device.spanningTree = new SpanningTree(createNodeContext(device.simulator, device.name), bridge, device.baseMac);
    device.spanningTree.start();
  }
  return bridge;
}

/** A powered-on device of `kind` named `name` with base MAC `baseMac`. */
export function composeDevice(simulator: Simulator, kind: DeviceKind, name: string, baseMac: MacAddress): Device {
  const spec = getDeviceKindSpec(kind);
  const device = new Device(simulator, name, spec, baseMac);
  switch (kind) {
    case 'router': {
      const stack = addIpStack(device, 'ios');
      stack.ipv4Forwarding = true;
      for (const portSpec of spec.physicalPorts) device.makeRouted(device.createPort(portSpec.name, false), false);
      break;
    }
    case 'l3-switch': {
      addIpStack(device, 'ios');
      for (const portSpec of spec.physicalPorts) device.createPort(portSpec.name, true);
      addBridge(device, true);
      device.addSvi('Vlan1', 1, false);
      break;
    }
    case 'switch': {
      for (const portSpec of spec.physicalPorts) device.createPort(portSpec.name, true);
      addBridge(device, true);
      break;
    }
    case 'access-point': {
      addIpStack(device, 'ios');
      for (const portSpec of spec.physicalPorts) device.createPort(portSpec.name, true);
      addBridge(device, false);
      device.addSvi('BVI1', 1, true);
      break;
    }
    case 'pc':
    case 'server': {
      addIpStack(device, kind === 'pc' ? 'windows' : 'linux');
      for (const portSpec of spec.physicalPorts) device.makeRouted(device.createPort(portSpec.name, true), true);
      break;
    }
  }
  return device;
}

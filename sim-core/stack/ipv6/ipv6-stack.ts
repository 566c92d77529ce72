/**
 * Adds IPv6 to a device's stack: the IPv6 layer (addresses, input, forwarding, output, the
 * neighbour cache, DAD, PMTU, reassembly), ICMPv6 and Neighbor Discovery, wired together. Hosts
 * (Windows, Linux) turn IPv6 on for every interface as it is added; IOS waits for `ipv6 enable`
 * or an address. Router discovery and SLAAC (router-discovery.ts, slaac.ts) plug in on top.
 */
import type { NodeStack } from '../node-stack';
import { Icmpv6Module } from './icmpv6-module';
import { Ipv6Layer } from './ipv6-layer';
import { NeighborDiscovery } from './neighbor-discovery';

export interface Ipv6Modules {
  readonly ipv6: Ipv6Layer;
  readonly icmpv6: Icmpv6Module;
  readonly neighborDiscovery: NeighborDiscovery;
}

/** Builds the IPv6 modules of `stack` and publishes them (IPV6, ICMPV6, NEIGHBOR_DISCOVERY keys). */
export function addIpv6(stack: NodeStack): Ipv6Modules {
  const ipv6 = new Ipv6Layer(stack);
  const icmpv6 = new Icmpv6Module(stack, ipv6);
  const neighborDiscovery = new NeighborDiscovery(stack, ipv6, icmpv6);
  return { ipv6, icmpv6, neighborDiscovery };
}

/**
 * Routing of one device: IP forwarding on or off per family (RFC 1812 section 2.2.8 router vs
 * host; for IPv6, RFC 4861 section 6.2.2 a router starts advertising, section 6.3.4 a host stops
 * accepting RAs — the modules react to the switch), the static routes (static-routes.ts), the
 * routing table as one list of entries per family (every candidate, with why it is or is not
 * installed and how it resolves), and a forwarding lookup for `ip route get`-like answers.
 * Later issues add their routing processes (OSPFv3, BGP) in the `processes` slot.
 * Leaves out: policy routing, VRFs, multiple tables.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import type { Device } from '../devices/device';
import { IPV6 } from '../stack/ipv6/ipv6-layer';
import { IPV4_RIB } from '../stack/routing/ipv4-rib';
import { IPV6_RIB } from '../stack/routing/ipv6-rib';
import type { RibEntry } from '../stack/routing/route';
import type { IpFamily, RouteEntry } from './mgmt-views';
import type { RoutingProcessSlot } from './slots';
import { StaticRoutes } from './static-routes';

/** Where a packet to a destination goes now (the FIB's answer). */
export interface ForwardingAnswer<A> {
  readonly interfaceName: string;
  /** The neighbour it goes to (the destination itself when on-link). */
  readonly nextHop: A;
  /** The address the device would send from (IPv4: the exit's primary; IPv6: RFC 6724 selection). */
  readonly source: A | undefined;
}

export class RoutingManagement {
  readonly statics: StaticRoutes;
  /** Routing processes by name (`ospfv3 1`, `bgp 65000`): filled by later issues. */
  readonly processes = new Map<string, RoutingProcessSlot>();

  constructor(private readonly device: Device) {
    this.statics = new StaticRoutes(device);
  }

  get ipv4Forwarding(): boolean {
    return this.device.stack?.ipv4Forwarding ?? false;
  }

  get ipv6Forwarding(): boolean {
    return this.device.stack?.ipv6Forwarding ?? false;
  }

  /** `ip routing`, `net.ipv4.ip_forward`. */
  setIpv4Forwarding(on: boolean): void {
    if (this.device.stack !== null) this.device.stack.ipv4Forwarding = on;
  }

  /** `ipv6 unicast-routing`, `net.ipv6.conf.all.forwarding` (router advertising is refreshed by the caller's RA slice). */
  setIpv6Forwarding(on: boolean): void {
    if (this.device.stack !== null) this.device.stack.ipv6Forwarding = on;
  }

  /** The routing table of a family: every route the RIB holds, installed or standing by. */
  entries(family: 'ipv4'): RouteEntry<Ipv4Address>[];
  entries(family: 'ipv6'): RouteEntry<Ipv6Address>[];
  entries(family: IpFamily): RouteEntry[] {
    const stack = this.device.stack;
    if (stack === null) return [];
    const list: RibEntry<Ipv4Address | Ipv6Address>[] = family === 'ipv4' ? (stack.find(IPV4_RIB)?.entries() ?? []) : (stack.find(IPV6_RIB)?.entries() ?? []);
    return list.map((e) => {
      const r = e.route;
      const resolved = r.iface ?? e.resolvedIface;
      return {
        family,
        network: r.network,
        prefixLength: r.prefixLength,
        origin: r.source,
        distance: r.distance,
        metric: r.metric,
        nextHop: r.nextHop,
        interfaceName: r.iface?.name ?? null,
        discard: r.discard ?? false,
        installed: e.installed,
        ...(e.standby !== undefined ? { standby: e.standby } : {}),
        resolvedInterfaceName: resolved?.name ?? null,
        resolvedNextHop: e.resolvedNextHop,
        resolvedInterfaceUp: resolved?.operUp ?? false,
        ...(r.createdNs !== undefined ? { createdNs: r.createdNs } : {}),
        ...(r.expiresNs !== undefined ? { expiresNs: r.expiresNs } : {}),
      };
    });
  }

  /** Where an IPv4 packet to `destination` leaves (undefined: no route, or only Null0). */
  lookupIpv4(destination: Ipv4Address): ForwardingAnswer<Ipv4Address> | undefined {
    const decision = this.device.stack?.find(IPV4_RIB)?.lookup(destination);
    if (decision === undefined || decision.iface === null) return undefined;
    return { interfaceName: decision.iface.name, nextHop: decision.nextHop ?? destination, source: decision.iface.primaryIpv4?.address };
  }

  /** Where an IPv6 packet to `destination` leaves, and from which source address (RFC 6724). */
  lookupIpv6(destination: Ipv6Address): ForwardingAnswer<Ipv6Address> | undefined {
    const layer = this.device.stack?.find(IPV6);
    const path = layer?.route(destination);
    if (layer === undefined || path === undefined || !path.ok) return undefined;
    return { interfaceName: path.iface.name, nextHop: path.nextHop, source: layer.selectSource(destination, path.iface) };
  }
}

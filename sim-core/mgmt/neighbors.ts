/**
 * The neighbour tables of one device: the IPv6 neighbour cache per interface with the RFC 4861
 * section 7.3.2 states (INCOMPLETE, REACHABLE, STALE, DELAY, PROBE) and the IPv4 ARP cache
 * (RFC 826), read as plain entries; and clearing them (`clear ipv6 neighbors`, `clear arp-cache`).
 * Leaves out: static neighbour entries (the module has them, no dialect sets them yet), proxy ND/ARP.
 */
import type { Device } from '../devices/device';
import { IPV6 } from '../stack/ipv6/ipv6-layer';
import type { NetInterface } from '../stack/net-interface';
import type { ArpEntryView, NeighborEntry } from './mgmt-views';

export class NeighborManagement {
  constructor(private readonly device: Device) {}

  /** IPv6 neighbours of one interface, or of every interface in interface order. */
  ipv6(interfaceName?: string): NeighborEntry[] {
    const layer = this.device.stack?.find(IPV6);
    if (layer === undefined) return [];
    return this.interfacesOf(interfaceName).flatMap((iface) =>
      layer.neighbors.snapshot(iface).map((n) => ({ address: n.address, interfaceName: n.interfaceName, linkLayerAddress: n.linkLayerAddress, state: n.state, isRouter: n.isRouter, ageS: n.ageS })),
    );
  }

  /** Empties the IPv6 neighbour cache of one interface, or of all. */
  clearIpv6(interfaceName?: string): void {
    const layer = this.device.stack?.find(IPV6);
    if (layer === undefined) return;
    for (const iface of this.interfacesOf(interfaceName)) layer.neighbors.flush(iface);
  }

  /** Empties the ARP cache of one interface, or of all (`clear arp-cache`). */
  clearArp(interfaceName?: string): void {
    const arp = this.device.arp;
    if (arp === null) return;
    for (const iface of this.interfacesOf(interfaceName)) arp.flush(iface);
  }

  /** ARP entries of one interface, or of every interface, with their age in whole seconds. */
  arp(interfaceName?: string): (ArpEntryView & { readonly updatedNs: number })[] {
    const arp = this.device.arp;
    if (arp === null) return [];
    return this.interfacesOf(interfaceName).flatMap((iface) => arp.entries(iface).map((e) => ({ address: e.ip, interfaceName: iface.name, mac: e.mac, state: e.state, updatedNs: e.updatedNs })));
  }

  private interfacesOf(interfaceName: string | undefined): NetInterface[] {
    const all = this.device.stack?.interfaces ?? [];
    return interfaceName === undefined ? [...all] : all.filter((i) => i.name === interfaceName);
  }
}

/**
 * Ethernet under IP: the link adapter of physical ports, 802.1Q subinterfaces and SVIs, and the
 * device's Ethernet ingress. One per stack (NodeStack.ethernet), shared by its Ethernet
 * interfaces.
 *
 * Ingress: the device picks the interface a frame belongs to (routed port, subinterface by VLAN,
 * SVI through the bridge) and calls `receiveFrame`; the frame is filtered by destination MAC
 * (own unicast, broadcast, joined multicast groups; IEEE 802.3 clause 3.2.3) and handed to the
 * handler registered for its EtherType (ARP 0x0806 here; IPv4 0x0800 and IPv6 0x86dd through
 * `NodeStack.registerIpInput`, which registers them). Egress: `sendFrame` builds Ethernet II
 * bytes (802.1Q-tagged on a subinterface), padded to the 60-byte minimum as a NIC does.
 *
 * IP over it: IPv4 broadcasts go to ff:ff:ff:ff:ff:ff, multicast to 01:00:5e + the low 23 bits
 * of the group (RFC 1112 section 6.4), unicast through ARP (RFC 826, arp.ts); IPv6 multicast to
 * 33:33 + the low 32 bits (RFC 2464 section 7), unicast through the neighbour cache (RFC 4861
 * section 7.2, ipv6/neighbor-cache.ts). ARP and the neighbour cache install themselves as the
 * resolvers when they are created.
 * Leaves out: promiscuous mode, 802.3 LLC frames (STP is handled by the bridge, not here), jumbo frames.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import { MAC_BROADCAST, type MacAddress } from '../addr/mac';
import { ipv6MulticastMac } from '../addr/multicast';
import { encodeEthernet, ETHERTYPE_IPV4, ETHERTYPE_IPV6, type EthernetFrame } from '../wire/ethernet';
import { TPID_8021Q, type VlanTag } from '../wire/vlan';
import type { LinkAdapter } from './link-adapter';
import type { NetInterface } from './net-interface';
import type { NodeStack } from './node-stack';

/** Handles a frame of one EtherType that passed the MAC filter on `iface`. */
export type EtherTypeHandler = (iface: NetInterface, frame: EthernetFrame, bytes: Uint8Array) => void;

/** Finds the MAC of an IPv4 neighbour and sends the packet to it (ARP). */
export interface Ipv4NeighborResolver {
  sendIpv4(iface: NetInterface, nextHop: Ipv4Address, packet: Uint8Array): void;
}

/** Finds the MAC of an IPv6 neighbour and sends the packet to it (the neighbour cache). */
export interface Ipv6NeighborResolver {
  sendPacket(iface: NetInterface, nextHop: Ipv6Address, packet: Uint8Array): void;
}

const NO_TAGS: readonly VlanTag[] = Object.freeze([]);

function isIpv4Multicast(address: Ipv4Address): boolean {
  return address >>> 28 === 0xe;
}

function isIpv6Multicast(address: Ipv6Address): boolean {
  return address >> 120n === 0xffn;
}

export class EthernetLink implements LinkAdapter {
  readonly kind = 'ethernet';
  readonly neighborDiscovery = true;
  /** ARP, once the stack has it. */
  ipv4Resolver: Ipv4NeighborResolver | null = null;
  /** The IPv6 neighbour cache, once the stack has IPv6. */
  ipv6Resolver: Ipv6NeighborResolver | null = null;
  private readonly etherTypeHandlers = new Map<number, EtherTypeHandler>();

  constructor(private readonly stack: NodeStack) {}

  /** Registers the handler of an EtherType. One per type. */
  registerEtherType(etherType: number, handler: EtherTypeHandler): void {
    if (this.etherTypeHandlers.has(etherType)) {
      throw new Error(`${this.stack.context.deviceName}: EtherType 0x${etherType.toString(16)} already has a handler`);
    }
    this.etherTypeHandlers.set(etherType, handler);
  }

  /** The EtherType that carries IP version `version` (0x0800, 0x86dd). */
  static etherTypeOf(version: 4 | 6): number {
    return version === 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
  }

  // ---- ingress ----

  /** A frame that arrived on `iface` (already untagged, VLAN resolved by the device). */
  receiveFrame(iface: NetInterface, frame: EthernetFrame, bytes: Uint8Array): void {
    if (!iface.operUp) return this.stack.drop(iface, bytes, 'link-down');
    const destination = frame.destination;
    if (destination !== iface.mac && destination !== MAC_BROADCAST && !iface.acceptsMulticastMac(destination)) {
      // IEEE 802.3: a NIC ignores unicast frames for other stations (a switch flooded it here).
      return;
    }
    const handler = this.etherTypeHandlers.get(frame.etherType);
    if (handler === undefined) {
      // An 802.3 length field (LLC: BPDUs, CDP) is not for the IP stack; a host ignores it quietly.
      if (frame.etherType < 0x0600) return;
      return this.stack.drop(iface, bytes, 'unknown-ethertype');
    }
    iface.counters.inPackets++;
    handler(iface, frame, bytes);
  }

  // ---- egress ----

  /**
   * Sends `payload` in an Ethernet II frame from `iface` to `destination`. The payload must fit
   * the interface MTU (the IP layers fragment or report before calling). Returns false (and
   * records the drop) when the interface is down or the payload too big.
   */
  sendFrame(iface: NetInterface, destination: MacAddress, etherType: number, payload: Uint8Array): boolean {
    if (!iface.operUp) {
      this.stack.drop(iface, payload, iface.adminUp ? 'link-down' : 'admin-down');
      return false;
    }
    if (payload.length > iface.mtuBytes) {
      this.stack.drop(iface, payload, 'mtu-exceeded');
      return false;
    }
    const tagged = iface.kind === 'subinterface' && iface.vlanId !== null && !iface.nativeVlan;
    const bytes = encodeEthernet(
      {
        destination,
        source: iface.mac,
        vlanTags: tagged ? [{ tpid: TPID_8021Q, pcp: 0, dei: false, vid: iface.vlanId! }] : NO_TAGS,
        etherType,
        payload,
      },
      { padToMinimum: true },
    );
    iface.counters.outPackets++;
    iface.binding.transmitFrame(bytes);
    return true;
  }

  sendIpv4(iface: NetInterface, nextHop: Ipv4Address, packet: Uint8Array, broadcast: boolean): void {
    if (broadcast) {
      this.sendFrame(iface, MAC_BROADCAST, ETHERTYPE_IPV4, packet);
      return;
    }
    if (isIpv4Multicast(nextHop)) {
      // RFC 1112 section 6.4: 01:00:5e + the low 23 bits of the group.
      this.sendFrame(iface, (0x01005e000000 + (nextHop & 0x7fffff)) as MacAddress, ETHERTYPE_IPV4, packet);
      return;
    }
    if (this.ipv4Resolver === null) return this.stack.drop(iface, packet, 'arp-unresolved');
    this.ipv4Resolver.sendIpv4(iface, nextHop, packet);
  }

  sendIpv6(iface: NetInterface, nextHop: Ipv6Address, packet: Uint8Array, linkLayerDestination: MacAddress | undefined): void {
    if (linkLayerDestination !== undefined) this.sendFrame(iface, linkLayerDestination, ETHERTYPE_IPV6, packet);
    else if (isIpv6Multicast(nextHop)) this.sendFrame(iface, ipv6MulticastMac(nextHop), ETHERTYPE_IPV6, packet);
    else if (this.ipv6Resolver === null) this.stack.drop(iface, packet, 'neighbor-unreachable');
    else this.ipv6Resolver.sendPacket(iface, nextHop, packet);
  }
}

/**
 * UDP for one device (RFC 768, RFC 1122 section 4.1): a port table where applications bind a
 * handler, and what a host or router does with a datagram for a port nobody listens on: drop it
 * (`no-listener`) and answer ICMP port unreachable (RFC 1122 section 4.1.3.1; RFC 4443 section
 * 3.1 code 4 for IPv6). That answer is what ends a UDP traceroute at its destination.
 * The module registers protocol 17 with the IP layers the stack has when it is made, and with an
 * IPv6 layer added later through `attachIpv6` (the device composition calls it).
 * Checksums are verified (a bad one is dropped as `bad-checksum`, RFC 1122 section 4.1.3.4).
 * Leaves out: sending through the module (probes are built by the applications' transports),
 * connected sockets, SO_REUSEADDR, broadcast and multicast delivery rules.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { Ipv4Header } from '../../wire/ipv4';
import { IP_PROTOCOL_UDP } from '../../wire/ipv4';
import { decodeUdp, type UdpDatagram } from '../../wire/udp';
import { IPV4, type Ipv4Layer } from '../ipv4-layer';
import { IPV6, type Ipv6Datagram, type Ipv6Layer } from '../ipv6/ipv6-layer';
import { DataKey, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';

export type UdpAddress = Ipv4Address | Ipv6Address;

/** One datagram for a bound port. */
export interface UdpDelivery {
  readonly source: UdpAddress;
  readonly destination: UdpAddress;
  readonly datagram: UdpDatagram;
  readonly iface: NetInterface;
}

export type UdpHandler = (delivery: UdpDelivery) => void;

export const UDP = new DataKey<UdpModule>('UDP');

export class UdpModule {
  private readonly ports = new Map<number, UdpHandler>();
  private ipv6: Ipv6Layer | null = null;
  readonly counters = { received: 0, delivered: 0, noListener: 0, badChecksum: 0 };

  constructor(readonly stack: NodeStack) {
    const ipv4: Ipv4Layer | undefined = stack.find(IPV4);
    ipv4?.protocols.register(IP_PROTOCOL_UDP, (packet, iface, raw) => this.receiveIpv4(ipv4, packet, iface, raw));
    const ipv6 = stack.find(IPV6);
    if (ipv6 !== undefined) this.attachIpv6(ipv6);
    stack.provide(UDP, this);
  }

  /** Binds `port` to `handler`; false when the port is taken. */
  bind(port: number, handler: UdpHandler): boolean {
    if (this.ports.has(port)) return false;
    this.ports.set(port, handler);
    return true;
  }

  unbind(port: number): void {
    this.ports.delete(port);
  }

  /** Registers UDP with an IPv6 layer (once); datagrams to closed ports get ICMPv6 port unreachable (code 4). */
  attachIpv6(ipv6: Ipv6Layer): void {
    if (this.ipv6 !== null) return;
    this.ipv6 = ipv6;
    ipv6.protocols.register(IP_PROTOCOL_UDP, (datagram, iface, raw) => this.receiveIpv6(ipv6, datagram, iface, raw));
  }

  private receiveIpv6(ipv6: Ipv6Layer, datagram: Ipv6Datagram, iface: NetInterface, raw: Uint8Array): void {
    this.counters.received++;
    const { source, destination } = datagram;
    const decoded = decodeUdp(datagram.payload, { family: 6, source, destination });
    if (!decoded.ok) {
      this.counters.badChecksum++;
      return this.stack.drop(iface, raw, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    }
    this.dispatch({ source, destination, datagram: decoded.value, iface }, raw, () => {
      // RFC 4443 section 3.1 code 4; the ICMPv6 module refuses it for multicast destinations (2.4 e.3).
      ipv6.reportError(raw, iface, { kind: 'destination-unreachable', code: 4 });
    });
  }

  private receiveIpv4(ipv4: Ipv4Layer, packet: Ipv4Header, iface: NetInterface, raw: Uint8Array): void {
    this.counters.received++;
    const decoded = decodeUdp(packet.payload, { family: 4, source: packet.source, destination: packet.destination });
    if (!decoded.ok) {
      this.counters.badChecksum++;
      return this.stack.drop(iface, raw, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    }
    this.dispatch({ source: packet.source, destination: packet.destination, datagram: decoded.value, iface }, raw, () => {
      // Only for unicast to one of our addresses (RFC 1122 section 4.1.3.1; the ICMP module also refuses broadcasts).
      if (ipv4.localInterfaceOf(packet.destination) !== undefined) ipv4.reportError(raw, iface, { kind: 'unreachable', code: 3 });
    });
  }

  private dispatch(delivery: UdpDelivery, raw: Uint8Array, portUnreachable: () => void): void {
    const handler = this.ports.get(delivery.datagram.destinationPort);
    if (handler === undefined) {
      this.counters.noListener++;
      this.stack.drop(delivery.iface, raw, 'no-listener');
      portUnreachable();
      return;
    }
    this.counters.delivered++;
    handler(delivery);
  }
}

/** The UDP module of a stack, created on first use (after the IP layers). */
export function ensureUdp(stack: NodeStack): UdpModule {
  return stack.find(UDP) ?? new UdpModule(stack);
}

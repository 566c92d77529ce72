/**
 * How a transport protocol hands a segment to IP: the route and the source address are chosen
 * first, because the UDP, TCP and ICMPv6 checksums cover the source address (RFC 768, RFC 9293
 * section 3.1, RFC 8200 section 8.1); then the segment is encoded with that pseudo-header and
 * sent through the family's layer. One function per family; UDP, TCP and the ICMPv6 probes
 * all send this way.
 * IPv4: the source is the exit interface's address that covers the next hop, else its primary
 * (as Ipv4Layer.send picks it; RFC 1812 section 4.2.2.5 style), the destination itself when
 * it is local. IPv6: the route of Ipv6Layer.route (with the zone for link-scoped destinations)
 * and RFC 6724 source selection.
 * Leaves out: source routing, per-socket routing tables.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { Ipv4Layer, Ipv4SendRequest } from '../ipv4-layer';
import type { Ipv6Layer } from '../ipv6/ipv6-layer';
import type { SegmentSendResult, TransportSendOptions } from './socket';

export interface TransportSegmentRequest<A> extends TransportSendOptions {
  readonly destination: A;
  /** One of the device's addresses; by default chosen for the destination. */
  readonly source?: A;
  /** IPv4 Protocol / IPv6 Next Header. */
  readonly protocol: number;
  /** Encodes the segment once the source is known (its checksum covers it). */
  readonly encode: (source: A) => Uint8Array;
}

/** The source address the IPv4 layer would choose for `destination`. */
export function selectIpv4Source(ipv4: Ipv4Layer, destination: Ipv4Address): Ipv4Address | undefined {
  if (ipv4.localInterfaceOf(destination) !== undefined) return destination;
  const decision = ipv4.routeLookup.lookup(destination);
  if (decision === undefined || decision.iface === null) return undefined;
  return (decision.iface.ipv4AddressCovering(decision.nextHop) ?? decision.iface.primaryIpv4)?.address;
}

const IPV4_HEADER_BYTES = 20;
const IPV6_HEADER_BYTES = 40;

/** Sends a transport segment over IPv4. `iface` is not used to route (IPv4 has no zones here). */
export function sendSegmentIpv4(ipv4: Ipv4Layer, request: TransportSegmentRequest<Ipv4Address>): SegmentSendResult {
  const destination = request.destination;
  const source = request.source ?? selectIpv4Source(ipv4, destination);
  if (source === undefined) return { ok: false, reason: 'no-route' };
  const payload = request.encode(source);
  const send: Ipv4SendRequest = {
    destination,
    protocol: request.protocol,
    payload,
    source,
    ...(request.hopLimit !== undefined && { timeToLive: request.hopLimit }),
    ...(request.dontFragment !== undefined && { dontFragment: request.dontFragment }),
  };
  const result = ipv4.send(send);
  if (!result.ok) return { ok: false, reason: result.reason, ...(result.mtuBytes !== undefined && { mtuBytes: result.mtuBytes }) };
  return { ok: true, source, packetBytes: IPV4_HEADER_BYTES + payload.length };
}

/** Sends a transport segment over IPv6 (route and RFC 6724 source first). */
export function sendSegmentIpv6(ipv6: Ipv6Layer, request: TransportSegmentRequest<Ipv6Address>): SegmentSendResult {
  const destination = request.destination;
  const path = ipv6.route(destination, request.iface);
  if (!path.ok) return { ok: false, reason: path.reason };
  const source = request.source ?? (path.local ? destination : ipv6.selectSource(destination, path.iface));
  if (source === undefined) return { ok: false, reason: 'no-source-address' };
  const payload = request.encode(source);
  const result = ipv6.send({
    destination,
    protocol: request.protocol,
    payload,
    source,
    iface: path.iface,
    ...(!path.local && { nextHop: path.nextHop }),
    ...(request.hopLimit !== undefined && { hopLimit: request.hopLimit }),
    ...(request.dontFragment !== undefined && { dontFragment: request.dontFragment }),
  });
  if (!result.ok) {
    const reason = result.reason === 'packet-too-big' ? 'fragmentation-needed' : result.reason;
    return { ok: false, reason, ...(result.mtuBytes !== undefined && { mtuBytes: result.mtuBytes }) };
  }
  return { ok: true, source, packetBytes: IPV6_HEADER_BYTES + payload.length };
}

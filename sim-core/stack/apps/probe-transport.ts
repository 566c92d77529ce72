/**
 * What ping and traceroute need from one IP family, and nothing more: send an ICMP echo request
 * or a UDP probe with a chosen TTL / hop limit, and hear the ICMP that comes back, already
 * reduced to a family-neutral report (an echo reply, or an error with the few fields of the
 * quoted packet that tell which probe it answers: RFC 792 and RFC 4443 quote the offending
 * packet's header and the first bytes of its payload, enough for the echo identifier and
 * sequence or the UDP ports). One implementation per family (ipv4-probe-transport.ts,
 * ipv6-probe-transport.ts); the applications never touch an IP layer directly.
 * UDP probes are sent by the UDP module (transport/udp.ts), which builds the datagram.
 * Leaves out: TCP probes (tcptraceroute), raw sockets with arbitrary headers.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { NetInterface } from '../net-interface';
import type { SegmentSendResult, TransportSendFailure } from '../transport/socket';

export type ProbeFamily = 'ipv4' | 'ipv6';
export type IpAddress = Ipv4Address | Ipv6Address;

/**
 * Why a destination was unreachable, in the words of views.ts (`UnreachableReason`), from
 * ICMPv4 type 3 codes (RFC 792, RFC 1122 section 3.2.2.1, RFC 1812 section 5.2.7.1) and ICMPv6
 * type 1 codes (RFC 4443 section 3.1).
 */
export type ProbeUnreachableReason = 'net' | 'host' | 'protocol' | 'port' | 'admin-prohibited' | 'no-route' | 'beyond-scope' | 'address';

/** The fields of the quoted (offending) packet that identify a probe. */
export interface QuotedProbe {
  /** IPv4 Protocol / IPv6 upper-layer Next Header of the quoted packet (1, 17, 58 …). */
  readonly protocol: number;
  readonly source: IpAddress;
  readonly destination: IpAddress;
  /** Echo request: identifier and sequence number. */
  readonly identifier?: number;
  readonly sequence?: number;
  /** UDP: ports. */
  readonly sourcePort?: number;
  readonly destinationPort?: number;
}

/** An ICMP message for this device, as the applications see it. */
export type IcmpReport =
  | {
      readonly kind: 'echo-reply';
      readonly from: IpAddress;
      /** The address the reply was sent to (one of ours). */
      readonly to: IpAddress;
      readonly identifier: number;
      readonly sequence: number;
      /** Echo data bytes (what Windows prints as bytes=). */
      readonly dataBytes: number;
      /** The reply's IP datagram length, header included (what IOS counts). */
      readonly packetBytes: number;
      /** TTL / hop limit of the reply as it arrived. */
      readonly hopLimit: number;
    }
  | {
      readonly kind: 'unreachable';
      readonly from: IpAddress;
      readonly code: number;
      readonly reason: ProbeUnreachableReason;
      readonly quoted: QuotedProbe;
      readonly hopLimit: number;
    }
  | { readonly kind: 'time-exceeded'; readonly from: IpAddress; readonly code: number; readonly quoted: QuotedProbe; readonly hopLimit: number }
  /** ICMPv6 Packet Too Big, or ICMPv4 fragmentation needed (type 3 code 4, RFC 1191). */
  | { readonly kind: 'packet-too-big'; readonly from: IpAddress; readonly mtuBytes: number; readonly quoted: QuotedProbe; readonly hopLimit: number };

/** Why the local stack refused to send (the OS prints it at once, nothing goes on the wire): the transport layer's reasons. */
export type ProbeSendFailure = TransportSendFailure;

export type ProbeSendResult = SegmentSendResult;

export interface ProbeSendOptions {
  readonly destination: IpAddress;
  /** Source address (one of ours); by default the stack picks one. */
  readonly source?: IpAddress;
  /** Scope of a link-local destination (RFC 4007), or the interface a probe must leave by. */
  readonly iface?: NetInterface;
  readonly hopLimit?: number;
  /** IPv4: set DF. IPv6: the source must not fragment (Linux `-M do`). */
  readonly dontFragment?: boolean;
}

export interface ProbeTransport {
  readonly family: ProbeFamily;
  /** The stack's initial TTL / hop limit (what a probe carries without `-i`/`-h`/`-t`). */
  readonly defaultHopLimit: number;
  sendEchoRequest(options: ProbeSendOptions & { readonly identifier: number; readonly sequence: number; readonly data: Uint8Array }): ProbeSendResult;
  sendUdp(options: ProbeSendOptions & { readonly sourcePort: number; readonly destinationPort: number; readonly data: Uint8Array }): ProbeSendResult;
  /** Calls `listener` for every ICMP report delivered to the device; returns the unsubscribe function. */
  listen(listener: (report: IcmpReport) => void): () => void;
  /** Bytes of IP header a probe carries (20 for IPv4, 40 for IPv6): IOS sizes count them. */
  readonly headerBytes: number;
}

/** True when `quoted` is the echo request `identifier`/`sequence`. */
export function quotesEcho(quoted: QuotedProbe, identifier: number, sequence: number): boolean {
  return quoted.identifier === identifier && quoted.sequence === sequence;
}

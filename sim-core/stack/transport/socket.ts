/**
 * The socket interface of the transport layer: what services (DNS, HTTP, DHCP), host tools
 * (curl, nslookup, ss/netstat) and probes use, whichever transport is below. UDP (udp.ts)
 * implements `DatagramSocket`; TCP implements `StreamTransport`, `ListeningSocket` and
 * `StreamSocket` with the RFC 9293 section 3.3.2 states and the user calls of section 3.10
 * (OPEN active/passive = connect/listen, SEND, RECEIVE as data events, CLOSE, ABORT, STATUS).
 * Addresses are the stack's values (IPv4 numbers, IPv6 bigints); the family follows the value.
 * Leaves out: socket options beyond the hop limit and DF, urgent data, out-of-band signals.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { NetInterface } from '../net-interface';

export type TransportAddress = Ipv4Address | Ipv6Address;

/** One end of a conversation: an address and a port. */
export interface TransportEndpoint {
  readonly address: TransportAddress;
  readonly port: number;
}

/** A local end; `address` undefined is the wildcard (0.0.0.0 and [::] at once, as a dual-stack socket). */
export interface LocalEndpoint {
  readonly address?: TransportAddress;
  /** 0 or undefined: an ephemeral port (RFC 6056) from the OS's range. */
  readonly port?: number;
}

/** Why the stack refused a socket call (each OS prints its own words for these: EADDRINUSE, WSAECONNREFUSED …). */
export type SocketError =
  | 'address-in-use'
  | 'no-ephemeral-port'
  | 'not-connected'
  | 'closed'
  | 'connection-refused'
  | 'connection-reset'
  | 'timed-out'
  | 'network-unreachable'
  | 'host-unreachable'
  | 'invalid-argument';

/** Why an IP datagram could not be sent (the IP layer's answer, in the probes' words). */
export type TransportSendFailure =
  | 'no-route'
  /** Bigger than the MTU with DF (IPv4) or with fragmentation refused (IPv6 `-M do`); `mtuBytes` says the limit. */
  | 'fragmentation-needed'
  | 'no-source-address'
  | 'interface-down'
  /** IPv6 is not enabled on the exit interface. */
  | 'ipv6-disabled'
  /** More than 65535 bytes of payload. */
  | 'too-long'
  /** A local-output or post-routing hook (a filter) dropped it. */
  | 'filtered';

/** What IP said to one segment or datagram. */
export type SegmentSendResult =
  | { readonly ok: true; readonly source: TransportAddress; readonly packetBytes: number }
  | { readonly ok: false; readonly reason: TransportSendFailure; readonly mtuBytes?: number };

/** What a socket's send says: IP's answer, or why the socket could not send at all. */
export type TransportSendResult = SegmentSendResult | { readonly ok: false; readonly reason: SocketError };

/** Per-send options a socket passes to IP. */
export interface TransportSendOptions {
  /** TTL / Hop Limit (IP_TTL, IPV6_UNICAST_HOPS); by default the OS's. */
  readonly hopLimit?: number;
  /** IPv4 DF; IPv6: the source must not fragment. */
  readonly dontFragment?: boolean;
  /** The zone of a link-local destination (RFC 4007), or the interface to leave by (SO_BINDTODEVICE). */
  readonly iface?: NetInterface;
}

/** A datagram a socket received. */
export interface DatagramMessage {
  readonly data: Uint8Array;
  readonly from: TransportEndpoint;
  /** The local address it was sent to (IP_PKTINFO). */
  readonly to: TransportEndpoint;
  readonly iface: NetInterface;
}

/** A connectionless socket (UDP). */
export interface DatagramSocket {
  /** The bound local end, once bound (explicitly, by connect, or by the first send). */
  readonly local: { readonly address: TransportAddress | undefined; readonly port: number } | undefined;
  /** The peer of a connected socket. */
  readonly remote: TransportEndpoint | undefined;
  bind(local?: LocalEndpoint): { readonly ok: true } | { readonly ok: false; readonly error: SocketError };
  /** Fixes the peer: `send` needs no destination and only the peer's datagrams are received. */
  connect(remote: TransportEndpoint): { readonly ok: true } | { readonly ok: false; readonly error: SocketError };
  /** Sends `data` to `to`, or to the connected peer. Binds an ephemeral port first when unbound. */
  send(data: Uint8Array, to?: TransportEndpoint, options?: TransportSendOptions): TransportSendResult;
  /** Calls `listener` for each datagram received; returns the function that unsubscribes. */
  onMessage(listener: (message: DatagramMessage) => void): () => void;
  close(): void;
  readonly closed: boolean;
}

/** RFC 9293 section 3.3.2 connection states. */
export type StreamState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

export type StreamEvent =
  /** The three-way handshake completed. */
  | { readonly kind: 'connected' }
  /** In-order bytes from the peer. */
  | { readonly kind: 'data'; readonly data: Uint8Array }
  /** The peer sent FIN: no more data will come (the socket may still send: half-close). */
  | { readonly kind: 'peer-closed' }
  /** The connection is gone (both FINs acknowledged, or aborted). */
  | { readonly kind: 'closed' }
  | { readonly kind: 'error'; readonly error: SocketError };

/** One connection (TCP). */
export interface StreamSocket {
  readonly state: StreamState;
  readonly local: TransportEndpoint | undefined;
  readonly remote: TransportEndpoint;
  /** Queues `data` for sending; returns the bytes accepted, or the error. */
  send(data: Uint8Array): number | SocketError;
  /** Half-close: sends FIN after queued data; data from the peer still arrives (shutdown(SHUT_WR)). */
  shutdown(): void;
  /** Closes both ways (FIN; TIME-WAIT on the side that closed first). */
  close(): void;
  /** Resets the connection (RST), dropping queued data. */
  abort(): void;
  /** Calls `listener` for each event; returns the function that unsubscribes. */
  on(listener: (event: StreamEvent) => void): () => void;
}

/** A passive open (listen): accepted connections are handed to `onAccept` listeners. */
export interface ListeningSocket {
  readonly local: { readonly address: TransportAddress | undefined; readonly port: number };
  onAccept(listener: (socket: StreamSocket) => void): () => void;
  close(): void;
}

/** What a stream transport offers (TCP). */
export interface StreamTransport {
  listen(local: LocalEndpoint & { readonly port: number }, backlog?: number): ListeningSocket | SocketError;
  connect(remote: TransportEndpoint, options?: { readonly local?: LocalEndpoint } & TransportSendOptions): StreamSocket | SocketError;
}

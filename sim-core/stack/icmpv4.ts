/**
 * ICMP for IPv4 (RFC 792, RFC 1122 section 3.2.2, RFC 1812 section 4.3): answers echo requests
 * sent to the device's own addresses, sends the errors the IPv4 layer reports (time exceeded,
 * destination unreachable with the RFC 1191 next-hop MTU) under the rules of RFC 1812 section
 * 4.3.2.7 (never about an ICMP error, a broadcast or multicast, a non-first fragment, or a
 * source that is not a unicast host), rate-limited by a token bucket, and passes every ICMP
 * message that reaches the device to listeners (ping and traceroute match their replies there).
 *
 * Flavours: IOS limits unreachables to one per 500 ms (`ip icmp rate-limit unreachable 500`,
 * why IOS traceroute shows `*` beside a router's last-hop answer) and quotes the header plus
 * 8 bytes; Linux and Windows quote up to 576 bytes total (RFC 1812 section 4.3.2.3) and limit
 * errors to a burst of 50 then 1000 per second.
 * Leaves out: redirects, timestamp and address-mask messages, RFC 4884 extensions.
 */
import type { Ipv4Address } from '../addr/ipv4';
import { decodeIpv4, IP_PROTOCOL_ICMP, type Ipv4Header } from '../wire/ipv4';
import { decodeIcmpv4, encodeIcmpv4, type Icmpv4Message } from '../wire/icmpv4';
import { IPV4, type Ipv4Error, type Ipv4Layer } from './ipv4-layer';
import { DataKey, type NetInterface } from './net-interface';
import type { NodeStack } from './node-stack';
import { TokenBucket } from './rate-limiter';

export type Icmpv4Listener = (message: Icmpv4Message, packet: Ipv4Header, iface: NetInterface) => void;

export const ICMPV4 = new DataKey<Icmpv4Module>('ICMPv4');

const ERROR_TYPES = new Set([3, 4, 5, 11, 12]);

function isUnicastHost(address: Ipv4Address): boolean {
  const first = address >>> 24;
  return address !== 0 && address !== 0xffffffff && first !== 127 && first < 224;
}

export class Icmpv4Module {
  private listeners: Icmpv4Listener[] = [];
  private readonly unreachableLimiter: TokenBucket;
  private readonly otherLimiter: TokenBucket;
  /** Bytes of the offending datagram quoted after its IP header (IOS 8; Linux, Windows up to 576 total). */
  private readonly quoteLimitBytes: number;
  /** Answer echo requests (Windows Firewall blocks them by default; labs usually allow them). */
  answerEcho = true;
  readonly counters = { echoRequestsAnswered: 0, errorsSent: 0, errorsRateLimited: 0, received: 0 };

  constructor(
    readonly stack: NodeStack,
    private readonly ipv4: Ipv4Layer = stack.findRequired(IPV4),
  ) {
    const settings = stack.personality.icmpv4;
    this.unreachableLimiter = new TokenBucket(stack.context, settings.unreachableRate.ratePerS, settings.unreachableRate.burst);
    this.otherLimiter = new TokenBucket(stack.context, settings.otherErrorRate.ratePerS, settings.otherErrorRate.burst);
    this.quoteLimitBytes = settings.quoteLimitBytes;
    ipv4.protocols.register(IP_PROTOCOL_ICMP, (packet, iface, raw) => this.receive(packet, iface, raw));
    ipv4.errorReporter = (raw, ingress, error) => this.sendError(raw, ingress, error);
    stack.provide(ICMPV4, this);
  }

  /** Calls `listener` for every ICMP message delivered to this device; returns the unsubscribe function. */
  addListener(listener: Icmpv4Listener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Sends the ICMP error `error` about the datagram `raw` to its source, when the rules allow. */
  sendError(raw: Uint8Array, _ingress: NetInterface | null, error: Ipv4Error): boolean {
    const decoded = decodeIpv4(raw, { verifyChecksum: false });
    if (!decoded.ok) return false;
    const offending = decoded.value;
    if (!isUnicastHost(offending.source)) return false;
    if (offending.destination === 0xffffffff || offending.destination >>> 28 === 0xe) return false;
    if (offending.fragmentOffset !== 0) return false;
    if (offending.protocol === IP_PROTOCOL_ICMP && offending.payload.length > 0 && ERROR_TYPES.has(offending.payload[0]!)) return false;
    const limiter = error.kind === 'unreachable' ? this.unreachableLimiter : this.otherLimiter;
    if (!limiter.take()) {
      this.counters.errorsRateLimited++;
      return false;
    }
    const headerLength = offending.payload.byteOffset - raw.byteOffset;
    const quoted = raw.subarray(0, Math.min(raw.length, headerLength + this.quoteLimitBytes));
    const message: Icmpv4Message =
      error.kind === 'time-exceeded'
        ? { kind: 'time-exceeded', code: error.code, unused: 0, payload: quoted }
        : { kind: 'destination-unreachable', code: error.code, unused: 0, nextHopMtu: error.nextHopMtu ?? 0, payload: quoted };
    const result = this.ipv4.send({ destination: offending.source, protocol: IP_PROTOCOL_ICMP, payload: encodeIcmpv4(message) });
    if (result.ok) this.counters.errorsSent++;
    return result.ok;
  }

  private receive(packet: Ipv4Header, iface: NetInterface, raw: Uint8Array): void {
    const decoded = decodeIcmpv4(packet.payload);
    if (!decoded.ok) return this.stack.drop(iface, raw, decoded.error.kind === 'bad-checksum' ? 'bad-checksum' : 'malformed');
    const message = decoded.value;
    this.counters.received++;
    if (message.kind === 'echo-request' && this.answerEcho && this.ipv4.localInterfaceOf(packet.destination) !== undefined) {
      this.counters.echoRequestsAnswered++;
      this.ipv4.send({
        destination: packet.source,
        source: packet.destination,
        protocol: IP_PROTOCOL_ICMP,
        payload: encodeIcmpv4({ ...message, kind: 'echo-reply' }),
      });
    }
    for (const listener of this.listeners) listener(message, packet, iface);
  }
}

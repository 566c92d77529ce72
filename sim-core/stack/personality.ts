/**
 * One personality per operating system a device imitates (Cisco IOS, Windows 10/11, a Debian
 * Linux server): every default in which the real systems differ, in one object each, so the
 * stack modules read settings and never test which OS they run on. A new OS is a new object;
 * a new difference is a new field with its value for every OS.
 *
 * Sources of the values: RFC 1700 / RFC 1122 section 3.2.1.7 initial TTLs as each system sets
 * them (IOS 255, Windows 128, Linux 64 `ip_default_ttl`); IPv6 hop limits (Linux `hop_limit` 64,
 * Windows 128, IOS 64); reassembly timeouts (Linux `ipfrag_time` 30 s, Windows 60 s); ARP
 * (Linux `unres_qlen`, `mcast_solicit`; IOS 4-hour timeout and no queue); ICMP error rate limits
 * (RFC 1812 section 4.3.2.8, RFC 4443 section 2.4 (f): IOS `ip icmp rate-limit unreachable`
 * 500 ms, Linux `icmp_ratelimit` 1 s with a burst of 6 `icmp_msgs_burst`-style, exempting Packet
 * Too Big as Linux does); SLAAC identifiers (RFC 4291 appendix A EUI-64 on IOS and Linux
 * `addr_gen_mode` 0, RFC 7217-style stable random and RFC 8981 temporary addresses on Windows);
 * route metrics of RA-learned routes (Linux 1024, Windows 256); ping and traceroute defaults
 * as each system's tool has them.
 * Leaves out: OS versions (one personality per family), settings no module reads yet.
 */
import type { InterfaceIdMode } from './ipv6/interface-identifier';
import type { SlaacOptions } from './ipv6/slaac';
import type { ArpSettings } from './arp';
import { NS_PER_MS, NS_PER_S, type TimeNs } from '../engine/time';

/** The operating system a device imitates: the key of its personality. */
export type StackFlavour = 'ios' | 'windows' | 'linux';

/** The echo data each OS's ping sends: Windows the alphabet, IOS 0xABCD, Linux a timestamp and counting bytes. */
export type EchoDataPattern = 'alphabet' | 'abcd' | 'timestamp-and-count';

export interface PingDefaults {
  /** Probes sent; Infinity = until cancelled (Linux without `-c`). */
  readonly count: number;
  /** The size as the user types it (`-l`, `-s`, IOS `size`). */
  readonly sizeBytes: number;
  /** IOS counts the whole IP datagram; Windows and Linux count the echo data. */
  readonly sizeIsDatagram: boolean;
  readonly timeoutNs: TimeNs;
  /** Gap from one send to the next. */
  readonly intervalNs: TimeNs;
  /** Whether the next probe waits for the previous one to be answered or time out. */
  readonly waitForPrevious: boolean;
  /** Sequence number of the first probe (iputils icmp_seq=1, IOS 0). */
  readonly firstSequence: number;
  /** Stop at the first local send failure (iputils exits: "connect: Network is unreachable"). */
  readonly stopOnSendFailure: boolean;
  readonly echoData: EchoDataPattern;
}

export type TracerouteMethod = 'icmp-echo' | 'udp';

export interface TracerouteDefaults {
  readonly method: TracerouteMethod;
  readonly probesPerHop: number;
  readonly maxHops: number;
  readonly timeoutNs: TimeNs;
  /** First UDP destination port (`-p`, IOS `port`); each probe uses the next one. */
  readonly basePort: number;
  /** Probe payload bytes after the ICMP or UDP header (Linux: 60-byte IPv4 / 80-byte IPv6 packets). */
  readonly dataBytes: number;
}

/** TCP timers and limits (RFC 9293, RFC 6298) as each system sets them. */
export interface TcpSettings {
  /** RFC 6298 section 2.1: 1 s before any RTT sample. */
  readonly initialRtoMs: number;
  /** Lower bound of the RTO (RFC 6298 2.4 says 1 s; Linux TCP_RTO_MIN 200 ms, Windows 300 ms). */
  readonly minRtoMs: number;
  /** Upper bound after back-off (RFC 6298 2.5: at least 60 s; Linux TCP_RTO_MAX 120 s). */
  readonly maxRtoMs: number;
  /** SYN retransmissions before connect fails (Linux tcp_syn_retries 6, Windows TcpMaxConnectRetransmissions 2). */
  readonly synRetries: number;
  /** Data retransmissions before the connection is dropped (Linux tcp_retries2 15, Windows TcpMaxDataRetransmissions 5). */
  readonly dataRetries: number;
  /** TIME-WAIT, 2 MSL (Linux TCP_TIMEWAIT_LEN 60 s, Windows TcpTimedWaitDelay 120 s). */
  readonly timeWaitS: number;
  /** The receive window advertised (no window scaling: at most 65535). */
  readonly receiveWindowBytes: number;
}

export interface TokenBucketSettings {
  readonly ratePerS: number;
  readonly burst: number;
}

export interface StackPersonality {
  readonly flavour: StackFlavour;
  readonly ipv4: {
    /** Initial TTL (what `ping` shows as TTL=). */
    readonly defaultTtl: number;
    readonly reassemblyTimeoutS: number;
  };
  readonly arp: ArpSettings;
  readonly icmpv4: {
    /** Destination unreachable messages (IOS: 1 per 500 ms). */
    readonly unreachableRate: TokenBucketSettings;
    /** Every other error. */
    readonly otherErrorRate: TokenBucketSettings;
    /** Bytes of the offending datagram quoted after its header (IOS the RFC 792 8, others up to 576 in all, RFC 1812 section 4.3.2.3). */
    readonly quoteLimitBytes: number;
  };
  readonly ipv6: {
    /** Initial Hop Limit. */
    readonly defaultHopLimit: number;
    /** Hosts run IPv6 on every interface as it is added; IOS waits for `ipv6 enable` or an address. */
    readonly enableOnNewInterfaces: boolean;
    /** IOS: removing the last configured address of an interface without `ipv6 enable` turns IPv6 off there. */
    readonly disableWithLastAddress: boolean;
    /** RFC 6724 rule 7: prefer temporary source addresses (Windows does; Linux `use_tempaddr` 2 would). */
    readonly preferTemporarySource: boolean;
    /** How the link-local identifier is formed. */
    readonly linkLocalIdMode: InterfaceIdMode;
    /** IOS: a duplicate link-local stops IPv6 on the interface ("IPv6 is stalled"). */
    readonly stallOnDuplicateLinkLocal: boolean;
  };
  readonly icmpv6: {
    readonly errorRate: TokenBucketSettings;
    /** Linux does not rate-limit Packet Too Big (PMTUD must not starve). */
    readonly packetTooBigExempt: boolean;
  };
  readonly slaac: SlaacOptions;
  readonly routerDiscovery: {
    /** Hosts listen to RAs on every interface; IOS only where `ipv6 address autoconfig` is set. */
    readonly hostOnEveryInterface: boolean;
    /** Metric of an RA-learned default route (Linux `metric 1024`, Windows 256, IOS 0). */
    readonly defaultRouteMetric: number;
    /** Metric of an RA on-link prefix route. */
    readonly onLinkPrefixMetric: number;
    /** Windows forgets default routers (and what RAs taught) on media disconnect; Linux keeps them. */
    readonly flushOnCarrierLoss: boolean;
  };
  readonly addresses: {
    /**
     * Whether an interface's addresses stay the device's own while the interface is down:
     * Linux and Windows hosts keep them (weak host); on IOS the connected and local routes go.
     */
    readonly ownWhileDown: boolean;
  };
  readonly transport: {
    /** Ephemeral ports (RFC 6056): IANA 49152-65535 on Windows and IOS, Linux `ip_local_port_range` 32768-60999. */
    readonly ephemeralPortFirst: number;
    readonly ephemeralPortLast: number;
  };
  readonly tcp: TcpSettings;
  readonly ping: PingDefaults;
  readonly traceroute: TracerouteDefaults;
}

const TEMPORARY_LIFETIMES = { tempValidLifetimeS: 604800, tempPreferredLifetimeS: 86400 } as const;

export const IOS_PERSONALITY: StackPersonality = {
  flavour: 'ios',
  ipv4: { defaultTtl: 255, reassemblyTimeoutS: 30 },
  arp: { entryLifetimeS: 4 * 3600, queueLimit: 0, retransmitS: 1, maxRequests: 3 },
  icmpv4: { unreachableRate: { ratePerS: 2, burst: 1 }, otherErrorRate: { ratePerS: 1000, burst: 50 }, quoteLimitBytes: 8 },
  ipv6: { defaultHopLimit: 64, enableOnNewInterfaces: false, disableWithLastAddress: true, preferTemporarySource: false, linkLocalIdMode: 'eui64', stallOnDuplicateLinkLocal: true },
  icmpv6: { errorRate: { ratePerS: 10, burst: 10 }, packetTooBigExempt: false },
  slaac: { idMode: 'eui64', temporaryAddresses: false, ...TEMPORARY_LIFETIMES },
  routerDiscovery: { hostOnEveryInterface: false, defaultRouteMetric: 0, onLinkPrefixMetric: 0, flushOnCarrierLoss: false },
  addresses: { ownWhileDown: false },
  transport: { ephemeralPortFirst: 49152, ephemeralPortLast: 65535 },
  // IOS: 4128-byte default window (`ip tcp window-size`), 30 s SYN wait (`ip tcp synwait-time`) ≈ 4 retries.
  tcp: { initialRtoMs: 1000, minRtoMs: 300, maxRtoMs: 60000, synRetries: 4, dataRetries: 6, timeWaitS: 120, receiveWindowBytes: 4128 },
  ping: { count: 5, sizeBytes: 100, sizeIsDatagram: true, timeoutNs: 2 * NS_PER_S, intervalNs: 0, waitForPrevious: true, firstSequence: 0, stopOnSendFailure: false, echoData: 'abcd' },
  traceroute: { method: 'udp', probesPerHop: 3, maxHops: 30, timeoutNs: 3 * NS_PER_S, basePort: 33434, dataBytes: 0 },
};

export const WINDOWS_PERSONALITY: StackPersonality = {
  flavour: 'windows',
  ipv4: { defaultTtl: 128, reassemblyTimeoutS: 60 },
  arp: { entryLifetimeS: 60, queueLimit: 3, retransmitS: 1, maxRequests: 3 },
  icmpv4: { unreachableRate: { ratePerS: 1000, burst: 50 }, otherErrorRate: { ratePerS: 1000, burst: 50 }, quoteLimitBytes: 576 - 20 - 8 },
  ipv6: { defaultHopLimit: 128, enableOnNewInterfaces: true, disableWithLastAddress: false, preferTemporarySource: true, linkLocalIdMode: 'stable-privacy', stallOnDuplicateLinkLocal: false },
  icmpv6: { errorRate: { ratePerS: 10, burst: 10 }, packetTooBigExempt: false },
  slaac: { idMode: 'stable-privacy', temporaryAddresses: true, ...TEMPORARY_LIFETIMES },
  routerDiscovery: { hostOnEveryInterface: true, defaultRouteMetric: 256, onLinkPrefixMetric: 256, flushOnCarrierLoss: true },
  addresses: { ownWhileDown: true },
  transport: { ephemeralPortFirst: 49152, ephemeralPortLast: 65535 },
  tcp: { initialRtoMs: 1000, minRtoMs: 300, maxRtoMs: 60000, synRetries: 2, dataRetries: 5, timeWaitS: 120, receiveWindowBytes: 64240 },
  ping: { count: 4, sizeBytes: 32, sizeIsDatagram: false, timeoutNs: 4000 * NS_PER_MS, intervalNs: NS_PER_S, waitForPrevious: true, firstSequence: 1, stopOnSendFailure: false, echoData: 'alphabet' },
  // tracert's echo requests carry 64 bytes of data (92-byte IPv4 packets).
  traceroute: { method: 'icmp-echo', probesPerHop: 3, maxHops: 30, timeoutNs: 4000 * NS_PER_MS, basePort: 33434, dataBytes: 64 },
};

export const LINUX_PERSONALITY: StackPersonality = {
  flavour: 'linux',
  ipv4: { defaultTtl: 64, reassemblyTimeoutS: 30 },
  arp: { entryLifetimeS: 60, queueLimit: 3, retransmitS: 1, maxRequests: 3 },
  icmpv4: { unreachableRate: { ratePerS: 1000, burst: 50 }, otherErrorRate: { ratePerS: 1000, burst: 50 }, quoteLimitBytes: 576 - 20 - 8 },
  ipv6: { defaultHopLimit: 64, enableOnNewInterfaces: true, disableWithLastAddress: false, preferTemporarySource: false, linkLocalIdMode: 'eui64', stallOnDuplicateLinkLocal: false },
  icmpv6: { errorRate: { ratePerS: 1, burst: 6 }, packetTooBigExempt: true },
  slaac: { idMode: 'eui64', temporaryAddresses: false, ...TEMPORARY_LIFETIMES },
  routerDiscovery: { hostOnEveryInterface: true, defaultRouteMetric: 1024, onLinkPrefixMetric: 256, flushOnCarrierLoss: false },
  addresses: { ownWhileDown: true },
  transport: { ephemeralPortFirst: 32768, ephemeralPortLast: 60999 },
  tcp: { initialRtoMs: 1000, minRtoMs: 200, maxRtoMs: 120000, synRetries: 6, dataRetries: 15, timeWaitS: 60, receiveWindowBytes: 64240 },
  ping: { count: Infinity, sizeBytes: 56, sizeIsDatagram: false, timeoutNs: 10 * NS_PER_S, intervalNs: NS_PER_S, waitForPrevious: false, firstSequence: 1, stopOnSendFailure: true, echoData: 'timestamp-and-count' },
  traceroute: { method: 'udp', probesPerHop: 3, maxHops: 30, timeoutNs: 5 * NS_PER_S, basePort: 33434, dataBytes: 32 },
};

const PERSONALITIES: Readonly<Record<StackFlavour, StackPersonality>> = { ios: IOS_PERSONALITY, windows: WINDOWS_PERSONALITY, linux: LINUX_PERSONALITY };

/** The personality of `flavour`. */
export function personalityOf(flavour: StackFlavour): StackPersonality {
  return PERSONALITIES[flavour];
}

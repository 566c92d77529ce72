/**
 * Views: plain readonly snapshots of a device's state that the output formatters
 * (console/output/{ios,windows,linux}) turn into the text the real OS prints.
 *
 * A device fills a view from its state when a show command runs (not per frame), so the views
 * hold only data — no functions, no simulator objects — and use the addr layer's value types
 * (Ipv4Address, Ipv6Address, MacAddress, Prefix). Lists are in the order the OS would print them
 * (e.g. Linux lists IPv6 addresses newest first, IOS sorts routes): the formatters do not sort.
 * Lifetimes and ages are whole seconds; `undefined` lifetime means infinite ("forever",
 * "infinite"). Time values are remaining time at the moment of the snapshot.
 *
 * Left out: per-VRF data, IPv4 secondary-address details beyond a flag, tunnel endpoints,
 * DHCP lease dates (the simulator has no wall clock to print them from).
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import type { MacAddress } from '../addr/mac';
import type { Ipv6Prefix, Prefix } from '../addr/prefix';

export type AddressFamily = 'ipv4' | 'ipv6';

/** What an interface is: a port, a subinterface (`g0/0.10`), an SVI (`Vlan10`), a loopback, a tunnel. */
export type InterfaceKind = 'physical' | 'sub' | 'svi' | 'loopback' | 'tunnel';

/**
 * How an IPv6 address came to be:
 * static — typed in full on a router (`ipv6 address 2001:db8::1/64`, also a typed `FE80::1 link-local`);
 * eui-64 — `ipv6 address 2001:db8::/64 eui-64`; slaac — formed from an RA prefix (RFC 4862);
 * link-local — formed automatically (fe80::/64 + interface id); temporary — RFC 8981 privacy address;
 * dhcpv6 — leased (RFC 8415); manual — set by hand on a host (`netsh … add address`, `ip addr add`).
 */
export type Ipv6AddressOrigin = 'static' | 'eui-64' | 'slaac' | 'link-local' | 'temporary' | 'dhcpv6' | 'manual';

/** RFC 4862 section 5.5.4 address states, plus `duplicate` (DAD failed, section 5.4.5). */
export type Ipv6AddressState = 'tentative' | 'preferred' | 'deprecated' | 'duplicate' | 'invalid';

export interface Ipv4AddressView {
  readonly address: Ipv4Address;
  readonly prefixLength: number;
  /** Leased by DHCP (Linux prints `dynamic`, Windows `(Preferred)` with lease lines). */
  readonly dhcp?: boolean;
  readonly secondary?: boolean;
  /** Directed broadcast when configured (Linux `brd`). */
  readonly broadcast?: Ipv4Address;
  readonly duplicate?: boolean;
  readonly validLifetimeS?: number;
  readonly preferredLifetimeS?: number;
}

export interface Ipv6AddressView {
  readonly address: Ipv6Address;
  readonly prefixLength: number;
  readonly origin: Ipv6AddressOrigin;
  readonly state: Ipv6AddressState;
  /** Remaining valid lifetime in seconds; undefined = infinite. */
  readonly validLifetimeS?: number;
  /** Remaining preferred lifetime in seconds; undefined = infinite. */
  readonly preferredLifetimeS?: number;
  readonly anycast?: boolean;
  /** Linux: address is the template for temporary addresses (RFC 8981), `mngtmpaddr`. */
  readonly manageTemporary?: boolean;
  /** Linux: no prefix route added for it (`noprefixroute`). */
  readonly noPrefixRoute?: boolean;
  /** Linux: DAD disabled for it (`nodad`). */
  readonly noDad?: boolean;
}

/** A prefix a router advertises in its RAs (RFC 4861 section 4.6.2). */
export interface NdPrefixView {
  readonly prefix: Ipv6Prefix;
  readonly validLifetimeS?: number;
  readonly preferredLifetimeS?: number;
  readonly onLink: boolean;
  readonly autonomous: boolean;
}

/** Neighbor Discovery settings of one interface (RFC 4861 section 6.2.1, RFC 4862 section 5.1). */
export interface NdSettingsView {
  readonly dadAttempts: number;
  readonly reachableTimeMs: number;
  readonly nsRetransmitMs: number;
  /** Advertised in RAs; 0 = unspecified. */
  readonly advertisedReachableTimeMs: number;
  readonly advertisedRetransmitMs: number;
  /** The interface sends RAs (IOS: unicast-routing on and not suppressed). */
  readonly sendsRouterAdvertisements: boolean;
  readonly raSuppressed: boolean;
  readonly raIntervalS: number;
  readonly raLifetimeS: number;
  readonly routerPreference: 'High' | 'Medium' | 'Low';
  readonly managedFlag: boolean;
  readonly otherConfigFlag: boolean;
  readonly advertisedPrefixes: readonly NdPrefixView[];
  /** IOS `ipv6 address autoconfig` / host SLAAC on. */
  readonly statelessAutoconfig: boolean;
}

export interface InterfaceCountersView {
  readonly inPackets: number;
  readonly inBytes: number;
  readonly outPackets: number;
  readonly outBytes: number;
  readonly inErrors: number;
  readonly outErrors: number;
  readonly inDrops: number;
  readonly outDrops: number;
  readonly inBroadcasts?: number;
  readonly inMulticasts?: number;
  readonly interfaceResets?: number;
}

/** Layer-2 role of a switch port or the VLAN a subinterface tags. */
export interface VlanPortView {
  readonly mode: 'access' | 'trunk' | 'routed';
  readonly accessVlan?: number;
  readonly nativeVlan?: number;
  /** Trunk: VLANs allowed by configuration (`switchport trunk allowed vlan`). */
  readonly allowedVlans?: readonly number[];
  /** Trunk: allowed VLANs that exist on the switch. */
  readonly activeVlans?: readonly number[];
  /** Trunk: active VLANs in forwarding state (spanning tree). */
  readonly forwardingVlans?: readonly number[];
  /** Subinterface: `encapsulation dot1Q N`. */
  readonly dot1qVlan?: number;
}

/** A default router learnt from RAs (RFC 4861 section 6.3.4) or configured. */
export interface DefaultRouterView {
  readonly address: Ipv6Address;
  /** Remaining router lifetime; undefined = configured (no expiry). */
  readonly lifetimeS?: number;
  readonly preference?: 'high' | 'medium' | 'low';
}

/** What a host (Windows PC, Linux server) knows about one of its adapters. */
export interface HostInterfaceView {
  readonly ipv4Gateway?: Ipv4Address;
  readonly ipv6DefaultRouters: readonly DefaultRouterView[];
  /** DNS servers in order (IPv6 ones first on Windows when learnt from RDNSS/DHCPv6). */
  readonly dnsServers: readonly (Ipv4Address | Ipv6Address)[];
  /** Connection-specific DNS suffix. */
  readonly dnsSuffix?: string;
  readonly dhcpEnabled: boolean;
  readonly autoconfigEnabled: boolean;
  readonly dhcpServer?: Ipv4Address;
  readonly dhcpv6Iaid?: number;
  /** DUID bytes, printed `00-01-00-01-…` by Windows. */
  readonly dhcpv6ClientDuid?: readonly number[];
  /** Windows adapter heading word: `Ethernet adapter`, `Wireless LAN adapter`. */
  readonly adapterType?: 'Ethernet' | 'Wireless LAN';
  /** Windows adapter description (`Intel(R) 82574L Gigabit Network Connection`). */
  readonly adapterDescription?: string;
  /** Windows route metric of the interface (added to route metrics in `route print`). */
  readonly interfaceMetric?: number;
}

export interface InterfaceView {
  /** Canonical name: `GigabitEthernet0/0`, `GigabitEthernet0/0.10`, `Vlan10`, `Ethernet0`, `eth0`. */
  readonly name: string;
  readonly description?: string;
  readonly kind: InterfaceKind;
  readonly adminUp: boolean;
  /** Carrier present (IOS status `up`, Linux LOWER_UP). */
  readonly linkUp: boolean;
  readonly lineProtocolUp: boolean;
  /** IOS: subinterface removed with `no interface` (status `deleted`). */
  readonly deleted?: boolean;
  readonly mac?: MacAddress;
  /** Burned-in address (IOS `bia`); defaults to `mac`. */
  readonly burnedInMac?: MacAddress;
  readonly mtuBytes: number;
  readonly ipv6MtuBytes?: number;
  readonly bandwidthKbps: number;
  /** IOS `show ip interface brief` Method column. */
  readonly ipv4Method?: 'manual' | 'NVRAM' | 'DHCP' | 'unset' | 'TFTP';
  readonly ipv4: readonly Ipv4AddressView[];
  /** IPv6 on (an address configured, `ipv6 enable`, or a host stack). */
  readonly ipv6Enabled: boolean;
  readonly ipv6: readonly Ipv6AddressView[];
  readonly ipv6Groups: readonly Ipv6Address[];
  readonly nd?: NdSettingsView;
  readonly counters: InterfaceCountersView;
  readonly vlan?: VlanPortView;
  readonly host?: HostInterfaceView;
  /** Windows ifIndex, Linux link index. */
  readonly ifIndex: number;
  /** Seconds since the last frame in/out (IOS `Last input`); undefined = never. */
  readonly lastInputAgoS?: number;
  readonly lastOutputAgoS?: number;
}

/**
 * Where a route came from, as IOS codes name it: C connected, L local, S static, S* static
 * default candidate, ND default from RA, NDp prefix from RA, O/OI/OE1/OE2 OSPF, B BGP, R RIP,
 * D EIGRP. Host formatters map these to their own words (Linux `proto kernel|static|ra`,
 * Windows `System|Manual|Autoconf`).
 */
export type RouteCode = 'C' | 'L' | 'LC' | 'S' | 'S*' | 'ND' | 'NDp' | 'O' | 'OI' | 'OE1' | 'OE2' | 'O IA' | 'O E1' | 'O E2' | 'B' | 'R' | 'D' | 'D EX';

export interface NextHopView {
  /** Gateway address; absent for directly connected and receive routes. */
  readonly address?: Ipv4Address | Ipv6Address;
  readonly interfaceName?: string;
  /** Host only: interface index of interfaceName (Windows `If`, `%index`). */
  readonly ifIndex?: number;
  /** IOS: `receive` (local) or `Null0` discard routes. */
  readonly receive?: boolean;
}

export interface RouteView {
  readonly family: AddressFamily;
  readonly prefix: Prefix;
  readonly code: RouteCode;
  readonly distance: number;
  readonly metric: number;
  readonly nextHops: readonly NextHopView[];
  /** Seconds since learnt (dynamic routes only). */
  readonly ageS?: number;
  /** Seconds since the route entered the routing table, any source (IOS `Last updated … ago`). */
  readonly updatedAgoS?: number;
  /** Host: remaining lifetime of a learnt route (Linux `expires`). */
  readonly expiresS?: number;
  /** Host: preferred source address (Linux `src`). */
  readonly source?: Ipv4Address | Ipv6Address;
  /** Linux: `hoplimit` from the RA. */
  readonly hopLimit?: number;
  /** Linux/RFC 4191 router preference. */
  readonly preference?: 'high' | 'medium' | 'low';
  /** Windows: stored across reboots (`route -p`, `netsh … store=persistent`). */
  readonly persistent?: boolean;
  /** Windows `netsh … show route` Publish column. */
  readonly publish?: boolean;
}

/** RFC 4861 section 7.3.2 neighbour states, shortened as IOS prints them; PERMANENT for static. */
export type NeighborState = 'INCMP' | 'REACH' | 'STALE' | 'DELAY' | 'PROBE' | 'PERMANENT' | 'FAILED';

export interface NeighborView {
  readonly address: Ipv6Address;
  /** Absent while INCOMPLETE or FAILED. */
  readonly linkLayer?: MacAddress;
  readonly state: NeighborState;
  /** Seconds since last confirmed; undefined = static (IOS prints `-`). */
  readonly ageS?: number;
  readonly interfaceName: string;
  readonly ifIndex?: number;
  readonly isRouter: boolean;
}

export interface ArpView {
  readonly address: Ipv4Address;
  /** Absent while incomplete. */
  readonly mac?: MacAddress;
  /** Minutes; undefined = own address or static (IOS `-`). */
  readonly ageMin?: number;
  readonly interfaceName: string;
  /** Windows `arp -a`: interface's own IPv4 address and index head each group. */
  readonly ifIndex?: number;
  readonly dynamic: boolean;
}

export interface VlanView {
  readonly id: number;
  readonly name: string;
  readonly status: 'active' | 'act/unsup' | 'act/lshut' | 'suspended';
  /** Access ports in the VLAN, canonical names (printed short). */
  readonly ports: readonly string[];
}

export interface MacTableEntryView {
  /** undefined = All (CPU entries). */
  readonly vlan?: number;
  readonly mac: MacAddress;
  readonly dynamic: boolean;
  /** Canonical port name or `CPU`. */
  readonly port: string;
}

export type UnreachableReason = 'net' | 'host' | 'protocol' | 'port' | 'admin-prohibited' | 'no-route' | 'beyond-scope' | 'address';

export type ProbeOutcome =
  | { readonly kind: 'reply'; readonly from: Ipv4Address | Ipv6Address; readonly rttMs: number; readonly ttl: number; readonly bytes: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly from?: Ipv4Address | Ipv6Address; readonly reason: UnreachableReason }
  | { readonly kind: 'ttl-exceeded'; readonly from: Ipv4Address | Ipv6Address }
  | { readonly kind: 'packet-too-big'; readonly from?: Ipv4Address | Ipv6Address; readonly mtuBytes: number };

export interface PingResultView {
  readonly family: AddressFamily;
  readonly target: Ipv4Address | Ipv6Address;
  /** The target as the person typed it (iputils echoes it), when different from the address text. */
  readonly targetText?: string;
  /** Each probe's own sequence number, parallel to `probes` (iputils prints it; default: 1, 2, 3 …). */
  readonly sequences?: readonly number[];
  /** Zone index/name for link-local targets (`%11`, `%eth0`). */
  readonly targetZone?: string;
  /** Payload size in bytes (IOS datagram size: total packet size). */
  readonly sizeBytes: number;
  readonly count: number;
  readonly timeoutS: number;
  readonly source?: Ipv4Address | Ipv6Address;
  readonly sourceInterface?: string;
  readonly probes: readonly ProbeOutcome[];
  /** Linux `time` in the summary: elapsed ms from first send to end. */
  readonly elapsedMs: number;
  /** No route at all: the OS refuses before sending. */
  readonly noRoute?: boolean;
}

export type TraceProbe =
  | { readonly kind: 'reply'; readonly from: Ipv4Address | Ipv6Address; readonly rttMs: number; readonly reached: boolean }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly from: Ipv4Address | Ipv6Address; readonly rttMs: number; readonly reason: UnreachableReason };

export interface TracerouteHopView {
  readonly ttl: number;
  readonly probes: readonly TraceProbe[];
}

export interface TracerouteView {
  readonly family: AddressFamily;
  readonly target: Ipv4Address | Ipv6Address;
  /** Name the person typed, when it was a name. */
  readonly targetName?: string;
  readonly maxHops: number;
  /** Linux probe packet size (80 for IPv6 UDP probes, 60 for IPv4). */
  readonly packetBytes: number;
  readonly hops: readonly TracerouteHopView[];
}

export interface HostInfoView {
  readonly hostname: string;
  /** IOS: `15.9(3)M`; Windows `10.0.19045`; Linux kernel release. */
  readonly osVersion: string;
  readonly model?: string;
  readonly uptimeS: number;
  /** Windows: `Hybrid`, `Broadcast`, `Peer-Peer`, `Mixed`. */
  readonly nodeType?: string;
  readonly primaryDnsSuffix?: string;
  readonly dnsSearchList: readonly string[];
  readonly ipRoutingEnabled: boolean;
  readonly configRegister?: string;
  readonly serialNumber?: string;
  readonly memoryKb?: number;
}

/** The family of an address value (IPv6 values are bigints); the one accessor views need. */
export function familyOf(address: Ipv4Address | Ipv6Address): AddressFamily {
  return typeof address === 'bigint' ? 'ipv6' : 'ipv4';
}

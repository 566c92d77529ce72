/**
 * The management layer's views: what a device is and holds, read once from its stack in one
 * OS-neutral vocabulary — the interface table, address lists with RFC 4862 states and remaining
 * lifetimes, route table entries with how they resolve, neighbour cache entries with the RFC 4861
 * section 7.3.2 state names, ARP entries. The dialects (console/ios, linux, windows) turn these
 * into their OS's words and order; nothing here knows an OS.
 * Views are plain readonly data taken at the moment they are asked for (no live objects), with
 * interfaces named by their canonical names. Times are whole seconds remaining; `undefined`
 * lifetime means infinite.
 * Leaves out: per-VRF tables, counters beyond packets and drops, multicast routes.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import type { MacAddress } from '../addr/mac';

export type IpFamily = 'ipv4' | 'ipv6';

/** An address of either family (the family travels beside it). */
export type IpAddress = Ipv4Address | Ipv6Address;

/** What an interface is on the device. */
export type InterfaceRoleKind = 'physical' | 'subinterface' | 'svi' | 'loopback' | 'null';

/** One row of the interface table. */
export interface InterfaceEntry {
  readonly name: string;
  readonly kind: InterfaceRoleKind;
  /** Administratively up (`no shutdown`, `ip link set up`). */
  readonly adminUp: boolean;
  /** The layer below carries (port carrier, or an SVI's VLAN has a forwarding port). */
  readonly lowerLayerUp: boolean;
  /** Line protocol: admin up and the layer below up. */
  readonly lineProtocolUp: boolean;
  readonly mac: MacAddress;
  /** The link MTU (IPv4 and the default for IPv6). */
  readonly mtuBytes: number;
  /** An IPv6-only MTU when set (`ipv6 mtu`), else undefined. */
  readonly ipv6MtuBytes: number | undefined;
  /** Stack interface index (0-based, in creation order); dialects add their OS's offset. */
  readonly index: number;
  /** The 802.1Q VLAN of a subinterface or SVI. */
  readonly vlanId: number | null;
  readonly nativeVlan: boolean;
  /** The text of `description`, kept by management (the stack has no use for it). */
  readonly description: string | undefined;
  readonly ipv6Enabled: boolean;
  readonly counters: { readonly inPackets: number; readonly outPackets: number; readonly drops: number };
}

/** A physical port, whatever runs on it (routed interface or switchport). */
export interface PortEntry {
  readonly name: string;
  readonly mac: MacAddress;
  readonly adminUp: boolean;
  /** The link's view: plugged in and the far end enabled. */
  readonly carrier: boolean;
  /** Admin up and carrier. */
  readonly up: boolean;
  /** 0-based position among the device's ports. */
  readonly index: number;
  readonly counters: { readonly txFrames: number; readonly txBytes: number; readonly rxFrames: number; readonly rxBytes: number; readonly drops: number };
}

/** A learnt MAC address of the bridge. */
export interface MacTableRow {
  readonly vlan: number;
  readonly mac: MacAddress;
  readonly portName: string;
}

export interface Ipv4AddressEntry {
  readonly address: Ipv4Address;
  readonly prefixLength: number;
  readonly secondary: boolean;
}

/** How an IPv6 address came to be on the interface. */
export type Ipv6AddressOriginName = 'static' | 'eui64-static' | 'link-local' | 'slaac' | 'temporary' | 'dhcpv6';

/** RFC 4862 section 5.5.4 states (with RFC 4429 optimistic) and `duplicate` (section 5.4.5). */
export type Ipv6AddressStateName = 'tentative' | 'optimistic' | 'preferred' | 'deprecated' | 'duplicate';

export interface Ipv6AddressEntry {
  readonly address: Ipv6Address;
  readonly prefixLength: number;
  readonly origin: Ipv6AddressOriginName;
  readonly state: Ipv6AddressStateName;
  readonly anycast: boolean;
  /** Remaining valid lifetime of an address learnt with one (SLAAC, temporary, DHCPv6); undefined = infinite or not learnt. */
  readonly validLifetimeS?: number;
  readonly preferredLifetimeS?: number;
  /** Whether the address came with lifetimes (SLAAC, temporary, DHCPv6). */
  readonly dynamic: boolean;
}

/** RFC 4861 section 7.3.2 neighbour states, plus a configured (permanent) entry. */
export type NeighborStateName = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'PERMANENT';

export interface NeighborEntry {
  readonly address: Ipv6Address;
  readonly interfaceName: string;
  readonly linkLayerAddress: MacAddress | null;
  readonly state: NeighborStateName;
  readonly isRouter: boolean;
  /** Whole seconds since the entry last changed state. */
  readonly ageS: number;
}

export interface ArpEntryView {
  readonly address: Ipv4Address;
  readonly interfaceName: string;
  readonly mac: MacAddress | null;
  /** `static` for configured entries; otherwise the resolution state. */
  readonly state: string;
}

/** Where a route came from (the RIB's source names; routing processes add their own). */
export type RouteOrigin = 'connected' | 'local' | 'static' | 'nd' | 'nd-prefix' | (string & Record<never, never>);

/** Why a route in the table is not the one forwarding uses. */
export type RouteStandbyReason = 'not-best' | 'interface-down' | 'next-hop-unresolved' | 'unusable-distance';

/** One route of the routing table (every candidate, installed or not). */
export interface RouteEntry<A = IpAddress> {
  readonly family: IpFamily;
  readonly network: A;
  readonly prefixLength: number;
  readonly origin: RouteOrigin;
  readonly distance: number;
  readonly metric: number;
  /** The configured next hop (null: on-link or exit-interface-only). */
  readonly nextHop: A | null;
  /** The configured exit interface (null: recursive or Null0). */
  readonly interfaceName: string | null;
  readonly discard: boolean;
  readonly installed: boolean;
  readonly standby?: RouteStandbyReason;
  /** The exit interface after recursive resolution (null for Null0 or unresolved). */
  readonly resolvedInterfaceName: string | null;
  /** The neighbour after resolution; null: the destination itself. */
  readonly resolvedNextHop: A | null;
  /** The resolved exit interface's line protocol (a route through a down interface is not used). */
  readonly resolvedInterfaceUp: boolean;
  /** Virtual time the route entered the table, and when it expires (learnt routes). */
  readonly createdNs?: number;
  readonly expiresNs?: number;
}

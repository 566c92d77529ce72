/**
 * A layer-3 interface of a device: a routed physical port, an 802.1Q subinterface
 * (router-on-a-stick, `GigabitEthernet0/0.10`), an SVI (`Vlan10` on an L3 switch, `BVI1` on an
 * access point), a loopback, or Null0. It carries what every protocol module shares: admin
 * state, MTU, MAC, IPv4 addresses, the IPv6 state object the IPv6 module fills, and MAC-level
 * multicast membership (so NDP's solicited-node filtering works: RFC 4861 section 7.2.1 joins
 * the group, RFC 2464 section 7 maps it to 33:33:xx:xx:xx:xx).
 *
 * Modules keep their own per-interface state in typed slots (`getData`/`setData` with a
 * `DataKey`), so a new protocol never edits this file.
 * Leaves out: secondary IPv4 addresses' special ARP behaviours, unnumbered interfaces.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import type { MacAddress } from '../addr/mac';
import type { TimeNs } from '../engine/time';
import type { LinkAdapter } from './link-adapter';
import type { Port } from './port';

export type InterfaceKind = 'physical' | 'subinterface' | 'svi' | 'loopback' | 'null';

/** A typed slot for a module's per-interface (or per-stack) state. Create one per module. */
export class DataKey<T> {
  declare readonly _type: T;
  constructor(readonly name: string) {}
}

/** An IPv4 address configured on an interface (`ip address 192.0.2.1 255.255.255.0`). */
export interface Ipv4InterfaceAddress {
  readonly address: Ipv4Address;
  readonly prefixLength: number;
  /** `ip address … secondary`. */
  readonly secondary: boolean;
}

/** RFC 4862 section 2 address states (plus `duplicate`, which DAD sets; Windows shows it). */
export type Ipv6AddressState = 'tentative' | 'optimistic' | 'preferred' | 'deprecated' | 'duplicate';
/** Where an IPv6 address came from (Windows `netsh … show address` prints these as Type/Origin). */
export type Ipv6AddressOrigin = 'static' | 'link-local' | 'slaac' | 'temporary' | 'dhcpv6' | 'eui64-static';

/** One IPv6 address of an interface. Owned and mutated by the IPv6 module. */
export interface Ipv6InterfaceAddress {
  address: Ipv6Address;
  prefixLength: number;
  state: Ipv6AddressState;
  origin: Ipv6AddressOrigin;
  anycast: boolean;
  /** Remaining lifetimes are computed from these; Infinity for static addresses. */
  validLifetimeS: number;
  preferredLifetimeS: number;
  /** When the lifetimes above were last set. */
  lifetimesSetNs: TimeNs;
}

/**
 * The IPv6 state of an interface. The framework only creates it; the IPv6 module (NDP, DAD,
 * SLAAC, router discovery) owns its contents and may keep more in its own DataKey slots.
 */
export interface Ipv6InterfaceState {
  /** `ipv6 enable`, an IPv6 address configured, or a host with IPv6 on: link-local exists. */
  enabled: boolean;
  readonly addresses: Ipv6InterfaceAddress[];
  /** Multicast groups joined at the IP level (ff02::1, solicited-node …), for `show ipv6 interface`. */
  readonly joinedGroups: Set<Ipv6Address>;
  /** IPv6 MTU when set apart from the link MTU (`ipv6 mtu`); undefined means the interface MTU. */
  mtuBytes: number | undefined;
}

/** What the device wires into an interface: how frames leave, and whether the layer below is up. */
export interface InterfaceBinding {
  /** Sends a complete Ethernet frame (already tagged when the interface is a subinterface). */
  transmitFrame(bytes: Uint8Array): void;
  /** Carrier of the port (parent port for a subinterface; any forwarding port of the VLAN for an SVI). */
  lowerLayerUp(): boolean;
  /** The physical port below, when there is exactly one (physical, subinterface). */
  readonly port: Port | null;
}

export const DEFAULT_MTU_BYTES = 1500;

/** The filter bit of a group MAC: from its last two bytes (the varying part of 33:33:ff:xx:yy:zz). */
function multicastMacBit(mac: MacAddress): number {
  return 1 << ((mac ^ (mac >>> 8)) & 31);
}

export class NetInterface {
  adminUp: boolean;
  mtuBytes = DEFAULT_MTU_BYTES;
  readonly ipv4Addresses: Ipv4InterfaceAddress[] = [];
  readonly ipv6: Ipv6InterfaceState = { enabled: false, addresses: [], joinedGroups: new Set(), mtuBytes: undefined };
  /** For a subinterface: the 802.1Q VLAN it sends and receives (`encapsulation dot1Q 10`); null: untagged. */
  vlanId: number | null = null;
  /** For a subinterface: `encapsulation dot1Q 10 native` (sends and accepts untagged frames). */
  nativeVlan = false;
  /** What carries this interface's IP packets (Ethernet, loopback, Null0, a tunnel); NodeStack.addInterface sets it. */
  adapter!: LinkAdapter;
  /** Reported operational state, kept by NodeStack to detect changes. */
  operUp = false;
  private readonly multicastMacCounts = new Map<MacAddress, number>();
  /**
   * One bit per joined group MAC (bit = a few low bits of the MAC): a frame to a group whose bit
   * is clear is refused without a table lookup. Hosts hear a flood of other hosts' solicited-node
   * groups; nearly all of them stop here.
   */
  private multicastMacBits = 0;
  private readonly data = new Map<DataKey<unknown>, unknown>();
  /** Per-interface counters, for `show interfaces` and checks. */
  readonly counters = { inPackets: 0, outPackets: 0, drops: 0 };

  constructor(
    readonly name: string,
    readonly kind: InterfaceKind,
    /** A small positive number unique on the device: the zone index of `fe80::1%<n>` (RFC 4007). */
    readonly ifIndex: number,
    public mac: MacAddress,
    readonly binding: InterfaceBinding,
    adminUp: boolean,
  ) {
    this.adminUp = adminUp;
  }

  /** Admin up and the layer below up: what `show ip interface brief` calls up/up. */
  computeOperUp(): boolean {
    if (!this.adminUp) return false;
    if (this.kind === 'loopback' || this.kind === 'null') return true;
    return this.binding.lowerLayerUp();
  }

  /** Accepts frames to this group MAC (reference-counted: two modules may join the same group). */
  joinMulticastMac(mac: MacAddress): void {
    this.multicastMacCounts.set(mac, (this.multicastMacCounts.get(mac) ?? 0) + 1);
    this.multicastMacBits |= multicastMacBit(mac);
  }

  leaveMulticastMac(mac: MacAddress): void {
    const count = this.multicastMacCounts.get(mac) ?? 0;
    if (count <= 1) {
      this.multicastMacCounts.delete(mac);
      let bits = 0;
      for (const joined of this.multicastMacCounts.keys()) bits |= multicastMacBit(joined);
      this.multicastMacBits = bits;
    } else this.multicastMacCounts.set(mac, count - 1);
  }

  acceptsMulticastMac(mac: MacAddress): boolean {
    return (this.multicastMacBits & multicastMacBit(mac)) !== 0 && this.multicastMacCounts.has(mac);
  }

  /** Group MACs accepted, for display. */
  multicastMacs(): MacAddress[] {
    return [...this.multicastMacCounts.keys()];
  }

  getData<T>(key: DataKey<T>): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  setData<T>(key: DataKey<T>, value: T): void {
    this.data.set(key, value);
  }

  /** The interface's IPv4 address that covers `address`, if any (the connected subnet). */
  ipv4AddressCovering(address: Ipv4Address): Ipv4InterfaceAddress | undefined {
    for (const entry of this.ipv4Addresses) {
      const mask = entry.prefixLength === 0 ? 0 : (0xffffffff << (32 - entry.prefixLength)) >>> 0;
      if (((entry.address ^ address) & mask) === 0) return entry;
    }
    return undefined;
  }

  /** The primary IPv4 address (the first non-secondary), if any. */
  get primaryIpv4(): Ipv4InterfaceAddress | undefined {
    return this.ipv4Addresses.find((entry) => !entry.secondary) ?? this.ipv4Addresses[0];
  }

  /** The MTU for IPv6 packets (RFC 8200 section 5): `ipv6 mtu` if set, else the interface MTU. */
  get ipv6MtuBytes(): number {
    return this.ipv6.mtuBytes ?? this.mtuBytes;
  }
}

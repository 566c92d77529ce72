/**
 * Addresses of one device: IPv4 (a primary and secondaries per interface) and IPv6 (RFC 4291
 * section 2.5: static, EUI-64 from the MAC per appendix A, typed or automatic link-local per
 * RFC 4862 section 5.3; DAD runs in the IPv6 module, section 5.4), IPv6 on/off per interface,
 * and the address lists with their RFC 4862 section 5.5.4 states and remaining lifetimes.
 * The one place that writes addresses into the stack: every dialect and the builder come here.
 * Leaves out: DHCP leases (no client yet), anycast configuration, IPv4 address conflict detection.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import type { Device } from '../devices/device';
import type { TimeNs } from '../engine/time';
import { IPV6, type Ipv6Layer } from '../stack/ipv6/ipv6-layer';
import { linkLocalAddressFor } from '../stack/ipv6/interface-identifier';
import type { NetInterface } from '../stack/net-interface';
import { remainingLifetimeS } from './address-lifetime';
import type { Ipv4AddressEntry, Ipv6AddressEntry } from './mgmt-views';

/** How a configured IPv6 address is asked for. */
export interface Ipv6AddressRequest {
  readonly address: Ipv6Address;
  readonly prefixLength: number;
  /** `static` typed in full (a typed link-local too), `eui64-static` completed from the MAC, `link-local` formed automatically. */
  readonly origin: 'static' | 'eui64-static' | 'link-local';
  /** Skip DAD (RFC 4862 section 5.4: DupAddrDetectTransmits 0 for this address). */
  readonly noDad?: boolean;
}

export class AddressManagement {
  constructor(private readonly device: Device) {}

  private get ipv6Layer(): Ipv6Layer | undefined {
    return this.device.stack?.find(IPV6);
  }

  /** Whether the device runs IPv6 at all (has the IPv6 module). */
  get hasIpv6(): boolean {
    return this.ipv6Layer !== undefined;
  }

  // ---- IPv4 ----

  /** Adds an IPv4 address; a new primary replaces the old primary (secondaries stay). */
  addIpv4(interfaceName: string, address: Ipv4Address, prefixLength: number, secondary: boolean): boolean {
    const iface = this.device.interface(interfaceName);
    if (iface === undefined || this.device.stack === null) return false;
    this.device.stack.addIpv4Address(iface, { address, prefixLength, secondary });
    return true;
  }

  removeIpv4(interfaceName: string, address: Ipv4Address): boolean {
    const iface = this.device.interface(interfaceName);
    if (iface === undefined || this.device.stack === null) return false;
    if (!iface.ipv4Addresses.some((a) => a.address === address)) return false;
    this.device.stack.removeIpv4Address(iface, address);
    return true;
  }

  /** Every IPv4 address of an interface (primary first). */
  ipv4(interfaceName: string): Ipv4AddressEntry[] {
    const iface = this.device.interface(interfaceName);
    return (iface?.ipv4Addresses ?? []).map((a) => ({ address: a.address, prefixLength: a.prefixLength, secondary: a.secondary }));
  }

  /** The interface's IPv4 address whose subnet covers `address` (the connected subnet), if any. */
  ipv4Covering(interfaceName: string, address: Ipv4Address): Ipv4AddressEntry | undefined {
    const a = this.device.interface(interfaceName)?.ipv4AddressCovering(address);
    return a === undefined ? undefined : { address: a.address, prefixLength: a.prefixLength, secondary: a.secondary };
  }

  /** The primary IPv4 address of an interface (the first one when none is marked primary). */
  primaryIpv4(interfaceName: string): Ipv4AddressEntry | undefined {
    const a = this.device.interface(interfaceName)?.primaryIpv4;
    return a === undefined ? undefined : { address: a.address, prefixLength: a.prefixLength, secondary: a.secondary };
  }

  // ---- IPv6 ----

  /** Adds an IPv6 address (it starts tentative while DAD runs). False when the interface or IPv6 is missing. */
  addIpv6(interfaceName: string, request: Ipv6AddressRequest): boolean {
    const iface = this.device.interface(interfaceName);
    const layer = this.ipv6Layer;
    if (iface === undefined || layer === undefined) return false;
    layer.addAddress(iface, { address: request.address, prefixLength: request.prefixLength, origin: request.origin, ...(request.noDad !== undefined ? { noDad: request.noDad } : {}) });
    return true;
  }

  removeIpv6(interfaceName: string, address: Ipv6Address): boolean {
    const iface = this.device.interface(interfaceName);
    const layer = this.ipv6Layer;
    if (iface === undefined || layer === undefined) return false;
    return layer.removeAddress(iface, address);
  }

  /** `ipv6 enable` / `no ipv6 enable` (the link-local appears or goes with the addresses). */
  setIpv6Enabled(interfaceName: string, on: boolean): void {
    const iface = this.device.interface(interfaceName);
    const layer = this.ipv6Layer;
    if (iface === undefined || layer === undefined) return;
    if (on) layer.enable(iface);
    else layer.disable(iface);
  }

  ipv6Enabled(interfaceName: string): boolean {
    return this.device.interface(interfaceName)?.ipv6.enabled ?? false;
  }

  /** The interface's link-local address, if it has one. */
  linkLocal(interfaceName: string): Ipv6Address | undefined {
    const iface = this.device.interface(interfaceName);
    return iface === undefined ? undefined : this.ipv6Layer?.linkLocalOf(iface)?.address;
  }

  /** The automatic link-local this device's OS would form on an interface (EUI-64 on IOS). */
  automaticLinkLocal(interfaceName: string): Ipv6Address | undefined {
    const iface = this.device.interface(interfaceName);
    const stack = this.device.stack;
    if (iface === undefined || stack === null) return undefined;
    return linkLocalAddressFor(stack.flavour, stack.context.random, iface);
  }

  /** The IPv6 addresses of an interface in the order they were formed, with states and remaining lifetimes. */
  ipv6(interfaceName: string): Ipv6AddressEntry[] {
    const iface = this.device.interface(interfaceName);
    return iface === undefined ? [] : ipv6EntriesOf(iface, this.device.simulator.nowNs);
  }

  /** The IPv6 multicast groups an interface has joined (MLD listener state). */
  ipv6Groups(interfaceName: string): Ipv6Address[] {
    return [...(this.device.interface(interfaceName)?.ipv6.joinedGroups ?? [])];
  }

  /** Whether an address is this device's and usable (preferred or deprecated, RFC 4862 section 5.5.4): packets to it are delivered here. */
  isLocalIpv6(address: Ipv6Address): boolean {
    return this.ipv6Layer?.isLocalAddress(address) ?? false;
  }

  /** Whether an address is one of this device's own (any interface, any state). */
  isOwnIpv6(address: Ipv6Address): boolean {
    return (this.device.stack?.interfaces ?? []).some((i) => i.ipv6.addresses.some((a) => a.address === address));
  }
}

function ipv6EntriesOf(iface: NetInterface, nowNs: TimeNs): Ipv6AddressEntry[] {
  return iface.ipv6.addresses.map((a) => {
    const dynamic = a.origin === 'slaac' || a.origin === 'temporary' || a.origin === 'dhcpv6';
    const valid = dynamic ? remainingLifetimeS(a.validLifetimeS, a.lifetimesSetNs, nowNs) : undefined;
    const preferred = dynamic ? remainingLifetimeS(a.preferredLifetimeS, a.lifetimesSetNs, nowNs) : undefined;
    return {
      address: a.address,
      prefixLength: a.prefixLength,
      origin: a.origin,
      state: a.state,
      anycast: a.anycast,
      dynamic,
      ...(valid !== undefined ? { validLifetimeS: valid } : {}),
      ...(preferred !== undefined ? { preferredLifetimeS: preferred } : {}),
    };
  });
}

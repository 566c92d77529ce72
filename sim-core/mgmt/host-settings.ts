/**
 * Host-side IPv6 settings of one device, shared by both host dialects (Windows `netsh …
 * routerdiscovery=`, `randomizeidentifiers=`, `set privacy`; Linux `accept_ra`, `autoconf`,
 * `addr_gen_mode`, `use_tempaddr`): whether the interface sends Router Solicitations and
 * processes RAs (RFC 4861 section 6.3.4), forms SLAAC addresses (RFC 4862 section 5.5.3) with
 * EUI-64 or stable identifiers (RFC 7217), and temporary addresses (RFC 8981). They go to the
 * interface slot router discovery and SLAAC read (stack/ipv6/host-settings.ts). Also the DNS
 * servers a host knows: configured ones, then those learnt from RAs (RDNSS, RFC 8106) that have
 * not expired.
 * Leaves out: a DHCPv6 client (the M/O flags are read, nothing is asked), DNS search lists.
 */
import type { Ipv4Address } from '../addr/ipv4';
import type { Ipv6Address } from '../addr/ipv6';
import type { Device } from '../devices/device';
import { HOST_IPV6_SETTINGS, type HostIpv6Settings } from '../stack/ipv6/host-settings';
import { ROUTER_DISCOVERY } from '../stack/ipv6/router-discovery';
import { DataKey } from '../stack/net-interface';

export type { HostIpv6Settings } from '../stack/ipv6/host-settings';

/** DNS servers set by configuration, per interface. */
const HOST_DNS_SERVERS = new DataKey<(Ipv4Address | Ipv6Address)[]>('host DNS servers');

export class HostManagement {
  constructor(private readonly device: Device) {}

  /** Records the IPv6 host settings of one interface (router discovery and SLAAC read them as they run). */
  setIpv6Settings(interfaceName: string, settings: HostIpv6Settings): void {
    if (this.device.stack === null) return;
    this.device.interface(interfaceName)?.setData(HOST_IPV6_SETTINGS, settings);
  }

  /** Configured DNS servers of an interface (replacing what was set). */
  setDnsServers(interfaceName: string, servers: readonly (Ipv4Address | Ipv6Address)[]): void {
    this.device.interface(interfaceName)?.setData(HOST_DNS_SERVERS, [...servers]);
  }

  /** The DNS servers of an interface: configured ones first, then RDNSS-learnt ones. */
  dnsServers(interfaceName: string): (Ipv4Address | Ipv6Address)[] {
    const iface = this.device.interface(interfaceName);
    if (iface === undefined) return [];
    const out: (Ipv4Address | Ipv6Address)[] = [...(iface.getData(HOST_DNS_SERVERS) ?? [])];
    for (const s of this.device.stack?.find(ROUTER_DISCOVERY)?.dnsServers(iface) ?? []) if (!out.includes(s)) out.push(s);
    return out;
  }

  /** The Cur Hop Limit the last RA on an interface carried (RFC 4861 section 6.3.4), if any. */
  learnedHopLimit(interfaceName: string): number | undefined {
    const iface = this.device.interface(interfaceName);
    return iface === undefined ? undefined : this.device.stack?.find(ROUTER_DISCOVERY)?.learnedParameters(iface)?.curHopLimit;
  }

  /** Forgets what RAs taught on an interface (SLAAC and temporary addresses, default routers, on-link prefixes). */
  forgetRouterAdvertisements(interfaceName: string): void {
    const iface = this.device.interface(interfaceName);
    if (iface !== undefined) this.device.stack?.find(ROUTER_DISCOVERY)?.forgetInterface(iface);
  }
}

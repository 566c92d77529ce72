/**
 * Host-side IPv6 switches shared by both host dialects (Windows `netsh … routerdiscovery=`,
 * `randomizeidentifiers=`, `set privacy`; Linux `accept_ra`, `autoconf`, `addr_gen_mode`,
 * `use_tempaddr`), written to the interface slot router discovery and SLAAC read
 * (stack/ipv6/host-settings.ts), and the DNS servers a host knows: configured ones, then those
 * learnt from RAs (RDNSS, RFC 8106) that have not expired.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { Device } from '../../devices/device';
import { HOST_IPV6_SETTINGS, type HostIpv6Settings } from '../../stack/ipv6/host-settings';
import { ROUTER_DISCOVERY } from '../../stack/ipv6/router-discovery';
import { DataKey, type NetInterface } from '../../stack/net-interface';

export type { HostIpv6Settings } from '../../stack/ipv6/host-settings';

/** DNS servers set by configuration, per interface. */
export const HOST_DNS_SERVERS = new DataKey<(Ipv4Address | Ipv6Address)[]>('host DNS servers');

/** Records the settings of one interface for router discovery and SLAAC. */
export function applyHostIpv6Settings(device: Device, iface: NetInterface, settings: HostIpv6Settings): void {
  if (device.stack === null) return;
  iface.setData(HOST_IPV6_SETTINGS, settings);
}

/** The DNS servers of an interface: configured ones first, then RDNSS-learnt ones. */
export function dnsServersLearned(device: Device, iface: NetInterface): (Ipv4Address | Ipv6Address)[] {
  const out: (Ipv4Address | Ipv6Address)[] = [...(iface.getData(HOST_DNS_SERVERS) ?? [])];
  for (const s of device.stack?.find(ROUTER_DISCOVERY)?.dnsServers(iface) ?? []) if (!out.includes(s)) out.push(s);
  return out;
}

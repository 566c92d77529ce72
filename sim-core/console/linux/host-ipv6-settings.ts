/**
 * Host-side IPv6 switches shared by both host dialects (Windows `netsh … routerdiscovery=`,
 * `randomizeidentifiers=`, `set privacy`; Linux `accept_ra`, `autoconf`, `addr_gen_mode`,
 * `use_tempaddr`), and the DNS servers a host knows (configured, or learnt by RDNSS, RFC 8106).
 * The settings are kept per interface in a stack slot, where router discovery and SLAAC
 * (stack/ipv6/router-discovery.ts, slaac.ts) can read them.
 * Leaves out: applying the switches inside router discovery and SLAAC (their modules own that;
 * until they read the slot, a change is recorded and printed but does not change behaviour).
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { Device } from '../../devices/device';
import { DataKey, type NetInterface } from '../../stack/net-interface';

export interface HostIpv6Settings {
  /** Linux `accept_ra`, Windows `routerdiscovery`. */
  readonly acceptRouterAdvertisements: boolean;
  /** Linux `autoconf` (SLAAC from PIOs with the A flag). */
  readonly autoconfig: boolean;
  /** Linux `addr_gen_mode` 0 = eui64, 2/3 = stable-privacy; Windows `randomizeidentifiers`. */
  readonly idMode: 'eui64' | 'stable-privacy';
  /** RFC 8981 temporary addresses: Linux `use_tempaddr` 2, Windows `set privacy state=enabled`. */
  readonly temporaryAddresses: boolean;
}

/** The per-interface host settings, in a slot router discovery and SLAAC may read. */
export const HOST_IPV6_SETTINGS = new DataKey<HostIpv6Settings>('host IPv6 settings');

/** DNS servers set by configuration, per interface (resolv.conf `nameserver`, netsh `add dnsservers`). */
export const HOST_DNS_SERVERS = new DataKey<(Ipv4Address | Ipv6Address)[]>('host DNS servers');

/** Records the settings of one interface. */
export function applyHostIpv6Settings(device: Device, iface: NetInterface, settings: HostIpv6Settings): void {
  if (device.stack === null) return;
  iface.setData(HOST_IPV6_SETTINGS, settings);
}

/** The DNS servers of an interface: configured ones first. */
export function dnsServersLearned(_device: Device, iface: NetInterface): (Ipv4Address | Ipv6Address)[] {
  return [...(iface.getData(HOST_DNS_SERVERS) ?? [])];
}

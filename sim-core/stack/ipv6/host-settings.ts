/**
 * Per-interface switches a host's operator sets on its IPv6 autoconfiguration, as the host
 * consoles write them: Windows `netsh interface ipv6 set interface … routerdiscovery=`,
 * `set global randomizeidentifiers=`, `set privacy state=`; Linux `net.ipv6.conf.<if>.accept_ra`,
 * `autoconf`, `addr_gen_mode`, `use_tempaddr`. Router discovery (RFC 4861 section 6.3.7: no RS
 * and RAs ignored when off) and SLAAC (RFC 4862 section 5.5.3, RFC 7217 identifiers, RFC 8981
 * temporary addresses) read them from the interface slot; an interface without the slot keeps
 * its system's defaults (the personality's `slaac`, personality.ts).
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { DataKey } from '../net-interface';
import type { InterfaceIdMode } from './interface-identifier';

export interface HostIpv6Settings {
  /** Linux `accept_ra`, Windows `routerdiscovery`: send RSs and process RAs. */
  readonly acceptRouterAdvertisements: boolean;
  /** Linux `autoconf`: form addresses from Prefix Information options with the A flag. */
  readonly autoconfig: boolean;
  /** Linux `addr_gen_mode` (0/1 EUI-64, 2/3 stable), Windows `randomizeidentifiers`. */
  readonly idMode: InterfaceIdMode;
  /** RFC 8981 temporary addresses: Linux `use_tempaddr` > 0, Windows privacy state. */
  readonly temporaryAddresses: boolean;
  /**
   * Linux: gateways of user default routes with the RA route's metric (1024) on this interface.
   * The RA default route of such a router collides with the user route (fib6_add -EEXIST) and
   * the kernel drops the whole RA ("RA: ndisc_router_discovery failed to add default route").
   */
  readonly raDroppedFrom?: readonly Ipv6Address[];
}

export const HOST_IPV6_SETTINGS = new DataKey<HostIpv6Settings>('host IPv6 settings');

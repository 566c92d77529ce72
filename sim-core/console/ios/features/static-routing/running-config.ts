/**
 * The static routes' lines of an IOS running-config: after the interface blocks and
 * `ip forward-protocol nd`, all `ip route` lines sorted by network then length, a `!`, then all
 * `ipv6 route` lines likewise (IPv6 in upper case as IOS stores it), a `!`. Each line is
 * `ip route <network> <mask> [<interface>] [<next hop>] [<distance>]`, the order IOS prints the
 * parts in, and the text loadIosConfig reads back.
 */
import { formatIpv4 } from '../../../../addr/ipv4';
import type { Ipv6Address } from '../../../../addr/ipv6';
import { ipv4Mask } from '../../../../addr/prefix';
import { formatIosIpv6 } from '../../../output/ios/interfaces';
import type { IosConfig, IosStaticRoute4, IosStaticRoute6 } from '../../ios-config';
import type { RunningConfigSection } from '../ios-feature';

function v6(address: Ipv6Address, length?: number): string {
  return length === undefined ? formatIosIpv6(address) : `${formatIosIpv6(address)}/${length}`;
}

function compareRoutes4(a: IosStaticRoute4, b: IosStaticRoute4): number {
  return a.network - b.network || a.prefixLength - b.prefixLength;
}

function compareRoutes6(a: IosStaticRoute6, b: IosStaticRoute6): number {
  return a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : a.prefixLength - b.prefixLength;
}

export function ipRouteLine(r: IosStaticRoute4): string {
  const parts = ['ip route', formatIpv4(r.network), formatIpv4(ipv4Mask(r.prefixLength))];
  if (r.interfaceName !== undefined) parts.push(r.interfaceName);
  if (r.nextHop !== undefined) parts.push(formatIpv4(r.nextHop));
  if (r.distance !== undefined) parts.push(String(r.distance));
  return parts.join(' ');
}

export function ipv6RouteLine(r: IosStaticRoute6): string {
  const parts = ['ipv6 route', v6(r.prefix, r.prefixLength)];
  if (r.interfaceName !== undefined) parts.push(r.interfaceName);
  if (r.nextHop !== undefined) parts.push(v6(r.nextHop));
  if (r.distance !== undefined) parts.push(String(r.distance));
  return parts.join(' ');
}

export function staticRouteSections(config: IosConfig): RunningConfigSection[] {
  return [
    { place: 'after-interfaces', lines: [...config.ipRoutes].sort(compareRoutes4).map(ipRouteLine) },
    { place: 'after-interfaces', lines: [...config.ipv6Routes].sort(compareRoutes6).map(ipv6RouteLine) },
  ];
}

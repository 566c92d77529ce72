/**
 * Small Linux texts: `cat /etc/resolv.conf` (resolv.conf(5): `search` then one `nameserver`
 * line per server, at most 3 used by glibc but all listed), `sysctl` lines
 * (`net.ipv6.conf.all.forwarding = 0`, the same for `sysctl -w`), and `hostname`.
 */
import type { Ipv4Address } from '../../../addr/ipv4';
import type { Ipv6Address } from '../../../addr/ipv6';
import type { HostInfoView } from '../../views';
import { formatLinuxAddress } from './ip';

/** `/etc/resolv.conf` as a Debian host without systemd-resolved writes it. */
export function formatResolvConf(info: HostInfoView, servers: readonly (Ipv4Address | Ipv6Address)[]): string {
  const lines: string[] = [];
  if (info.dnsSearchList.length > 0) lines.push(`search ${info.dnsSearchList.join(' ')}`);
  for (const s of servers) lines.push(`nameserver ${formatLinuxAddress(s)}`);
  return lines.join('\n');
}

/** One `sysctl` line: `key = value`. */
export function formatSysctl(key: string, value: string | number): string {
  return `${key} = ${value}`;
}

/** `hostname`. */
export function formatLinuxHostname(info: HostInfoView): string {
  return info.hostname;
}

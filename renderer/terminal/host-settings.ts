/**
 * The host settings form's output: the console lines a trainee would type for the same
 * settings (Windows `netsh`, Linux `ip` and `sysctl`), so the configuration stays text and the
 * console is its one way in. Linux changes need root, as on a real server: the lines use sudo. Addresses are checked here first (sim-core/addr parsers) and a bad
 * one is an error for the form, never a line the console would refuse.
 *
 * Leaves out: removing addresses set earlier (the lines add; `show` commands list them), DHCPv4
 * (the lab has no DHCP server yet).
 */
import { parseIpv4 } from '../../sim-core/addr/ipv4';
import { parseIpv4Interface, parseIpv6Interface } from '../../sim-core/addr/prefix';
import { parseIpv6 } from '../../sim-core/addr/ipv6';
import type { DeviceKind } from '../../sim-core/devices/catalog';

export interface HostSettings {
  /** Interface name as the host names it (`Ethernet0`, `eth0`). */
  readonly iface: string;
  /** `192.168.10.11/24`, or '' to leave IPv4 as it is. */
  readonly ipv4Address: string;
  readonly ipv4Gateway: string;
  readonly ipv6Mode: 'automatic' | 'static';
  /** `2001:db8:6803:10::11/64` when static. */
  readonly ipv6Address: string;
  /** `fe80::1` or a global address, '' for none. */
  readonly ipv6Gateway: string;
}

export type HostSettingsError = 'ipv4-address' | 'ipv4-gateway' | 'ipv6-address' | 'ipv6-gateway' | 'not-a-host';

export type HostSettingsResult = { readonly ok: true; readonly lines: readonly string[] } | { readonly ok: false; readonly error: HostSettingsError };

function maskOf(length: number): string {
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (mask >>> shift) & 0xff).join('.');
}

/** The console lines for `settings` on a host of `kind`, or which field is wrong. */
export function hostSettingsLines(kind: DeviceKind, settings: HostSettings): HostSettingsResult {
  if (kind !== 'pc' && kind !== 'server') return { ok: false, error: 'not-a-host' };
  const windows = kind === 'pc';
  const iface = settings.iface;
  const lines: string[] = [];

  const v4 = settings.ipv4Address.trim();
  const v4Gateway = settings.ipv4Gateway.trim();
  if (v4 !== '') {
    const parsed = parseIpv4Interface(v4);
    if (!parsed.ok) return { ok: false, error: 'ipv4-address' };
    if (v4Gateway !== '' && !parseIpv4(v4Gateway).ok) return { ok: false, error: 'ipv4-gateway' };
    const address = v4.split('/')[0]!;
    if (windows) {
      const gateway = v4Gateway === '' ? '' : ` gateway=${v4Gateway}`;
      lines.push(`netsh interface ipv4 set address name="${iface}" source=static address=${address} mask=${maskOf(parsed.value.length)}${gateway}`);
    } else {
      lines.push(`sudo ip address add ${address}/${parsed.value.length} dev ${iface}`);
      if (v4Gateway !== '') lines.push(`sudo ip route add default via ${v4Gateway}`);
    }
  }

  const v6Gateway = settings.ipv6Gateway.trim();
  if (settings.ipv6Mode === 'automatic') {
    // SLAAC and the default router from router advertisements (RFC 4862, RFC 4861 section 6.3.4).
    if (windows) lines.push(`netsh interface ipv6 set interface "${iface}" routerdiscovery=enabled`);
    else lines.push(`sudo sysctl -w net.ipv6.conf.${iface}.accept_ra=1`, `sudo sysctl -w net.ipv6.conf.${iface}.autoconf=1`);
  } else {
    const v6 = settings.ipv6Address.trim();
    if (!parseIpv6Interface(v6).ok) return { ok: false, error: 'ipv6-address' };
    if (v6Gateway !== '' && !parseIpv6(v6Gateway).ok) return { ok: false, error: 'ipv6-gateway' };
    if (windows) {
      lines.push(`netsh interface ipv6 add address "${iface}" ${v6}`);
      if (v6Gateway !== '') lines.push(`netsh interface ipv6 add route ::/0 "${iface}" ${v6Gateway}`);
    } else {
      lines.push(`sudo ip -6 address add ${v6} dev ${iface}`);
      if (v6Gateway !== '') lines.push(`sudo ip -6 route add default via ${v6Gateway} dev ${iface}`);
    }
  }
  return { ok: true, lines };
}

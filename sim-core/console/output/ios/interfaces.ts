/**
 * Cisco IOS interface displays: `show ip interface brief`, `show ipv6 interface brief`,
 * `show ipv6 interface [name]`, `show interfaces [name]`, `show interfaces trunk`.
 *
 * Layouts are measured on real captures (reference os-outputs.md: ntc-templates and genieparser
 * fixtures, IOSv/IOL lab logs): fixed columns, IPv6 in upper case, the classic-IOS trailing space
 * after `link-local address is X` and `subnet is P/len` when no marker follows, and after
 * `line protocol is up`, `DLY 10 usec,`, `0 throttles` in `show interfaces`.
 * Address markers follow IOS: EUI (eui-64), ANY (anycast), CAL (lifetimes), PRE/DEP, TEN
 * (tentative, RFC 4862 section 5.4), DUP (DAD failed, section 5.4.5).
 * Left out: per-interface IPv4 details of `show ip interface`, rates (always 0), serial framing.
 */
import { formatIpv4 } from '../../../addr/ipv4';
import { formatIpv6, type Ipv6Address } from '../../../addr/ipv6';
import { formatMacCisco } from '../../../addr/mac';
import { ipv6PrefixOf } from '../../../addr/prefix';
import { isLinkLocalIpv6 } from '../../../addr/classify';
import { shortInterfaceName } from '../../../devices/interface-names';
import type { InterfaceView, Ipv6AddressView } from '../../views';

/** IPv6 text as IOS prints it: RFC 5952 compression, hex digits in upper case. */
export function formatIosIpv6(address: Ipv6Address): string {
  return formatIpv6(address).toUpperCase();
}

/** IOS status word: `deleted`, `administratively down`, `up`, `down`. */
export function iosInterfaceStatus(view: InterfaceView): string {
  if (view.deleted === true) return 'deleted';
  if (!view.adminUp) return 'administratively down';
  return view.linkUp ? 'up' : 'down';
}

function protocolWord(view: InterfaceView): string {
  return view.lineProtocolUp && view.adminUp && view.deleted !== true ? 'up' : 'down';
}

const IP_BRIEF_HEADER = 'Interface                  IP-Address      OK? Method Status                Protocol';

/** `show ip interface brief`: name 26, address 15, OK? 3, Method 6, Status 21, Protocol. */
export function formatShowIpInterfaceBrief(views: readonly InterfaceView[]): string {
  const rows = views.map((v) => {
    const primary = v.ipv4.find((a) => a.secondary !== true);
    const address = primary === undefined ? 'unassigned' : formatIpv4(primary.address);
    const method = v.ipv4Method ?? (primary === undefined ? 'unset' : 'manual');
    return `${padColumn(v.name, 26)} ${padColumn(address, 15)} YES ${method.padEnd(6)} ${iosInterfaceStatus(v).padEnd(21)} ${protocolWord(v)}`;
  });
  return [IP_BRIEF_HEADER, ...rows].join('\n');
}

/** Pads to width and keeps one space of separation when the text is longer (IOS never truncates names). */
function padColumn(text: string, width: number): string {
  return text.length >= width ? text : text.padEnd(width);
}

function linkLocalOf(view: InterfaceView): Ipv6AddressView | undefined {
  return view.ipv6.find((a) => isLinkLocalIpv6(a.address));
}

function globalsOf(view: InterfaceView): Ipv6AddressView[] {
  return view.ipv6.filter((a) => !isLinkLocalIpv6(a.address));
}

/** `show ipv6 interface brief`: `[status/protocol]` at column 23, addresses indented 4, link-local first. */
export function formatShowIpv6InterfaceBrief(views: readonly InterfaceView[]): string {
  const lines: string[] = [];
  for (const v of views) {
    lines.push(`${v.name.padEnd(22)} [${iosInterfaceStatus(v)}/${protocolWord(v)}]`);
    const linkLocal = linkLocalOf(v);
    if (!v.ipv6Enabled || linkLocal === undefined) {
      lines.push('    unassigned');
      continue;
    }
    for (const a of [linkLocal, ...globalsOf(v)]) lines.push(`    ${formatIosIpv6(a.address)}`);
  }
  return lines.join('\n');
}

function addressMarkers(a: Ipv6AddressView): string[] {
  const marks: string[] = [];
  if (a.origin === 'eui-64' || a.origin === 'slaac') marks.push('EUI');
  if (a.anycast === true) marks.push('ANY');
  const calendar = a.validLifetimeS !== undefined || a.origin === 'slaac' || a.origin === 'dhcpv6';
  if (calendar) marks.push('CAL');
  if (a.state === 'tentative') marks.push('TEN');
  else if (a.state === 'duplicate') marks.push('DUP');
  else if (a.state === 'deprecated') marks.push('DEP');
  else if (calendar) marks.push('PRE');
  return marks;
}

/** `X` then a space then `[A/B]` or nothing: IOS prints `%s %s`, hence the trailing space. */
function withMarkers(text: string, marks: readonly string[]): string {
  return marks.length === 0 ? `${text} ` : `${text} [${marks.join('/')}]`;
}

function formatLifetime(s: number | undefined): string {
  return s === undefined ? 'infinite' : String(s);
}

/** `show ipv6 interface [name]` for the given interfaces (those without IPv6 print nothing). */
export function formatShowIpv6Interface(views: readonly InterfaceView[]): string {
  const blocks: string[] = [];
  for (const v of views) {
    const linkLocal = linkLocalOf(v);
    if (!v.ipv6Enabled || linkLocal === undefined) continue;
    blocks.push(formatOneIpv6Interface(v, linkLocal).join('\n'));
  }
  return blocks.join('\n');
}

function formatOneIpv6Interface(v: InterfaceView, linkLocal: Ipv6AddressView): string[] {
  const lines = [`${v.name} is ${iosInterfaceStatus(v)}, line protocol is ${protocolWord(v)}`];
  const llWord = linkLocal.state === 'duplicate' ? 'stalled' : linkLocal.state === 'tentative' ? 'tentative' : 'enabled';
  const llMarks = linkLocal.state === 'duplicate' ? ['DUP'] : linkLocal.state === 'tentative' ? ['TEN'] : [];
  lines.push(`  IPv6 is ${llWord}, link-local address is ${withMarkers(formatIosIpv6(linkLocal.address), llMarks)}`);
  lines.push('  No Virtual link-local address(es):');
  if (v.nd?.statelessAutoconfig === true) lines.push('  Stateless address autoconfig enabled');
  const globals = globalsOf(v);
  if (globals.length === 0) {
    lines.push('  No global unicast address is configured');
  } else {
    lines.push('  Global unicast address(es):');
    for (const a of globals) {
      const subnet = ipv6PrefixOf(a.address, a.prefixLength);
      const marks = addressMarkers(a);
      lines.push(`    ${formatIosIpv6(a.address)}, subnet is ${withMarkers(`${formatIosIpv6(subnet.network)}/${a.prefixLength}`, marks)}`);
      if (marks.includes('CAL')) {
        lines.push(`      valid lifetime ${formatLifetime(a.validLifetimeS)} preferred lifetime ${formatLifetime(a.preferredLifetimeS)}`);
      }
    }
  }
  lines.push('  Joined group address(es):');
  for (const g of v.ipv6Groups) lines.push(`    ${formatIosIpv6(g)}`);
  lines.push(`  MTU is ${v.ipv6MtuBytes ?? v.mtuBytes} bytes`);
  lines.push('  ICMP error messages limited to one every 100 milliseconds');
  lines.push('  ICMP redirects are enabled');
  lines.push('  ICMP unreachables are sent');
  const nd = v.nd;
  if (nd === undefined) return lines;
  lines.push(nd.dadAttempts > 0 ? `  ND DAD is enabled, number of DAD attempts: ${nd.dadAttempts}` : '  ND DAD is disabled');
  lines.push(`  ND reachable time is ${nd.reachableTimeMs} milliseconds (using ${nd.reachableTimeMs})`);
  if (!nd.sendsRouterAdvertisements && !nd.raSuppressed) {
    lines.push(`  ND NS retransmit interval is ${nd.nsRetransmitMs} milliseconds`);
    return lines;
  }
  lines.push(nd.advertisedReachableTimeMs === 0 ? '  ND advertised reachable time is 0 (unspecified)' : `  ND advertised reachable time is ${nd.advertisedReachableTimeMs} milliseconds`);
  lines.push(nd.advertisedRetransmitMs === 0 ? '  ND advertised retransmit interval is 0 (unspecified)' : `  ND advertised retransmit interval is ${nd.advertisedRetransmitMs} milliseconds`);
  if (nd.raSuppressed) {
    lines.push('  ND RAs are suppressed (periodic)');
  } else {
    lines.push(`  ND router advertisements are sent every ${nd.raIntervalS} seconds`);
    lines.push(`  ND router advertisements live for ${nd.raLifetimeS} seconds`);
  }
  lines.push(`  ND advertised default router preference is ${nd.routerPreference}`);
  lines.push(nd.managedFlag ? '  Hosts use DHCP to obtain routable addresses.' : '  Hosts use stateless autoconfig for addresses.');
  if (nd.otherConfigFlag) lines.push('  Hosts use DHCP to obtain other configuration.');
  return lines;
}

/** IOS elapsed-time text: `00:00:05`, `06:46:59`, `1d21h`, `2w3d`. */
export function formatIosAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  if (days >= 7) return `${Math.floor(days / 7)}w${days % 7}d`;
  if (days >= 1) return `${days}d${Math.floor((s % 86400) / 3600)}h`;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

function lastSeen(s: number | undefined): string {
  return s === undefined ? 'never' : formatIosAge(s);
}

function delayUs(v: InterfaceView): number {
  if (v.kind === 'loopback') return 5000;
  if (v.kind === 'tunnel') return 50000;
  return 10;
}

/** `show interfaces [name]`: the IOSv (iGbE) layout for ports, subinterfaces, SVIs, loopbacks, tunnels. */
export function formatShowInterfaces(views: readonly InterfaceView[]): string {
  return views.map((v) => formatOneInterface(v).join('\n')).join('\n');
}

function formatOneInterface(v: InterfaceView): string[] {
  const c = v.counters;
  const lines = [`${v.name} is ${iosInterfaceStatus(v)}, line protocol is ${protocolWord(v)} `];
  const burnedIn = v.burnedInMac ?? v.mac;
  const bia = burnedIn === undefined ? '0000.0000.0000' : formatMacCisco(burnedIn);
  const mac = v.mac === undefined ? bia : formatMacCisco(v.mac);
  if (v.kind === 'loopback') lines.push('  Hardware is Loopback');
  else if (v.kind === 'tunnel') lines.push('  Hardware is Tunnel');
  else if (v.kind === 'svi') lines.push(`  Hardware is Ethernet SVI, address is ${mac} (bia ${bia})`);
  else lines.push(`  Hardware is iGbE, address is ${mac} (bia ${bia})`);
  if (v.description !== undefined && v.description !== '') lines.push(`  Description: ${v.description}`);
  const primary = v.ipv4.find((a) => a.secondary !== true);
  if (primary !== undefined) lines.push(`  Internet address is ${formatIpv4(primary.address)}/${primary.prefixLength}`);
  lines.push(`  MTU ${v.mtuBytes} bytes, BW ${v.bandwidthKbps} Kbit/sec, DLY ${delayUs(v)} usec, `);
  lines.push('     reliability 255/255, txload 1/255, rxload 1/255');
  if (v.kind === 'sub') {
    lines.push(`  Encapsulation 802.1Q Virtual LAN, Vlan ID  ${v.vlan?.dot1qVlan ?? 1}.`);
    lines.push('  ARP type: ARPA, ARP Timeout 04:00:00');
    lines.push('  Keepalive set (10 sec)');
    lines.push('  Last clearing of "show interface" counters never');
    return lines;
  }
  if (v.kind === 'loopback') lines.push('  Encapsulation LOOPBACK, loopback not set');
  else if (v.kind === 'tunnel') lines.push('  Encapsulation TUNNEL, loopback not set');
  else lines.push('  Encapsulation ARPA, loopback not set');
  if (v.kind === 'svi') lines.push('  Keepalive not supported');
  else if (v.kind === 'tunnel') lines.push('  Keepalive not set');
  else lines.push('  Keepalive set (10 sec)');
  if (v.kind === 'physical') {
    lines.push(v.linkUp && v.adminUp ? '  Full Duplex, 1Gbps, link type is auto, media type is RJ45' : '  Auto Duplex, Auto Speed, link type is auto, media type is RJ45');
    lines.push('  output flow-control is unsupported, input flow-control is unsupported');
  }
  if (v.kind === 'physical' || v.kind === 'svi') lines.push('  ARP type: ARPA, ARP Timeout 04:00:00');
  lines.push(`  Last input ${lastSeen(v.lastInputAgoS)}, output ${lastSeen(v.lastOutputAgoS)}, output hang never`);
  lines.push('  Last clearing of "show interface" counters never');
  lines.push(`  Input queue: 0/75/${c.inDrops}/0 (size/max/drops/flushes); Total output drops: ${c.outDrops}`);
  lines.push('  Queueing strategy: fifo');
  lines.push(v.kind === 'loopback' || v.kind === 'tunnel' ? '  Output queue: 0/0 (size/max)' : '  Output queue: 0/40 (size/max)');
  lines.push('  5 minute input rate 0 bits/sec, 0 packets/sec');
  lines.push('  5 minute output rate 0 bits/sec, 0 packets/sec');
  lines.push(`     ${c.inPackets} packets input, ${c.inBytes} bytes, 0 no buffer`);
  lines.push(`     Received ${c.inBroadcasts ?? 0} broadcasts (${c.inMulticasts ?? 0} IP multicasts)`);
  lines.push('     0 runts, 0 giants, 0 throttles ');
  if (v.kind === 'physical') {
    lines.push(`     ${c.inErrors} input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored`);
    lines.push('     0 watchdog, 0 multicast, 0 pause input');
  } else if (v.kind === 'svi') {
    lines.push(`     ${c.inErrors} input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored`);
  } else {
    lines.push(`     ${c.inErrors} input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort`);
  }
  lines.push(`     ${c.outPackets} packets output, ${c.outBytes} bytes, 0 underruns`);
  if (v.kind === 'svi') lines.push(`     ${c.outErrors} output errors, ${c.interfaceResets ?? 0} interface resets`);
  else lines.push(`     ${c.outErrors} output errors, 0 collisions, ${c.interfaceResets ?? 0} interface resets`);
  lines.push('     0 unknown protocol drops');
  if (v.kind === 'physical') {
    lines.push('     0 babbles, 0 late collision, 0 deferred');
    lines.push('     0 lost carrier, 0 no carrier, 0 pause output');
  }
  lines.push('     0 output buffer failures, 0 output buffers swapped out');
  return lines;
}

/** VLAN list as IOS prints it on trunks: runs collapsed, `1-4094`, `10, 20-22`; `none` when empty. */
export function formatVlanRanges(vlans: readonly number[]): string {
  const sorted = [...new Set(vlans)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'none';
  const parts: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  for (const n of [...sorted.slice(1), Number.NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}-${prev}`);
    start = n;
    prev = n;
  }
  return parts.join(', ');
}

/** `show interfaces trunk`: the four sections (Catalyst layout), trunking ports only; empty when none. */
export function formatShowInterfacesTrunk(views: readonly InterfaceView[]): string {
  const trunks = views.filter((v) => v.vlan?.mode === 'trunk' && v.adminUp && v.lineProtocolUp);
  if (trunks.length === 0) return '';
  const port = (v: InterfaceView) => padColumn(shortInterfaceName(v.name), 12);
  const lines = ['Port        Mode             Encapsulation  Status        Native vlan'];
  for (const v of trunks) lines.push(`${port(v)}${'on'.padEnd(17)}${'802.1q'.padEnd(15)}${'trunking'.padEnd(14)}${v.vlan?.nativeVlan ?? 1}`);
  const section = (title: string, pick: (v: InterfaceView) => readonly number[] | undefined) => {
    lines.push('', `Port        ${title}`);
    for (const v of trunks) lines.push(`${port(v)}${formatVlanRanges(pick(v) ?? [])}`);
  };
  section('Vlans allowed on trunk', (v) => v.vlan?.allowedVlans);
  section('Vlans allowed and active in management domain', (v) => v.vlan?.activeVlans ?? v.vlan?.allowedVlans);
  section('Vlans in spanning tree forwarding state and not pruned', (v) => v.vlan?.forwardingVlans ?? v.vlan?.activeVlans ?? v.vlan?.allowedVlans);
  return lines.join('\n');
}

/**
 * Prints an IOS configuration as `show running-config` does (IOS 15.x / IOSv and Catalyst
 * layout): `Building configuration...`, `Current configuration : N bytes`, `!` separators,
 * `version 15.9`, `hostname`, global IPv6 settings, one block per interface
 * with its non-default settings (`no ip address` and `shutdown` where IOS prints them),
 * the feature modules' sections (features/registry.ts: the VLAN database before the interfaces,
 * `ip route` / `ipv6 route` lines after them), the
 * console and vty lines, `end`. IPv6 addresses are printed
 * in upper case, as IOS stores them.
 * The body (from the first `!` to `end`) is also the text `loadIosConfig` reads back: printing
 * and loading round-trip.
 * Leaves out: the `! Last configuration change at …` comment (there is no wall clock), and
 * platform boilerplate that does nothing here (`boot-start-marker`, `control-plane` …).
 */
import { formatIpv4 } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import { ipv4Mask } from '../../addr/prefix';
import { formatIosIpv6 } from '../output/ios/interfaces';
import { formatVlanRanges } from '../output/ios/interfaces';
import {
  INFINITE_LIFETIME_S,
  interfacesInConfigOrder,
  type IosConfig,
  type IosInterfaceConfig,
  type IosNdPrefixConfig,
} from './ios-config';
import { iosFeatures } from './features/registry';
import type { RunningConfigPlace } from './features/ios-feature';

export const IOS_VERSION = '15.9';

function v6(address: Ipv6Address, length?: number): string {
  return length === undefined ? formatIosIpv6(address) : `${formatIosIpv6(address)}/${length}`;
}

function lifetimeText(s: number): string {
  return s === INFINITE_LIFETIME_S ? 'infinite' : String(s);
}

function ndPrefixLine(p: IosNdPrefixConfig): string {
  const parts = [`ipv6 nd prefix ${v6(p.prefix, p.prefixLength)}`];
  if (p.noAdvertise) parts.push('no-advertise');
  else {
    if (p.validLifetimeS !== undefined && p.preferredLifetimeS !== undefined) parts.push(lifetimeText(p.validLifetimeS), lifetimeText(p.preferredLifetimeS));
    if (p.offLink) parts.push('off-link');
    if (p.noAutoconfig) parts.push('no-autoconfig');
  }
  return parts.join(' ');
}

/** VLAN list as IOS writes it in `switchport trunk allowed vlan` (commas, no spaces). */
export function formatVlanList(vlans: readonly number[]): string {
  return formatVlanRanges(vlans).replace(/, /g, ',');
}

/** The lines of one `interface` block, header included, without the closing `!`. */
export function interfaceConfigLines(config: IosConfig, i: IosInterfaceConfig): string[] {
  const lines = [`interface ${i.name}`];
  const add = (text: string): void => void lines.push(` ${text}`);
  if (i.description !== undefined) add(`description ${i.description}`);
  if (i.mtuBytes !== undefined) add(`mtu ${i.mtuBytes}`);
  if (i.encapsulation !== undefined) add(`encapsulation dot1Q ${i.encapsulation.vlan}${i.encapsulation.native ? ' native' : ''}`);
  const sp = i.switchport;
  if (sp === undefined) {
    if (config.kind === 'l3-switch' && i.role === 'physical') add('no switchport');
    if (i.ipv4.length === 0) {
      // IOS prints `no ip address` on ports, loopbacks and SVIs, not on subinterfaces.
      if (i.role !== 'subinterface') add('no ip address');
    } else {
      for (const a of i.ipv4) add(`ip address ${formatIpv4(a.address)} ${formatIpv4(ipv4Mask(a.prefixLength))}${a.secondary ? ' secondary' : ''}`);
    }
  } else {
    if (sp.accessVlan !== 1) add(`switchport access vlan ${sp.accessVlan}`);
    if (sp.trunkEncapsulationDot1q) add('switchport trunk encapsulation dot1q');
    if (sp.nativeVlan !== 1) add(`switchport trunk native vlan ${sp.nativeVlan}`);
    if (sp.allowedVlans !== undefined) add(`switchport trunk allowed vlan ${sp.allowedVlans.length === 0 ? 'none' : formatVlanList(sp.allowedVlans)}`);
    if (sp.mode !== undefined) add(`switchport mode ${sp.mode}`);
  }
  if (i.shutdown) add('shutdown');
  if (config.kind === 'router' && i.role === 'physical') {
    add(`duplex ${i.duplex}`);
    add(`speed ${i.speed}`);
    add('media-type rj45');
  }
  if (i.ipv6LinkLocal !== undefined) add(`ipv6 address ${v6(i.ipv6LinkLocal)} link-local`);
  if (i.ipv6Autoconfig !== undefined) add(`ipv6 address autoconfig${i.ipv6Autoconfig.default ? ' default' : ''}`);
  for (const a of i.ipv6Addresses) add(`ipv6 address ${v6(a.address, a.prefixLength)}${a.eui64 ? ' eui-64' : ''}`);
  if (i.ipv6Enable) add('ipv6 enable');
  if (i.ipv6MtuBytes !== undefined) add(`ipv6 mtu ${i.ipv6MtuBytes}`);
  const nd = i.nd;
  for (const p of nd.prefixes) add(ndPrefixLine(p));
  if (nd.managedConfigFlag) add('ipv6 nd managed-config-flag');
  if (nd.otherConfigFlag) add('ipv6 nd other-config-flag');
  if (nd.routerPreference !== 'Medium') add(`ipv6 nd router-preference ${nd.routerPreference}`);
  if (nd.raLifetimeS !== undefined) add(`ipv6 nd ra lifetime ${nd.raLifetimeS}`);
  if (nd.raIntervalS !== undefined) add(`ipv6 nd ra interval ${nd.raIntervalS}${nd.raIntervalMinS === undefined ? '' : ` ${nd.raIntervalMinS}`}`);
  for (const d of nd.dnsServers) add(`ipv6 nd ra dns server ${v6(d.address)}${d.lifetimeS === undefined ? '' : ` ${lifetimeText(d.lifetimeS)}`}`);
  if (nd.raSuppress !== 'none') add(`ipv6 nd ra suppress${nd.raSuppress === 'all' ? ' all' : ''}`);
  if (i.portfast) add('spanning-tree portfast');
  return lines;
}

/** The feature modules' sections for one place, each non-empty one closed by `!`. */
function featureSections(config: IosConfig, place: RunningConfigPlace, out: string[]): void {
  for (const feature of iosFeatures()) {
    if (!feature.appliesTo(config.kind)) continue;
    for (const section of feature.runningConfig?.(config) ?? []) if (section.place === place && section.lines.length > 0) out.push(...section.lines, '!');
  }
}

/** The configuration text from the first `!` through `end` (what startup-config holds). */
export function formatConfigBody(config: IosConfig): string {
  const isSwitch = config.kind === 'switch' || config.kind === 'l3-switch';
  const hasIp = config.kind !== 'switch';
  const out: string[] = ['!', `version ${IOS_VERSION}`, 'service timestamps debug datetime msec', 'service timestamps log datetime msec', 'no service password-encryption', '!', `hostname ${config.hostname}`, '!'];
  const global: string[] = [];
  if (config.kind === 'l3-switch' && config.ipRouting) global.push('ip routing');
  if (config.kind === 'router' && !config.ipRouting) global.push('no ip routing');
  if (!config.ipDomainLookup) global.push('no ip domain lookup');
  if (hasIp) global.push('ip cef');
  if (config.ipv6UnicastRouting) global.push('ipv6 unicast-routing');
  if (hasIp) global.push('ipv6 cef');
  if (global.length > 0) out.push(...global, '!');
  if (isSwitch) {
    out.push('spanning-tree mode rapid-pvst', 'spanning-tree extend system-id', '!');
  }
  featureSections(config, 'before-interfaces', out);
  for (const i of interfacesInConfigOrder(config)) out.push(...interfaceConfigLines(config, i), '!');
  if (hasIp) out.push('ip forward-protocol nd', '!');
  featureSections(config, 'after-interfaces', out);
  for (const line of config.lines) out.push(line.header, ...line.commands.map((c) => ` ${c}`));
  out.push('!', 'end');
  return `${out.join('\n')}\n`;
}

/** `show running-config`. */
export function formatShowRunningConfig(config: IosConfig): string {
  const body = formatConfigBody(config);
  return `Building configuration...\n\nCurrent configuration : ${body.length} bytes\n${body}`;
}

/** `show running-config interface X`: the one block, then `end`. */
export function formatShowRunningConfigInterface(config: IosConfig, i: IosInterfaceConfig): string {
  const body = `!\n${interfaceConfigLines(config, i).join('\n')}\nend\n`;
  return `Building configuration...\n\nCurrent configuration : ${body.length - 2} bytes\n${body}`;
}

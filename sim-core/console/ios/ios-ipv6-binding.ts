/**
 * Connects an IOS device's IPv6 configuration to its IPv6 module through the management API
 * (sim-core/mgmt): applies each
 * interface's `ipv6 enable`, link-local, global and EUI-64 addresses (RFC 4291 section 2.5.1 and
 * appendix A; RFC 4862 section 5.3 for the link-local), reads the neighbour caches for
 * `show ipv6 neighbors` (RFC 4861 section 7.3.2 states, as IOS abbreviates them), prints
 * `ipv6 nd …` settings and `ipv6 address autoconfig` go to router discovery (RFC 4861 section
 * 6.2.1, RFC 8106 RDNSS with IOS's default lifetime of three RA intervals), prints
 * `%IPV6_ND-4-DUPLICATE` when DAD finds a duplicate (RFC 4862 section 5.4.5), and, under
 * `debug ipv6 nd`, prints one `ICMPv6-ND:` line per Neighbor Discovery message the device
 * sends or receives (RFC 4861 section 4), read from its ports as they pass.
 * Leaves out: IOS's ND state-transition debug lines (`INCMP -> REACH`), RA contents beyond MTU
 * and prefixes.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { interfaceIdFromMac } from '../../addr/eui64';
import { isMulticastIpv6 } from '../../addr/classify';
import type { MacAddress } from '../../addr/mac';
import { ipv6NetworkPart } from '../../addr/prefix';
import type { DeviceManagement } from '../../mgmt/device-management';
import { DUPLICATE_ADDRESS_REPORT, type ObservedFrame } from '../../mgmt/observation';
import { decodeEthernet, ETHERTYPE_IPV6 } from '../../wire/ethernet';
import { decodeIcmpv6, type Icmpv6Message } from '../../wire/icmpv6';
import { decodeIpv6 } from '../../wire/ipv6';
import { formatIosIpv6 } from '../output/ios/interfaces';
import { formatDuplicateAddressLog } from '../output/ios/log';
import type { NeighborState, NeighborView } from '../views';
import type { IosInterfaceConfig } from './ios-config';
import type { Ipv6ConfigHooks, IosRuntime } from './ios-runtime';

const ICMPV6 = 58;

const STATE_WORDS: Readonly<Record<string, NeighborState>> = {
  INCOMPLETE: 'INCMP',
  REACHABLE: 'REACH',
  STALE: 'STALE',
  DELAY: 'DELAY',
  PROBE: 'PROBE',
  PERMANENT: 'PERMANENT',
};

function isLinkLocal(address: Ipv6Address): boolean {
  return address >> 118n === 0x3fan;
}

/** The addresses the configuration asks for on an interface (EUI-64 ones completed from the MAC). */
function wantedAddresses(i: IosInterfaceConfig, mac: MacAddress): { address: Ipv6Address; prefixLength: number; origin: 'static' | 'eui64-static' }[] {
  return i.ipv6Addresses.map((a) =>
    a.eui64
      ? { address: (ipv6NetworkPart(a.address, 64) | interfaceIdFromMac(mac)) as Ipv6Address, prefixLength: a.prefixLength, origin: 'eui64-static' as const }
      : { address: a.address, prefixLength: a.prefixLength, origin: 'static' as const },
  );
}

function applyInterface(mgmt: DeviceManagement, runtime: IosRuntime, i: IosInterfaceConfig): void {
  const addresses = mgmt.addresses;
  const mac = mgmt.interfaces.entry(i.name)?.mac;
  if (mac === undefined) return;
  const wanted = wantedAddresses(i, mac);
  const on = runtime.ipv6ConfiguredOn(i);
  // Configured addresses no longer wanted go (a typed link-local is origin 'static' too).
  for (const entry of addresses.ipv6(i.name)) {
    if (entry.origin !== 'static' && entry.origin !== 'eui64-static') continue;
    const keep = isLinkLocal(entry.address) ? on && i.ipv6LinkLocal === entry.address : on && wanted.some((w) => w.address === entry.address && w.prefixLength === entry.prefixLength);
    if (!keep) addresses.removeIpv6(i.name, entry.address);
  }
  if (!on) {
    addresses.setIpv6Enabled(i.name, false);
    for (const entry of addresses.ipv6(i.name)) if (entry.origin === 'link-local') addresses.removeIpv6(i.name, entry.address);
    return;
  }
  if (i.ipv6LinkLocal !== undefined && !addresses.ipv6(i.name).some((e) => e.address === i.ipv6LinkLocal)) {
    addresses.addIpv6(i.name, { address: i.ipv6LinkLocal, prefixLength: 64, origin: 'static' });
  }
  for (const w of wanted) {
    if (!addresses.ipv6(i.name).some((e) => e.address === w.address)) addresses.addIpv6(i.name, w);
  }
  addresses.setIpv6Enabled(i.name, i.ipv6Enable);
  // A removed typed link-local leaves the interface without one: form the automatic one again.
  if (addresses.ipv6Enabled(i.name) && addresses.linkLocal(i.name) === undefined) {
    const automatic = addresses.automaticLinkLocal(i.name);
    if (automatic !== undefined) addresses.addIpv6(i.name, { address: automatic, prefixLength: 64, origin: 'link-local' });
  }
}

/** `ipv6 nd …` and `ipv6 address autoconfig` into router discovery (RFC 4861 section 6.2.1 variables). */
function applyRouterAdvertisements(mgmt: DeviceManagement, i: IosInterfaceConfig): void {
  const nd = i.nd;
  const ra = mgmt.routerAdvertisements;
  ra.configure(i.name, {
    suppress: nd.raSuppress !== 'none',
    suppressAll: nd.raSuppress === 'all',
    maxIntervalS: nd.raIntervalS,
    minIntervalS: nd.raIntervalMinS,
    lifetimeS: nd.raLifetimeS,
    managed: nd.managedConfigFlag,
    other: nd.otherConfigFlag,
    preference: nd.routerPreference === 'High' ? 'high' : nd.routerPreference === 'Low' ? 'low' : 'medium',
    prefixes: nd.prefixes.map((p) => ({
      prefix: p.prefix,
      prefixLength: p.prefixLength,
      ...(p.validLifetimeS !== undefined ? { validLifetimeS: p.validLifetimeS } : {}),
      ...(p.preferredLifetimeS !== undefined ? { preferredLifetimeS: p.preferredLifetimeS } : {}),
      noAdvertise: p.noAdvertise,
      noAutoconfig: p.noAutoconfig,
      offLink: p.offLink,
    })),
    dnsServers: nd.dnsServers.map((d) => ({ address: d.address, lifetimeS: d.lifetimeS ?? 3 * (nd.raIntervalS ?? 200) })),
  });
  ra.setAutoconfig(i.name, i.ipv6Autoconfig !== undefined, i.ipv6Autoconfig?.default ?? false);
  ra.refresh(i.name);
}

function neighborsOf(mgmt: DeviceManagement): NeighborView[] {
  return mgmt.neighbors.ipv6().map((n) => ({
    address: n.address,
    ...(n.linkLayerAddress !== null ? { linkLayer: n.linkLayerAddress } : {}),
    state: STATE_WORDS[n.state] ?? 'STALE',
    ...(n.state === 'PERMANENT' ? {} : { ageS: n.ageS }),
    interfaceName: n.interfaceName,
    isRouter: n.isRouter,
  }));
}

function ndDebugLines(message: Icmpv6Message, source: Ipv6Address, destination: Ipv6Address, on: string, outbound: boolean): string[] {
  const a = formatIosIpv6;
  switch (message.kind) {
    case 'neighbor-solicitation': {
      const dad = source === 0n;
      if (outbound) return [`ICMPv6-ND: ${dad ? 'DAD: ' : ''}Sending NS for ${a(message.targetAddress)} on ${on}`];
      return [`ICMPv6-ND: ${dad ? 'DAD: ' : ''}Received NS for ${a(message.targetAddress)} on ${on} from ${a(source)}`];
    }
    case 'neighbor-advertisement':
      if (outbound) return [`ICMPv6-ND: Sending NA for ${a(message.targetAddress)} on ${on}`];
      return [`ICMPv6-ND: Received NA for ${a(message.targetAddress)} on ${on} from ${a(source)}`];
    case 'router-solicitation':
      return outbound ? [`ICMPv6-ND: Sending RS on ${on}`] : [`ICMPv6-ND: Received RS on ${on} from ${a(source)}`];
    case 'router-advertisement': {
      if (!outbound) return [`ICMPv6-ND: Received RA from ${a(source)} on ${on}`];
      const lines = [`ICMPv6-ND: Request to send RA for ${a(source)}`, `ICMPv6-ND: Setup RA from ${a(source)} to ${a(destination)} on ${on}`];
      for (const option of message.options) {
        if (option.kind === 'mtu') lines.push(`ICMPv6-ND:     MTU = ${option.mtu}`);
        if (option.kind === 'prefix-information') {
          const flags = [option.onLink ? 'onlink' : '', option.autonomous ? 'autoconfig' : ''].filter((f) => f !== '').join(' ');
          lines.push(`ICMPv6-ND:     prefix = ${a(option.prefix)}/${option.prefixLength} ${flags}`.trimEnd());
          lines.push(`ICMPv6-ND:         ${option.validLifetimeS}/${option.preferredLifetimeS} (valid/preferred)`);
        }
      }
      return lines;
    }
    default:
      return [];
  }
}

/** Decodes one tapped frame; returns the debug lines for it (none when it is not ND for this device). */
function debugLinesFor(mgmt: DeviceManagement, frame: ObservedFrame): string[] {
  const ethernet = decodeEthernet(frame.bytes);
  if (!ethernet.ok || ethernet.value.etherType !== ETHERTYPE_IPV6) return [];
  const packet = decodeIpv6(ethernet.value.payload);
  if (!packet.ok || packet.value.nextHeader !== ICMPV6) return [];
  const p = packet.value;
  const outbound = frame.direction === 'outbound';
  if (outbound && ethernet.value.source !== frame.portMac && ethernet.value.source !== mgmt.observation.baseMac) return [];
  // Inbound: only what is addressed to this device (multicast it listens to, or its own addresses).
  if (!outbound && !isMulticastIpv6(p.destination) && !mgmt.addresses.isLocalIpv6(p.destination)) return [];
  const message = decodeIcmpv6(p.payload, { family: 6, source: p.source, destination: p.destination }, { verifyChecksum: false });
  if (!message.ok) return [];
  return ndDebugLines(message.value, p.source, p.destination, mgmt.observation.interfaceNameForFrame(frame.portName, ethernet.value.vlanTags[0]?.vid), outbound);
}

/** Installs the IPv6 hooks on a runtime whose device has the IPv6 module; no-op otherwise. */
export function installIpv6Binding(runtime: IosRuntime): void {
  const mgmt = runtime.mgmt;
  if (!mgmt.addresses.hasIpv6) return;
  const hooks: Ipv6ConfigHooks = {
    applyInterface: (rt, i) => {
      applyInterface(mgmt, rt, i);
      if (mgmt.routerAdvertisements.available) applyRouterAdvertisements(mgmt, i);
    },
    applyUnicastRouting: () => mgmt.routerAdvertisements.refresh(),
    neighbors: () => neighborsOf(mgmt),
    clearNeighbors: () => mgmt.neighbors.clearIpv6(),
  };
  runtime.ipv6Hooks = hooks;
  mgmt.observation.onReport((event) => {
    if (event.kind !== DUPLICATE_ADDRESS_REPORT || event.ipv6Address === undefined || event.interfaceName === undefined) return;
    runtime.printLine(formatDuplicateAddressLog(runtime.uptimeNs, event.ipv6Address, event.interfaceName));
  });
  let untap: (() => void) | undefined;
  runtime.onDebugChange(() => {
    untap?.();
    untap = undefined;
    if (!runtime.debug.ipv6Nd) return;
    untap = mgmt.observation.tapPorts((frame) => {
      for (const line of debugLinesFor(mgmt, frame)) runtime.debugLine(line);
    });
  });
}

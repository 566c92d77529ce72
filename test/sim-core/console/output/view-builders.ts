/**
 * Test helpers that build views from text: addresses parsed with the addr layer, interfaces with
 * defaults a real device would have (admin up, link up, MTU 1500, no addresses), and the course's
 * address plan (2001:db8:6803:10::/64 LAN, 2001:db8:6800:ff00::/127 links).
 */
import { readFileSync } from 'node:fs';
import { parseIpv4, type Ipv4Address } from '../../../../sim-core/addr/ipv4';
import { parseIpv6, type Ipv6Address } from '../../../../sim-core/addr/ipv6';
import { parseMac, type MacAddress } from '../../../../sim-core/addr/mac';
import { parseIpv4Prefix, parseIpv6Prefix, type Ipv4Prefix, type Ipv6Prefix } from '../../../../sim-core/addr/prefix';
import type { InterfaceCountersView, InterfaceView, Ipv6AddressView, NdSettingsView } from '../../../../sim-core/console/views';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export const v6 = (text: string): Ipv6Address => unwrap(parseIpv6(text));
export const v4 = (text: string): Ipv4Address => unwrap(parseIpv4(text));
export const mac = (text: string): MacAddress => unwrap(parseMac(text));
export const p6 = (text: string): Ipv6Prefix => unwrap(parseIpv6Prefix(text));
export const p4 = (text: string): Ipv4Prefix => unwrap(parseIpv4Prefix(text));
/** A prefix record as given, host bits and all (sanitized captures have such prefixes). */
export const rawP6 = (address: string, length: number): Ipv6Prefix => ({ family: 'ipv6', network: v6(address), length });

export const ZERO_COUNTERS: InterfaceCountersView = { inPackets: 0, inBytes: 0, outPackets: 0, outBytes: 0, inErrors: 0, outErrors: 0, inDrops: 0, outDrops: 0 };

export function iface(name: string, extra: Partial<InterfaceView> = {}): InterfaceView {
  return {
    name,
    kind: 'physical',
    adminUp: true,
    linkUp: true,
    lineProtocolUp: true,
    mtuBytes: 1500,
    bandwidthKbps: 1_000_000,
    ipv4: [],
    ipv6Enabled: false,
    ipv6: [],
    ipv6Groups: [],
    counters: ZERO_COUNTERS,
    ifIndex: 1,
    ...extra,
  };
}

/** An IPv6 address view: `addr6('2001:db8::1/64', 'static')`. */
export function addr6(text: string, origin: Ipv6AddressView['origin'], extra: Partial<Ipv6AddressView> = {}): Ipv6AddressView {
  const [address = '', length = '64'] = text.split('/');
  return { address: v6(address), prefixLength: Number(length), origin, state: 'preferred', ...extra };
}

export const ROUTER_ND: NdSettingsView = {
  dadAttempts: 1,
  reachableTimeMs: 30000,
  nsRetransmitMs: 1000,
  advertisedReachableTimeMs: 0,
  advertisedRetransmitMs: 0,
  sendsRouterAdvertisements: true,
  raSuppressed: false,
  raIntervalS: 200,
  raLifetimeS: 1800,
  routerPreference: 'Medium',
  managedFlag: false,
  otherConfigFlag: false,
  advertisedPrefixes: [],
  statelessAutoconfig: false,
};

/** Expected text from test/fixtures/os-outputs/<os>/<name>, without the file's final newline. */
export function fixture(os: 'ios' | 'windows' | 'linux', name: string): string {
  return readFileSync(new URL(`../../../fixtures/os-outputs/${os}/${name}`, import.meta.url), 'utf8').replace(/\n$/, '');
}

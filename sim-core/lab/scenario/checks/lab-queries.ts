/**
 * What the check kinds ask of a running lab, in one place: resolving a device or
 * `DEVICE:INTERFACE` as a person wrote it, the addresses of an interface (both families), which
 * device owns an address (to name the routers a traceroute went through), a device's own
 * address for a family (a ping to "SRV1"), running virtual time until a probe finishes, and the
 * short address lists explanations quote. Reads only; nothing here changes the network.
 */
import { formatIpv4, parseIpv4, type Ipv4Address } from '../../../addr/ipv4';
import { formatIpv6, parseIpv6, type Ipv6Address } from '../../../addr/ipv6';
import { isLinkLocalIpv6 } from '../../../addr/classify';
import { parseIpv4Interface } from '../../../addr/prefix';
import type { Device } from '../../../devices/device';
import { resolveInterfaceName } from '../../../devices/interface-names';
import { NS_PER_S } from '../../../engine/time';
import type { Ipv6AddressSnapshot } from '../../../stack/ipv6/ipv6-layer';
import type { NetInterface } from '../../../stack/net-interface';
import type { IpAddress } from '../../../stack/apps/probe-transport';
import type { LabSession } from '../../lab-session';
import type { Family } from './check-fields';

export type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface LiveInterface {
  readonly device: Device;
  readonly iface: NetInterface;
  /** `PC1 Ethernet0` */
  readonly label: string;
}

export function findLiveDevice(session: LabSession, name: string): Found<Device> {
  const resolved = session.resolveDeviceName(name);
  if (!resolved.ok) return resolved;
  return { ok: true, value: session.network.device(resolved.value) };
}

/** The layer-3 interface at `R1:g0/0`; a logical interface the config has not created is an error. */
export function findLiveInterface(session: LabSession, endpoint: string): Found<LiveInterface> {
  const colon = endpoint.indexOf(':');
  if (colon <= 0) return { ok: false, error: `'${endpoint}' is not DEVICE:INTERFACE` };
  const device = findLiveDevice(session, endpoint.slice(0, colon));
  if (!device.ok) return device;
  const resolved = resolveInterfaceName(device.value.kind, endpoint.slice(colon + 1), device.value.name);
  if (!resolved.ok) return resolved;
  const iface = device.value.interface(resolved.value.name);
  if (iface === undefined) return { ok: false, error: `${device.value.name} has no interface ${resolved.value.name} (not configured)` };
  return { ok: true, value: { device: device.value, iface, label: `${device.value.name} ${iface.name}` } };
}

/** The IPv6 addresses of an interface (state, origin, lifetimes), link-local first. */
export function ipv6AddressesOf(live: LiveInterface): Ipv6AddressSnapshot[] {
  return live.device.ipv6?.addresses(live.iface) ?? [];
}

export interface Ipv4AddressEntry {
  readonly address: Ipv4Address;
  readonly prefixLength: number;
}

export function ipv4AddressesOf(live: LiveInterface): Ipv4AddressEntry[] {
  return live.iface.ipv4Addresses.map((entry) => ({ address: entry.address, prefixLength: entry.prefixLength }));
}

export function familyOf(address: IpAddress): Family {
  return typeof address === 'bigint' ? 'ipv6' : 'ipv4';
}

export function formatAddress(address: IpAddress): string {
  return typeof address === 'bigint' ? formatIpv6(address as Ipv6Address) : formatIpv4(address as Ipv4Address);
}

export function parseAddress(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text.trim());
  if (v4.ok) return v4.value;
  const v6 = parseIpv6(text.trim());
  return v6.ok ? v6.value : undefined;
}

/**
 * The device and interface holding an address (any state), or undefined. Link-local addresses
 * repeat from link to link (every gateway may be fe80::1): one held by several devices names none.
 */
export function ownerOfAddress(session: LabSession, address: IpAddress): { readonly device: string; readonly iface: string } | undefined {
  const owners: { device: string; iface: string }[] = [];
  for (const device of session.network.allDevices()) {
    for (const iface of device.stack?.interfaces ?? []) {
      const holds = typeof address === 'bigint' ? iface.ipv6.addresses.some((entry) => entry.address === address) : iface.ipv4Addresses.some((entry) => entry.address === address);
      if (holds) owners.push({ device: device.name, iface: iface.name });
    }
  }
  return owners.length === 1 ? owners[0] : undefined;
}

/**
 * The address a person means by "ping SRV1 over IPv6": the device's first preferred global
 * address that is not temporary (static before SLAAC), else any global one; for IPv4 its first
 * address. With an interface (`SRV1:eth0`) only that interface is searched.
 */
export function addressOfTarget(session: LabSession, target: string, family: Family): Found<IpAddress> {
  const direct = parseAddress(target);
  if (direct !== undefined) return { ok: true, value: direct };
  let interfaces: LiveInterface[];
  if (target.includes(':')) {
    const live = findLiveInterface(session, target);
    if (!live.ok) return live;
    interfaces = [live.value];
  } else {
    const device = findLiveDevice(session, target);
    if (!device.ok) return device;
    interfaces = (device.value.stack?.interfaces ?? []).map((iface) => ({ device: device.value, iface, label: `${device.value.name} ${iface.name}` }));
  }
  if (family === 'ipv4') {
    for (const live of interfaces) {
      const first = live.iface.ipv4Addresses[0];
      if (first !== undefined) return { ok: true, value: first.address };
    }
    return { ok: false, error: `${target} has no IPv4 address` };
  }
  const candidates = interfaces.flatMap((live) => ipv6AddressesOf(live).filter((entry) => !isLinkLocalIpv6(entry.address) && !entry.anycast));
  const rank = (entry: Ipv6AddressSnapshot): number =>
    (entry.state === 'preferred' ? 0 : 10) + (entry.origin === 'static' || entry.origin === 'eui64-static' ? 0 : entry.origin === 'temporary' ? 2 : 1);
  const best = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  if (best === undefined) return { ok: false, error: `${target} has no global IPv6 address` };
  return { ok: true, value: best.address };
}

/** Longest virtual time one check may run (a ping or traceroute that gets no answers). */
export const CHECK_TIME_LIMIT_NS = 120 * NS_PER_S;

/** Runs virtual time until `isDone()` (checked after each step) or the limit; true when done. */
export function runUntilDone(session: LabSession, isDone: () => boolean, limitNs = CHECK_TIME_LIMIT_NS): boolean {
  const deadline = session.nowNs + limitNs;
  const stepNs = NS_PER_S / 10;
  while (!isDone() && session.nowNs < deadline) {
    const result = session.runUntil(Math.min(deadline, session.nowNs + stepNs));
    if (result.status === 'budget-exhausted') break;
  }
  return isDone();
}

/** `2001:db8::1/64 (static, preferred)` */
export function formatIpv6Entry(entry: Ipv6AddressSnapshot): string {
  return `${formatIpv6(entry.address)}/${entry.prefixLength}`;
}

/** At most `max` items, then `…`. */
export function listShort(items: readonly string[], max = 4): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', ');
}

/** `192.0.2.1/24` as the interface summaries print IPv4 addresses. */
export function parseIpv4Entry(text: string): Ipv4AddressEntry | undefined {
  const parsed = parseIpv4Interface(text);
  return parsed.ok ? { address: parsed.value.address, prefixLength: parsed.value.length } : undefined;
}

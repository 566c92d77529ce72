/**
 * Helpers for the IPv6 behaviour tests: address text, topologies built through the programmatic
 * API, an ICMPv6 echo helper (standing in for ping), and decoders that turn captured frames into
 * the fields the tests assert (so the tests check real frames on the wire).
 */
import { formatIpv6, parseIpv6, type Ipv6Address } from '../../../../sim-core/addr/ipv6';
import { msToNs } from '../../../../sim-core/engine/time';
import type { TappedFrame } from '../../../../sim-core/stack/port';
import { Network } from '../../../../sim-core/sim/network';
import type { DeviceKind } from '../../../../sim-core/devices/catalog';
import { decodeEthernet } from '../../../../sim-core/wire/ethernet';
import { decodeIcmpv6, ICMPV6_PROTOCOL, type Icmpv6Message } from '../../../../sim-core/wire/icmpv6';
import { decodeIpv6, type Ipv6Packet } from '../../../../sim-core/wire/ipv6';
import { walkIpv6Headers, type Ipv6ExtensionHeader } from '../../../../sim-core/wire/ipv6-extension-headers';

export function v6(text: string): Ipv6Address {
  const parsed = parseIpv6(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const text = formatIpv6;

/** A decoded IPv6 frame: Ethernet addresses, the IPv6 header, its extension headers, and the ICMPv6 message if any. */
export interface Ipv6Frame {
  readonly timeNs: number;
  readonly direction: TappedFrame['direction'];
  readonly ethernetDestination: number;
  readonly ethernetSource: number;
  readonly ipv6: Ipv6Packet;
  readonly extensionHeaders: readonly Ipv6ExtensionHeader[];
  readonly icmpv6?: Icmpv6Message;
  readonly bytes: Uint8Array;
}

/** Decodes the IPv6 frames of a capture (other EtherTypes are left out); ICMPv6 checksums are verified. */
export function ipv6Frames(frames: readonly TappedFrame[]): Ipv6Frame[] {
  const out: Ipv6Frame[] = [];
  for (const frame of frames) {
    const ethernet = decodeEthernet(frame.bytes);
    if (!ethernet.ok || ethernet.value.etherType !== 0x86dd) continue;
    const ipv6 = decodeIpv6(ethernet.value.payload);
    if (!ipv6.ok) throw new Error(`bad IPv6 frame on the wire: ${ipv6.error.message}`);
    const chain = walkIpv6Headers(ipv6.value);
    if (!chain.ok) throw new Error(chain.error.message);
    let icmpv6: Icmpv6Message | undefined;
    if (chain.value.upperLayer === ICMPV6_PROTOCOL && !chain.value.fragmented) {
      const decoded = decodeIcmpv6(chain.value.upperLayerBytes, { family: 6, source: ipv6.value.source, destination: ipv6.value.destination });
      if (!decoded.ok) throw new Error(`bad ICMPv6 on the wire: ${decoded.error.message}`);
      icmpv6 = decoded.value;
    }
    out.push({
      timeNs: frame.timeNs,
      direction: frame.direction,
      ethernetDestination: ethernet.value.destination,
      ethernetSource: ethernet.value.source,
      ipv6: ipv6.value,
      extensionHeaders: chain.value.headers,
      icmpv6,
      bytes: frame.bytes,
    });
  }
  return out;
}

export interface LanSpec {
  readonly seed?: number;
  /** name → kind; each host's one interface is cabled to SW1 in order. */
  readonly hosts: Readonly<Record<string, DeviceKind>>;
}

/** Hosts on one switch (SW1), routers' first port up; nothing configured beyond that. */
export function buildLan(spec: LanSpec): Network {
  const net = new Network({ seed: spec.seed ?? 1 });
  net.addDevice('switch', 'SW1');
  let port = 1;
  for (const [name, kind] of Object.entries(spec.hosts)) {
    net.addDevice(kind, name);
    const endpoint = firstInterface(name, kind);
    net.connect(endpoint, `SW1:Gi1/0/${port++}`);
    if (kind === 'router') net.setUp(endpoint, true);
  }
  return net;
}

export function firstInterface(name: string, kind: DeviceKind): string {
  return kind === 'pc' ? `${name}:Ethernet0` : kind === 'server' ? `${name}:eth0` : `${name}:GigabitEthernet0/0`;
}

/**
 * PC1 (Windows) — R1 — R2 — SRV1 (Linux) with static routes both ways: 2001:db8:1::/64,
 * 2001:db8:12::/64 (the R1-R2 link, `middleMtuBytes` on both ends), 2001:db8:2::/64.
 */
export function buildChain(options: { readonly seed?: number; readonly middleMtuBytes?: number } = {}): Network {
  const net = new Network({ seed: options.seed ?? 1 });
  net.addDevice('pc', 'PC1');
  net.addDevice('router', 'R1');
  net.addDevice('router', 'R2');
  net.addDevice('server', 'SRV1');
  net.connect('PC1:Ethernet0', 'R1:g0/0');
  net.connect('R1:g0/1', 'R2:g0/1', options.middleMtuBytes === undefined ? {} : { mtuBytes: options.middleMtuBytes });
  net.connect('R2:g0/0', 'SRV1:eth0');
  for (const endpoint of ['R1:g0/0', 'R1:g0/1', 'R2:g0/0', 'R2:g0/1']) net.setUp(endpoint, true);
  net.setIpv6Routing('R1', true);
  net.setIpv6Routing('R2', true);
  net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::10/64');
  net.addIpv6Address('R1:g0/0', '2001:db8:1::1/64');
  net.addIpv6Address('R1:g0/1', '2001:db8:12::1/64');
  net.addIpv6Address('R2:g0/1', '2001:db8:12::2/64');
  net.addIpv6Address('R2:g0/0', '2001:db8:2::1/64');
  net.addIpv6Address('SRV1:eth0', '2001:db8:2::10/64');
  net.addIpv6Route('PC1', '::/0', { nextHop: '2001:db8:1::1' });
  net.addIpv6Route('SRV1', '::/0', { nextHop: '2001:db8:2::1' });
  net.addIpv6Route('R1', '2001:db8:2::/64', { nextHop: '2001:db8:12::2' });
  net.addIpv6Route('R2', '2001:db8:1::/64', { nextHop: '2001:db8:12::1' });
  net.runFor(msToNs(3000)); // DAD (up to 1 s delay + 1 s) on every address
  return net;
}

export interface Echo6Message {
  readonly kind: Icmpv6Message['kind'];
  readonly code: number;
  readonly from: string;
  readonly hopLimit: number;
  /** Packet Too Big: the MTU. */
  readonly mtu?: number;
}

/** Sends `count` echo requests from `device` one second apart; returns the replies and errors that came back. */
export function echo6(
  net: Network,
  device: string,
  destination: string,
  options: { readonly count?: number; readonly size?: number; readonly hopLimit?: number; readonly iface?: string; readonly waitMs?: number } = {},
): Echo6Message[] {
  const d = net.device(device);
  const identifier = 0x6006;
  const messages: Echo6Message[] = [];
  const off = d.icmpv6!.addListener((message, datagram) => {
    if (message.kind === 'echo-reply' && message.identifier !== identifier) return;
    if (message.kind === 'echo-request' || message.kind === 'neighbor-solicitation' || message.kind === 'neighbor-advertisement') return;
    if (message.kind === 'router-advertisement' || message.kind === 'router-solicitation') return;
    messages.push({ kind: message.kind, code: message.code, from: formatIpv6(datagram.source), hopLimit: datagram.hopLimit, ...(message.kind === 'packet-too-big' ? { mtu: message.mtu } : {}) });
  });
  const count = options.count ?? 1;
  const iface = options.iface === undefined ? undefined : net.interfaceAt(`${device}:${options.iface}`);
  for (let sequence = 0; sequence < count; sequence++) {
    d.icmpv6!.send({
      destination: v6(destination),
      iface,
      hopLimit: options.hopLimit,
      message: { kind: 'echo-request', code: 0, identifier, sequenceNumber: sequence, payload: new Uint8Array(options.size ?? 32).fill(0xab) },
    });
    net.runFor(msToNs(sequence === count - 1 ? (options.waitMs ?? 2000) : 1000));
  }
  off();
  return messages;
}

/**
 * A tiny builder for test topologies: devices, cables and addresses in a few lines, plus an
 * ICMP echo helper that stands in for the ping module (which is built separately).
 */
import { formatIpv4, parseIpv4, type Ipv4Address } from '../../../sim-core/addr/ipv4';
import { msToNs } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import type { DeviceKind } from '../../../sim-core/devices/catalog';
import { IP_PROTOCOL_ICMP } from '../../../sim-core/wire/ipv4';
import { encodeIcmpv4, type Icmpv4Message } from '../../../sim-core/wire/icmpv4';

export function ip(text: string): Ipv4Address {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export interface TopologySpec {
  readonly seed?: number;
  readonly devices: Readonly<Record<string, DeviceKind>>;
  /** Pairs of endpoints to cable. */
  readonly links?: readonly (readonly [string, string])[];
  /** endpoint → address/len; the interface is brought up. */
  readonly addresses?: Readonly<Record<string, string>>;
  /** host → gateway. */
  readonly gateways?: Readonly<Record<string, string>>;
}

export function buildTopology(spec: TopologySpec): Network {
  const net = new Network({ seed: spec.seed ?? 1 });
  for (const [name, kind] of Object.entries(spec.devices)) net.addDevice(kind, name);
  for (const [a, b] of spec.links ?? []) net.connect(a, b);
  for (const [endpoint, address] of Object.entries(spec.addresses ?? {})) {
    net.setUp(endpoint, true);
    net.addIpv4Address(endpoint, address);
  }
  for (const [host, gateway] of Object.entries(spec.gateways ?? {})) net.setDefaultGateway(host, gateway);
  return net;
}

/**
 * PC1 (Windows) — R1 — R2 — SRV1 (Linux) with static routes both ways: 192.0.2.0/24 on the PC's
 * side, 10.0.12.0/30 between the routers, 198.51.100.0/24 on the server's side. Not run yet.
 */
export function buildIpv4Chain(seed = 1): Network {
  const net = buildTopology({
    seed,
    devices: { PC1: 'pc', R1: 'router', R2: 'router', SRV1: 'server' },
    links: [
      ['PC1:Ethernet0', 'R1:g0/0'],
      ['R1:g0/1', 'R2:g0/1'],
      ['R2:g0/0', 'SRV1:eth0'],
    ],
    addresses: {
      'PC1:Ethernet0': '192.0.2.10/24',
      'R1:g0/0': '192.0.2.1/24',
      'R1:g0/1': '10.0.12.1/30',
      'R2:g0/1': '10.0.12.2/30',
      'R2:g0/0': '198.51.100.1/24',
      'SRV1:eth0': '198.51.100.10/24',
    },
    gateways: { PC1: '192.0.2.1', SRV1: '198.51.100.1' },
  });
  net.addIpv4Route('R1', '198.51.100.0/24', { nextHop: '10.0.12.2' });
  net.addIpv4Route('R2', '192.0.2.0/24', { nextHop: '10.0.12.1' });
  return net;
}

export interface EchoOutcome {
  /** Replies and errors received for this identifier, in order. */
  readonly messages: { readonly kind: Icmpv4Message['kind']; readonly code: number; readonly from: string; readonly ttl: number }[];
}

/**
 * Sends `count` echo requests from `device` to `destination` one second apart and runs the
 * network until `waitMs` after the last; returns what came back.
 */
export function echo(net: Network, device: string, destination: string, options: { count?: number; ttl?: number; size?: number; dontFragment?: boolean; waitMs?: number } = {}): EchoOutcome {
  const d = net.device(device);
  const identifier = 0x1234;
  const messages: EchoOutcome['messages'][number][] = [];
  const off = d.icmpv4!.addListener((message, packet) => {
    if (message.kind === 'echo-reply' && message.identifier !== identifier) return;
    if (message.kind === 'echo-request') return;
    messages.push({ kind: message.kind, code: message.code, from: formatIpv4(packet.source), ttl: packet.timeToLive });
  });
  const count = options.count ?? 1;
  for (let sequence = 0; sequence < count; sequence++) {
    d.ipv4!.send({
      destination: ip(destination),
      protocol: IP_PROTOCOL_ICMP,
      timeToLive: options.ttl,
      dontFragment: options.dontFragment,
      payload: encodeIcmpv4({ kind: 'echo-request', code: 0, identifier, sequenceNumber: sequence, payload: new Uint8Array(options.size ?? 32) }),
    });
    net.runFor(msToNs(sequence === count - 1 ? (options.waitMs ?? 2000) : 1000));
  }
  off();
  return { messages };
}

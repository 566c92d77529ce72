/**
 * Neighbor Discovery on the wire (RFC 4861 sections 4.3-4.4, 7.1-7.2): validates and handles
 * Neighbor Solicitations and Advertisements, answers solicitations for the interface's own
 * addresses, and sends the solicitations the neighbour cache (address resolution, NUD probes)
 * and DAD ask for. The states and timers live in neighbor-cache.ts and
 * duplicate-address-detection.ts; this file turns them into frames and back.
 *
 * Sent as real systems send them: every ND message with Hop Limit 255 (section 7.1); address
 * resolution NS to the target's solicited-node group with a Source Link-Layer Address option,
 * from the source of the packet that prompted it when that is ours, else the selected source
 * (section 7.2.2); NUD probes unicast to the cached MAC; DAD NS from :: with no option (RFC 4862
 * section 5.4.2); a solicited NA unicast back with S=1, O=1 (O=0 for anycast), R when the node
 * forwards, and the Target Link-Layer Address option; the answer to a DAD NS goes to ff02::1
 * with S=0 (section 7.2.4).
 * Received: an NS with a Source Link-Layer Address creates or updates a STALE entry (7.2.3); an
 * NS from :: for a tentative address, or any NA for one, is a DAD conflict (RFC 4862 5.4.3-4);
 * an NA for an address already found duplicate updates the neighbour cache (the other node owns it).
 * Leaves out: proxy ND, anycast answer delay (MAX_ANYCAST_DELAY_TIME), unsolicited NA on
 * link-layer address change (section 7.2.6), SEND (RFC 3971).
 */
import { readIpv6, type Ipv6Address } from '../../addr/ipv6';
import { ALL_NODES, solicitedNodeGroup } from '../../addr/multicast';
import type { MacAddress } from '../../addr/mac';
import { ICMPV6_NEIGHBOR_ADVERTISEMENT, ICMPV6_NEIGHBOR_SOLICITATION, type Icmpv6Message } from '../../wire/icmpv6';
import { findLinkLayerAddress } from '../../wire/ndp-options';
import { DataKey, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import type { Icmpv6Module } from './icmpv6-module';
import type { Ipv6Datagram, Ipv6Layer } from './ipv6-layer';
import type { NeighborEntry } from './neighbor-cache';

/** Hop Limit of every ND message (RFC 4861 section 7.1: receivers check it is 255). */
export const ND_HOP_LIMIT = 255;

export const NEIGHBOR_DISCOVERY = new DataKey<NeighborDiscovery>('IPv6 Neighbor Discovery');

const UNSPECIFIED = 0n as Ipv6Address;

function isMulticast(address: Ipv6Address): boolean {
  return address >> 120n === 0xffn;
}

export class NeighborDiscovery {
  readonly counters = { solicitationsSent: 0, solicitationsReceived: 0, advertisementsSent: 0, advertisementsReceived: 0, invalid: 0, unsent: 0 };

  constructor(
    readonly stack: NodeStack,
    private readonly ipv6: Ipv6Layer,
    private readonly icmpv6: Icmpv6Module,
  ) {
    icmpv6.types.register(ICMPV6_NEIGHBOR_SOLICITATION, (message, datagram, iface, raw) => {
      if (message.kind === 'neighbor-solicitation') this.handleSolicitation(message, datagram, iface, raw);
    });
    icmpv6.types.register(ICMPV6_NEIGHBOR_ADVERTISEMENT, (message, datagram, iface, raw) => {
      if (message.kind === 'neighbor-advertisement') this.handleAdvertisement(message, datagram, iface, raw);
    });
    ipv6.neighbors.solicit = (entry, unicastTo, trigger) => this.sendSolicitation(entry, unicastTo, trigger);
    ipv6.dad.transmitProbe = (iface, target) => this.sendDadProbe(iface, target);
    stack.provide(NEIGHBOR_DISCOVERY, this);
  }

  // ---- receiving ----

  private invalid(iface: NetInterface, raw: Uint8Array): void {
    this.counters.invalid++;
    this.stack.drop(iface, raw, 'nd-invalid');
  }

  /** RFC 4861 sections 7.1.1 (validation), 7.2.3 (answering) and RFC 4862 section 5.4.3 (DAD). */
  private handleSolicitation(message: Extract<Icmpv6Message, { kind: 'neighbor-solicitation' }>, datagram: Ipv6Datagram, iface: NetInterface, raw: Uint8Array): void {
    this.counters.solicitationsReceived++;
    const target = message.targetAddress;
    const sourceLinkLayer = findLinkLayerAddress(message.options, 'source-link-layer-address');
    const fromUnspecified = datagram.source === UNSPECIFIED;
    if (datagram.hopLimit !== ND_HOP_LIMIT || message.code !== 0 || isMulticast(target)) return this.invalid(iface, raw);
    if (fromUnspecified && (datagram.destination !== solicitedNodeGroup(target) || sourceLinkLayer !== undefined)) return this.invalid(iface, raw);
    const own = iface.ipv6.addresses.find((entry) => entry.address === target);
    if (own === undefined) return; // not ours: no proxy ND
    if (own.state === 'tentative') {
      // RFC 4862 section 5.4.3: another node is doing DAD for the same address; a solicitation
      // from a unicast source is someone resolving it, which a tentative address ignores.
      if (fromUnspecified) this.ipv6.dad.conflict(iface, own, undefined);
      return;
    }
    if (own.state === 'duplicate') return;
    if (!fromUnspecified && sourceLinkLayer !== undefined) this.ipv6.neighbors.handleLinkLayerAddress(iface, datagram.source, sourceLinkLayer);
    this.counters.advertisementsSent++;
    this.icmpv6.send({
      destination: fromUnspecified ? ALL_NODES : datagram.source,
      iface,
      source: target,
      hopLimit: ND_HOP_LIMIT,
      message: {
        kind: 'neighbor-advertisement',
        code: 0,
        router: this.stack.ipv6Forwarding,
        solicited: !fromUnspecified,
        override: !own.anycast,
        targetAddress: target,
        options: [{ kind: 'target-link-layer-address', linkLayerAddress: iface.mac }],
      },
    });
  }

  /** RFC 4861 sections 7.1.2 (validation) and 7.2.5; RFC 4862 section 5.4.4 (DAD). */
  private handleAdvertisement(message: Extract<Icmpv6Message, { kind: 'neighbor-advertisement' }>, datagram: Ipv6Datagram, iface: NetInterface, raw: Uint8Array): void {
    this.counters.advertisementsReceived++;
    const target = message.targetAddress;
    if (datagram.hopLimit !== ND_HOP_LIMIT || message.code !== 0 || isMulticast(target)) return this.invalid(iface, raw);
    if (isMulticast(datagram.destination) && message.solicited) return this.invalid(iface, raw);
    const targetLinkLayer = findLinkLayerAddress(message.options, 'target-link-layer-address');
    const own = iface.ipv6.addresses.find((entry) => entry.address === target);
    if (own !== undefined && own.state === 'tentative') return this.ipv6.dad.conflict(iface, own, targetLinkLayer);
    // RFC 4862 section 5.4.4 concerns tentative addresses only. An address already found duplicate
    // is not in use (section 5.4.5): its owner's NA answers our resolution like any neighbour's.
    if (own !== undefined && own.state !== 'duplicate') return;
    this.ipv6.neighbors.handleAdvertisement(iface, target, message, targetLinkLayer);
  }

  // ---- sending ----

  /** Address resolution (multicast) or a NUD probe (unicast to `unicastTo`), RFC 4861 section 7.2.2. */
  private sendSolicitation(entry: NeighborEntry, unicastTo: MacAddress | null, trigger: Uint8Array | null): void {
    const iface = entry.iface;
    let source: Ipv6Address | undefined;
    if (trigger !== null && trigger.length >= 40) {
      const triggerSource = readIpv6(trigger, 8);
      if (iface.ipv6.addresses.some((a) => a.address === triggerSource && (a.state === 'preferred' || a.state === 'deprecated'))) source = triggerSource;
    }
    source ??= this.ipv6.selectSource(entry.address, iface);
    if (source === undefined) {
      this.counters.unsent++;
      return;
    }
    this.counters.solicitationsSent++;
    this.icmpv6.send({
      destination: unicastTo === null ? solicitedNodeGroup(entry.address) : entry.address,
      iface,
      source,
      hopLimit: ND_HOP_LIMIT,
      linkLayerDestination: unicastTo ?? undefined,
      message: { kind: 'neighbor-solicitation', code: 0, targetAddress: entry.address, options: [{ kind: 'source-link-layer-address', linkLayerAddress: iface.mac }] },
    });
  }

  /** RFC 4862 section 5.4.2: NS from :: to the solicited-node group, no Source Link-Layer Address option. */
  private sendDadProbe(iface: NetInterface, target: Ipv6Address): void {
    this.counters.solicitationsSent++;
    this.icmpv6.send({
      destination: solicitedNodeGroup(target),
      iface,
      source: UNSPECIFIED,
      hopLimit: ND_HOP_LIMIT,
      message: { kind: 'neighbor-solicitation', code: 0, targetAddress: target, options: [] },
    });
  }
}

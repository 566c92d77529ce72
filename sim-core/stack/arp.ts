/**
 * ARP (RFC 826) for IPv4 over Ethernet: a cache per interface, resolution with retries, packets
 * queued while an entry is incomplete (bounded), replies for the interface's own addresses,
 * the RFC 826 merge rule (a sender already in the cache is refreshed by any ARP it sends), and
 * gratuitous ARP announcements (RFC 5227 section 2.3 form: request with sender = target) when
 * an address is configured or the interface comes up.
 *
 * The settings come from the personality (personality.ts) and follow the real systems: IOS keeps entries 4 hours and drops the packet that
 * triggered resolution (which is why the first ping of `.!!!!` fails); Windows and Linux queue
 * up to 3 packets per neighbour (Linux unres_qlen) and keep entries about a minute. Requests
 * are retried every second, 3 times (Linux mcast_solicit), before the neighbour is declared
 * unreachable and the queued packets are dropped (`arp-unresolved`; the IPv4 layer sends the
 * host-unreachable a router owes, RFC 1812 section 4.3.3.1).
 * Leaves out: proxy ARP (IOS enables it by default), IPv4 address conflict detection (RFC 5227
 * probing; Windows' "duplicate IP" warning), static entries' config syntax (the API has them).
 */
import type { Ipv4Address } from '../addr/ipv4';
import { MAC_BROADCAST, type MacAddress } from '../addr/mac';
import { NS_PER_S, secondsToNs, type TimeNs } from '../engine/time';
import type { Timer } from '../engine/simulator';
import { ARP_HARDWARE_ETHERNET, ARP_OPCODE_REPLY, ARP_OPCODE_REQUEST, decodeArp, encodeArp } from '../wire/arp';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, type EthernetFrame } from '../wire/ethernet';
import type { Ipv4NeighborResolver } from './ethernet-link';
import { DataKey, type NetInterface } from './net-interface';
import type { NodeStack } from './node-stack';

export type ArpEntryState = 'incomplete' | 'complete' | 'static';

export interface ArpEntry {
  readonly ip: Ipv4Address;
  mac: MacAddress | null;
  state: ArpEntryState;
  /** When the entry was last confirmed (for `show ip arp` Age and expiry). */
  updatedNs: TimeNs;
  /** IPv4 packets waiting for the MAC. */
  queue: Uint8Array[];
  requestsSent: number;
  retryTimer: Timer | null;
}

export interface ArpSettings {
  readonly entryLifetimeS: number;
  /** Packets held per incomplete entry; 0 drops the packet that triggered resolution (IOS). */
  readonly queueLimit: number;
  readonly retransmitS: number;
  readonly maxRequests: number;
}


export const ARP = new DataKey<ArpModule>('ARP');

export class ArpModule implements Ipv4NeighborResolver {
  private readonly caches = new Map<NetInterface, Map<Ipv4Address, ArpEntry>>();
  readonly settings: ArpSettings;
  /** Told when resolution fails, with the packets that waited (the IPv4 layer answers with ICMP). */
  onUnresolved: (iface: NetInterface, ip: Ipv4Address, packets: readonly Uint8Array[]) => void = () => undefined;

  constructor(
    readonly stack: NodeStack,
    settings?: ArpSettings,
  ) {
    this.settings = settings ?? stack.personality.arp;
    stack.registerEtherType(ETHERTYPE_ARP, (iface, frame) => this.receive(iface, frame));
    stack.onInterfaceEvent((event) => {
      if (event.kind === 'ipv4-address-added' && event.iface.operUp) this.announce(event.iface, event.address.address);
      else if (event.kind === 'up') for (const entry of event.iface.ipv4Addresses) this.announce(event.iface, entry.address);
      else if (event.kind === 'down') this.flush(event.iface);
    });
    stack.provide(ARP, this);
    // The Ethernet adapter resolves IPv4 next hops through this module.
    stack.ethernet.ipv4Resolver = this;
  }

  /**
   * Sends an IPv4 packet to neighbour `nextHop` on `iface`, resolving its MAC first if needed.
   * The caller has already checked the MTU.
   */
  sendIpv4(iface: NetInterface, nextHop: Ipv4Address, packet: Uint8Array): void {
    const entry = this.usableEntry(iface, nextHop);
    if (entry !== undefined && entry.mac !== null) {
      this.stack.sendFrame(iface, entry.mac, ETHERTYPE_IPV4, packet);
      return;
    }
    let pending = this.cacheOf(iface).get(nextHop);
    if (pending === undefined || pending.state !== 'incomplete') {
      pending = { ip: nextHop, mac: null, state: 'incomplete', updatedNs: this.stack.context.nowNs(), queue: [], requestsSent: 0, retryTimer: null };
      this.cacheOf(iface).set(nextHop, pending);
      if (this.settings.queueLimit > 0) pending.queue.push(packet);
      else this.stack.drop(iface, packet, 'arp-unresolved');
      this.solicit(iface, pending);
      return;
    }
    if (pending.queue.length < this.settings.queueLimit) pending.queue.push(packet);
    else this.stack.drop(iface, packet, 'arp-queue-full');
  }

  /** The live cache of `iface` (entries past their lifetime are left out). */
  entries(iface: NetInterface): ArpEntry[] {
    const out: ArpEntry[] = [];
    for (const entry of this.cacheOf(iface).values()) if (entry.state !== 'complete' || !this.expired(entry)) out.push(entry);
    return out;
  }

  /** The MAC cached for `ip` on `iface`, if the entry is complete and fresh. */
  lookup(iface: NetInterface, ip: Ipv4Address): MacAddress | undefined {
    return this.usableEntry(iface, ip)?.mac ?? undefined;
  }

  /** A static entry (`arp 192.0.2.1 0000.0c01.0203 ARPA`). */
  addStatic(iface: NetInterface, ip: Ipv4Address, mac: MacAddress): void {
    this.cacheOf(iface).set(ip, { ip, mac, state: 'static', updatedNs: this.stack.context.nowNs(), queue: [], requestsSent: 0, retryTimer: null });
  }

  /** Empties the cache of an interface (`clear arp`, interface down). */
  flush(iface: NetInterface): void {
    const cache = this.caches.get(iface);
    if (cache === undefined) return;
    for (const [ip, entry] of cache) {
      if (entry.state === 'static') continue;
      entry.retryTimer?.cancel();
      cache.delete(ip);
    }
  }

  /** Gratuitous ARP: a broadcast request for our own address (RFC 5227 section 2.3). */
  announce(iface: NetInterface, ip: Ipv4Address): void {
    if (iface.adapter !== this.stack.ethernet) return;
    const packet = encodeArp({ hardwareType: ARP_HARDWARE_ETHERNET, opcode: ARP_OPCODE_REQUEST, senderMac: iface.mac, senderIp: ip, targetMac: 0 as MacAddress, targetIp: ip });
    this.stack.sendFrame(iface, MAC_BROADCAST, ETHERTYPE_ARP, packet);
  }

  private cacheOf(iface: NetInterface): Map<Ipv4Address, ArpEntry> {
    let cache = this.caches.get(iface);
    if (cache === undefined) {
      cache = new Map();
      this.caches.set(iface, cache);
    }
    return cache;
  }

  private expired(entry: ArpEntry): boolean {
    return entry.state === 'complete' && this.stack.context.nowNs() - entry.updatedNs > this.settings.entryLifetimeS * NS_PER_S;
  }

  private usableEntry(iface: NetInterface, ip: Ipv4Address): ArpEntry | undefined {
    const entry = this.caches.get(iface)?.get(ip);
    if (entry === undefined || entry.state === 'incomplete') return undefined;
    if (this.expired(entry)) {
      this.caches.get(iface)!.delete(ip);
      return undefined;
    }
    return entry;
  }

  private solicit(iface: NetInterface, entry: ArpEntry): void {
    const source = iface.ipv4AddressCovering(entry.ip) ?? iface.primaryIpv4;
    if (source === undefined) return this.fail(iface, entry);
    entry.requestsSent++;
    const packet = encodeArp({
      hardwareType: ARP_HARDWARE_ETHERNET,
      opcode: ARP_OPCODE_REQUEST,
      senderMac: iface.mac,
      senderIp: source.address,
      targetMac: 0 as MacAddress,
      targetIp: entry.ip,
    });
    this.stack.sendFrame(iface, MAC_BROADCAST, ETHERTYPE_ARP, packet);
    entry.retryTimer = this.stack.context.setTimer(secondsToNs(this.settings.retransmitS), () => {
      entry.retryTimer = null;
      if (entry.state !== 'incomplete' || this.caches.get(iface)?.get(entry.ip) !== entry) return;
      if (entry.requestsSent >= this.settings.maxRequests) this.fail(iface, entry);
      else this.solicit(iface, entry);
    });
  }

  private fail(iface: NetInterface, entry: ArpEntry): void {
    this.caches.get(iface)?.delete(entry.ip);
    const packets = entry.queue;
    entry.queue = [];
    for (const packet of packets) this.stack.drop(iface, packet, 'arp-unresolved');
    if (packets.length > 0) this.onUnresolved(iface, entry.ip, packets);
  }

  private receive(iface: NetInterface, frame: EthernetFrame): void {
    const decoded = decodeArp(frame.payload);
    if (!decoded.ok) return this.stack.drop(iface, frame.payload, 'malformed');
    const arp = decoded.value;
    if (arp.hardwareType !== ARP_HARDWARE_ETHERNET || arp.senderIp === 0) {
      // An ARP probe (sender 0.0.0.0, RFC 5227) updates no cache; answer it if it asks for us.
      if (arp.opcode === ARP_OPCODE_REQUEST && arp.senderIp === 0 && this.owns(iface, arp.targetIp)) this.reply(iface, arp.targetIp, arp.senderMac, arp.senderIp);
      return;
    }
    const cache = this.cacheOf(iface);
    const now = this.stack.context.nowNs();
    const existing = cache.get(arp.senderIp);
    const forUs = this.owns(iface, arp.targetIp);
    // RFC 826 "merge": refresh a sender already known; add it when the packet is for us.
    if (existing !== undefined && existing.state !== 'static') {
      existing.mac = arp.senderMac;
      existing.updatedNs = now;
      if (existing.state === 'incomplete') {
        existing.state = 'complete';
        existing.retryTimer?.cancel();
        existing.retryTimer = null;
        const packets = existing.queue;
        existing.queue = [];
        for (const packet of packets) this.stack.sendFrame(iface, arp.senderMac, ETHERTYPE_IPV4, packet);
      }
    } else if (existing === undefined && forUs && arp.senderIp !== arp.targetIp) {
      cache.set(arp.senderIp, { ip: arp.senderIp, mac: arp.senderMac, state: 'complete', updatedNs: now, queue: [], requestsSent: 0, retryTimer: null });
    }
    if (arp.opcode === ARP_OPCODE_REQUEST && forUs && arp.senderIp !== arp.targetIp) this.reply(iface, arp.targetIp, arp.senderMac, arp.senderIp);
  }

  private owns(iface: NetInterface, ip: Ipv4Address): boolean {
    return iface.ipv4Addresses.some((entry) => entry.address === ip);
  }

  private reply(iface: NetInterface, ownIp: Ipv4Address, toMac: MacAddress, toIp: Ipv4Address): void {
    const packet = encodeArp({ hardwareType: ARP_HARDWARE_ETHERNET, opcode: ARP_OPCODE_REPLY, senderMac: iface.mac, senderIp: ownIp, targetMac: toMac, targetIp: toIp });
    this.stack.sendFrame(iface, toMac, ETHERTYPE_ARP, packet);
  }
}

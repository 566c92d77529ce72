/**
 * Duplicate Address Detection (RFC 4862 section 5.4): a new address is tentative; after a
 * random delay of up to MAX_RTR_SOLICITATION_DELAY (1 s, section 5.4.2, from the node's seeded
 * stream) the node sends DupAddrDetectTransmits (1) Neighbor Solicitations from :: to the
 * address's solicited-node group (already joined, section 5.4.2), RetransTimer (1 s) apart;
 * when RetransTimer has passed after the last one with no conflict, the address becomes
 * preferred (or deprecated if its preferred lifetime is 0). A conflict (section 5.4.3-5.4.4: an
 * NS from :: for the same tentative target, or an NA for it) makes it a duplicate (section
 * 5.4.5): it is never used, it is reported as each system does, and on IOS a duplicate
 * link-local stops IPv6 on the interface ("IPv6 is stalled", `[DUP]`).
 *
 * The report is a device log event of kind `ipv6-duplicate-address` (NodeStack.log): the
 * console prints IOS `%IPV6_ND-4-DUPLICATE: Duplicate address 2001:DB8::1 on
 * GigabitEthernet0/0`, Linux `IPv6: eth0: IPv6 duplicate address 2001:db8::1 used by
 * 52:54:00:12:34:56 detected!` and Linux shows `dadfailed tentative`; Windows shows the address
 * as Duplicate in `ipconfig` / `netsh`. The interface state carries `duplicate` for all three.
 * The wire side (sending the NS, noticing the conflict) is neighbor-discovery.ts.
 * Leaves out: Optimistic DAD (RFC 4429), enhanced DAD's nonce (RFC 7527, loops do not happen
 * on simulated links), DAD retries with a new identifier after a duplicate (RFC 7217 section 6).
 */
import type { Ipv6Address } from '../../addr/ipv6';
import type { MacAddress } from '../../addr/mac';
import type { SeededRandom } from '../../engine/random';
import type { Timer } from '../../engine/simulator';
import { NS_PER_MS, NS_PER_S } from '../../engine/time';
import type { Ipv6InterfaceAddress, NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import type { Ipv6Layer } from './ipv6-layer';

/** RFC 4861 section 10 host constant, the bound of the random delay before the first DAD NS. */
export const MAX_RTR_SOLICITATION_DELAY_MS = 1_000;

/** The log event this module emits. */
export const DUPLICATE_ADDRESS_LOG = 'ipv6-duplicate-address';

export class DuplicateAddressDetection {
  /** Sends one DAD probe (NS from :: for `target` to its solicited-node group); installed by neighbor-discovery.ts. */
  transmitProbe: (iface: NetInterface, target: Ipv6Address) => void = () => undefined;
  private readonly timers = new Map<Ipv6InterfaceAddress, Timer>();
  private readonly random: SeededRandom;
  readonly counters = { probesSent: 0, succeeded: 0, duplicates: 0 };

  constructor(
    readonly stack: NodeStack,
    private readonly ipv6: Ipv6Layer,
  ) {
    this.random = stack.context.random.derive('ipv6-dad');
  }

  /** Starts (or restarts) DAD for `entry` on `iface` (new address, interface up). */
  start(iface: NetInterface, entry: Ipv6InterfaceAddress): void {
    this.cancel(entry);
    this.ipv6.setState(iface, entry, 'tentative');
    // RFC 4862 section 5.4: DAD runs where Neighbor Discovery does (not on loopbacks, Null0, point-to-point tunnels without ND).
    if (entry.anycast || !iface.adapter.neighborDiscovery) return this.succeed(iface, entry);
    const transmits = this.ipv6.neighbors.parameters(iface).dupAddrDetectTransmits;
    if (transmits <= 0) return this.succeed(iface, entry);
    const delayNs = Math.floor(this.random.nextFloat() * MAX_RTR_SOLICITATION_DELAY_MS * NS_PER_MS);
    this.schedule(entry, delayNs, () => this.probe(iface, entry, transmits));
  }

  /** Stops DAD for every address of the interface (carrier loss); they stay tentative. */
  stop(iface: NetInterface): void {
    for (const entry of iface.ipv6.addresses) this.cancel(entry);
  }

  /** Forgets the timer of an address (removed, or restarted). */
  cancel(entry: Ipv6InterfaceAddress): void {
    this.timers.get(entry)?.cancel();
    this.timers.delete(entry);
  }

  /** True while DAD runs for the address. */
  inProgress(entry: Ipv6InterfaceAddress): boolean {
    return this.timers.has(entry);
  }

  /**
   * Another node uses or tries `entry` (RFC 4862 sections 5.4.3-5.4.4). Only a tentative
   * address becomes a duplicate; `by` is the other node's MAC when known (the log names it).
   */
  conflict(iface: NetInterface, entry: Ipv6InterfaceAddress, by: MacAddress | undefined): void {
    if (entry.state !== 'tentative') return;
    this.cancel(entry);
    this.counters.duplicates++;
    this.ipv6.setState(iface, entry, 'duplicate');
    const linkLocal = entry.address >> 118n === 0x3fan;
    this.stack.log({ timeNs: this.stack.context.nowNs(), kind: DUPLICATE_ADDRESS_LOG, interfaceName: iface.name, ipv6Address: entry.address, macAddress: by });
    // IOS: a duplicate link-local disables IPv6 on the interface (RFC 4862 section 5.4.5 allows it).
    if (linkLocal && this.stack.personality.ipv6.stallOnDuplicateLinkLocal) this.ipv6.stall(iface);
  }

  private probe(iface: NetInterface, entry: Ipv6InterfaceAddress, remaining: number): void {
    if (entry.state !== 'tentative' || !iface.operUp) return;
    this.counters.probesSent++;
    this.transmitProbe(iface, entry.address);
    const retransNs = this.ipv6.neighbors.parameters(iface).retransTimerMs * NS_PER_MS;
    this.schedule(entry, retransNs, () => {
      if (remaining > 1) this.probe(iface, entry, remaining - 1);
      else this.succeed(iface, entry);
    });
  }

  private succeed(iface: NetInterface, entry: Ipv6InterfaceAddress): void {
    this.timers.delete(entry);
    if (entry.state !== 'tentative') return;
    this.counters.succeeded++;
    const elapsedS = (this.stack.context.nowNs() - entry.lifetimesSetNs) / NS_PER_S;
    this.ipv6.setState(iface, entry, entry.preferredLifetimeS - elapsedS > 0 ? 'preferred' : 'deprecated');
  }

  private schedule(entry: Ipv6InterfaceAddress, delayNs: number, action: () => void): void {
    const timer = this.stack.context.setTimer(delayNs, () => {
      if (this.timers.get(entry) !== timer) return;
      this.timers.delete(entry);
      action();
    });
    this.timers.set(entry, timer);
  }
}

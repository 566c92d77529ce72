/**
 * The Default Router List of a host (RFC 4861 sections 5.1, 6.3.4 and 6.3.6): routers learned
 * from Router Advertisements with a non-zero Router Lifetime, each expiring after that
 * lifetime; an RA with lifetime 0 removes its router at once. Every router in the list is a
 * default route (::/0 via its link-local address on the interface it was heard on) in the
 * device's IPv6 RIB, source `nd` (IOS distance 2; metric as the OS shows it: Linux 1024
 * `proto ra`, Windows 256), with `expiresNs` so displays show the remaining lifetime. Among
 * several routers the RIB picks by RFC 4191 preference (carried in the metric) then age.
 *
 * Carrier loss (chosen to match the real systems): Linux keeps its routers (checked against a
 * veth pair with radvd: `default via fe80::… proto ra … linkdown expires …`); since routes over
 * a down interface are not installed, that is what `keep` does here. Windows drops what it
 * learned on a disconnected interface (`ipconfig` shows "Media disconnected" and no gateway)
 * and learns again from the RA that answers its RS at reconnection: `flushOnCarrierLoss`.
 * Leaves out: RFC 4191 Route Information options, router reachability (NUD) in the choice of
 * router (RFC 4861 section 6.3.6 round-robin among unreachable routers).
 */
import type { Ipv6Address } from '../../addr/ipv6';
import type { Timer } from '../../engine/simulator';
import { NS_PER_S, type TimeNs } from '../../engine/time';
import type { RouterPreference } from '../../wire/icmpv6';
import type { NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import type { Ipv6Rib } from '../routing/ipv6-rib';
import { DEFAULT_DISTANCE } from '../routing/route';

export interface DefaultRouter {
  /** The router's link-local address (the RA's source, RFC 4861 section 6.1.2). */
  readonly address: Ipv6Address;
  readonly iface: NetInterface;
  readonly preference: RouterPreference;
  readonly lifetimeS: number;
  readonly learnedNs: TimeNs;
  readonly expiresNs: TimeNs;
}

/** RFC 4191 section 2.1: high is preferred over medium over low (reserved is treated as medium). */
const PREFERENCE_METRIC_OFFSET: Readonly<Record<RouterPreference, number>> = { high: -1, medium: 0, reserved: 0, low: 1 };

interface Entry {
  router: DefaultRouter;
  timer: Timer;
}

export class DefaultRouterList {
  private readonly entries: Entry[] = [];
  /** Windows forgets routers on media disconnect; Linux keeps them (see the module comment). */
  readonly flushOnCarrierLoss: boolean;
  /** Called after the list changed (a router added, refreshed to or from lifetime 0, expired). */
  onChange: (() => void) | null = null;

  constructor(
    private readonly stack: NodeStack,
    private readonly rib: Ipv6Rib,
  ) {
    this.flushOnCarrierLoss = stack.personality.routerDiscovery.flushOnCarrierLoss;
    stack.onInterfaceEvent((event) => {
      if (event.kind === 'down' && this.flushOnCarrierLoss) this.flush(event.iface);
    });
  }

  /**
   * RFC 4861 section 6.3.4: an RA from `address` on `iface` with Router Lifetime `lifetimeS`.
   * Lifetime 0 removes the router; otherwise it is added or its lifetime reset.
   */
  update(iface: NetInterface, address: Ipv6Address, lifetimeS: number, preference: RouterPreference = 'medium'): void {
    const index = this.entries.findIndex((e) => e.router.iface === iface && e.router.address === address);
    if (lifetimeS === 0) {
      if (index >= 0) this.removeAt(index);
      return;
    }
    const now = this.stack.context.nowNs();
    const expiresNs = now + lifetimeS * NS_PER_S;
    const existing = index >= 0 ? this.entries[index] : undefined;
    if (existing !== undefined) {
      existing.timer.cancel();
      this.rib.remove((route) => route.source === 'nd' && route.iface === iface && route.nextHop === address);
    }
    const router: DefaultRouter = { address, iface, preference, lifetimeS, learnedNs: existing?.router.learnedNs ?? now, expiresNs };
    const timer = this.stack.context.setTimer(lifetimeS * NS_PER_S, () => {
      const at = this.entries.findIndex((e) => e.router === router);
      if (at >= 0) this.removeAt(at);
    });
    if (existing !== undefined) {
      existing.router = router;
      existing.timer = timer;
    } else this.entries.push({ router, timer });
    this.rib.add({
      network: 0n as Ipv6Address,
      prefixLength: 0,
      nextHop: address,
      iface,
      source: 'nd',
      distance: DEFAULT_DISTANCE.nd!,
      metric: this.stack.personality.routerDiscovery.defaultRouteMetric + PREFERENCE_METRIC_OFFSET[preference],
      createdNs: router.learnedNs,
      expiresNs,
    });
    this.onChange?.();
  }

  /** The routers in the list, optionally those of one interface. */
  routers(iface?: NetInterface): DefaultRouter[] {
    return this.entries.filter((e) => iface === undefined || e.router.iface === iface).map((e) => e.router);
  }

  /** Forgets every router learned on `iface`. */
  flush(iface: NetInterface): void {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.router.iface === iface) this.removeAt(i);
  }

  private removeAt(index: number): void {
    const [entry] = this.entries.splice(index, 1);
    entry!.timer.cancel();
    const { iface, address } = entry!.router;
    this.rib.remove((route) => route.source === 'nd' && route.iface === iface && route.nextHop === address);
    this.onChange?.();
  }
}

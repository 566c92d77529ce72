/**
 * Ordered IP hooks: the five points of a packet's way through an IP layer where a module (an
 * ACL, RA Guard, NAT44, NAT64, CLAT) may look at it and decide, in the manner of Linux
 * netfilter's NF_INET_* hooks and gVisor's iptables hook points:
 *
 *   pre-routing   every packet that arrived, after the header checks, before the routing decision
 *   local-input   a packet for this device, after reassembly, before the upper layer
 *   forward       a packet being routed, after the route lookup, before the TTL / Hop Limit decrement
 *   local-output  a packet this device sends, after its route is chosen, before fragmentation
 *   post-routing  every packet leaving (sent or forwarded), before fragmentation and the link adapter
 *
 * A hook answers `ACCEPT` (go on to the next hook, then the layer), `dropVerdict(reason)` (the
 * layer drops the packet and the reason reaches the trace, e.g. `acl-deny`), or `TAKE` (the hook
 * now owns the packet: the layer stops without a trace record; a translator re-injects what it
 * makes through the layers' send paths). Hooks run in ascending priority, equal priorities in
 * registration order. A layer with no hook at a point pays one length check there.
 * Leaves out: connection tracking, packet mangling in place (a hook that changes a packet takes
 * it and sends its own), the upper-layer protocol behind IPv6 extension headers (`protocol` is
 * the fixed header's Next Header).
 */
import type { DropReason } from '../engine/trace';
import type { NetInterface } from './net-interface';

export type IpHookPoint = 'pre-routing' | 'local-input' | 'forward' | 'local-output' | 'post-routing';

export const IP_HOOK_POINTS: readonly IpHookPoint[] = ['pre-routing', 'local-input', 'forward', 'local-output', 'post-routing'];

/** What a hook sees of a packet (address type `A`: Ipv4Address or Ipv6Address). */
export interface IpHookPacket<A> {
  readonly point: IpHookPoint;
  readonly version: 4 | 6;
  readonly source: A;
  readonly destination: A;
  /** IPv4 Protocol, or the IPv6 fixed header's Next Header. */
  readonly protocol: number;
  /** TTL or Hop Limit as the packet is at this point (forward: before the decrement). */
  readonly hopLimit: number;
  /** The whole IP packet (header included), as it is at this point. Do not modify it. */
  readonly bytes: Uint8Array;
  /** Where it came in (null for local output). */
  readonly ingress: NetInterface | null;
  /** Where it goes out (null before the routing decision and for local input). */
  readonly egress: NetInterface | null;
}

export type IpHookVerdict = { readonly kind: 'accept' } | { readonly kind: 'drop'; readonly reason: DropReason } | { readonly kind: 'take' };

export const ACCEPT: IpHookVerdict = Object.freeze({ kind: 'accept' });
export const TAKE: IpHookVerdict = Object.freeze({ kind: 'take' });

/** Drop the packet; `reason` is written to the trace record (kebab-case, e.g. `acl-deny`). */
export function dropVerdict(reason: DropReason): IpHookVerdict {
  return { kind: 'drop', reason };
}

export type IpHook<A> = (packet: IpHookPacket<A>) => IpHookVerdict;

export interface IpHookRegistration<A> {
  readonly point: IpHookPoint;
  /** Lower runs first (netfilter style); equal priorities run in registration order. */
  readonly priority: number;
  /** Who registered it (`acl 101 in Gi0/0`, `nat64`), for displays and errors. */
  readonly name: string;
  readonly hook: IpHook<A>;
}

/** The hooks of one IP layer, by point. */
export class IpHookChain<A> {
  private readonly byPoint = new Map<IpHookPoint, IpHookRegistration<A>[]>(IP_HOOK_POINTS.map((point) => [point, []]));
  /** Hooks registered at any point: the layers test this once before building a hook packet. */
  private total = 0;

  /** Adds a hook; returns the function that removes it. */
  register(registration: IpHookRegistration<A>): () => void {
    const list = this.byPoint.get(registration.point)!;
    let at = list.length;
    while (at > 0 && list[at - 1]!.priority > registration.priority) at--;
    list.splice(at, 0, registration);
    this.total++;
    return () => {
      const index = list.indexOf(registration);
      if (index < 0) return;
      list.splice(index, 1);
      this.total--;
    };
  }

  /** True when some hook is registered at `point`. */
  has(point: IpHookPoint): boolean {
    return this.total !== 0 && this.byPoint.get(point)!.length !== 0;
  }

  /** The hooks of `point`, in the order they run. */
  list(point: IpHookPoint): readonly IpHookRegistration<A>[] {
    return this.byPoint.get(point)!;
  }

  /** Runs the hooks of `packet.point` in order; the first verdict that is not accept wins. */
  run(packet: IpHookPacket<A>): IpHookVerdict {
    for (const registration of this.byPoint.get(packet.point)!) {
      const verdict = registration.hook(packet);
      if (verdict.kind !== 'accept') return verdict;
    }
    return ACCEPT;
  }
}

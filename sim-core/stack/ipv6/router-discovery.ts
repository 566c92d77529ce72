/**
 * Router discovery (RFC 4861 sections 6.1-6.3) for both roles, with RDNSS (RFC 8106).
 *
 * Router (`ipv6 unicast-routing`, NodeStack.ipv6Forwarding): on every interface that is up,
 * has IPv6 on with a usable link-local address and is not suppressed, Router Advertisements go
 * to ff02::1 from the link-local address with Hop Limit 255: the first
 * MAX_INITIAL_RTR_ADVERTISEMENTS at most MAX_INITIAL_RTR_ADVERT_INTERVAL (16 s) apart, then
 * every uniform(MinRtrAdvInterval, MaxRtrAdvInterval) (section 6.2.4; IOS max 200 s, min 0.33 x
 * max), drawn from the device's seeded stream. A valid Router Solicitation (section 6.1.1) is
 * answered by a multicast RA after uniform(0, MAX_RA_DELAY_TIME = 500 ms), never sooner than
 * MIN_DELAY_BETWEEN_RAS (3 s) after the previous multicast RA (section 6.2.6). The RA carries
 * (IOS defaults) Cur Hop Limit 64, Router Lifetime 1800 s, the M and O flags, a Prefix
 * Information option per on-link prefix of the interface's configured addresses (L and A set,
 * valid 2592000 s, preferred 604800 s) changed by `ipv6 nd prefix` (no-advertise,
 * no-autoconfig, off-link, lifetimes), the MTU option (IOS sends it by default; `suppressMtu`),
 * RDNSS when `ipv6 nd ra dns server` is configured, and the source link-layer address.
 * `ipv6 nd ra suppress` stops the periodic RAs but still answers RS; `suppress all` stops both.
 * Turning routing off sends one last RA with Router Lifetime 0 (section 6.2.5).
 *
 * Host (Windows, Linux; and IOS interfaces with `ipv6 address autoconfig`): when an interface
 * comes up with IPv6 (and at every carrier return) up to MAX_RTR_SOLICITATIONS (3) RS go to
 * ff02::2, the first after uniform(0, MAX_RTR_SOLICITATION_DELAY = 1 s), then
 * RTR_SOLICITATION_INTERVAL (4 s) apart, until an RA arrives (section 6.3.7). A valid RA (section
 * 6.1.2: link-local source, Hop Limit 255, code 0; the codec checked the checksum and option
 * lengths) updates the default router list (default-router-list.ts), the Cur Hop Limit, the
 * link MTU for IPv6 (1280 ≤ MTU ≤ link MTU), the RDNSS servers with their lifetime, the M and O
 * flags (DHCPv6 reads them later), the on-link prefix list (L flag: a `nd-prefix` route that
 * expires with the valid lifetime, as Linux shows `2001:db8:1::/64 dev eth0 proto kernel …
 * expires`) and hands each PIO to SLAAC (slaac.ts).
 * Leaves out: RFC 4191 route information options, DNSSL in RAs, RA guard, Mobile IPv6 flags,
 * ReachableTime/RetransTimer in the neighbour cache (recorded, not applied), RFC 7559 RS backoff.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import { ALL_NODES, ALL_ROUTERS } from '../../addr/multicast';
import { ipv6NetworkPart } from '../../addr/prefix';
import type { SeededRandom } from '../../engine/random';
import type { Timer } from '../../engine/simulator';
import { NS_PER_MS, NS_PER_S, type TimeNs } from '../../engine/time';
import { ICMPV6_ROUTER_ADVERTISEMENT, ICMPV6_ROUTER_SOLICITATION, type Icmpv6Message, type RouterPreference } from '../../wire/icmpv6';
import type { NdpOption } from '../../wire/ndp-options';
import { DataKey, type Ipv6InterfaceAddress, type NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import { IPV6_RIB, isIpv6LinkLocal, type Ipv6Rib } from '../routing/ipv6-rib';
import { HOST_IPV6_SETTINGS } from './host-settings';
import { DefaultRouterList } from './default-router-list';
import { joinIpv6Group, leaveIpv6Group } from './multicast-membership';
import { Slaac, type SlaacAddressServices, type SlaacOptions } from './slaac';

// ---- RFC 4861 section 10 constants ----
export const MAX_INITIAL_RTR_ADVERT_INTERVAL_S = 16;
export const MAX_INITIAL_RTR_ADVERTISEMENTS = 3;
export const MIN_DELAY_BETWEEN_RAS_S = 3;
export const MAX_RA_DELAY_TIME_MS = 500;
export const MAX_RTR_SOLICITATION_DELAY_S = 1;
export const RTR_SOLICITATION_INTERVAL_S = 4;
export const MAX_RTR_SOLICITATIONS = 3;

/** `ipv6 nd prefix 2001:db8::/64 [valid preferred] [no-advertise] [no-autoconfig] [off-link]`. */
export interface RaPrefixConfig {
  readonly prefix: Ipv6Address;
  readonly prefixLength: number;
  readonly validLifetimeS?: number;
  readonly preferredLifetimeS?: number;
  readonly noAdvertise?: boolean;
  readonly noAutoconfig?: boolean;
  readonly offLink?: boolean;
}

/** The `ipv6 nd …` settings of one router interface (IOS defaults when left out). */
export interface RaInterfaceConfig {
  /** `ipv6 nd ra suppress`: no periodic RAs (RS still answered). */
  suppress?: boolean;
  /** `ipv6 nd ra suppress all`: no RAs at all. */
  suppressAll?: boolean;
  /** `ipv6 nd ra interval <max> [<min>]` in seconds (IOS default 200). */
  maxIntervalS?: number;
  minIntervalS?: number;
  /** `ipv6 nd ra lifetime <s>` (IOS default 1800; 0 = not a default router). */
  lifetimeS?: number;
  /** `ipv6 nd managed-config-flag`, `ipv6 nd other-config-flag`. */
  managed?: boolean;
  other?: boolean;
  /** `ipv6 nd router-preference High|Medium|Low`. */
  preference?: RouterPreference;
  curHopLimit?: number;
  /** `ipv6 nd reachable-time <ms>`, `ipv6 nd ns-interval <ms>` (0 = unspecified). */
  reachableTimeMs?: number;
  retransTimerMs?: number;
  /** Leave out the MTU option (IOS `ipv6 nd ra mtu suppress`). */
  suppressMtu?: boolean;
  /** `ipv6 nd prefix …` entries. */
  prefixes?: RaPrefixConfig[];
  /** `ipv6 nd ra dns server <addr> [lifetime]` (RFC 8106). */
  dnsServers?: { readonly address: Ipv6Address; readonly lifetimeS: number }[];
}

export const IOS_RA_DEFAULTS = {
  maxIntervalS: 200,
  lifetimeS: 1800,
  curHopLimit: 64,
  validLifetimeS: 2592000,
  preferredLifetimeS: 604800,
} as const;

/** What a host learned from RAs on an interface (`ipconfig /all`, `ip -6 route`, `show ipv6 interface`). */
export interface LearnedRaParameters {
  curHopLimit: number | undefined;
  mtuBytes: number | undefined;
  managed: boolean;
  other: boolean;
  reachableTimeMs: number;
  retransTimerMs: number;
  dnsServers: { address: Ipv6Address; expiresNs: TimeNs }[];
  lastRaNs: TimeNs | undefined;
}

/** The parts of the IPv6 layer and ICMPv6 module router discovery uses (Ipv6Layer and Icmpv6Module provide them). */
export interface RouterDiscoveryServices extends SlaacAddressServices {
  linkLocalOf(iface: NetInterface): Ipv6InterfaceAddress | undefined;
  sendIcmpv6(request: { readonly destination: Ipv6Address; readonly message: Icmpv6Message; readonly iface: NetInterface; readonly source: Ipv6Address; readonly hopLimit: number }): void;
  /** Registers the RS (133) and RA (134) handlers. */
  registerIcmpv6Type(type: number, handler: (message: Icmpv6Message, source: Ipv6Address, hopLimit: number, iface: NetInterface) => void): void;
}

export const ROUTER_DISCOVERY = new DataKey<RouterDiscovery>('router discovery');

interface AdvertiserState {
  active: boolean;
  timer: Timer | null;
  nextRaNs: TimeNs;
  initialSent: number;
  lastMulticastNs: TimeNs;
  /** Counts for `show ipv6 interface` and tests. */
  sent: number;
}

interface SolicitorState {
  timer: Timer | null;
  sent: number;
  done: boolean;
}

interface OnLinkPrefix {
  readonly iface: NetInterface;
  readonly network: Ipv6Address;
  readonly prefixLength: number;
  timer: Timer | null;
}

export class RouterDiscovery {
  readonly defaultRouters: DefaultRouterList;
  readonly slaac: Slaac;
  private readonly rib: Ipv6Rib;
  private readonly random: SeededRandom;
  private readonly configs = new Map<NetInterface, RaInterfaceConfig>();
  private readonly advertisers = new Map<NetInterface, AdvertiserState>();
  private readonly solicitors = new Map<NetInterface, SolicitorState>();
  private readonly learned = new Map<NetInterface, LearnedRaParameters>();
  private readonly onLink: OnLinkPrefix[] = [];
  /** IOS `ipv6 address autoconfig [default]` per interface (routers do SLAAC only where configured). */
  private readonly autoconfig = new Map<NetInterface, { readonly installDefault: boolean }>();
  private routingWasOn: boolean;
  /** Interfaces that joined ff02::2 (RFC 4291 section 2.8: routers join all-routers). */
  private readonly allRoutersJoined = new Set<NetInterface>();
  /** Interfaces that heard an RA since they last came up: no RS needed (Linux IF_RA_RCVD). */
  private readonly heardRa = new Set<NetInterface>();
  readonly counters = { rsSent: 0, rsReceived: 0, raSent: 0, raReceived: 0, raInvalid: 0 };

  constructor(
    private readonly stack: NodeStack,
    private readonly services: RouterDiscoveryServices,
    slaacOptions: SlaacOptions = stack.personality.slaac,
  ) {
    this.rib = stack.findRequired(IPV6_RIB);
    this.random = stack.context.random.derive('router-discovery');
    this.defaultRouters = new DefaultRouterList(stack, this.rib);
    this.slaac = new Slaac(stack, services, slaacOptions);
    this.routingWasOn = stack.ipv6Forwarding;
    services.registerIcmpv6Type(ICMPV6_ROUTER_SOLICITATION, (message, source, hopLimit, iface) => this.handleRouterSolicitation(message, source, hopLimit, iface));
    services.registerIcmpv6Type(ICMPV6_ROUTER_ADVERTISEMENT, (message, source, hopLimit, iface) => this.handleRouterAdvertisement(message, source, hopLimit, iface));
    stack.provide(ROUTER_DISCOVERY, this);
    stack.onInterfaceEvent((event) => {
      switch (event.kind) {
        case 'up':
          this.refresh(event.iface);
          // Normally the link-local is tentative again here (DAD reruns) and the RS waits for it below.
          if (this.usableLinkLocal(event.iface) !== undefined) this.startSoliciting(event.iface);
          break;
        case 'down':
          this.heardRa.delete(event.iface);
          this.stopSoliciting(event.iface);
          this.refresh(event.iface);
          if (this.defaultRouters.flushOnCarrierLoss) this.learned.delete(event.iface);
          break;
        case 'ipv6-address-added':
        case 'ipv6-address-removed':
        case 'ipv6-address-changed':
          this.refresh(event.iface);
          // The first RS waits for a usable link-local (Linux sends it when DAD of the link-local completes).
          if (isIpv6LinkLocal(event.address.address) && event.address.state === 'preferred') this.startSoliciting(event.iface);
          break;
        default:
          break;
      }
    });
  }

  // ---- configuration ----

  /** The `ipv6 nd …` configuration of an interface (a live object: call `refresh` after changing it). */
  config(iface: NetInterface): RaInterfaceConfig {
    let config = this.configs.get(iface);
    if (config === undefined) {
      config = {};
      this.configs.set(iface, config);
    }
    return config;
  }

  /** IOS `ipv6 address autoconfig [default]` on a router interface. */
  setAutoconfig(iface: NetInterface, on: boolean, installDefault = false): void {
    if (on) this.autoconfig.set(iface, { installDefault });
    else this.autoconfig.delete(iface);
    if (on) this.startSoliciting(iface);
  }

  /** Re-evaluates whether RAs go out (after `ipv6 unicast-routing`, `ipv6 nd …`, address changes). */
  refresh(iface?: NetInterface): void {
    const routingOn = this.stack.ipv6Forwarding;
    if (this.routingWasOn && !routingOn) {
      // Section 6.2.5: a router that stops advertising sends a final RA with Router Lifetime 0.
      for (const [each, state] of this.advertisers) if (state.active) this.sendAdvertisement(each, true);
    }
    this.routingWasOn = routingOn;
    for (const each of iface === undefined ? this.stack.interfaces : [iface]) this.refreshAdvertiser(each);
  }

  // ---- queries ----

  /**
   * Forgets everything RAs taught about `iface`: SLAAC and temporary addresses, default routers,
   * on-link prefixes and the learned parameters (Linux `ip link set down`, keep_addr_on_down 0).
   * The RS sent when the link comes up learns them again.
   */
  forgetInterface(iface: NetInterface): void {
    this.slaac.forgetInterface(iface);
    this.defaultRouters.flush(iface);
    for (const entry of this.onLink.filter((p) => p.iface === iface)) {
      entry.timer?.cancel();
      this.onLink.splice(this.onLink.indexOf(entry), 1);
      this.rib.remove((route) => route.source === 'nd-prefix' && route.iface === iface && route.network === entry.network && route.prefixLength === entry.prefixLength);
    }
    this.learned.delete(iface);
    this.heardRa.delete(iface);
  }

  learnedParameters(iface: NetInterface): LearnedRaParameters | undefined {
    return this.learned.get(iface);
  }

  /** DNS servers learned by RDNSS that have not expired. */
  dnsServers(iface: NetInterface): Ipv6Address[] {
    const now = this.stack.context.nowNs();
    return (this.learned.get(iface)?.dnsServers ?? []).filter((s) => s.expiresNs > now).map((s) => s.address);
  }

  /** When the next periodic RA of an interface is due, if it advertises. */
  nextAdvertisementNs(iface: NetInterface): TimeNs | undefined {
    const state = this.advertisers.get(iface);
    return state?.active ? state.nextRaNs : undefined;
  }

  // ---- router side ----

  private isAdvertising(iface: NetInterface): boolean {
    const config = this.configs.get(iface);
    if (!this.stack.ipv6Forwarding || !iface.operUp || !iface.ipv6.enabled || config?.suppressAll) return false;
    if (!iface.adapter.neighborDiscovery) return false;
    return this.usableLinkLocal(iface) !== undefined;
  }

  private usableLinkLocal(iface: NetInterface): Ipv6Address | undefined {
    const entry = this.services.linkLocalOf(iface);
    return entry !== undefined && (entry.state === 'preferred' || entry.state === 'deprecated') ? entry.address : undefined;
  }

  private advertiserOf(iface: NetInterface): AdvertiserState {
    let state = this.advertisers.get(iface);
    if (state === undefined) {
      state = { active: false, timer: null, nextRaNs: 0, initialSent: 0, lastMulticastNs: -Infinity, sent: 0 };
      this.advertisers.set(iface, state);
    }
    return state;
  }

  private refreshAdvertiser(iface: NetInterface): void {
    const router = this.stack.ipv6Forwarding && iface.ipv6.enabled && iface.adapter.neighborDiscovery;
    if (router && !this.allRoutersJoined.has(iface)) {
      joinIpv6Group(iface, ALL_ROUTERS);
      this.allRoutersJoined.add(iface);
    } else if (!router && this.allRoutersJoined.has(iface)) {
      leaveIpv6Group(iface, ALL_ROUTERS);
      this.allRoutersJoined.delete(iface);
    }
    const should = this.isAdvertising(iface);
    const state = this.advertisers.get(iface);
    if (!should) {
      if (state !== undefined && state.active) {
        state.active = false;
        state.timer?.cancel();
        state.timer = null;
      }
      return;
    }
    const advertiser = this.advertiserOf(iface);
    if (advertiser.active) return;
    // Section 6.2.2: becoming an advertising interface starts the initial RAs.
    advertiser.active = true;
    advertiser.initialSent = 0;
    this.schedulePeriodic(iface, advertiser, 0);
  }

  private intervalsOf(iface: NetInterface): { minS: number; maxS: number } {
    const config = this.configs.get(iface);
    const maxS = config?.maxIntervalS ?? IOS_RA_DEFAULTS.maxIntervalS;
    // RFC 4861 section 6.2.1: MinRtrAdvInterval default 0.33 x MaxRtrAdvInterval (when Max >= 9 s).
    const minS = config?.minIntervalS ?? (maxS >= 9 ? 0.33 * maxS : maxS);
    return { minS, maxS };
  }

  private schedulePeriodic(iface: NetInterface, state: AdvertiserState, delayNs: number): void {
    state.timer?.cancel();
    state.nextRaNs = this.stack.context.nowNs() + delayNs;
    state.timer = this.stack.context.setTimer(delayNs, () => {
      state.timer = null;
      if (!state.active) return;
      const suppressed = this.configs.get(iface)?.suppress ?? false;
      if (!suppressed) this.sendAdvertisement(iface, false);
      const { minS, maxS } = this.intervalsOf(iface);
      let intervalS = this.random.uniformFloat(minS, maxS);
      // Section 6.2.4: the first few RAs at most MAX_INITIAL_RTR_ADVERT_INTERVAL apart.
      if (state.initialSent < MAX_INITIAL_RTR_ADVERTISEMENTS) {
        state.initialSent++;
        if (state.initialSent < MAX_INITIAL_RTR_ADVERTISEMENTS || intervalS > MAX_INITIAL_RTR_ADVERT_INTERVAL_S) intervalS = Math.min(intervalS, MAX_INITIAL_RTR_ADVERT_INTERVAL_S);
      }
      this.schedulePeriodic(iface, state, Math.round(intervalS * NS_PER_S));
    });
  }

  /** Section 6.1.1 validity, then section 6.2.6: a delayed, rate-limited multicast answer. */
  private handleRouterSolicitation(message: Icmpv6Message, source: Ipv6Address, hopLimit: number, iface: NetInterface): void {
    if (message.kind !== 'router-solicitation' || hopLimit !== 255 || message.code !== 0) return;
    const hasSllao = message.options.some((o) => o.kind === 'source-link-layer-address');
    if (source === 0n && hasSllao) return;
    this.counters.rsReceived++;
    const state = this.advertisers.get(iface);
    if (state === undefined || !state.active) return;
    const now = this.stack.context.nowNs();
    const delayNs = this.random.uniformInt(0, MAX_RA_DELAY_TIME_MS) * NS_PER_MS;
    let sendAt = now + delayNs;
    const earliest = state.lastMulticastNs + MIN_DELAY_BETWEEN_RAS_S * NS_PER_S;
    if (sendAt < earliest) sendAt = earliest + delayNs;
    // An RA already due before then answers this RS too.
    if (state.timer !== null && state.nextRaNs <= sendAt && !(this.configs.get(iface)?.suppress ?? false)) return;
    this.schedulePeriodicAt(iface, state, sendAt);
  }

  /** Moves the next RA earlier to `timeNs` (the solicited answer); the periodic schedule continues from it. */
  private schedulePeriodicAt(iface: NetInterface, state: AdvertiserState, timeNs: TimeNs): void {
    state.timer?.cancel();
    state.nextRaNs = timeNs;
    state.timer = this.stack.context.setTimer(timeNs - this.stack.context.nowNs(), () => {
      state.timer = null;
      if (!state.active) return;
      this.sendAdvertisement(iface, false);
      const { minS, maxS } = this.intervalsOf(iface);
      this.schedulePeriodic(iface, state, Math.round(this.random.uniformFloat(minS, maxS) * NS_PER_S));
    });
  }

  /** Builds the RA of an interface (exported for tests and `show ipv6 interface`). */
  buildAdvertisement(iface: NetInterface, final = false): Extract<Icmpv6Message, { kind: 'router-advertisement' }> {
    const config = this.configs.get(iface) ?? {};
    const options: NdpOption[] = [{ kind: 'source-link-layer-address', linkLayerAddress: iface.mac }];
    if (!config.suppressMtu) options.push({ kind: 'mtu', mtu: iface.ipv6MtuBytes });
    const seen = new Set<string>();
    const overrides = config.prefixes ?? [];
    const addPrefix = (network: Ipv6Address, prefixLength: number): void => {
      const key = `${network}/${prefixLength}`;
      if (seen.has(key)) return;
      seen.add(key);
      const override = overrides.find((p) => p.prefixLength === prefixLength && ipv6NetworkPart(p.prefix, prefixLength) === network);
      if (override?.noAdvertise) return;
      options.push({
        kind: 'prefix-information',
        prefixLength,
        onLink: !(override?.offLink ?? false),
        autonomous: !(override?.noAutoconfig ?? false),
        routerAddress: false,
        validLifetimeS: override?.validLifetimeS ?? IOS_RA_DEFAULTS.validLifetimeS,
        preferredLifetimeS: override?.preferredLifetimeS ?? IOS_RA_DEFAULTS.preferredLifetimeS,
        prefix: network,
      });
    };
    for (const entry of iface.ipv6.addresses) {
      if (isIpv6LinkLocal(entry.address) || entry.anycast || entry.prefixLength >= 128) continue;
      if (entry.origin === 'slaac' || entry.origin === 'temporary' || entry.origin === 'dhcpv6') continue;
      addPrefix(ipv6NetworkPart(entry.address, entry.prefixLength), entry.prefixLength);
    }
    for (const override of overrides) addPrefix(ipv6NetworkPart(override.prefix, override.prefixLength), override.prefixLength);
    if (config.dnsServers !== undefined && config.dnsServers.length > 0) {
      const lifetimeS = Math.min(...config.dnsServers.map((s) => s.lifetimeS));
      options.push({ kind: 'rdnss', lifetimeS, addresses: config.dnsServers.map((s) => s.address) });
    }
    return {
      kind: 'router-advertisement',
      code: 0,
      curHopLimit: config.curHopLimit ?? IOS_RA_DEFAULTS.curHopLimit,
      managed: config.managed ?? false,
      other: config.other ?? false,
      homeAgent: false,
      preference: config.preference ?? 'medium',
      proxy: false,
      routerLifetimeS: final ? 0 : (config.lifetimeS ?? IOS_RA_DEFAULTS.lifetimeS),
      reachableTimeMs: config.reachableTimeMs ?? 0,
      retransTimerMs: config.retransTimerMs ?? 0,
      options,
    };
  }

  private sendAdvertisement(iface: NetInterface, final: boolean): void {
    const source = this.usableLinkLocal(iface);
    if (source === undefined) return;
    const state = this.advertiserOf(iface);
    state.lastMulticastNs = this.stack.context.nowNs();
    state.sent++;
    this.counters.raSent++;
    this.services.sendIcmpv6({ destination: ALL_NODES, message: this.buildAdvertisement(iface, final), iface, source, hopLimit: 255 });
  }

  // ---- host side ----

  private isHostInterface(iface: NetInterface): boolean {
    if (!iface.adapter.neighborDiscovery) return false;
    // Router discovery switched off by the host's operator (Windows routerdiscovery=disabled, Linux accept_ra=0).
    if (iface.getData(HOST_IPV6_SETTINGS)?.acceptRouterAdvertisements === false) return false;
    return this.stack.personality.routerDiscovery.hostOnEveryInterface || this.autoconfig.has(iface);
  }

  /** Starts a round of up to MAX_RTR_SOLICITATIONS RS unless one is under way. */
  private startSoliciting(iface: NetInterface): void {
    if (!this.isHostInterface(iface) || !iface.operUp || !iface.ipv6.enabled || this.heardRa.has(iface)) return;
    const existing = this.solicitors.get(iface);
    if (existing !== undefined && !existing.done && existing.timer !== null) return;
    const state: SolicitorState = { timer: null, sent: 0, done: false };
    this.solicitors.set(iface, state);
    // Section 6.3.7: the first RS after a random delay of up to MAX_RTR_SOLICITATION_DELAY.
    const delayNs = Math.round(this.random.uniformFloat(0, MAX_RTR_SOLICITATION_DELAY_S) * NS_PER_S);
    state.timer = this.stack.context.setTimer(delayNs, () => this.solicit(iface, state));
  }

  private stopSoliciting(iface: NetInterface): void {
    this.solicitors.get(iface)?.timer?.cancel();
    this.solicitors.delete(iface);
  }

  private solicit(iface: NetInterface, state: SolicitorState): void {
    state.timer = null;
    if (state.done || !iface.operUp) return;
    // RFC 4861 section 4.1: the source is a usable address of the interface or ::, and no SLLAO with ::.
    const source = this.usableLinkLocal(iface) ?? (0n as Ipv6Address);
    const options: NdpOption[] = source === 0n ? [] : [{ kind: 'source-link-layer-address', linkLayerAddress: iface.mac }];
    this.services.sendIcmpv6({ destination: ALL_ROUTERS, message: { kind: 'router-solicitation', code: 0, options }, iface, source, hopLimit: 255 });
    state.sent++;
    this.counters.rsSent++;
    if (state.sent < MAX_RTR_SOLICITATIONS) state.timer = this.stack.context.setTimer(RTR_SOLICITATION_INTERVAL_S * NS_PER_S, () => this.solicit(iface, state));
  }

  /** Section 6.1.2 validity, then section 6.3.4 processing. */
  private handleRouterAdvertisement(message: Icmpv6Message, source: Ipv6Address, hopLimit: number, iface: NetInterface): void {
    if (message.kind !== 'router-advertisement') return;
    if (!isIpv6LinkLocal(source) || hopLimit !== 255 || message.code !== 0) {
      this.counters.raInvalid++;
      return;
    }
    this.counters.raReceived++;
    if (!this.isHostInterface(iface) || (this.stack.ipv6Forwarding && !this.autoconfig.has(iface))) return;
    if (iface.operUp) this.heardRa.add(iface);
    const solicitor = this.solicitors.get(iface);
    if (solicitor !== undefined) {
      solicitor.done = true;
      solicitor.timer?.cancel();
      solicitor.timer = null;
    }
    // Linux: a user default route through this router at the RA route's metric makes adding the RA's default fail, and the RA is dropped.
    const dropFrom = iface.getData(HOST_IPV6_SETTINGS)?.raDroppedFrom;
    if (dropFrom !== undefined && message.routerLifetimeS > 0 && dropFrom.includes(source) && !this.defaultRouters.routers(iface).some((r) => r.address === source)) return;
    const now = this.stack.context.nowNs();
    const learned = this.learnedOf(iface);
    learned.lastRaNs = now;
    learned.managed = message.managed;
    learned.other = message.other;
    if (message.curHopLimit !== 0) learned.curHopLimit = message.curHopLimit;
    if (message.reachableTimeMs !== 0) learned.reachableTimeMs = message.reachableTimeMs;
    if (message.retransTimerMs !== 0) learned.retransTimerMs = message.retransTimerMs;
    const installDefault = this.stack.personality.routerDiscovery.hostOnEveryInterface || (this.autoconfig.get(iface)?.installDefault ?? false);
    if (installDefault) this.defaultRouters.update(iface, source, message.routerLifetimeS, message.preference);
    for (const option of message.options) {
      switch (option.kind) {
        case 'mtu':
          // Section 6.3.4: take an MTU within [1280, link MTU]; others are ignored.
          if (option.mtu >= 1280 && option.mtu <= iface.mtuBytes && iface.ipv6.mtuBytes !== option.mtu) {
            iface.ipv6.mtuBytes = option.mtu;
            learned.mtuBytes = option.mtu;
            this.stack.emit({ kind: 'mtu-changed', iface });
          }
          break;
        case 'rdnss':
          this.updateDnsServers(learned, option.addresses, option.lifetimeS, now);
          break;
        case 'prefix-information':
          if (option.onLink) this.updateOnLinkPrefix(iface, option.prefix, option.prefixLength, option.validLifetimeS);
          this.slaac.handlePrefix(iface, option);
          break;
        default:
          break;
      }
    }
  }

  private learnedOf(iface: NetInterface): LearnedRaParameters {
    let learned = this.learned.get(iface);
    if (learned === undefined) {
      learned = { curHopLimit: undefined, mtuBytes: undefined, managed: false, other: false, reachableTimeMs: 0, retransTimerMs: 0, dnsServers: [], lastRaNs: undefined };
      this.learned.set(iface, learned);
    }
    return learned;
  }

  /** RFC 8106 section 5.1: lifetime 0 removes the servers; 0xffffffff is infinite. */
  private updateDnsServers(learned: LearnedRaParameters, addresses: readonly Ipv6Address[], lifetimeS: number, now: TimeNs): void {
    learned.dnsServers = learned.dnsServers.filter((s) => !addresses.includes(s.address) && s.expiresNs > now);
    if (lifetimeS === 0) return;
    const expiresNs = lifetimeS === 0xffffffff ? Infinity : now + lifetimeS * NS_PER_S;
    for (const address of addresses) learned.dnsServers.push({ address, expiresNs });
  }

  /** Section 6.3.4: the prefix list (on-link determination); valid lifetime 0 times the prefix out at once. */
  private updateOnLinkPrefix(iface: NetInterface, prefix: Ipv6Address, prefixLength: number, validLifetimeS: number): void {
    if (isIpv6LinkLocal(prefix)) return;
    const network = ipv6NetworkPart(prefix, prefixLength);
    let entry = this.onLink.find((p) => p.iface === iface && p.network === network && p.prefixLength === prefixLength);
    if (entry !== undefined) {
      entry.timer?.cancel();
      this.rib.remove((route) => route.source === 'nd-prefix' && route.iface === iface && route.network === network && route.prefixLength === prefixLength);
      if (validLifetimeS === 0) {
        this.onLink.splice(this.onLink.indexOf(entry), 1);
        return;
      }
    } else {
      if (validLifetimeS === 0) return;
      entry = { iface, network, prefixLength, timer: null };
      this.onLink.push(entry);
    }
    const now = this.stack.context.nowNs();
    const infinite = validLifetimeS === 0xffffffff;
    const current = entry;
    current.timer = infinite
      ? null
      : this.stack.context.setTimer(validLifetimeS * NS_PER_S, () => {
          this.onLink.splice(this.onLink.indexOf(current), 1);
          this.rib.remove((route) => route.source === 'nd-prefix' && route.iface === iface && route.network === network && route.prefixLength === prefixLength);
        });
    this.rib.add({
      network,
      prefixLength,
      nextHop: null,
      iface,
      source: 'nd-prefix',
      distance: 0,
      metric: this.stack.personality.routerDiscovery.onLinkPrefixMetric,
      expiresNs: infinite ? undefined : now + validLifetimeS * NS_PER_S,
    });
  }
}

/** The IPv6 layer's side of the services (structurally Ipv6Layer). */
export interface RouterDiscoveryIpv6 extends SlaacAddressServices {
  linkLocalOf(iface: NetInterface): Ipv6InterfaceAddress | undefined;
}

/** The ICMPv6 module's side of the services (structurally Icmpv6Module). */
export interface RouterDiscoveryIcmpv6 {
  readonly types: { register(type: number, handler: (message: Icmpv6Message, datagram: { readonly source: Ipv6Address; readonly hopLimit: number }, iface: NetInterface, raw: Uint8Array) => void): void };
  send(request: { readonly destination: Ipv6Address; readonly message: Icmpv6Message; readonly iface?: NetInterface; readonly source?: Ipv6Address; readonly hopLimit?: number }): unknown;
}

/** Router discovery and SLAAC on top of the device's IPv6 layer and ICMPv6 module. */
export function addRouterDiscovery(stack: NodeStack, ipv6: RouterDiscoveryIpv6, icmpv6: RouterDiscoveryIcmpv6, slaacOptions?: SlaacOptions): RouterDiscovery {
  return new RouterDiscovery(
    stack,
    {
      addAddress: (iface, request) => ipv6.addAddress(iface, request),
      removeAddress: (iface, address) => ipv6.removeAddress(iface, address),
      setState: (iface, entry, state) => ipv6.setState(iface, entry, state),
      linkLocalOf: (iface) => ipv6.linkLocalOf(iface),
      sendIcmpv6: (request) => void icmpv6.send(request),
      registerIcmpv6Type: (type, handler) => icmpv6.types.register(type, (message, datagram, iface) => handler(message, datagram.source, datagram.hopLimit, iface)),
    },
    slaacOptions,
  );
}

/**
 * Stateless address autoconfiguration from Prefix Information options (RFC 4862 section 5.5.3)
 * with temporary addresses (RFC 8981 section 3) and stable identifiers (RFC 7217).
 * For each PIO with the A flag on a /64 (the identifier is 64 bits, RFC 4291 section 2.5.1):
 * - a new prefix with a non-zero valid lifetime gives an address: prefix + the system's
 *   identifier (EUI-64 on Linux and IOS `ipv6 address autoconfig`, a stable random one on
 *   Windows), added through the IPv6 layer, which runs DAD (the address is tentative until it
 *   passes; a duplicate stable address is formed again with the next DAD_Counter, RFC 7217
 *   section 6, up to IDGEN_RETRIES);
 * - a known prefix resets the preferred lifetime and applies the two-hour rule to the valid
 *   lifetime (section 5.5.3 e): taken when above two hours or above the remaining time; ignored
 *   when the remaining time is two hours or less; otherwise set to two hours;
 * - the address deprecates when its preferred lifetime ends (still usable, not chosen for new
 *   communication) and is removed when its valid lifetime ends (section 5.5.4).
 * With temporary addresses on (Windows default; Linux `use_tempaddr` 2), each prefix also has a
 * temporary address (random identifier), valid for min(prefix valid, TEMP_VALID_LIFETIME) and
 * preferred for min(prefix preferred, TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR); a new one is
 * made REGEN_ADVANCE before the current one deprecates (RFC 8981 section 3.5/3.6), and the old one
 * stays deprecated until its valid lifetime ends.
 * Carrier loss leaves SLAAC addresses in place until their lifetimes end (as Linux does, and the
 * IPv6 layer reruns DAD at carrier return); they are refreshed by the RA that answers the RS.
 * Leaves out: optimistic DAD (RFC 4429), the Windows `SkipAsSource` flag, DHCPv6 addresses.
 */
import type { Ipv6Address } from '../../addr/ipv6';
import type { SeededRandom } from '../../engine/random';
import type { Timer } from '../../engine/simulator';
import { NS_PER_S, type TimeNs } from '../../engine/time';
import { INFINITE_LIFETIME_S } from '../../wire/ndp-options';
import type { Ipv6AddressOrigin, Ipv6InterfaceAddress, NetInterface } from '../net-interface';
import type { NodeStack } from '../node-stack';
import { HOST_IPV6_SETTINGS } from './host-settings';
import { addressWithInterfaceId, createStableIdSecret, interfaceIdFor, temporaryInterfaceId, type InterfaceIdMode, type StableIdSecret } from './interface-identifier';

/** The parts of the IPv6 layer SLAAC uses (Ipv6Layer provides them). */
export interface SlaacAddressServices {
  addAddress(
    iface: NetInterface,
    request: { readonly address: Ipv6Address; readonly prefixLength: number; readonly origin: Ipv6AddressOrigin; readonly validLifetimeS?: number; readonly preferredLifetimeS?: number },
  ): Ipv6InterfaceAddress;
  removeAddress(iface: NetInterface, address: Ipv6Address): boolean;
  setState(iface: NetInterface, entry: Ipv6InterfaceAddress, state: Ipv6InterfaceAddress['state']): void;
}

/** A Prefix Information option as SLAAC needs it. */
export interface SlaacPrefix {
  readonly prefix: Ipv6Address;
  readonly prefixLength: number;
  readonly autonomous: boolean;
  readonly validLifetimeS: number;
  readonly preferredLifetimeS: number;
}

export interface SlaacOptions {
  readonly idMode: InterfaceIdMode;
  /** RFC 8981 temporary addresses (Windows on; Linux use_tempaddr 0 off). */
  readonly temporaryAddresses: boolean;
  /** TEMP_VALID_LIFETIME: Windows MaxValidLifetime 7 days, Linux temp_valid_lft 7 days. */
  readonly tempValidLifetimeS: number;
  /** TEMP_PREFERRED_LIFETIME: 1 day on both. */
  readonly tempPreferredLifetimeS: number;
}

/** RFC 4862 section 5.5.3 e): the two hours. */
export const TWO_HOURS_S = 7200;
/** RFC 8981 section 3.8: REGEN_ADVANCE = 2 + TEMP_IDGEN_RETRIES x DupAddrDetectTransmits x RetransTimer = 5 s. */
export const REGEN_ADVANCE_S = 5;
/** RFC 8981 section 3.8: MAX_DESYNC_FACTOR = 0.4 x TEMP_PREFERRED_LIFETIME. */
const MAX_DESYNC_FRACTION = 0.4;
/** RFC 7217 section 7 IDGEN_RETRIES; RFC 8981 TEMP_IDGEN_RETRIES. */
const IDGEN_RETRIES = 3;

/** One autoconfigured address and its lifetime timers. */
interface AutoAddress {
  readonly address: Ipv6Address;
  readonly origin: 'slaac' | 'temporary';
  validUntilNs: TimeNs;
  preferredUntilNs: TimeNs;
  createdNs: TimeNs;
  deprecateTimer: Timer | null;
  expireTimer: Timer | null;
  regenTimer: Timer | null;
  dadCounter: number;
}

interface PrefixState {
  readonly iface: NetInterface;
  readonly prefix: Ipv6Address;
  stable: AutoAddress | null;
  temporaries: AutoAddress[];
  /** The prefix's own lifetimes as last advertised (caps for the temporary addresses). */
  validUntilNs: TimeNs;
  preferredUntilNs: TimeNs;
}

function untilNs(now: TimeNs, lifetimeS: number): TimeNs {
  return lifetimeS === INFINITE_LIFETIME_S || lifetimeS === Infinity ? Infinity : now + lifetimeS * NS_PER_S;
}

function remainingS(now: TimeNs, until: TimeNs): number {
  return until === Infinity ? Infinity : Math.max(0, (until - now) / NS_PER_S);
}

export class Slaac {
  private readonly prefixes: PrefixState[] = [];
  private readonly secret: StableIdSecret;
  private readonly random: SeededRandom;
  /** RFC 8981 section 3.4: DESYNC_FACTOR, drawn once per host. */
  private readonly desyncFactorS: number;

  constructor(
    private readonly stack: NodeStack,
    private readonly services: SlaacAddressServices,
    readonly options: SlaacOptions,
  ) {
    this.secret = createStableIdSecret(stack.context.random);
    this.random = stack.context.random.derive('rfc8981-temporary');
    this.desyncFactorS = this.random.uniformFloat(0, MAX_DESYNC_FRACTION * options.tempPreferredLifetimeS);
    stack.onInterfaceEvent((event) => {
      if (event.kind === 'ipv6-address-changed' && event.address.state === 'duplicate') this.handleDuplicate(event.iface, event.address.address);
    });
  }

  /** RFC 4862 section 5.5.3: a Prefix Information option received in a valid RA on `iface`. */
  handlePrefix(iface: NetInterface, option: SlaacPrefix): void {
    if (iface.getData(HOST_IPV6_SETTINGS)?.autoconfig === false) return; // Linux autoconf=0
    if (!option.autonomous) return; // a)
    if (option.prefix >> 118n === 0x3fan) return; // b) link-local prefix
    if (option.preferredLifetimeS > option.validLifetimeS) return; // c)
    if (option.prefixLength !== 64) return; // 5.5.3 d): prefix + identifier must be 128 bits
    const now = this.stack.context.nowNs();
    const network = ((option.prefix >> 64n) << 64n) as Ipv6Address;
    let state = this.prefixes.find((p) => p.iface === iface && p.prefix === network);
    if (state === undefined || state.stable === null) {
      if (option.validLifetimeS === 0) return; // d)
      if (state === undefined) {
        state = { iface, prefix: network, stable: null, temporaries: [], validUntilNs: 0, preferredUntilNs: 0 };
        this.prefixes.push(state);
      }
      state.validUntilNs = untilNs(now, option.validLifetimeS);
      state.preferredUntilNs = untilNs(now, option.preferredLifetimeS);
      state.stable = this.createAddress(state, 'slaac', option.validLifetimeS, option.preferredLifetimeS, 0);
      if (this.temporaryOn(iface)) this.createTemporary(state);
      return;
    }
    // e) the prefix is known: preferred lifetime as advertised, valid lifetime by the two-hour rule.
    const stable = state.stable;
    const remainingValidS = remainingS(now, stable.validUntilNs);
    let validS: number;
    if (option.validLifetimeS > TWO_HOURS_S || option.validLifetimeS > remainingValidS) validS = option.validLifetimeS;
    else if (remainingValidS <= TWO_HOURS_S) validS = remainingValidS;
    else validS = TWO_HOURS_S;
    state.validUntilNs = untilNs(now, validS);
    state.preferredUntilNs = untilNs(now, option.preferredLifetimeS);
    this.setLifetimes(state, stable, validS, Math.min(option.preferredLifetimeS, validS));
    // RFC 8981 section 3.4: temporaries keep their own caps, counted from their creation.
    for (const temp of state.temporaries) {
      const ageS = (now - temp.createdNs) / NS_PER_S;
      const tempValidS = Math.max(0, Math.min(validS, this.options.tempValidLifetimeS - ageS));
      const tempPreferredS = Math.max(0, Math.min(option.preferredLifetimeS, this.options.tempPreferredLifetimeS - this.desyncFactorS - ageS, tempValidS));
      this.setLifetimes(state, temp, tempValidS, tempPreferredS);
    }
    if (this.temporaryOn(iface) && option.preferredLifetimeS > 0 && !state.temporaries.some((t) => t.preferredUntilNs > now)) this.createTemporary(state);
  }

  /** Temporary addresses on for `iface`: the host's setting (host-settings.ts), else the system default. */
  private temporaryOn(iface: NetInterface): boolean {
    return iface.getData(HOST_IPV6_SETTINGS)?.temporaryAddresses ?? this.options.temporaryAddresses;
  }

  /** How `iface` forms identifiers: the host's setting, else the system default. */
  private idModeOf(iface: NetInterface): InterfaceIdMode {
    return iface.getData(HOST_IPV6_SETTINGS)?.idMode ?? this.options.idMode;
  }

  /** The autoconfigured addresses and their lifetimes, for checks. */
  addresses(iface?: NetInterface): { address: Ipv6Address; origin: 'slaac' | 'temporary'; validUntilNs: TimeNs; preferredUntilNs: TimeNs }[] {
    const out = [];
    for (const state of this.prefixes) {
      if (iface !== undefined && state.iface !== iface) continue;
      for (const entry of [state.stable, ...state.temporaries]) {
        if (entry !== null) out.push({ address: entry.address, origin: entry.origin, validUntilNs: entry.validUntilNs, preferredUntilNs: entry.preferredUntilNs });
      }
    }
    return out;
  }

  private createAddress(state: PrefixState, origin: 'slaac' | 'temporary', validS: number, preferredS: number, dadCounter: number): AutoAddress {
    const iface = state.iface;
    const id = origin === 'temporary' ? temporaryInterfaceId(this.random) : interfaceIdFor(this.idModeOf(iface), this.secret, state.prefix, iface.name, iface.mac, dadCounter);
    const address = addressWithInterfaceId(state.prefix, id);
    const now = this.stack.context.nowNs();
    const auto: AutoAddress = { address, origin, validUntilNs: 0, preferredUntilNs: 0, createdNs: now, deprecateTimer: null, expireTimer: null, regenTimer: null, dadCounter };
    this.services.addAddress(iface, { address, prefixLength: 64, origin, validLifetimeS: validS, preferredLifetimeS: preferredS });
    this.scheduleLifetimes(state, auto, validS, preferredS);
    return auto;
  }

  private createTemporary(state: PrefixState, dadCounter = 0): void {
    const now = this.stack.context.nowNs();
    const validS = Math.min(remainingS(now, state.validUntilNs), this.options.tempValidLifetimeS);
    const preferredS = Math.min(remainingS(now, state.preferredUntilNs), this.options.tempPreferredLifetimeS - this.desyncFactorS, validS);
    // RFC 8981 section 3.4 step 5: no temporary address whose preferred lifetime would not outlast REGEN_ADVANCE.
    if (preferredS <= REGEN_ADVANCE_S) return;
    state.temporaries.push(this.createAddress(state, 'temporary', validS, preferredS, dadCounter));
  }

  /** Sets an address's lifetimes in the IPv6 layer and its timers. */
  private setLifetimes(state: PrefixState, auto: AutoAddress, validS: number, preferredS: number): void {
    const entry = state.iface.ipv6.addresses.find((e) => e.address === auto.address);
    if (entry === undefined) return;
    this.services.addAddress(state.iface, { address: auto.address, prefixLength: 64, origin: auto.origin, validLifetimeS: validS, preferredLifetimeS: preferredS });
    this.scheduleLifetimes(state, auto, validS, preferredS);
  }

  private scheduleLifetimes(state: PrefixState, auto: AutoAddress, validS: number, preferredS: number): void {
    const context = this.stack.context;
    const now = context.nowNs();
    auto.validUntilNs = untilNs(now, validS);
    auto.preferredUntilNs = untilNs(now, preferredS);
    auto.deprecateTimer?.cancel();
    auto.expireTimer?.cancel();
    auto.regenTimer?.cancel();
    auto.deprecateTimer = auto.expireTimer = auto.regenTimer = null;
    if (auto.preferredUntilNs !== Infinity) {
      auto.deprecateTimer = context.setTimer(auto.preferredUntilNs - now, () => {
        auto.deprecateTimer = null;
        const entry = state.iface.ipv6.addresses.find((e) => e.address === auto.address);
        // Section 5.5.4: a deprecated address stays valid; DAD results (duplicate) are kept as they are.
        if (entry !== undefined && (entry.state === 'preferred' || entry.state === 'tentative' || entry.state === 'optimistic')) this.services.setState(state.iface, entry, 'deprecated');
      });
      if (auto.origin === 'temporary' && this.temporaryOn(state.iface) && preferredS > REGEN_ADVANCE_S) {
        auto.regenTimer = context.setTimer(auto.preferredUntilNs - now - REGEN_ADVANCE_S * NS_PER_S, () => {
          auto.regenTimer = null;
          // RFC 8981 section 3.6: the next temporary address, made before this one deprecates.
          if (state.temporaries[state.temporaries.length - 1] === auto) this.createTemporary(state);
        });
      }
    }
    if (auto.validUntilNs !== Infinity) {
      auto.expireTimer = context.setTimer(auto.validUntilNs - now, () => {
        auto.expireTimer = null;
        this.forget(state, auto);
      });
    }
  }

  /**
   * Drops every autoconfigured address of `iface` and what SLAAC knew of its prefixes (Linux
   * addrconf_ifdown on `ip link set down`): the next RA forms them afresh.
   */
  forgetInterface(iface: NetInterface): void {
    for (const state of this.prefixes.filter((p) => p.iface === iface)) {
      for (const auto of [...state.temporaries, ...(state.stable === null ? [] : [state.stable])]) this.forget(state, auto);
      const index = this.prefixes.indexOf(state);
      if (index >= 0) this.prefixes.splice(index, 1);
    }
  }

  private forget(state: PrefixState, auto: AutoAddress): void {
    auto.deprecateTimer?.cancel();
    auto.expireTimer?.cancel();
    auto.regenTimer?.cancel();
    this.services.removeAddress(state.iface, auto.address);
    if (state.stable === auto) state.stable = null;
    state.temporaries = state.temporaries.filter((t) => t !== auto);
    if (state.stable === null && state.temporaries.length === 0) this.prefixes.splice(this.prefixes.indexOf(state), 1);
  }

  private handleDuplicate(iface: NetInterface, address: Ipv6Address): void {
    const state = this.prefixes.find((p) => p.iface === iface && (p.stable?.address === address || p.temporaries.some((t) => t.address === address)));
    if (state === undefined) return;
    const auto = state.stable?.address === address ? state.stable : state.temporaries.find((t) => t.address === address)!;
    if (auto.dadCounter + 1 > IDGEN_RETRIES) return;
    const now = this.stack.context.nowNs();
    if (auto.origin === 'slaac') {
      // RFC 7217 section 6: try again with the next DAD_Counter (an EUI-64 identifier cannot change: it stays duplicate).
      if (this.idModeOf(iface) !== 'stable-privacy') return;
      const validS = remainingS(now, auto.validUntilNs);
      const preferredS = remainingS(now, auto.preferredUntilNs);
      this.forget(state, auto);
      if (!this.prefixes.includes(state)) this.prefixes.push(state);
      state.stable = this.createAddress(state, 'slaac', validS, preferredS, auto.dadCounter + 1);
      return;
    }
    // RFC 8981 section 3.4 step 6: a new temporary identifier, up to TEMP_IDGEN_RETRIES.
    this.forget(state, auto);
    if (!this.prefixes.includes(state)) this.prefixes.push(state);
    this.createTemporary(state, auto.dadCounter + 1);
  }
}


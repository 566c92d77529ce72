/**
 * Interface identifiers for IPv6 addresses, per system, as the real ones form them:
 * - modified EUI-64 from the MAC (RFC 4291 appendix A): IOS link-local and `eui-64`/`autoconfig`
 *   addresses, Linux by default (`addr_gen_mode` 0) for link-local and SLAAC;
 * - stable, random-looking identifiers (RFC 7217 section 5: F(Prefix, Net_Iface, Network_ID,
 *   DAD_Counter, secret_key)): Windows link-local and SLAAC addresses (the default
 *   `randomizeidentifiers`), Linux with `addr_gen_mode` 2/3;
 * - temporary identifiers (RFC 8981 section 3.3.1): random, fresh each time.
 * The per-host secret comes from the device's seeded stream, so the same seed gives the same
 * addresses. F is a 64-bit keyed mix (two 32-bit lanes of a splitmix-style finaliser), not the
 * SHA-256 RFC 7217 suggests: a lab needs stability and spread, not cryptographic strength.
 * Every generator skips the reserved identifiers of RFC 5453 (all zero, the subnet-router
 * anycast, the reserved subnet anycast range fdff:ffff:ffff:ff80-ffff) and the ISATAP form
 * 0200:5efe:…, as RFC 7217 section 5 and RFC 8981 section 3.3.1 ask.
 * Leaves out: the Network_ID input (SSID), the IDGEN_RETRIES limit beyond a simple counter.
 */
import { interfaceIdFromMac } from '../../addr/eui64';
import type { Ipv6Address } from '../../addr/ipv6';
import type { MacAddress } from '../../addr/mac';
import type { SeededRandom } from '../../engine/random';
import type { NetInterface } from '../net-interface';
import { personalityOf, type StackFlavour } from '../personality';

/** fe80::/64 (RFC 4291 section 2.5.6). */
export const LINK_LOCAL_NETWORK = (0xfe80n << 112n) as Ipv6Address;

const IID_MASK = 0xffffffffffffffffn;

/** A per-host secret key (RFC 7217 section 5: at least 128 bits), drawn once from the host's stream. */
export type StableIdSecret = readonly [number, number, number, number];

/** The host's RFC 7217 secret, from its own derived stream (unaffected by other modules' draws). */
export function createStableIdSecret(random: SeededRandom): StableIdSecret {
  const stream = random.derive('rfc7217-secret');
  return [stream.nextUint32(), stream.nextUint32(), stream.nextUint32(), stream.nextUint32()];
}

/** RFC 5453 reserved identifiers, and ISATAP's 0200:5efe (RFC 5214), which generators must avoid. */
export function isReservedInterfaceId(interfaceId: bigint): boolean {
  const id = interfaceId & IID_MASK;
  if (id === 0n) return true;
  if (id >= 0xfdffffffffffff80n) return true; // fdff:ffff:ffff:ff80 … ffff (RFC 2526 subnet anycast)
  const high = id >> 32n;
  return high === 0x00005efen || high === 0x02005efen;
}

/** The modified EUI-64 identifier of `mac` (RFC 4291 appendix A). */
export function eui64InterfaceId(mac: MacAddress): bigint {
  return interfaceIdFromMac(mac);
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A keyed 64-bit hash of 32-bit words: two independently keyed lanes. */
function keyedHash64(secret: StableIdSecret, words: readonly number[]): bigint {
  let a = secret[0] ^ 0x243f6a88;
  let b = secret[1] ^ 0x85a308d3;
  for (const word of words) {
    a = mix32((a ^ word) + secret[2]);
    b = mix32((b ^ Math.imul(word, 0x9e3779b1)) + secret[3]);
    a = (a + b) >>> 0;
  }
  a = mix32(a ^ secret[3]);
  b = mix32(b ^ a ^ secret[2]);
  return (BigInt(a >>> 0) << 32n) | BigInt(b >>> 0);
}

function textWords(text: string): number[] {
  const words: number[] = [text.length];
  for (let i = 0; i < text.length; i++) words.push(text.charCodeAt(i));
  return words;
}

/**
 * RFC 7217 section 5: the stable identifier for `prefix` (its top 64 bits are used) on the
 * interface named `interfaceName`, with `dadCounter` bumped after each DAD failure (section 6).
 */
export function stableInterfaceId(secret: StableIdSecret, prefix: Ipv6Address, interfaceName: string, dadCounter = 0): bigint {
  const top = prefix >> 64n;
  for (let counter = dadCounter; ; counter++) {
    const words = [Number((top >> 32n) & 0xffffffffn), Number(top & 0xffffffffn), ...textWords(interfaceName), counter];
    const id = keyedHash64(secret, words);
    if (!isReservedInterfaceId(id)) return id;
  }
}

/** RFC 8981 section 3.3.1: a random identifier for a temporary address (a fresh draw each call). */
export function temporaryInterfaceId(random: SeededRandom): bigint {
  for (;;) {
    const id = (BigInt(random.nextUint32()) << 32n) | BigInt(random.nextUint32());
    if (!isReservedInterfaceId(id)) return id;
  }
}

/** How a system forms the identifiers of its link-local and SLAAC addresses. */
export type InterfaceIdMode = 'eui64' | 'stable-privacy';

/** Each system's default: IOS and Linux (addr_gen_mode 0) EUI-64, Windows stable random. */
export function defaultInterfaceIdMode(flavour: StackFlavour): InterfaceIdMode {
  return personalityOf(flavour).ipv6.linkLocalIdMode;
}

/** The identifier of an address under `prefix` (a /64) for an interface with `mac`, in `mode`. */
export function interfaceIdFor(mode: InterfaceIdMode, secret: StableIdSecret, prefix: Ipv6Address, interfaceName: string, mac: MacAddress, dadCounter = 0): bigint {
  return mode === 'eui64' ? eui64InterfaceId(mac) : stableInterfaceId(secret, prefix, interfaceName, dadCounter);
}

/** The address `prefix` + identifier (the prefix is a /64; its low 64 bits are ignored). */
export function addressWithInterfaceId(prefix: Ipv6Address, interfaceId: bigint): Ipv6Address {
  return (((prefix >> 64n) << 64n) | (interfaceId & IID_MASK)) as Ipv6Address;
}

/**
 * The link-local address (RFC 4862 section 5.3) a system forms on an interface: fe80::EUI-64
 * on IOS and Linux, fe80:: + a stable random identifier on Windows (keyed by the device's
 * stream, so the same seed gives the same address; `dadCounter` > 0 after a duplicate).
 */
export function linkLocalAddressFor(flavourOrMode: StackFlavour | InterfaceIdMode, random: SeededRandom, iface: NetInterface, dadCounter = 0): Ipv6Address {
  const mode = flavourOrMode === 'eui64' || flavourOrMode === 'stable-privacy' ? flavourOrMode : personalityOf(flavourOrMode).ipv6.linkLocalIdMode;
  const secret = createStableIdSecret(random);
  return addressWithInterfaceId(LINK_LOCAL_NETWORK, interfaceIdFor(mode, secret, LINK_LOCAL_NETWORK, iface.name, iface.mac, dadCounter));
}

/**
 * Picks the probe transport of a family for a device's stack (ping, traceroute): IPv4 through
 * the IPv4 layer and ICMPv4, IPv6 through the IPv6 layer and ICMPv6 once the device has them.
 * Transports are made once per stack and family and kept in a stack slot.
 */
import { DataKey } from '../net-interface';
import type { NodeStack } from '../node-stack';
import { ipv4ProbeTransport } from './ipv4-probe-transport';
import { ipv6ProbeTransport } from './ipv6-probe-transport';
import type { IpAddress, ProbeFamily, ProbeTransport } from './probe-transport';

const TRANSPORTS = new DataKey<Map<ProbeFamily, ProbeTransport>>('probe transports');

/** The family of an address value (IPv6 values are bigints). */
export function familyOfAddress(address: IpAddress): ProbeFamily {
  return typeof address === 'bigint' ? 'ipv6' : 'ipv4';
}

/** The transport of `family` on `stack`, or undefined when the stack lacks that family. */
export function selectProbeTransport(stack: NodeStack, family: ProbeFamily): ProbeTransport | undefined {
  let cache = stack.find(TRANSPORTS);
  if (cache === undefined) {
    cache = new Map();
    stack.provide(TRANSPORTS, cache);
  }
  const cached = cache.get(family);
  if (cached !== undefined) return cached;
  const made = family === 'ipv4' ? ipv4ProbeTransport(stack) : ipv6ProbeTransport(stack);
  if (made !== undefined) cache.set(family, made);
  return made;
}

const NEXT_IDENTIFIER = new DataKey<{ value: number }>('next echo identifier');

/**
 * A fresh 16-bit identifier for an echo session (or a traceroute's UDP source port base), so two
 * sessions on one device never take each other's replies. Starts at a value from the device's
 * random stream, as Linux ping sockets get an ephemeral "port".
 */
export function allocateProbeIdentifier(stack: NodeStack): number {
  let next = stack.find(NEXT_IDENTIFIER);
  if (next === undefined) {
    next = { value: stack.context.random.derive('echo-id').uniformInt(1, 0xffff) };
    stack.provide(NEXT_IDENTIFIER, next);
  }
  const value = next.value;
  next.value = (next.value % 0xffff) + 1;
  return value;
}

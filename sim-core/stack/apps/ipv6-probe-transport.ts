/**
 * The IPv6 side of ping and traceroute (probe-transport.ts). Placeholder until the IPv6 layer
 * (sim-core/stack/ipv6) exists: a stack without it has no IPv6 transport, and ping/traceroute
 * report that the family is unavailable.
 */
import type { NodeStack } from '../node-stack';
import type { ProbeTransport } from './probe-transport';

/** The IPv6 transport of a stack, when it has IPv6 and ICMPv6. */
export function ipv6ProbeTransport(_stack: NodeStack): ProbeTransport | undefined {
  return undefined;
}

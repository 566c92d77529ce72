/**
 * What a device did with a packet, read from the trace alone: the records of the same packet
 * at the same device around the one asked about. A router's forwarding is an rx on one port
 * followed by a tx of the same IP packet with the hop limit one lower (RFC 8200 section 3;
 * TTL for IPv4, RFC 791); a switch's is an rx then the same frame (or the same IP packet, hop
 * limit unchanged) out of other ports; a drop is the device's drop record of that packet, with
 * its reason; a tx with no rx before it was sent by the device itself; an rx with nothing after
 * it was taken by the device (addressed to it, or to a group it is in).
 * The route that matched is not in the trace: the caller looks it up (`routeOf`).
 *
 * Leaves out: packets whose identity changes inside a device (NAT64, tunnels): those read as
 * "received" then "sent".
 */
import type { TraceRecord } from '../../sim-core/engine/trace';
import type { PacketDecision } from './sim-protocol';
import { identifyPacket, type PacketIdentity } from './trace-rows';

/** How far around a record to look for the same packet at the same device. */
const WINDOW_RECORDS = 4000;
/** Neighbour resolution may hold a packet up to three solicitations (RFC 4861 section 7.2.2). */
const WINDOW_NS = 5_000_000_000;

export interface DecisionInputs {
  /** The record numbered `seq` (since boot), if still kept. */
  recordAt(seq: number): TraceRecord | undefined;
  /** Lowest kept seq and one past the newest. */
  readonly firstSeq: number;
  readonly endSeq: number;
  /** The route a device's forwarding table gives for the packet in `bytes`. */
  routeOf?(device: string, bytes: Uint8Array): { readonly prefix: string; readonly nextHop: string | null } | undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The decision the device made about the packet of record `seq`; null when the record is gone. */
export function explainRecord(inputs: DecisionInputs, seq: number): PacketDecision | null {
  const record = inputs.recordAt(seq);
  if (record === undefined) return null;
  if (record.direction === 'drop') return { kind: 'dropped', device: record.device, iface: record.interface, reason: record.reason ?? 'unknown' };
  if (record.direction === 'tx') return explainSend(inputs, seq, record);
  return explainReceive(inputs, seq, record, record.bytes === null ? null : identifyPacket(record.bytes));
}

/** Same packet: equal frames, or the same IP packet. Returns the hop-limit change, or null. */
function relation(a: TraceRecord, aId: PacketIdentity | null, b: TraceRecord): { readonly hopDelta: number } | null {
  if (a.bytes === null || b.bytes === null) return null;
  if (sameBytes(a.bytes, b.bytes)) return { hopDelta: 0 };
  if (aId === null) return null;
  const bId = identifyPacket(b.bytes);
  if (bId === null || bId.family !== aId.family || bId.key !== aId.key) return null;
  return { hopDelta: bId.hopLimit - aId.hopLimit };
}

function explainReceive(inputs: DecisionInputs, seq: number, rx: TraceRecord, identity: PacketIdentity | null): PacketDecision {
  const limit = Math.min(inputs.endSeq, seq + 1 + WINDOW_RECORDS);
  const switchedOut: string[] = [];
  let switchedAt: number | undefined;
  for (let next = seq + 1; next < limit; next++) {
    const other = inputs.recordAt(next);
    if (other === undefined) continue;
    if (other.timeNs > rx.timeNs + WINDOW_NS) break;
    if (switchedAt !== undefined && other.timeNs !== switchedAt) break;
    if (other.device !== rx.device) continue;
    if (other.direction === 'rx') continue;
    const related = relation(rx, identity, other);
    if (related === null) continue;
    if (other.direction === 'drop') return { kind: 'dropped', device: rx.device, iface: other.interface, reason: other.reason ?? 'unknown' };
    if (related.hopDelta === 0) {
      // A switch sends the same frame out of every port it floods to, at one instant.
      if (other.interface !== rx.interface && !switchedOut.includes(other.interface)) switchedOut.push(other.interface);
      switchedAt = other.timeNs;
      continue;
    }
    if (related.hopDelta === -1 && identity !== null && other.bytes !== null) {
      return forwarded(inputs, rx.device, rx.interface, other.interface, identity, other.bytes);
    }
  }
  if (switchedOut.length > 0) return { kind: 'switched', device: rx.device, inIface: rx.interface, outIfaces: switchedOut };
  return { kind: 'received', device: rx.device, iface: rx.interface, multicast: identity?.multicast ?? (rx.bytes !== null && rx.bytes.length > 0 && (rx.bytes[0]! & 1) === 1) };
}

function explainSend(inputs: DecisionInputs, seq: number, tx: TraceRecord): PacketDecision {
  const limit = Math.max(inputs.firstSeq, seq - WINDOW_RECORDS);
  for (let previous = seq - 1; previous >= limit; previous--) {
    const other = inputs.recordAt(previous);
    if (other === undefined) continue;
    if (other.timeNs < tx.timeNs - WINDOW_NS) break;
    if (other.device !== tx.device || other.direction !== 'rx') continue;
    const otherId = other.bytes === null ? null : identifyPacket(other.bytes);
    const related = relation(other, otherId, tx);
    if (related === null) continue;
    // The decision is the one taken when the packet came in: explain from there.
    if (related.hopDelta === -1 || related.hopDelta === 0) return explainRecord(inputs, previous) ?? { kind: 'sent', device: tx.device, iface: tx.interface };
  }
  return { kind: 'sent', device: tx.device, iface: tx.interface };
}

function forwarded(inputs: DecisionInputs, device: string, inIface: string, outIface: string, identity: PacketIdentity, outBytes: Uint8Array): PacketDecision {
  const route = inputs.routeOf?.(device, outBytes);
  return {
    kind: 'forwarded',
    device,
    inIface,
    outIface,
    family: identity.family,
    hopLimitBefore: identity.hopLimit,
    hopLimitAfter: identity.hopLimit - 1,
    ...(route === undefined ? {} : { route }),
  };
}

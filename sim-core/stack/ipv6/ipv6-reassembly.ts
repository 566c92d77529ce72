/**
 * IPv6 reassembly at the destination (RFC 8200 section 4.5): fragments are grouped by
 * (source, destination, identification), kept as a sorted list of pieces (no 64 KiB buffer per
 * datagram), and the packet is rebuilt once the last fragment (M clear) is in and the pieces
 * cover every byte before it: the unfragmentable part of the first fragment, its last Next
 * Header set to the Fragment header's, and the fragment data in order.
 *
 * Overlapping fragments abandon the whole datagram, silently (RFC 5722 section 3, RFC 8200
 * section 4.5); the group then stays "poisoned" until its timer ends, so later fragments of it
 * are discarded too. An exact duplicate (same offset and length) is ignored, as Linux does.
 * A datagram not complete 60 s after its first fragment arrived is abandoned; the caller is told
 * so it can send Time Exceeded code 1 when the first fragment (offset 0) was received.
 * Bounded: at most 64 datagrams in progress per node (others are dropped).
 * Leaves out: the RFC 8200 checks that need the upper-layer header in the first fragment
 * (RFC 7112), ECN combination (RFC 3168 section 5.3).
 */
import type { Ipv6Address } from '../../addr/ipv6';
import type { Timer } from '../../engine/simulator';
import { secondsToNs } from '../../engine/time';
import { IPV6_HEADER_LENGTH } from '../../wire/ipv6';
import type { NodeContext } from '../node-context';

export const REASSEMBLY_TIMEOUT_S = 60;
const MAX_IN_PROGRESS = 64;

/** One received fragment, as the IPv6 layer extracts it. */
export interface Ipv6Fragment {
  readonly source: Ipv6Address;
  readonly destination: Ipv6Address;
  readonly identification: number;
  /** Byte offset of this fragment's data in the fragmentable part. */
  readonly offsetBytes: number;
  readonly moreFragments: boolean;
  /** The Next Header field of the Fragment header. */
  readonly nextHeader: number;
  readonly data: Uint8Array;
  /** The whole fragment packet as received (quoted in Time Exceeded). */
  readonly raw: Uint8Array;
  /** Offset in `raw` of the Fragment header (the end of the unfragmentable part). */
  readonly fragmentHeaderOffset: number;
  /** Offset in `raw` of the Next Header field that names the Fragment header. */
  readonly previousNextHeaderOffset: number;
}

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly data: Uint8Array;
}

interface Pending {
  readonly source: Ipv6Address;
  readonly destination: Ipv6Address;
  readonly identification: number;
  readonly pieces: Piece[];
  /** Length of the fragmentable part once the last fragment arrived; -1 until then. */
  totalLength: number;
  first: Ipv6Fragment | null;
  /** Overlap seen: everything for this datagram is discarded until the timer ends. */
  poisoned: boolean;
  readonly timer: Timer;
}

export type ReassemblyOutcome =
  | { readonly kind: 'pending' }
  /** The rebuilt packet (fixed header included, Payload Length set). */
  | { readonly kind: 'complete'; readonly packet: Uint8Array }
  | { readonly kind: 'discarded'; readonly reason: 'fragment-overlap' | 'reassembly-full' };

export interface ReassemblyTimeout {
  /** The first fragment (offset 0) when it had arrived: the ICMPv6 error quotes it. */
  readonly first: Ipv6Fragment | null;
  /** How many fragments were held. */
  readonly fragments: number;
}

const PENDING: ReassemblyOutcome = { kind: 'pending' };

export class Ipv6Reassembler {
  /** Keyed by identification, then matched on addresses (no string keys on the per-fragment path). */
  private readonly pending = new Map<number, Pending[]>();
  private count = 0;

  constructor(
    private readonly context: NodeContext,
    readonly timeoutS: number,
    private readonly onTimeout: (timeout: ReassemblyTimeout) => void,
  ) {}

  get inProgress(): number {
    return this.count;
  }

  add(fragment: Ipv6Fragment): ReassemblyOutcome {
    let entry = this.find(fragment);
    if (entry === undefined) {
      if (this.count >= MAX_IN_PROGRESS) return { kind: 'discarded', reason: 'reassembly-full' };
      entry = this.create(fragment);
    }
    if (entry.poisoned) return { kind: 'discarded', reason: 'fragment-overlap' };
    const start = fragment.offsetBytes;
    const end = start + fragment.data.length;
    // Insert sorted by start; any overlap with a neighbour abandons the datagram (RFC 5722).
    const pieces = entry.pieces;
    let index = 0;
    while (index < pieces.length && pieces[index]!.start < start) index++;
    const before = pieces[index - 1];
    const after = pieces[index];
    if (after !== undefined && after.start === start && after.end === end) return PENDING; // exact duplicate
    if ((before !== undefined && before.end > start) || (after !== undefined && after.start < end)) {
      entry.poisoned = true;
      entry.pieces.length = 0;
      entry.first = null;
      return { kind: 'discarded', reason: 'fragment-overlap' };
    }
    pieces.splice(index, 0, { start, end, data: fragment.data });
    if (start === 0) entry.first = fragment;
    if (!fragment.moreFragments) entry.totalLength = end;
    if (entry.totalLength < 0 || entry.first === null) return PENDING;
    let covered = 0;
    for (const piece of pieces) {
      if (piece.start !== covered) return PENDING;
      covered = piece.end;
    }
    if (covered !== entry.totalLength) return PENDING;
    entry.timer.cancel();
    this.delete(entry);
    return { kind: 'complete', packet: this.rebuild(entry.first, pieces, entry.totalLength) };
  }

  private rebuild(first: Ipv6Fragment, pieces: readonly Piece[], totalLength: number): Uint8Array {
    const headerLength = first.fragmentHeaderOffset;
    const packet = new Uint8Array(headerLength + totalLength);
    packet.set(first.raw.subarray(0, headerLength), 0);
    packet[first.previousNextHeaderOffset] = first.nextHeader;
    const payloadLength = packet.length - IPV6_HEADER_LENGTH;
    packet[4] = payloadLength >>> 8;
    packet[5] = payloadLength & 0xff;
    for (const piece of pieces) packet.set(piece.data, headerLength + piece.start);
    return packet;
  }

  private find(fragment: Ipv6Fragment): Pending | undefined {
    const list = this.pending.get(fragment.identification);
    if (list === undefined) return undefined;
    for (const entry of list) if (entry.source === fragment.source && entry.destination === fragment.destination) return entry;
    return undefined;
  }

  private create(fragment: Ipv6Fragment): Pending {
    const entry: Pending = {
      source: fragment.source,
      destination: fragment.destination,
      identification: fragment.identification,
      pieces: [],
      totalLength: -1,
      first: null,
      poisoned: false,
      timer: this.context.setTimer(secondsToNs(this.timeoutS), () => {
        this.delete(entry);
        if (!entry.poisoned) this.onTimeout({ first: entry.first, fragments: entry.pieces.length });
      }),
    };
    const list = this.pending.get(fragment.identification);
    if (list === undefined) this.pending.set(fragment.identification, [entry]);
    else list.push(entry);
    this.count++;
    return entry;
  }

  private delete(entry: Pending): void {
    const list = this.pending.get(entry.identification);
    if (list === undefined) return;
    const index = list.indexOf(entry);
    if (index < 0) return;
    list.splice(index, 1);
    if (list.length === 0) this.pending.delete(entry.identification);
    this.count--;
  }
}

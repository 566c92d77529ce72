/**
 * What a packet capture holds once read, whatever its file format: the interfaces that captured
 * and the packets with their timestamps. Shared by the pcapng reader (draft-ietf-opsawg-pcapng),
 * the classic pcap reader (draft-ietf-opsawg-pcap) and the app's capture viewer.
 * Leaves out: name resolution, statistics and custom blocks (they are skipped when read).
 */
import type { DecodeError } from '../wire/result';

/** LINKTYPE_ETHERNET (IEEE 802.3 Ethernet), the only link type the simulator writes. */
export const LINKTYPE_ETHERNET = 1;

/** Which way the packet crossed the interface (pcapng epb_flags bits 0-1). */
export type PacketDirection = 'inbound' | 'outbound';

export interface CaptureInterface {
  /** LINKTYPE_* value, e.g. 1 for Ethernet. */
  readonly linkType: number;
  /** Longest number of bytes captured per packet; 0 means no limit. */
  readonly snapLength: number;
  /** if_name, e.g. "R1 GigabitEthernet0/0". */
  readonly name?: string;
  /** if_description, free text. */
  readonly description?: string;
  /**
   * if_tsresol as read: timestamps count units of 10^-n s (`base` 10) or 2^-n s (`base` 2).
   * pcapng defaults to microseconds (10^-6); classic pcap is 10^-6 or 10^-9 by its magic.
   */
  readonly timestampResolution: { readonly base: 2 | 10; readonly exponent: number };
  /** if_tsoffset: seconds added to every timestamp of this interface (0 when absent). */
  readonly timestampOffsetS: bigint;
}

export interface CapturedPacket {
  /** Index into `Capture.interfaces`. */
  readonly interfaceIndex: number;
  /**
   * Nanoseconds since the Unix epoch (or, for the simulator's own captures with no offset, since
   * the start of the simulation), if_tsoffset included. A bigint because real-world timestamps
   * in nanoseconds exceed 2^53; resolutions finer than 1 ns are truncated to whole nanoseconds.
   * Undefined for a pcapng Simple Packet Block, which carries no timestamp.
   */
  readonly timestampNs: bigint | undefined;
  /** The captured bytes (at most the interface's snap length). */
  readonly bytes: Uint8Array;
  /** Length of the packet on the wire; larger than `bytes.length` when the capture cut it. */
  readonly originalLength: number;
  readonly direction?: PacketDirection;
  /** opt_comment of the packet, when present. */
  readonly comment?: string;
}

export interface Capture {
  readonly format: 'pcapng' | 'pcap';
  /** Every interface of every section, in file order (a packet names its interface by index). */
  readonly interfaces: readonly CaptureInterface[];
  readonly packets: readonly CapturedPacket[];
  /** shb_userappl of the first section (pcapng only), e.g. "V6Lab". */
  readonly application?: string;
}

/**
 * Reading a capture never throws. A malformed file gives the error (layer "pcapng" or "pcap",
 * offset within the file) together with everything read before the problem, so a capture cut
 * short by a crash still opens.
 */
export type CaptureReadResult =
  | { readonly ok: true; readonly value: Capture }
  | { readonly ok: false; readonly error: DecodeError; readonly partial: Capture };

/**
 * Field trees for the packet inspector: every field with its value text and the byte range it
 * occupies in the whole frame, so selecting a field can highlight its bytes (as Wireshark does).
 * Codecs build these from bytes; nothing here holds protocol state.
 */
export interface FieldNode {
  /** Label as Wireshark words it, e.g. "Hop Limit". */
  readonly name: string;
  /** Value text, e.g. "64" or "0x86dd (IPv6)". */
  readonly value: string;
  /** Absolute offset of the first byte within the frame. */
  readonly offset: number;
  /** Number of bytes the field covers (a sub-byte field covers its whole byte). */
  readonly length: number;
  readonly children?: readonly FieldNode[];
}

export interface LayerDescription {
  /** Protocol name as Wireshark's protocol column shows it: "Ethernet II", "IPv6", "ICMPv6"… */
  readonly protocol: string;
  /** One line for the layer, e.g. "Src: 2001:db8:1::1, Dst: 2001:db8:2::2". */
  readonly title: string;
  readonly offset: number;
  readonly length: number;
  readonly fields: readonly FieldNode[];
}

export interface FrameDescription {
  readonly layers: readonly LayerDescription[];
  /** Wireshark-style one-line summary: "<protocol>: <info>", e.g. "ICMPv6: Echo (ping) request id=0x1234, seq=1, hop limit=64". */
  readonly summary: string;
  /** Set when some layer could not be decoded; the layers before it are still described. */
  readonly problem?: string;
}

export function field(name: string, value: string, offset: number, length: number, children?: readonly FieldNode[]): FieldNode {
  return children ? { name, value, offset, length, children } : { name, value, offset, length };
}

export function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

/**
 * What a codec's `describeX(frame, offset, end, …context)` returns for its layer: the field tree
 * (absolute offsets within `frame`), the Wireshark Info-column text for this layer, and where
 * its payload lies, so the frame describer can hand the payload to the next layer.
 */
export interface DescribedLayer {
  readonly layer: LayerDescription;
  /** Info-column text as tshark prints it for this layer, e.g. "Echo (ping) request id=0x1234, seq=1, hop limit=64". */
  readonly info: string;
  readonly payloadOffset: number;
  readonly payloadEnd: number;
}

/** A checksum field's value text as Wireshark words it: "0x3245 [correct]" or "0x3245 [incorrect, should be 0x1234]". */
export function checksumText(found: number, expected: number): string {
  return found === expected ? `${hex(found, 4)} [correct]` : `${hex(found, 4)} [incorrect, should be ${hex(expected, 4)}]`;
}

/**
 * The inspector's mapping between the field tree and the bytes (as Wireshark's packet bytes
 * pane): a field covers [offset, offset + length) of the recorded bytes; a byte belongs to the
 * deepest field that covers it. Fields get path ids ("1.3.0": layer 1, field 3, child 0) so the
 * tree and the hex view name the same field.
 */
import type { FieldNode, LayerDescription } from '../sim/sim-protocol';

export interface ByteRange {
  readonly start: number;
  /** One past the last byte. */
  readonly end: number;
}

export interface FieldEntry {
  /** `layer.field.child…` */
  readonly id: string;
  readonly depth: number;
  readonly node: FieldNode;
}

/** Every field of every layer, depth first, with its path id. */
export function listFields(layers: readonly LayerDescription[]): FieldEntry[] {
  const entries: FieldEntry[] = [];
  const walk = (node: FieldNode, id: string, depth: number) => {
    entries.push({ id, depth, node });
    node.children?.forEach((child, index) => walk(child, `${id}.${index}`, depth + 1));
  };
  layers.forEach((layer, layerIndex) => layer.fields.forEach((node, index) => walk(node, `${layerIndex}.${index}`, 1)));
  return entries;
}

export function rangeOf(node: { readonly offset: number; readonly length: number }, byteCount: number): ByteRange {
  const start = Math.max(0, Math.min(byteCount, node.offset));
  return { start, end: Math.max(start, Math.min(byteCount, node.offset + node.length)) };
}

/** The deepest (then the shortest) field covering byte `offset`; undefined for bytes no field covers. */
export function fieldAtByte(entries: readonly FieldEntry[], offset: number): FieldEntry | undefined {
  let best: FieldEntry | undefined;
  for (const entry of entries) {
    const { node } = entry;
    if (node.length <= 0 || offset < node.offset || offset >= node.offset + node.length) continue;
    if (best === undefined || entry.depth > best.depth || (entry.depth === best.depth && node.length < best.node.length)) best = entry;
  }
  return best;
}

/** The layer a byte belongs to (the innermost one starting at or before it). */
export function layerAtByte(layers: readonly LayerDescription[], offset: number): number {
  let found = -1;
  layers.forEach((layer, index) => {
    if (offset >= layer.offset && offset < layer.offset + layer.length) found = index;
  });
  return found;
}

export interface HexRow {
  /** Offset of the row's first byte. */
  readonly offset: number;
  readonly bytes: readonly number[];
}

/** The bytes in rows of 16, as the hex pane shows them. */
export function hexRows(bytes: Uint8Array, perRow = 16): HexRow[] {
  const rows: HexRow[] = [];
  for (let offset = 0; offset < bytes.length; offset += perRow) rows.push({ offset, bytes: [...bytes.subarray(offset, offset + perRow)] });
  return rows;
}

export function hexByte(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/** Printable ASCII, else '.', as in Wireshark's text column. */
export function asciiOf(value: number): string {
  return value >= 0x20 && value < 0x7f ? String.fromCharCode(value) : '.';
}

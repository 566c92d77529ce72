/**
 * The inspector's field ↔ bytes mapping: selecting a field highlights exactly its bytes, and a
 * byte names the deepest field that covers it (as Wireshark's bytes pane does).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRecordedBytes } from '../../../renderer/sim/trace-rows';
import { asciiOf, fieldAtByte, hexRows, layerAtByte, listFields, rangeOf } from '../../../renderer/inspector/hex-map';

/** Ethernet II + IPv6 + ICMPv6 echo request (hop limit 64) from 2001:db8:1::10 to 2001:db8:2::20. */
function echoFrame(): Uint8Array {
  const payload = [128, 0, 0, 0, 0x12, 0x34, 0, 1, 0x61, 0x62];
  const frame = new Uint8Array(14 + 40 + payload.length);
  frame.set([0, 0x1e, 0x7a, 0, 0, 1, 0, 0x1b, 0x21, 0, 0, 2, 0x86, 0xdd]);
  frame.set([0x60, 0, 0, 0, 0, payload.length, 58, 64], 14);
  frame.set([0x20, 0x01, 0x0d, 0xb8, 0, 1], 22);
  frame[37] = 0x10;
  frame.set([0x20, 0x01, 0x0d, 0xb8, 0, 2], 38);
  frame[53] = 0x20;
  frame.set(payload, 54);
  return frame;
}

describe('hex map', () => {
  const bytes = echoFrame();
  const { layers } = describeRecordedBytes(bytes);
  const fields = listFields(layers);

  it('selecting Hop Limit highlights its one byte (offset 14 + 7), which holds 64', () => {
    const hopLimit = fields.find((entry) => entry.node.name === 'Hop Limit')!;
    expect(rangeOf(hopLimit.node, bytes.length)).toEqual({ start: 21, end: 22 });
    expect(bytes[21]).toBe(64);
  });

  it('selecting Source Address highlights its 16 bytes, and each of them maps back to it', () => {
    const source = fields.find((entry) => entry.node.name === 'Source Address' && entry.id.startsWith('1.'))!;
    expect(rangeOf(source.node, bytes.length)).toEqual({ start: 22, end: 38 });
    for (let offset = 22; offset < 38; offset++) expect(fieldAtByte(fields, offset)?.id).toBe(source.id);
  });

  it('a byte names the deepest field covering it (the Ethernet address inside Destination)', () => {
    const entry = fieldAtByte(fields, 0)!;
    expect(entry.depth).toBeGreaterThan(1);
    expect(entry.id.startsWith('0.0.')).toBe(true);
  });

  it('every byte of a described frame belongs to some field, and to the field whose range holds it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (offset) => {
        const entry = fieldAtByte(fields, offset);
        expect(entry).toBeDefined();
        const range = rangeOf(entry!.node, bytes.length);
        expect(offset >= range.start && offset < range.end).toBe(true);
      }),
    );
  });

  it('layers by byte: Ethernet 0-13, IPv6 14-53, ICMPv6 after', () => {
    expect([layerAtByte(layers, 0), layerAtByte(layers, 13), layerAtByte(layers, 14), layerAtByte(layers, 53), layerAtByte(layers, 54)]).toEqual([0, 0, 1, 1, 2]);
  });

  it('rows of 16 with offsets, and printable ASCII else a dot', () => {
    const rows = hexRows(bytes);
    expect(rows.map((row) => row.offset)).toEqual([0, 16, 32, 48]);
    expect(rows[3]!.bytes).toHaveLength(bytes.length - 48);
    expect([asciiOf(0x61), asciiOf(0x00), asciiOf(0x7f)]).toEqual(['a', '.', '.']);
  });

  it('clamps a field running past the bytes (a cut frame) to what exists', () => {
    expect(rangeOf({ offset: 60, length: 40 }, 64)).toEqual({ start: 60, end: 64 });
  });
});

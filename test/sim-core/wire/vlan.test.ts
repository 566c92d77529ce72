import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeVlanTag, describeVlan, encodeVlanTag, popVlanTag, pushVlanTag, type VlanTag } from '../../../sim-core/wire/vlan';
import { bytesToHex, frame, hexToBytes } from '../../helpers/frames';

const arbTag: fc.Arbitrary<VlanTag> = fc.record({
  tpid: fc.constantFrom(0x8100, 0x88a8, 0x9100),
  pcp: fc.integer({ min: 0, max: 7 }),
  dei: fc.boolean(),
  vid: fc.integer({ min: 0, max: 4095 }),
});

describe('802.1Q tag (IEEE 802.1Q 9.6: TPID, then PCP 3 bits, DEI 1 bit, VID 12 bits)', () => {
  it('icmpv4-echo-vlan10: the tag after the source address is VLAN 10, priority 0', () => {
    const bytes = frame('icmpv4-echo-vlan10');
    const tag = decodeVlanTag(bytes.subarray(12, 16));
    expect(tag).toEqual({ ok: true, value: { tpid: 0x8100, pcp: 0, dei: false, vid: 10 } });
    expect(bytesToHex(encodeVlanTag({ tpid: 0x8100, pcp: 0, dei: false, vid: 10 }))).toBe('8100000a');
  });

  it('packs PCP into the top 3 bits and DEI into bit 12 of the TCI', () => {
    expect(bytesToHex(encodeVlanTag({ tpid: 0x8100, pcp: 5, dei: true, vid: 0xabc }))).toBe('8100babc');
  });

  it.each([
    ['vlan-vid-0 (priority-tagged)', '81000000', 0],
    ['vlan-vid-4095 (reserved, carried as given)', '81000fff', 4095],
  ])('%s', (_name, hex, vid) => {
    const tag = decodeVlanTag(hexToBytes(hex));
    expect(tag.ok && tag.value.vid).toBe(vid);
  });

  it('vlan-tag-truncated: fewer than 4 bytes is an error, not a throw', () => {
    const result = decodeVlanTag(hexToBytes('8100'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('truncated');
  });

  it('vlan-tpid-not-a-tag: 0x0800 is an EtherType, not a TPID', () => {
    const result = decodeVlanTag(hexToBytes('08000000'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('bad-value');
  });

  it('describes PRI, DEI, ID and the inner Type, with tshark\'s info "PRI: 0  DEI: 0  ID: 10"', () => {
    const bytes = frame('icmpv4-echo-vlan10');
    const result = describeVlan(bytes, 14, bytes.length);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.info).toBe('PRI: 0  DEI: 0  ID: 10');
    expect(result.value.layer.title).toBe('PRI: 0, DEI: 0, ID: 10');
    expect(result.value.layer.fields.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['Priority', 'Best Effort (default) (0)', 14],
      ['DEI', 'Ineligible', 14],
      ['ID', '10', 14],
      ['Type', 'IPv4 (0x0800)', 16],
    ]);
    expect(result.value.payloadOffset).toBe(18);
  });

  it('a trunk port pushes a tag after the source address and pops it back to the same frame', () => {
    const untagged = frame('arp-request');
    const tag: VlanTag = { tpid: 0x8100, pcp: 3, dei: false, vid: 20 };
    const pushed = pushVlanTag(untagged, tag);
    expect(pushed.ok).toBe(true);
    if (!pushed.ok) return;
    expect(bytesToHex(pushed.value.subarray(12, 18))).toBe('810060140806');
    const popped = popVlanTag(pushed.value);
    expect(popped).toEqual({ ok: true, value: { tag, frame: untagged } });
  });

  it('popping an untagged frame is an error', () => {
    const popped = popVlanTag(frame('arp-request'));
    expect(popped.ok).toBe(false);
  });

  it('property: decode(encode(tag)) equals tag', () => {
    fc.assert(fc.property(arbTag, (tag) => {
      expect(decodeVlanTag(encodeVlanTag(tag))).toEqual({ ok: true, value: tag });
    }));
  });

  it('property: any bytes decode or describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        decodeVlanTag(bytes);
        describeVlan(bytes, 0, bytes.length);
        popVlanTag(bytes);
      }),
      { numRuns: 3000 },
    );
  });
});

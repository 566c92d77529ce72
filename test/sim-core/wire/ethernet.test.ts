import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MacAddress } from '../../../sim-core/addr/mac';
import { decodeEthernet, describeEthernet, encodeEthernet, type EthernetFrame } from '../../../sim-core/wire/ethernet';
import { bytesToHex, frame, hexToBytes } from '../../helpers/frames';

const mac = (n: number) => n as MacAddress;

const arbFrame: fc.Arbitrary<EthernetFrame> = fc.record({
  destination: fc.integer({ min: 0, max: 2 ** 48 - 1 }).map(mac),
  source: fc.integer({ min: 0, max: 2 ** 48 - 1 }).map(mac),
  vlanTags: fc.array(
    fc.record({ tpid: fc.constantFrom(0x8100, 0x88a8, 0x9100), pcp: fc.integer({ min: 0, max: 7 }), dei: fc.boolean(), vid: fc.integer({ min: 0, max: 4095 }) }),
    { maxLength: 3 },
  ),
  // An EtherType that is not itself a VLAN TPID (that would read as one more tag).
  etherType: fc.integer({ min: 0, max: 0xffff }).filter((t) => t !== 0x8100 && t !== 0x88a8 && t !== 0x9100),
  payload: fc.uint8Array({ maxLength: 64 }),
});

describe('Ethernet II (IEEE 802.3 with DIX EtherType)', () => {
  it('arp-request: broadcast destination, source 00:0c:29:0c:47:d5, Type ARP; encodes back byte for byte', () => {
    const bytes = frame('arp-request');
    const result = decodeEthernet(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { payload, ...header } = result.value;
    expect(header).toEqual({ destination: 0xffffffffffff, source: 0x000c290c47d5, vlanTags: [], etherType: 0x0806 });
    expect(payload).toEqual(bytes.subarray(14));
    expect(payload.buffer).toBe(bytes.buffer); // a view, not a copy
    expect(encodeEthernet(result.value)).toEqual(bytes);
  });

  it('icmpv4-echo-vlan10: one 802.1Q tag (VID 10) and then Type IPv4', () => {
    const bytes = frame('icmpv4-echo-vlan10');
    const result = decodeEthernet(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.vlanTags).toEqual([{ tpid: 0x8100, pcp: 0, dei: false, vid: 10 }]);
    expect(result.value.etherType).toBe(0x0800);
    expect(result.value.payload.length).toBe(bytes.length - 18);
    expect(encodeEthernet(result.value)).toEqual(bytes);
  });

  it.each(['6in4-encapsulated-echo', 'gre-ipv6-over-ipv4', 'dns-aaaa-response', 'dhcpv6-solicit', 'ospfv3-hello'])('%s: round-trips byte for byte', (name) => {
    const bytes = frame(name);
    const result = decodeEthernet(bytes);
    expect(result.ok && bytesToHex(encodeEthernet(result.value))).toBe(bytesToHex(bytes));
  });

  it('stacked tags (802.1ad S-tag then 802.1Q C-tag) decode outermost first', () => {
    const bytes = hexToBytes('ffffffffffff000c290c47d588a8006481002014' + '86dd' + 'aa');
    const result = decodeEthernet(bytes);
    expect(result.ok && result.value.vlanTags).toEqual([
      { tpid: 0x88a8, pcp: 0, dei: false, vid: 100 },
      { tpid: 0x8100, pcp: 1, dei: false, vid: 20 },
    ]);
    expect(result.ok && result.value.etherType).toBe(0x86dd);
  });

  it('padToMinimum pads a short frame with zeros to 60 bytes, as a NIC does (IEEE 802.3 minimum 64 with FCS)', () => {
    const bytes = frame('arp-request');
    const decodedFrame = decodeEthernet(bytes);
    if (!decodedFrame.ok) throw new Error('vector must decode');
    const padded = encodeEthernet(decodedFrame.value, { padToMinimum: true });
    expect(padded.length).toBe(60);
    expect(padded.subarray(0, bytes.length)).toEqual(bytes);
    expect(padded.subarray(bytes.length).every((b) => b === 0)).toBe(true);
    expect(encodeEthernet(decodedFrame.value).length).toBe(42);
  });

  it.each([
    ['ethernet-13-bytes', 13, 'truncated'],
    ['ethernet-14-bytes (empty payload)', 14, undefined],
  ])('%s', (_name, length, kind) => {
    const result = decodeEthernet(frame('arp-request').subarray(0, length));
    if (kind) expect(!result.ok && result.error.kind).toBe(kind);
    else expect(result.ok && result.value.payload.length).toBe(0);
  });

  it('vlan-tag-cut-off: a tag with no inner Type is truncated', () => {
    const result = decodeEthernet(frame('icmpv4-echo-vlan10').subarray(0, 17));
    expect(!result.ok && result.error.kind).toBe('truncated');
  });

  it('describes Destination, Source (with LG and IG bits) and Type at their offsets; info "Ethernet II"', () => {
    const bytes = frame('arp-request');
    const result = describeEthernet(bytes, 0, bytes.length);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { layer, info, payloadOffset, payloadEnd } = result.value;
    expect(info).toBe('Ethernet II');
    expect(layer.title).toBe('Src: 00:0c:29:0c:47:d5, Dst: ff:ff:ff:ff:ff:ff');
    expect(layer.fields.map((f) => [f.name, f.value, f.offset, f.length])).toEqual([
      ['Destination', 'ff:ff:ff:ff:ff:ff', 0, 6],
      ['Source', '00:0c:29:0c:47:d5', 6, 6],
      ['Type', 'ARP (0x0806)', 12, 2],
    ]);
    expect(layer.fields[0]!.children!.map((f) => f.value)).toEqual([
      'ff:ff:ff:ff:ff:ff',
      'Locally administered address (this is NOT the factory default)',
      'Group address (multicast/broadcast)',
    ]);
    expect(layer.fields[1]!.children![2]!.value).toBe('Individual address (unicast)');
    expect([payloadOffset, payloadEnd]).toEqual([14, 42]);
  });

  it('property: decode(encode(frame)) equals frame', () => {
    fc.assert(fc.property(arbFrame, (f) => {
      expect(decodeEthernet(encodeEthernet(f))).toEqual({ ok: true, value: f });
    }));
  });

  it('property: any bytes (and any truncation of a real frame) decode or describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        decodeEthernet(bytes);
        describeEthernet(bytes, 0, bytes.length);
      }),
      { numRuns: 3000 },
    );
    const tagged = frame('icmpv4-echo-vlan10');
    for (let n = 0; n <= tagged.length; n++) decodeEthernet(tagged.subarray(0, n));
  });
});

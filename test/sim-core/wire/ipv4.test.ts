import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import { decodeIpv4, describeIpv4, encodeIpv4, type Ipv4Header } from '../../../sim-core/wire/ipv4';
import { bytesToHex, frame, hexToBytes } from '../../helpers/frames';

const ip = (a: number, b: number, c: number, d: number) => (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) as Ipv4Address;

function header(overrides: Partial<Ipv4Header> = {}): Ipv4Header {
  return {
    dscp: 0,
    ecn: 0,
    identification: 1,
    reservedFlag: false,
    dontFragment: false,
    moreFragments: false,
    fragmentOffset: 0,
    timeToLive: 64,
    protocol: 17,
    source: ip(192, 0, 2, 1),
    destination: ip(192, 0, 2, 2),
    options: new Uint8Array(0),
    payload: new Uint8Array([1, 2, 3, 4]),
    ...overrides,
  };
}

const arbHeader: fc.Arbitrary<Ipv4Header> = fc.record({
  dscp: fc.integer({ min: 0, max: 63 }),
  ecn: fc.integer({ min: 0, max: 3 }),
  identification: fc.integer({ min: 0, max: 0xffff }),
  reservedFlag: fc.boolean(),
  dontFragment: fc.boolean(),
  moreFragments: fc.boolean(),
  fragmentOffset: fc.integer({ min: 0, max: 0x1fff }),
  timeToLive: fc.integer({ min: 0, max: 255 }),
  protocol: fc.integer({ min: 0, max: 255 }),
  source: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Address),
  destination: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Address),
  options: fc.integer({ min: 0, max: 10 }).chain((words) => fc.uint8Array({ minLength: words * 4, maxLength: words * 4 })),
  payload: fc.uint8Array({ maxLength: 100 }),
});

describe('IPv4 header (RFC 791 section 3.1)', () => {
  it('icmpv4-echo-vlan10: DF set, id 0x1c46, TTL 64, ICMP, 192.0.2.10 → 198.51.100.20; encodes back byte for byte', () => {
    const bytes = frame('icmpv4-echo-vlan10').subarray(18);
    const result = decodeIpv4(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { payload, options, ...fields } = result.value;
    expect(fields).toEqual({
      dscp: 0,
      ecn: 0,
      identification: 0x1c46,
      reservedFlag: false,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      timeToLive: 64,
      protocol: 1,
      source: ip(192, 0, 2, 10),
      destination: ip(198, 51, 100, 20),
    });
    expect(options.length).toBe(0);
    expect(bytesToHex(payload)).toBe('080019270001000770696e67');
    expect(bytesToHex(encodeIpv4(result.value))).toBe(bytesToHex(bytes));
  });

  it.each([
    ['6in4-encapsulated-echo', 41, 1, '4500004400010000402914 59cb007101c6336402'],
    ['gre-ipv6-over-ipv4', 47, 2, '450000480002000040 2f144ecb007101c6336402'],
  ])('%s: outer header (protocol %i, id %i, 203.0.113.1 → 198.51.100.2) and header checksum encode back exactly', (name, protocol, id, headerHex) => {
    const bytes = frame(name).subarray(14);
    const result = decodeIpv4(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ protocol, identification: id, timeToLive: 64, source: ip(203, 0, 113, 1), destination: ip(198, 51, 100, 2) });
    const encoded = encodeIpv4(result.value);
    expect(bytesToHex(encoded.subarray(0, 20))).toBe(headerHex.replace(/ /g, ''));
    expect(encoded).toEqual(bytes);
  });

  it('trims Ethernet padding using Total Length (RFC 894: the padding is not IP payload)', () => {
    const packet = encodeIpv4(header());
    const padded = new Uint8Array(46);
    padded.set(packet);
    const result = decodeIpv4(padded);
    expect(result.ok && bytesToHex(result.value.payload)).toBe('01020304');
  });

  it('payload is a view into the given bytes, not a copy', () => {
    const bytes = encodeIpv4(header());
    const result = decodeIpv4(bytes);
    expect(result.ok && result.value.payload.buffer).toBe(bytes.buffer);
  });

  it('a wrong header checksum is a bad-checksum error giving found and expected values, unless verification is off', () => {
    const bytes = encodeIpv4(header());
    const good = (bytes[10]! << 8) | bytes[11]!;
    bytes[11] = bytes[11]! ^ 0x01;
    const result = decodeIpv4(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('bad-checksum');
    expect(result.error.message).toContain(`0x${(good ^ 1).toString(16).padStart(4, '0')}`);
    expect(result.error.message).toContain(`expected 0x${good.toString(16).padStart(4, '0')}`);
    expect(decodeIpv4(bytes, { verifyChecksum: false }).ok).toBe(true);
  });

  describe('boundaries', () => {
    const withFirstByte = (first: number, totalLength = 60) => {
      const bytes = new Uint8Array(totalLength);
      bytes[0] = first;
      bytes[2] = totalLength >>> 8;
      bytes[3] = totalLength & 0xff;
      return bytes;
    };
    it('ipv4-ihl-5: the minimum header, no options', () => {
      const result = decodeIpv4(withFirstByte(0x45), { verifyChecksum: false });
      expect(result.ok && result.value.options.length).toBe(0);
      expect(result.ok && result.value.payload.length).toBe(40);
    });
    it('ipv4-ihl-15: 60-byte header with 40 bytes of options', () => {
      const result = decodeIpv4(withFirstByte(0x4f), { verifyChecksum: false });
      expect(result.ok && result.value.options.length).toBe(40);
      expect(result.ok && result.value.payload.length).toBe(0);
    });
    it('ipv4-ihl-4: below the minimum header is bad-value', () => {
      const result = decodeIpv4(withFirstByte(0x44), { verifyChecksum: false });
      expect(!result.ok && result.error.kind).toBe('bad-value');
    });
    it('ipv4-ihl-beyond-bytes: IHL 15 with only 40 bytes is truncated', () => {
      const result = decodeIpv4(withFirstByte(0x4f, 40), { verifyChecksum: false });
      expect(!result.ok && result.error.kind).toBe('truncated');
    });
    it('ipv4-total-length-shorter-than-header: Total Length 19 is bad-value', () => {
      const bytes = withFirstByte(0x45, 40);
      bytes[3] = 19;
      const result = decodeIpv4(bytes, { verifyChecksum: false });
      expect(!result.ok && result.error.kind).toBe('bad-value');
    });
    it('ipv4-total-length-beyond-bytes: Total Length 41 in 40 bytes is truncated', () => {
      const bytes = withFirstByte(0x45, 40);
      bytes[3] = 41;
      const result = decodeIpv4(bytes, { verifyChecksum: false });
      expect(!result.ok && result.error.kind).toBe('truncated');
    });
    it('ipv4-version-6: an IPv6 packet is not IPv4', () => {
      const result = decodeIpv4(withFirstByte(0x65), { verifyChecksum: false });
      expect(!result.ok && result.error.kind).toBe('bad-value');
    });
    it('ipv4-19-bytes: truncated', () => {
      const result = decodeIpv4(new Uint8Array(19));
      expect(!result.ok && result.error.kind).toBe('truncated');
    });
    it('ipv4-fragment-offset-max: 8191 units = byte offset 65528', () => {
      const bytes = encodeIpv4(header({ fragmentOffset: 0x1fff, moreFragments: true }));
      expect(bytesToHex(bytes.subarray(6, 8))).toBe('3fff');
      const described = describeIpv4(bytes, 0, bytes.length);
      expect(described.ok && described.value.info).toBe('Fragmented IP protocol (proto=UDP 17, off=65528, ID=0001)');
    });
    it('options not a multiple of 4 are padded with zeros (End of Option List) on encode', () => {
      const bytes = encodeIpv4(header({ options: new Uint8Array([1, 1, 1]) }));
      expect(bytes[0]).toBe(0x46);
      expect(bytesToHex(bytes.subarray(20, 24))).toBe('01010100');
    });
  });

  describe('describe', () => {
    it('icmpv4-echo-vlan10: Wireshark field names, values and offsets; checksum [correct]', () => {
      const bytes = frame('icmpv4-echo-vlan10');
      const result = describeIpv4(bytes, 18, bytes.length);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { layer, payloadOffset, payloadEnd } = result.value;
      expect(layer.title).toBe('Src: 192.0.2.10, Dst: 198.51.100.20');
      expect(layer.fields.map((f) => [f.name, f.value, f.offset, f.length])).toEqual([
        ['Version', '4', 18, 1],
        ['Header Length', '20 bytes (5)', 18, 1],
        ['Differentiated Services Field', '0x00 (DSCP: CS0, ECN: Not-ECT)', 19, 1],
        ['Total Length', '32', 20, 2],
        ['Identification', '0x1c46 (7238)', 22, 2],
        ['Flags', "0x2, Don't fragment", 24, 1],
        ['Fragment Offset', '0', 24, 2],
        ['Time to Live', '64', 26, 1],
        ['Protocol', 'ICMP (1)', 27, 1],
        ['Header Checksum', '0x3245 [correct]', 28, 2],
        ['Source Address', '192.0.2.10', 30, 4],
        ['Destination Address', '198.51.100.20', 34, 4],
      ]);
      expect(layer.fields[2]!.children!.map((f) => f.value)).toEqual(['Default (0)', 'Not ECN-Capable Transport (0)']);
      expect(layer.fields[5]!.children!.map((f) => [f.name, f.value])).toEqual([
        ['Reserved bit', 'Not set'],
        ["Don't fragment", 'Set'],
        ['More fragments', 'Not set'],
      ]);
      expect([payloadOffset, payloadEnd]).toEqual([38, 50]);
    });

    it('a wrong checksum is described, not refused: "[incorrect, should be 0x3245]"', () => {
      const bytes = frame('icmpv4-echo-vlan10').slice();
      bytes[29] = 0;
      const result = describeIpv4(bytes, 18, bytes.length);
      expect(result.ok && result.value.layer.fields[9]!.value).toBe('0x3200 [incorrect, should be 0x3245]');
    });

    it('info as tshark prints it when no upper layer is decoded: fragment text, or the protocol', () => {
      // Checked with tshark 4: a first fragment of UDP, and an unfragmented unknown protocol 253.
      const fragment = encodeIpv4(header({ moreFragments: true }));
      const unknown = encodeIpv4(header({ protocol: 253 }));
      const later = encodeIpv4(header({ protocol: 6, fragmentOffset: 5 }));
      const info = (b: Uint8Array) => {
        const r = describeIpv4(b, 0, b.length);
        return r.ok ? r.value.info : r.error.message;
      };
      expect(info(fragment)).toBe('Fragmented IP protocol (proto=UDP 17, off=0, ID=0001)');
      expect(info(later)).toBe('Fragmented IP protocol (proto=TCP 6, off=40, ID=0001)');
      expect(info(unknown)).toBe('Unknown (253)');
    });

    it('lists options: Router Alert then End of Options List', () => {
      const bytes = encodeIpv4(header({ options: hexToBytes('9404000000000000') }));
      const result = describeIpv4(bytes, 0, bytes.length);
      const options = result.ok ? result.value.layer.fields.find((f) => f.name === 'Options') : undefined;
      expect(options?.children?.map((f) => [f.value, f.offset, f.length])).toEqual([
        ['Router Alert (4 bytes)', 20, 4],
        ['End of Options List (EOL)', 24, 4],
      ]);
    });
  });

  it('property: decode(encode(header)) equals header', () => {
    fc.assert(
      fc.property(arbHeader, (h) => {
        expect(decodeIpv4(encodeIpv4(h))).toEqual({ ok: true, value: h });
      }),
    );
  });

  it('property: any bytes, and every truncation of a valid packet, decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        if (bytes.length > 0) bytes[0] = 0x40 | (bytes[0]! & 0x0f); // reach past the version check
        decodeIpv4(bytes);
        describeIpv4(bytes, 0, bytes.length);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(arbHeader, fc.nat(), (h, cut) => {
        const bytes = encodeIpv4(h);
        const n = cut % (bytes.length + 1);
        const result = decodeIpv4(bytes.subarray(0, n));
        expect(result.ok).toBe(n === bytes.length);
      }),
      { numRuns: 1000 },
    );
  });
});

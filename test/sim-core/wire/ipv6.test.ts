import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ipv6Address, parseIpv6 } from '../../../sim-core/addr/ipv6';
import { decodeIpv6, describeIpv6, encodeIpv6, type Ipv6Packet } from '../../../sim-core/wire/ipv6';
import { bytesToHex, frame, frameVectors } from '../../helpers/frames';

const ETHERNET = 14;

function address(text: string): Ipv6Address {
  const result = parseIpv6(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The IPv6 packet inside each golden frame, the offset where it starts, and the fields its note names. */
const goldenPackets: { name: string; at: number; fields: Partial<Ipv6Packet> & { payloadLength: number } }[] = [
  { name: 'icmpv6-echo-request', at: ETHERNET, fields: { hopLimit: 64, nextHeader: 58, source: address('2001:db8:1::10'), destination: address('2001:db8:2::20'), payloadLength: 16 } },
  { name: 'icmpv6-echo-reply', at: ETHERNET, fields: { hopLimit: 63, nextHeader: 58, source: address('2001:db8:2::20'), destination: address('2001:db8:1::10'), payloadLength: 16 } },
  { name: 'ndp-router-solicitation', at: ETHERNET, fields: { hopLimit: 255, nextHeader: 58, destination: address('ff02::2'), payloadLength: 16 } },
  { name: 'ndp-router-advertisement', at: ETHERNET, fields: { hopLimit: 255, nextHeader: 58, source: address('fe80::200:5eff:fe00:5301'), destination: address('ff02::1'), payloadLength: 88 } },
  { name: 'ndp-dad-neighbor-solicitation', at: ETHERNET, fields: { hopLimit: 255, source: address('::'), payloadLength: 24 } },
  { name: 'ndp-neighbor-solicitation', at: ETHERNET, fields: { hopLimit: 255, destination: address('ff02::1:ff00:1'), payloadLength: 32 } },
  { name: 'ndp-neighbor-advertisement', at: ETHERNET, fields: { hopLimit: 255, source: address('2001:db8:1::1'), destination: address('2001:db8:1::10'), payloadLength: 32 } },
  { name: 'icmpv6-packet-too-big', at: ETHERNET, fields: { hopLimit: 64, source: address('2001:db8:ff::1'), payloadLength: 1240 } },
  { name: 'icmpv6-time-exceeded', at: ETHERNET, fields: { hopLimit: 64, source: address('2001:db8:ff::1'), payloadLength: 68 } },
  { name: 'ipv6-first-fragment', at: ETHERNET, fields: { nextHeader: 44, hopLimit: 64, payloadLength: 1240 } },
  // IPv4 (20 bytes, protocol 41) then IPv6: RFC 4213 section 3.5.
  { name: '6in4-encapsulated-echo', at: ETHERNET + 20, fields: { nextHeader: 58, hopLimit: 64, payloadLength: 8 } },
  // IPv4 (20 bytes, protocol 47), GRE (4 bytes) then IPv6: RFC 2784.
  { name: 'gre-ipv6-over-ipv4', at: ETHERNET + 24, fields: { nextHeader: 58, hopLimit: 64, source: address('2001:db8:a::1'), destination: address('2001:db8:b::1'), payloadLength: 8 } },
];

describe('IPv6 fixed header (RFC 8200 section 3): golden frames', () => {
  for (const { name, at, fields } of goldenPackets) {
    it(`${name}: decodes to the named fields and encodes back to the same bytes`, () => {
      const bytes = frame(name).subarray(at);
      const result = decodeIpv6(bytes);
      if (!result.ok) throw new Error(result.error.message);
      const packet = result.value;
      const { payloadLength, ...rest } = fields;
      expect(packet).toMatchObject(rest);
      expect(packet.trafficClass).toBe(0);
      expect(packet.flowLabel).toBe(0);
      expect(packet.payload.length).toBe(payloadLength);
      expect(bytesToHex(encodeIpv6({ ...packet }))).toBe(bytesToHex(bytes.subarray(0, 40 + payloadLength)));
    });
  }

  it('the payload is a view into the frame, not a copy', () => {
    const bytes = frame('icmpv6-echo-request').subarray(ETHERNET);
    const result = decodeIpv6(bytes);
    expect(result.ok && result.value.payload.buffer).toBe(bytes.buffer);
  });

  it('describe: every fixed-header field with its absolute offset, title as Wireshark', () => {
    const bytes = frame('icmpv6-echo-request');
    const result = describeIpv6(bytes, ETHERNET, bytes.length);
    if (!result.ok) throw new Error(result.error.message);
    const { layer, info, payloadOffset, payloadEnd, upperLayer, hopLimit } = result.value;
    expect(layer.protocol).toBe('IPv6');
    expect(layer.title).toBe('Src: 2001:db8:1::10, Dst: 2001:db8:2::20');
    expect(layer.fields.map((f) => [f.name, f.value, f.offset, f.length])).toEqual([
      ['Version', '6', 14, 1],
      ['Traffic Class', '0x00 (DSCP: CS0, ECN: Not-ECT)', 14, 2],
      ['Flow Label', '0x00000', 15, 3],
      ['Payload Length', '16', 18, 2],
      ['Next Header', 'ICMPv6 (58)', 20, 1],
      ['Hop Limit', '64', 21, 1],
      ['Source Address', '2001:db8:1::10', 22, 16],
      ['Destination Address', '2001:db8:2::20', 38, 16],
    ]);
    expect(layer.fields[1]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'Differentiated Services Codepoint: Default (0)',
      'Explicit Congestion Notification: Not ECN-Capable Transport (0)',
    ]);
    expect(info).toBe('');
    expect([payloadOffset, payloadEnd, upperLayer, hopLimit]).toEqual([54, 70, 58, 64]);
  });

  it('describe of the first fragment: the Fragment header subtree and tshark\'s Info line', () => {
    const bytes = frame('ipv6-first-fragment');
    const result = describeIpv6(bytes, ETHERNET, bytes.length);
    if (!result.ok) throw new Error(result.error.message);
    const vector = frameVectors.find((v) => v.name === 'ipv6-first-fragment')!;
    expect(`IPv6: ${result.value.info}`).toBe(vector.wireshark);
    const fragment = result.value.layer.fields[8]!;
    expect(fragment.name).toBe('Fragment Header for IPv6');
    expect(fragment.offset).toBe(54);
    expect(fragment.children!.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'Next header: ICMPv6 (58)',
      'Reserved octet: 0x00',
      'Offset: 0 (0 bytes)',
      'Reserved bits: 0',
      'More Fragments: Yes',
      'Identification: 0x0000abcd',
    ]);
    expect(result.value.fragmented).toBe(true);
    expect(result.value.payloadOffset).toBe(62);
  });

  it('traffic class and flow label share bytes 0-3: DSCP EF, ECN CE, flow label 0xabcde', () => {
    const packet: Ipv6Packet = {
      trafficClass: (46 << 2) | 3,
      flowLabel: 0xabcde,
      nextHeader: 59,
      hopLimit: 1,
      source: address('2001:db8::1'),
      destination: address('2001:db8::2'),
      payload: new Uint8Array(0),
    };
    const bytes = encodeIpv6(packet);
    expect(bytesToHex(bytes.subarray(0, 4))).toBe('6bbabcde');
    const described = describeIpv6(bytes, 0, bytes.length);
    expect(described.ok && described.value.layer.fields[1]!.value).toBe('0xbb (DSCP: EF, ECN: CE)');
    expect(decodeIpv6(bytes)).toEqual({ ok: true, value: packet });
  });
});

describe('IPv6 boundaries', () => {
  const echo = frame('icmpv6-echo-request').subarray(ETHERNET);
  const cases: { name: string; bytes: Uint8Array; expect: 'ok' | 'truncated' | 'bad-value'; payloadLength?: number }[] = [
    { name: 'header-39-bytes', bytes: echo.subarray(0, 39), expect: 'truncated' },
    { name: 'header-40-bytes-payload-length-0', bytes: Uint8Array.from([...echo.subarray(0, 4), 0, 0, ...echo.subarray(6, 40)]), expect: 'ok', payloadLength: 0 },
    { name: 'payload-length-exceeds-frame', bytes: echo.subarray(0, 55), expect: 'truncated' },
    { name: 'payload-length-equals-frame', bytes: echo, expect: 'ok', payloadLength: 16 },
    { name: 'ethernet-padding-trimmed', bytes: Uint8Array.from([...echo, 0, 0, 0, 0, 0, 0]), expect: 'ok', payloadLength: 16 },
    { name: 'version-4', bytes: Uint8Array.from([0x45, ...echo.subarray(1)]), expect: 'bad-value' },
    { name: 'hop-limit-0', bytes: Uint8Array.from([...echo.subarray(0, 7), 0, ...echo.subarray(8)]), expect: 'ok', payloadLength: 16 },
    { name: 'hop-limit-255', bytes: Uint8Array.from([...echo.subarray(0, 7), 255, ...echo.subarray(8)]), expect: 'ok', payloadLength: 16 },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.expect}`, () => {
      const result = decodeIpv6(c.bytes);
      if (c.expect === 'ok') {
        if (!result.ok) throw new Error(result.error.message);
        expect(result.value.payload.length).toBe(c.payloadLength);
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.kind).toBe(c.expect);
          expect(result.error.layer).toBe('IPv6');
        }
      }
    });
  }

  it('payload-length-exceeds-frame: the message names both lengths', () => {
    const result = decodeIpv6(echo.subarray(0, 50));
    expect(!result.ok && result.error.message).toBe('IPv6: Payload Length 16 exceeds the 10 bytes present after the header');
  });

  it('a quoted packet cut short still describes (ICMPv6 error quote, RFC 4443 section 2.4(c))', () => {
    expect(describeIpv6(echo, 0, 50).ok).toBe(false);
    const quoted = describeIpv6(echo, 0, 50, { quoted: true });
    expect(quoted.ok && quoted.value.payloadEnd).toBe(50);
  });
});

const address128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((v) => v as Ipv6Address);
const ipv6PacketArbitrary = fc.record({
  trafficClass: fc.integer({ min: 0, max: 255 }),
  flowLabel: fc.integer({ min: 0, max: 0xfffff }),
  nextHeader: fc.integer({ min: 0, max: 255 }),
  hopLimit: fc.integer({ min: 0, max: 255 }),
  source: address128,
  destination: address128,
  payload: fc.uint8Array({ maxLength: 200 }),
});

describe('IPv6 properties', () => {
  it('decode(encode(x)) deep-equals x', () => {
    fc.assert(
      fc.property(ipv6PacketArbitrary, (packet) => {
        expect(decodeIpv6(encodeIpv6(packet))).toEqual({ ok: true, value: packet });
      }),
      { numRuns: 2000 },
    );
  });

  it('any bytes decode and describe to a value or an error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.boolean(), (bytes, quoted) => {
        if (bytes.length > 0) bytes[0] = (bytes[0]! & 0x0f) | 0x60;
        decodeIpv6(bytes);
        describeIpv6(bytes, 0, bytes.length, { quoted });
      }),
      { numRuns: 5000 },
    );
  });

  it('every truncation of the golden frames decodes without throwing', () => {
    for (const { name, at } of goldenPackets) {
      const bytes = frame(name).subarray(at);
      for (let n = 0; n <= bytes.length; n++) {
        const cut = bytes.subarray(0, n);
        const result = decodeIpv6(cut);
        expect(result.ok).toBe(n >= 40 + ((bytes[4]! << 8) | bytes[5]!));
        describeIpv6(cut, 0, n, { quoted: true });
      }
    }
  });
});

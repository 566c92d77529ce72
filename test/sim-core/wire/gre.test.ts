import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internetChecksum } from '../../../sim-core/wire/checksum';
import { decodeGre, describeGre, encodeGre, type GrePacket } from '../../../sim-core/wire/gre';
import { decodeIpv6 } from '../../../sim-core/wire/ipv6';
import { bytesToHex, frame } from '../../helpers/frames';

// Ethernet (14) + IPv4 without options (20), protocol 47.
const GRE_AT = 34;

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('GRE (RFC 2784, RFC 2890): golden gre-ipv6-over-ipv4', () => {
  const bytes = frame('gre-ipv6-over-ipv4');
  const gre = bytes.subarray(GRE_AT);

  it('decodes to no checksum, no key, no sequence, protocol type 0x86dd, an IPv6 payload', () => {
    const packet = ok(decodeGre(gre));
    expect(packet).toMatchObject({ checksumPresent: false, key: undefined, sequenceNumber: undefined, protocolType: 0x86dd });
    expect(packet.payload.length).toBe(48);
    expect(ok(decodeIpv6(packet.payload)).hopLimit).toBe(64);
    expect(bytesToHex(encodeGre(packet))).toBe(bytesToHex(gre));
  });

  it('describe: the flags as children, protocol type named, payload at the inner IPv6', () => {
    const described = ok(describeGre(bytes, GRE_AT, bytes.length));
    expect(described.layer.title).toBe('Generic Routing Encapsulation (IPv6)');
    expect(described.layer.fields.map((f) => `${f.offset} ${f.name}: ${f.value}`)).toEqual(['34 Flags and Version: 0x0000', '36 Protocol Type: IPv6 (0x86dd)']);
    expect(described.layer.fields[0]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'Checksum Bit: No',
      'Routing Bit: No',
      'Key Bit: No',
      'Sequence Number Bit: No',
      'Strict Source Route Bit: No',
      'Recursion control: 0',
      'Flags (Reserved): 0',
      'Version: GRE (0)',
    ]);
    expect([described.payloadOffset, described.payloadEnd, described.protocolType, described.info]).toEqual([38, bytes.length, 0x86dd, '']);
  });
});

describe('GRE optional fields and boundaries', () => {
  const payload = Uint8Array.of(0x45, 0, 0, 20);

  it('C, K and S present: 16-byte header in the order checksum, key, sequence; the checksum covers header and payload', () => {
    const packet: GrePacket = { checksumPresent: true, key: 0x2a, sequenceNumber: 7, protocolType: 0x0800, payload };
    const bytes = encodeGre(packet);
    expect(bytesToHex(bytes.subarray(0, 4))).toBe('b0000800');
    expect(bytesToHex(bytes.subarray(6, 16))).toBe('00000000002a00000007');
    expect(internetChecksum(bytes)).toBe(0);
    expect(decodeGre(bytes)).toEqual({ ok: true, value: packet });
    const described = ok(describeGre(bytes, 0, bytes.length));
    expect(described.layer.fields.map((f) => f.name)).toEqual(['Flags and Version', 'Protocol Type', 'Checksum', 'Offset', 'Key', 'Sequence Number']);
    expect(described.layer.fields[2]!.value).toMatch(/\[correct\]$/);
  });

  it('a wrong checksum is bad-checksum with found and expected values; describe says what it should be', () => {
    const bytes = encodeGre({ checksumPresent: true, key: undefined, sequenceNumber: undefined, protocolType: 0x86dd, payload });
    const right = bytesToHex(bytes.subarray(4, 6));
    bytes[4] = bytes[4]! ^ 0x01;
    const result = decodeGre(bytes);
    expect(!result.ok && result.error.kind).toBe('bad-checksum');
    expect(!result.ok && result.error.message).toContain(`expected 0x${right}`);
    expect(decodeGre(bytes, { verifyChecksum: false }).ok).toBe(true);
    expect(ok(describeGre(bytes, 0, bytes.length)).layer.fields[2]!.value).toContain(`[incorrect, should be 0x${right}]`);
  });

  const cases: { name: string; hex: string; expect: string }[] = [
    { name: 'gre-3-bytes', hex: '000086', expect: 'truncated' },
    { name: 'gre-4-bytes-empty-payload', hex: '000086dd', expect: 'ok' },
    { name: 'key-present-truncated', hex: '200086dd000000', expect: 'truncated' },
    { name: 'key-and-sequence-present-12-bytes', hex: '300086dd0000000100000002', expect: 'ok' },
    { name: 'version-1-pptp', hex: '000186dd', expect: 'unsupported' },
    { name: 'routing-bit-rfc1701', hex: '400086dd00000000', expect: 'unsupported' },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.expect}`, () => {
      const bytes = Uint8Array.from(c.hex.match(/../g)!.map((h) => parseInt(h, 16)));
      const result = decodeGre(bytes);
      expect(result.ok ? 'ok' : result.error.kind).toBe(c.expect);
      expect(describeGre(bytes, 0, bytes.length).ok).toBe(c.expect === 'ok');
    });
  }
});

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const greArbitrary: fc.Arbitrary<GrePacket> = fc.record({
  checksumPresent: fc.boolean(),
  key: fc.option(u32, { nil: undefined }),
  sequenceNumber: fc.option(u32, { nil: undefined }),
  protocolType: fc.integer({ min: 0, max: 0xffff }),
  payload: fc.uint8Array({ maxLength: 100 }),
});

describe('GRE properties', () => {
  it('decode(encode(x)) deep-equals x', () => {
    fc.assert(
      fc.property(greArbitrary, (packet) => {
        expect(decodeGre(encodeGre(packet))).toEqual({ ok: true, value: packet });
      }),
      { numRuns: 3000 },
    );
  });

  it('any bytes decode and describe to a value or an error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        decodeGre(bytes);
        describeGre(bytes, 0, bytes.length);
      }),
      { numRuns: 5000 },
    );
  });
});

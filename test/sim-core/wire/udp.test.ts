import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import { readIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import type { PseudoHeader } from '../../../sim-core/wire/checksum';
import { decodeUdp, describeUdp, encodeUdp, type UdpDatagram } from '../../../sim-core/wire/udp';
import { bytesToHex, frame } from '../../helpers/frames';

/** The IPv6 header of a vector is 40 bytes from offset 14: addresses at 22 and 38, upper layer at 54. */
const ipv6Pseudo = (bytes: Uint8Array): PseudoHeader => ({ family: 6, source: readIpv6(bytes, 22), destination: readIpv6(bytes, 38) });
const V4: PseudoHeader = { family: 4, source: 0xc0000201 as Ipv4Address, destination: 0xc0000202 as Ipv4Address };
const V6: PseudoHeader = { family: 6, source: 0x20010db8000000000000000000000001n as Ipv6Address, destination: 0x20010db8000000000000000000000002n as Ipv6Address };

const arbDatagram: fc.Arbitrary<UdpDatagram> = fc.record({
  sourcePort: fc.integer({ min: 0, max: 0xffff }),
  destinationPort: fc.integer({ min: 0, max: 0xffff }),
  payload: fc.uint8Array({ maxLength: 80 }),
});
const arbPseudo: fc.Arbitrary<PseudoHeader> = fc.oneof(
  fc.record({ family: fc.constant(4 as const), source: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Address), destination: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Address) }),
  fc.record({ family: fc.constant(6 as const), source: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n as Ipv6Address), destination: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n as Ipv6Address) }),
);

describe('UDP (RFC 768) with the IPv6 pseudo-header checksum (RFC 8200 section 8.1)', () => {
  it.each([
    ['dns-aaaa-query-over-ipv6', 50000, 53, 41, 'd4b9', '50000 → 53 Len=41'],
    ['dns-aaaa-response', 53, 50000, 92, '3e95', '53 → 50000 Len=92'],
    ['dhcpv6-solicit', 546, 547, 48, 'bec1', '546 → 547 Len=48'],
  ])('%s: ports %i → %i, %i payload bytes; encodes back with checksum 0x%s', (name, sourcePort, destinationPort, payloadLength, checksum, info) => {
    const bytes = frame(name);
    const pseudo = ipv6Pseudo(bytes);
    const udp = bytes.subarray(54);
    const result = decodeUdp(udp, pseudo);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ sourcePort, destinationPort, payload: udp.subarray(8) });
    expect(result.value.payload.length).toBe(payloadLength);
    const encoded = encodeUdp(result.value, pseudo);
    expect(bytesToHex(encoded.subarray(6, 8))).toBe(checksum);
    expect(encoded).toEqual(udp);
    const described = describeUdp(bytes, 54, bytes.length, pseudo);
    expect(described.ok && described.value.info).toBe(info);
    expect(described.ok && described.value.layer.fields[3]!.value).toBe(`0x${checksum} [correct]`);
  });

  it('over IPv4 a zero checksum means "no checksum" (RFC 768) and is kept so the datagram writes back exactly', () => {
    const bytes = encodeUdp({ sourcePort: 1, destinationPort: 2, noChecksum: true, payload: new Uint8Array([9]) }, V4);
    expect(bytesToHex(bytes)).toBe('000100020009000009');
    expect(decodeUdp(bytes, V4)).toEqual({ ok: true, value: { sourcePort: 1, destinationPort: 2, noChecksum: true, payload: new Uint8Array([9]) } });
    const described = describeUdp(bytes, 0, bytes.length, V4);
    expect(described.ok && described.value.layer.fields[3]!.value).toBe('0x0000 [zero-value ignored]');
  });

  it('over IPv6 a zero checksum is invalid (RFC 8200 section 8.1)', () => {
    const bytes = encodeUdp({ sourcePort: 1, destinationPort: 2, noChecksum: true, payload: new Uint8Array([9]) }, V6);
    expect(decodeUdp(bytes, V6)).toMatchObject({ ok: false, error: { kind: 'bad-checksum' } });
  });

  it('a computed checksum of zero is sent as 0xffff (RFC 768)', () => {
    // Find a payload word that makes the sum come out to zero: solve for it.
    const base = encodeUdp({ sourcePort: 1, destinationPort: 2, payload: new Uint8Array(2) }, V4);
    const stored = (base[6]! << 8) | base[7]!;
    const word = stored === 0xffff ? 0 : stored; // adding the checksum value to the data makes the new checksum 0
    const bytes = encodeUdp({ sourcePort: 1, destinationPort: 2, payload: new Uint8Array([word >>> 8, word & 0xff]) }, V4);
    expect(bytesToHex(bytes.subarray(6, 8))).toBe('ffff');
    expect(decodeUdp(bytes, V4).ok).toBe(true);
  });

  it('a wrong checksum gives found and expected values', () => {
    const bytes = frame('dns-aaaa-query-over-ipv6').slice();
    bytes[61] = 0;
    const result = decodeUdp(bytes.subarray(54), ipv6Pseudo(bytes));
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-checksum', message: 'UDP: checksum 0xd400 is wrong, expected 0xd4b9' } });
    const described = describeUdp(bytes, 54, bytes.length, ipv6Pseudo(bytes));
    expect(described.ok && described.value.layer.fields[3]!.value).toBe('0xd400 [incorrect, should be 0xd4b9]');
  });

  describe('boundaries', () => {
    const datagram = () => encodeUdp({ sourcePort: 50000, destinationPort: 12345, payload: new Uint8Array(8) }, V4);
    it('udp-7-bytes: truncated', () => {
      expect(decodeUdp(datagram().subarray(0, 7), V4)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('udp-length-8: an empty datagram is fine', () => {
      const bytes = encodeUdp({ sourcePort: 1, destinationPort: 2, payload: new Uint8Array(0) }, V4);
      expect(decodeUdp(bytes, V4)).toMatchObject({ ok: true, value: { payload: new Uint8Array(0) } });
    });
    it('udp-length-below-8: bad-value; tshark says "[BAD UDP LENGTH 0 < 8]"', () => {
      const bytes = datagram();
      bytes[4] = 0;
      bytes[5] = 0;
      expect(decodeUdp(bytes, V4, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'bad-value' } });
      const described = describeUdp(bytes, 0, bytes.length);
      expect(described.ok && described.value.info).toBe('50000 → 12345 [BAD UDP LENGTH 0 < 8]');
    });
    it('udp-length-mismatch (longer than the IP payload): truncated; tshark says "[BAD UDP LENGTH 24 > IP PAYLOAD LENGTH] Len=8"', () => {
      const bytes = datagram();
      bytes[5] = 24;
      expect(decodeUdp(bytes, V4, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'truncated' } });
      const described = describeUdp(bytes, 0, bytes.length);
      expect(described.ok && described.value.info).toBe('50000 → 12345 [BAD UDP LENGTH 24 > IP PAYLOAD LENGTH] Len=8');
    });
    it('udp-length-mismatch (shorter than the IP payload): bad-value', () => {
      const bytes = datagram();
      bytes[5] = 12;
      expect(decodeUdp(bytes, V4, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'bad-value' } });
    });
  });

  it('property: decode(encode(datagram)) equals datagram, over IPv4 and IPv6', () => {
    fc.assert(
      fc.property(arbDatagram, arbPseudo, (d, pseudo) => {
        expect(decodeUdp(encodeUdp(d, pseudo), pseudo)).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('property: any bytes decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), arbPseudo, (bytes, pseudo) => {
        if (bytes.length >= 6) {
          bytes[4] = 0;
          bytes[5] = bytes.length; // reach the checksum check
        }
        decodeUdp(bytes, pseudo);
        describeUdp(bytes, 0, bytes.length, pseudo);
      }),
      { numRuns: 3000 },
    );
  });
});

/**
 * The Internet checksum (RFC 1071) and the pseudo-header sums (RFC 768, RFC 8200 section 8.1):
 * the fast sums in sim-core/wire/checksum.ts give exactly the checksums of the plain definitions
 * (a 16-bit word at a time, pseudo-headers written out as bytes), kept here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4, readIpv4, type Ipv4Address, writeIpv4 } from '../../../sim-core/addr/ipv4';
import { ipv6, IPV6_MAX, readIpv6, type Ipv6Address, writeIpv6 } from '../../../sim-core/addr/ipv6';
import {
  expectedChecksum,
  finishChecksum,
  internetChecksum,
  ipv4PseudoHeaderSum,
  ipv6PseudoHeaderSum,
  pseudoHeaderSum,
  sumWords,
} from '../../../sim-core/wire/checksum';
import { frame } from '../../helpers/frames';

/** RFC 1071 section 1 as written: 16-bit big-endian words, an odd tail padded with zero; bytes past the end are zero. */
function referenceSumWords(bytes: Uint8Array, start: number, end: number, sum = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  if (i < end) sum += (bytes[i] ?? 0) << 8;
  return sum;
}

/** RFC 8200 section 8.1: the 40-byte pseudo-header written out and summed. */
function referenceIpv6PseudoHeaderSum(src: Ipv6Address, dst: Ipv6Address, upperLength: number, nextHeader: number): number {
  const header = new Uint8Array(40);
  writeIpv6(header, 0, src);
  writeIpv6(header, 16, dst);
  new DataView(header.buffer).setUint32(32, upperLength);
  header[39] = nextHeader;
  return referenceSumWords(header, 0, 40);
}

/** RFC 768: the 12-byte pseudo-header written out and summed. */
function referenceIpv4PseudoHeaderSum(src: Ipv4Address, dst: Ipv4Address, upperLength: number, protocol: number): number {
  const header = new Uint8Array(12);
  writeIpv4(header, 0, src);
  writeIpv4(header, 4, dst);
  header[9] = protocol;
  header[10] = upperLength >>> 8;
  header[11] = upperLength & 0xff;
  return referenceSumWords(header, 0, 12);
}

const bigintAddress = fc.oneof(
  fc.bigInt({ min: 0n, max: IPV6_MAX }),
  // Word sums that are 0 or a non-zero multiple of 0xffff: where a careless fold goes wrong.
  fc.constantFrom(0n, 0xffffn, IPV6_MAX, 0xfffe0001n, 0x20010db8000000000000000000000000n, 0xfe800000000000000000000000000001n),
);
const ipv6Address = bigintAddress.map((value) => ipv6(value));
const ipv4Address = fc.integer({ min: 0, max: 0xffffffff }).map((value) => ipv4(value));

describe('sumWords and finishChecksum (RFC 1071)', () => {
  it('RFC 1071 section 3 example: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2, checksum 0x220d', () => {
    const bytes = Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);
    expect(finishChecksum(sumWords(bytes, 0, 8)) ^ 0xffff).toBe(0xddf2);
    expect(internetChecksum(bytes)).toBe(0x220d);
  });

  it('odd-length tail: the last byte is the high half of a zero-padded word', () => {
    expect(sumWords(Uint8Array.of(0x12, 0x34, 0x56), 0, 3)).toBe(0x1234 + 0x5600);
    expect(sumWords(Uint8Array.of(0xab), 0, 1, 7)).toBe(0xab00 + 7);
  });

  it('an empty or reversed range adds nothing', () => {
    expect(sumWords(Uint8Array.of(1, 2, 3), 2, 2, 5)).toBe(5);
    expect(sumWords(Uint8Array.of(1, 2, 3), 3, 1)).toBe(0);
  });

  it('equals the word-at-a-time sum exactly, for any bytes, range (odd starts, past the end) and initial sum', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1600 }), fc.nat(1700), fc.nat(1700), fc.nat(0xfffff), (bytes, a, b, initial) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(sumWords(bytes, start, end, initial)).toBe(referenceSumWords(bytes, start, end, initial));
      }),
      { numRuns: 500 },
    );
  });
});

describe('pseudo-header sums', () => {
  it('IPv4 (RFC 768): the same value as the 12 bytes written out', () => {
    fc.assert(
      fc.property(ipv4Address, ipv4Address, fc.nat(0xffff), fc.nat(0xff), (src, dst, length, protocol) => {
        expect(ipv4PseudoHeaderSum(src, dst, length, protocol)).toBe(referenceIpv4PseudoHeaderSum(src, dst, length, protocol));
      }),
    );
  });

  it('IPv6 (RFC 8200 section 8.1): congruent mod 0xffff to the 40 bytes written out, and zero only when that sum is', () => {
    fc.assert(
      fc.property(ipv6Address, ipv6Address, fc.nat(0xffffffff), fc.nat(0xff), (src, dst, length, nextHeader) => {
        const fast = ipv6PseudoHeaderSum(src, dst, length, nextHeader);
        const reference = referenceIpv6PseudoHeaderSum(src, dst, length, nextHeader);
        expect(fast % 0xffff).toBe(reference % 0xffff);
        expect(fast === 0).toBe(reference === 0);
      }),
    );
  });

  it('IPv6: every checksum computed from it equals the one from the written-out pseudo-header', () => {
    fc.assert(
      fc.property(ipv6Address, ipv6Address, fc.uint8Array({ maxLength: 64 }), fc.constantFrom(0, 6, 17, 58, 89), (src, dst, data, nextHeader) => {
        const fast = finishChecksum(sumWords(data, 0, data.length, ipv6PseudoHeaderSum(src, dst, data.length, nextHeader)));
        const reference = finishChecksum(referenceSumWords(data, 0, data.length, referenceIpv6PseudoHeaderSum(src, dst, data.length, nextHeader)));
        expect(fast).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });

  it('IPv6 boundary: ::ffff with nothing else sums to 0xffff (negative zero), not 0, as the plain sum does', () => {
    const src = ipv6(0xffffn);
    const dst = ipv6(0n);
    expect(referenceIpv6PseudoHeaderSum(src, dst, 0, 0)).toBe(0xffff);
    expect(finishChecksum(ipv6PseudoHeaderSum(src, dst, 0, 0))).toBe(finishChecksum(0xffff));
    expect(ipv6PseudoHeaderSum(ipv6(0n), ipv6(0n), 0, 0)).toBe(0);
  });

  it('pseudoHeaderSum picks the IP version', () => {
    const src6 = ipv6(0x20010db8000000000000000000000001n);
    const src4 = ipv4(0xc0000201);
    expect(pseudoHeaderSum({ family: 6, source: src6, destination: src6 }, 8, 17)).toBe(ipv6PseudoHeaderSum(src6, src6, 8, 17));
    expect(pseudoHeaderSum({ family: 4, source: src4, destination: src4 }, 8, 17)).toBe(ipv4PseudoHeaderSum(src4, src4, 8, 17));
  });
});

describe('golden frames verify (test/fixtures/frames.json): a valid checksum over its own field sums to zero', () => {
  it('ICMPv6 echo request over the IPv6 pseudo-header (RFC 4443 section 2.3)', () => {
    const bytes = frame('icmpv6-echo-request');
    const pseudo = { family: 6, source: readIpv6(bytes, 22), destination: readIpv6(bytes, 38) } as const;
    expect(finishChecksum(sumWords(bytes, 54, bytes.length, pseudoHeaderSum(pseudo, bytes.length - 54, 58)))).toBe(0);
  });

  it('UDP of the DNS response, and OSPFv3 hello, over the IPv6 pseudo-header', () => {
    for (const [name, protocol] of [['dns-aaaa-response', 17], ['ospfv3-hello', 89]] as const) {
      const bytes = frame(name);
      const length = (bytes[18]! << 8) | bytes[19]!;
      const pseudo = { family: 6, source: readIpv6(bytes, 22), destination: readIpv6(bytes, 38) } as const;
      expect(finishChecksum(sumWords(bytes, 54, 54 + length, pseudoHeaderSum(pseudo, length, protocol))), name).toBe(0);
    }
  });

  it('IPv4 header of the VLAN-tagged echo, and its expected checksum equals the stored one', () => {
    const bytes = frame('icmpv4-echo-vlan10');
    expect(internetChecksum(bytes, 18, 38)).toBe(0);
    expect(expectedChecksum(bytes, 18, 38, 28)).toBe((bytes[28]! << 8) | bytes[29]!);
    expect(readIpv4(bytes, 30)).toBeGreaterThan(0);
  });
});

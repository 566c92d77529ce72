import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import type { MacAddress } from '../../../sim-core/addr/mac';
import { decodeArp, describeArp, encodeArp, type ArpPacket } from '../../../sim-core/wire/arp';
import { bytesToHex, frame } from '../../helpers/frames';

const ip = (a: number, b: number, c: number, d: number) => (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) as Ipv4Address;
const HOST_MAC = 0x000c290c47d5 as MacAddress;

const arbPacket: fc.Arbitrary<ArpPacket> = fc.record({
  hardwareType: fc.integer({ min: 0, max: 0xffff }),
  opcode: fc.integer({ min: 0, max: 0xffff }),
  senderMac: fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as MacAddress),
  senderIp: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Address),
  targetMac: fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((n) => n as MacAddress),
  targetIp: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n as Ipv4Address),
});

function info(p: ArpPacket): string {
  const bytes = encodeArp(p);
  const r = describeArp(bytes, 0, bytes.length);
  return r.ok ? r.value.info : r.error.message;
}

const request: ArpPacket = { hardwareType: 1, opcode: 1, senderMac: HOST_MAC, senderIp: ip(192, 0, 2, 10), targetMac: 0 as MacAddress, targetIp: ip(192, 0, 2, 1) };

describe('ARP over Ethernet for IPv4 (RFC 826)', () => {
  it('arp-request: who-has 192.0.2.1 tell 192.0.2.10, target MAC zero; encodes back byte for byte', () => {
    const bytes = frame('arp-request').subarray(14);
    const result = decodeArp(bytes);
    expect(result).toEqual({ ok: true, value: request });
    expect(bytesToHex(encodeArp(request))).toBe(bytesToHex(bytes));
  });

  it('arp-request: describe gives tshark\'s info "Who has 192.0.2.1? Tell 192.0.2.10" and Wireshark\'s field names', () => {
    const bytes = frame('arp-request');
    const result = describeArp(bytes, 14, bytes.length);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.info).toBe('Who has 192.0.2.1? Tell 192.0.2.10');
    expect(result.value.layer.title).toBe('Address Resolution Protocol (request)');
    expect(result.value.layer.fields.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['Hardware type', 'Ethernet (1)', 14],
      ['Protocol type', 'IPv4 (0x0800)', 16],
      ['Hardware size', '6', 18],
      ['Protocol size', '4', 19],
      ['Opcode', 'request (1)', 20],
      ['Sender MAC address', '00:0c:29:0c:47:d5', 22],
      ['Sender IP address', '192.0.2.10', 28],
      ['Target MAC address', '00:00:00:00:00:00', 32],
      ['Target IP address', '192.0.2.1', 38],
    ]);
  });

  // Each expected text was printed by tshark 4 for the same bytes.
  it.each<[string, ArpPacket, string]>([
    ['reply', { ...request, opcode: 2, targetMac: HOST_MAC }, '192.0.2.10 is at 00:0c:29:0c:47:d5'],
    ['gratuitous request (RFC 5227 announcement: target MAC zero)', { ...request, targetIp: ip(192, 0, 2, 10) }, 'ARP Announcement for 192.0.2.10'],
    ['gratuitous request with broadcast target MAC', { ...request, targetIp: ip(192, 0, 2, 10), targetMac: 0xffffffffffff as MacAddress }, 'Gratuitous ARP for 192.0.2.10 (Request)'],
    ['gratuitous reply', { ...request, opcode: 2, targetIp: ip(192, 0, 2, 10) }, 'Gratuitous ARP for 192.0.2.10 (Reply)'],
    ['probe (RFC 5227 2.1.1: sender 0.0.0.0)', { ...request, senderIp: ip(0, 0, 0, 0), targetIp: ip(192, 0, 2, 10) }, 'Who has 192.0.2.10? (ARP Probe)'],
  ])('info for a %s', (_name, packet, text) => {
    expect(info(packet)).toBe(text);
  });

  it('ignores Ethernet padding after the 28 bytes', () => {
    const padded = new Uint8Array(46);
    padded.set(encodeArp(request));
    expect(decodeArp(padded)).toEqual({ ok: true, value: request });
  });

  it.each([
    ['arp-27-bytes', 27, 'truncated'],
    ['arp-28-bytes', 28, undefined],
  ])('%s', (_name, n, kind) => {
    const result = decodeArp(encodeArp(request).subarray(0, n));
    if (kind) expect(!result.ok && result.error.kind).toBe(kind);
    else expect(result.ok).toBe(true);
  });

  it('arp-protocol-ipv6 and arp-hardware-size-8 are unsupported, not guessed', () => {
    const ipv6 = encodeArp(request);
    ipv6[2] = 0x86;
    ipv6[3] = 0xdd;
    expect(decodeArp(ipv6)).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    const wide = encodeArp(request);
    wide[4] = 8;
    expect(decodeArp(wide)).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it('property: decode(encode(packet)) equals packet', () => {
    fc.assert(
      fc.property(arbPacket, (p) => {
        expect(decodeArp(encodeArp(p))).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('property: any bytes decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        if (bytes.length >= 6) bytes.set([0x08, 0x00, 6, 4], 2);
        decodeArp(bytes);
        describeArp(bytes, 0, bytes.length);
      }),
      { numRuns: 3000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import { decodeIcmpv4, describeIcmpv4, encodeIcmpv4, type Icmpv4Message } from '../../../sim-core/wire/icmpv4';
import { encodeIpv4 } from '../../../sim-core/wire/ipv4';
import { bytesToHex, frame } from '../../helpers/frames';

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const data = fc.uint8Array({ maxLength: 64 });
const code = fc.integer({ min: 0, max: 255 });

const arbMessage: fc.Arbitrary<Icmpv4Message> = fc.oneof(
  fc.record({ kind: fc.constantFrom('echo-request' as const, 'echo-reply' as const), code, identifier: u16, sequenceNumber: u16, payload: data }),
  fc.record({ kind: fc.constant('destination-unreachable' as const), code, unused: u16, nextHopMtu: u16, payload: data }),
  fc.record({ kind: fc.constant('time-exceeded' as const), code, unused: u32, payload: data }),
  fc.record({ kind: fc.constant('other' as const), type: code.filter((t) => ![0, 3, 8, 11].includes(t)), code, restOfHeader: u32, payload: data }),
);

/** A quoted TCP segment start inside the IPv4 datagram that caused an error (RFC 792: header + 64 bits). */
const quoted = encodeIpv4({
  dscp: 0,
  ecn: 0,
  identification: 1,
  reservedFlag: false,
  dontFragment: true,
  moreFragments: false,
  fragmentOffset: 0,
  timeToLive: 1,
  protocol: 6,
  source: 0xc0000201 as Ipv4Address,
  destination: 0xc6336414 as Ipv4Address,
  options: new Uint8Array(0),
  payload: new Uint8Array([0xc3, 0x50, 0, 80, 0, 0, 0, 1]),
});

function infoOf(message: Icmpv4Message, timeToLive?: number): string {
  const bytes = encodeIcmpv4(message);
  const r = describeIcmpv4(bytes, 0, bytes.length, timeToLive === undefined ? {} : { timeToLive });
  return r.ok ? r.value.info : r.error.message;
}

describe('ICMP for IPv4 (RFC 792)', () => {
  it('icmpv4-echo-vlan10: echo request id 1, seq 7, data "ping"; encodes back byte for byte with checksum 0x1927', () => {
    const bytes = frame('icmpv4-echo-vlan10').subarray(38);
    const result = decodeIcmpv4(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ kind: 'echo-request', code: 0, identifier: 1, sequenceNumber: 7, payload: new TextEncoder().encode('ping') });
    expect(bytesToHex(encodeIcmpv4(result.value))).toBe(bytesToHex(bytes));
  });

  it('icmpv4-echo-vlan10: info "Echo (ping) request  id=0x0001, seq=7/1792, ttl=64" as tshark prints it', () => {
    const bytes = frame('icmpv4-echo-vlan10');
    const result = describeIcmpv4(bytes, 38, bytes.length, { timeToLive: 64 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.info).toBe('Echo (ping) request  id=0x0001, seq=7/1792, ttl=64');
    expect(result.value.layer.fields.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['Type', '8 (Echo (ping) request)', 38],
      ['Code', '0', 39],
      ['Checksum', '0x1927 [correct]', 40],
      ['Identifier (BE)', '1 (0x0001)', 42],
      ['Identifier (LE)', '256 (0x0100)', 42],
      ['Sequence Number (BE)', '7 (0x0007)', 44],
      ['Sequence Number (LE)', '1792 (0x0700)', 44],
      ['Data', '(4 bytes)', 46],
    ]);
  });

  // Each expected text was printed by tshark 4 for the same message.
  it.each<[string, Icmpv4Message, string]>([
    ['echo reply (name padded to 20 characters)', { kind: 'echo-reply', code: 0, identifier: 1, sequenceNumber: 7, payload: new Uint8Array(2) }, 'Echo (ping) reply    id=0x0001, seq=7/1792, ttl=64'],
    ['fragmentation needed (RFC 1191)', { kind: 'destination-unreachable', code: 4, unused: 0, nextHopMtu: 1400, payload: quoted }, 'Destination unreachable (Fragmentation needed)'],
    ['port unreachable', { kind: 'destination-unreachable', code: 3, unused: 0, nextHopMtu: 0, payload: quoted }, 'Destination unreachable (Port unreachable)'],
    ['host unreachable', { kind: 'destination-unreachable', code: 1, unused: 0, nextHopMtu: 0, payload: quoted }, 'Destination unreachable (Host unreachable)'],
    ['TTL exceeded in transit', { kind: 'time-exceeded', code: 0, unused: 0, payload: quoted }, 'Time-to-live exceeded (Time to live exceeded in transit)'],
    ['reassembly time exceeded', { kind: 'time-exceeded', code: 1, unused: 0, payload: quoted }, 'Time-to-live exceeded (Fragment reassembly time exceeded)'],
  ])('info for %s', (_name, message, text) => {
    expect(infoOf(message, 64)).toBe(text);
  });

  it('fragmentation needed carries the next-hop MTU in bytes 6-7 (RFC 1191 section 4) and describes the quoted datagram', () => {
    const message: Icmpv4Message = { kind: 'destination-unreachable', code: 4, unused: 0, nextHopMtu: 1400, payload: quoted };
    const bytes = encodeIcmpv4(message);
    expect(bytesToHex(bytes.subarray(0, 2))).toBe('0304');
    expect(bytesToHex(bytes.subarray(4, 8))).toBe('00000578');
    expect(decodeIcmpv4(bytes)).toEqual({ ok: true, value: message });
    const described = describeIcmpv4(bytes, 0, bytes.length);
    if (!described.ok) throw new Error(described.error.message);
    const names = described.value.layer.fields.map((f) => [f.name, f.value]);
    expect(names).toContainEqual(['MTU of next hop', '1400']);
    expect(names).toContainEqual(['Internet Protocol Version 4', 'Src: 192.0.2.1, Dst: 198.51.100.20']);
    expect(described.value.payloadOffset).toBe(8);
  });

  it('a wrong checksum is an error naming found and expected; describe still works and says so', () => {
    const bytes = frame('icmpv4-echo-vlan10').slice(38);
    bytes[2] = 0;
    const result = decodeIcmpv4(bytes);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-checksum', message: 'ICMP: checksum 0x0027 is wrong, expected 0x1927' } });
    expect(decodeIcmpv4(bytes, { verifyChecksum: false }).ok).toBe(true);
    const described = describeIcmpv4(bytes, 0, bytes.length);
    expect(described.ok && described.value.layer.fields[2]!.value).toBe('0x0027 [incorrect, should be 0x1927]');
  });

  it.each([
    ['icmpv4-7-bytes', 7, false],
    ['icmpv4-8-bytes (no data)', 8, true],
  ])('%s', (_name, n, ok) => {
    const message = encodeIcmpv4({ kind: 'echo-request', code: 0, identifier: 0, sequenceNumber: 0, payload: new Uint8Array(0) });
    const bytes = new Uint8Array(n);
    bytes.set(message.subarray(0, n));
    expect(decodeIcmpv4(bytes).ok).toBe(ok);
  });

  it('property: decode(encode(message)) equals message', () => {
    fc.assert(
      fc.property(arbMessage, (m) => {
        expect(decodeIcmpv4(encodeIcmpv4(m))).toEqual({ ok: true, value: m });
      }),
    );
  });

  it('property: any bytes decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.boolean(), (bytes, verifyChecksum) => {
        decodeIcmpv4(bytes, { verifyChecksum });
        describeIcmpv4(bytes, 0, bytes.length, { timeToLive: 1 });
      }),
      { numRuns: 4000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import { readIpv6, type Ipv6Address } from '../../../sim-core/addr/ipv6';
import type { PseudoHeader } from '../../../sim-core/wire/checksum';
import { decodeOspfv3, describeOspfv3, encodeOspfv3, type Ospfv3Packet } from '../../../sim-core/wire/ospfv3';
import { bytesToHex, frame } from '../../helpers/frames';

/** OSPFv3 starts after Ethernet (14) and IPv6 (40); the addresses are at 22 and 38. */
const OFFSET = 54;
const pseudoOf = (bytes: Uint8Array): PseudoHeader => ({ family: 6, source: readIpv6(bytes, 22), destination: readIpv6(bytes, 38) });
const id = (a: number, b: number, c: number, d: number) => (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) as Ipv4Address;

const hello: Ospfv3Packet = {
  routerId: id(1, 1, 1, 1),
  areaId: id(0, 0, 0, 0),
  instanceId: 0,
  body: {
    kind: 'hello',
    interfaceId: 3,
    routerPriority: 1,
    options: 0x13,
    helloIntervalS: 10,
    routerDeadIntervalS: 40,
    designatedRouterId: id(0, 0, 0, 0),
    backupDesignatedRouterId: id(0, 0, 0, 0),
    neighborIds: [],
  },
};

describe('OSPFv3 (RFC 5340 A.3.1 header, A.3.2 Hello)', () => {
  it('ospfv3-hello: router 1.1.1.1, area 0, interface 3, hello 10 s, dead 40 s, options V6+E+R; encodes back with checksum 0x4989', () => {
    const bytes = frame('ospfv3-hello');
    const pseudo = pseudoOf(bytes);
    const packet = bytes.subarray(OFFSET);
    expect(decodeOspfv3(packet, pseudo)).toEqual({ ok: true, value: hello });
    const encoded = encodeOspfv3(hello, pseudo);
    expect(bytesToHex(encoded.subarray(12, 14))).toBe('4989');
    expect(bytesToHex(encoded)).toBe(bytesToHex(packet));
  });

  it('ospfv3-hello: info "Hello Packet" as tshark prints it; Wireshark names and offsets', () => {
    const bytes = frame('ospfv3-hello');
    const result = describeOspfv3(bytes, OFFSET, bytes.length, pseudoOf(bytes));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.info).toBe('Hello Packet');
    const [header, body] = result.value.layer.fields;
    expect(header!.children!.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['Version', '3', 54],
      ['Message Type', 'Hello Packet (1)', 55],
      ['Packet Length', '36', 56],
      ['Source OSPF Router', '1.1.1.1', 58],
      ['Area ID', '0.0.0.0 (Backbone)', 62],
      ['Checksum', '0x4989 [correct]', 66],
      ['Instance ID', 'IPv6 unicast AF (0)', 68],
      ['Reserved', '00', 69],
    ]);
    expect(body!.children!.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['Interface ID', '3', 70],
      ['Router Priority', '1', 74],
      ['Options', '0x000013, R, E, V6', 75],
      ['Hello Interval [sec]', '10', 78],
      ['Router Dead Interval [sec]', '40', 80],
      ['Designated Router', '0.0.0.0', 82],
      ['Backup Designated Router', '0.0.0.0', 86],
    ]);
  });

  // Each expected text was printed by tshark 4 for the same packet.
  it.each([
    [2, 'DB Description'],
    [3, 'LS Request'],
    [4, 'LS Update'],
    [5, 'LS Acknowledge'],
    [9, 'Unknown (9)'],
  ])('info for type %i is "%s"; its body is kept raw and writes back exactly', (type, info) => {
    const pseudo = pseudoOf(frame('ospfv3-hello'));
    const packet: Ospfv3Packet = { ...hello, areaId: id(0, 0, 0, 1), body: { kind: 'raw', type, data: new Uint8Array([1, 2, 3, 4]) } };
    const bytes = encodeOspfv3(packet, pseudo);
    expect(decodeOspfv3(bytes, pseudo)).toEqual({ ok: true, value: packet });
    const described = describeOspfv3(bytes, 0, bytes.length, pseudo);
    expect(described.ok && described.value.info).toBe(info);
  });

  it('a Hello lists its active neighbors (4 bytes each after the 20-byte body)', () => {
    const pseudo = pseudoOf(frame('ospfv3-hello'));
    const packet: Ospfv3Packet = { ...hello, body: { ...(hello.body as Extract<Ospfv3Packet['body'], { kind: 'hello' }>), neighborIds: [id(2, 2, 2, 2), id(3, 3, 3, 3)] } };
    const bytes = encodeOspfv3(packet, pseudo);
    expect(bytes.length).toBe(44);
    expect(decodeOspfv3(bytes, pseudo)).toEqual({ ok: true, value: packet });
    const described = describeOspfv3(bytes, 0, bytes.length, pseudo);
    const body = described.ok ? described.value.layer.fields[1]! : undefined;
    expect(body?.children?.filter((f) => f.name === 'Active Neighbor').map((f) => f.value)).toEqual(['2.2.2.2', '3.3.3.3']);
  });

  it('a wrong checksum gives found and expected values; describe shows it', () => {
    const bytes = frame('ospfv3-hello').slice();
    bytes[OFFSET + 13] = 0;
    const pseudo = pseudoOf(bytes);
    expect(decodeOspfv3(bytes.subarray(OFFSET), pseudo)).toMatchObject({ ok: false, error: { kind: 'bad-checksum', message: 'OSPFv3: checksum 0x4900 is wrong, expected 0x4989' } });
    expect(decodeOspfv3(bytes.subarray(OFFSET), pseudo, { verifyChecksum: false }).ok).toBe(true);
    const described = describeOspfv3(bytes, OFFSET, bytes.length, pseudo);
    expect(described.ok && described.value.layer.fields[0]!.children![5]!.value).toBe('0x4900 [incorrect, should be 0x4989]');
  });

  describe('boundaries', () => {
    const pseudo: PseudoHeader = { family: 6, source: 1n as Ipv6Address, destination: 2n as Ipv6Address };
    const valid = () => encodeOspfv3(hello, pseudo);
    it('ospfv3-15-bytes: truncated', () => {
      expect(decodeOspfv3(valid().subarray(0, 15), pseudo)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('ospfv3-version-2: unsupported (OSPFv2 is an IPv4 protocol)', () => {
      const bytes = valid();
      bytes[0] = 2;
      expect(decodeOspfv3(bytes, pseudo)).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    });
    it('ospfv3-packet-length-below-16: bad-value', () => {
      const bytes = valid();
      bytes[3] = 15;
      expect(decodeOspfv3(bytes, pseudo, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'bad-value' } });
    });
    it('ospfv3-packet-length-beyond-bytes: truncated', () => {
      const bytes = valid();
      bytes[3] = 37;
      expect(decodeOspfv3(bytes, pseudo, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('ospfv3-trailing-lls-block: bytes after Packet Length are ignored (RFC 5613)', () => {
      const bytes = new Uint8Array(48);
      bytes.set(valid());
      expect(decodeOspfv3(bytes, pseudo)).toEqual({ ok: true, value: hello });
    });
    it('ospfv3-hello-body-19-bytes: kept raw rather than misread', () => {
      const packet: Ospfv3Packet = { ...hello, body: { kind: 'raw', type: 1, data: new Uint8Array(19) } };
      expect(decodeOspfv3(encodeOspfv3(packet, pseudo), pseudo)).toEqual({ ok: true, value: packet });
    });
  });

  const u32 = fc.integer({ min: 0, max: 0xffffffff });
  const rid = u32.map((n) => n as Ipv4Address);
  const arbPacket: fc.Arbitrary<Ospfv3Packet> = fc.record({
    routerId: rid,
    areaId: rid,
    instanceId: fc.integer({ min: 0, max: 255 }),
    body: fc.oneof(
      fc.record({
        kind: fc.constant('hello' as const),
        interfaceId: u32,
        routerPriority: fc.integer({ min: 0, max: 255 }),
        options: fc.integer({ min: 0, max: 0xffffff }),
        helloIntervalS: fc.integer({ min: 0, max: 0xffff }),
        routerDeadIntervalS: fc.integer({ min: 0, max: 0xffff }),
        designatedRouterId: rid,
        backupDesignatedRouterId: rid,
        neighborIds: fc.array(rid, { maxLength: 5 }),
      }),
      fc.record({ kind: fc.constant('raw' as const), type: fc.integer({ min: 0, max: 255 }).filter((t) => t !== 1), data: fc.uint8Array({ maxLength: 40 }) }),
    ),
  });
  const arbPseudo = fc.record({
    family: fc.constant(6 as const),
    source: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n as Ipv6Address),
    destination: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n as Ipv6Address),
  });

  it('property: decode(encode(packet)) equals packet', () => {
    fc.assert(
      fc.property(arbPacket, arbPseudo, (packet, pseudo) => {
        expect(decodeOspfv3(encodeOspfv3(packet, pseudo), pseudo)).toEqual({ ok: true, value: packet });
      }),
    );
  });

  it('property: any bytes decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), arbPseudo, (bytes, pseudo) => {
        if (bytes.length > 3) {
          bytes[0] = 3;
          bytes[2] = 0;
        }
        decodeOspfv3(bytes, pseudo, { verifyChecksum: false });
        describeOspfv3(bytes, 0, bytes.length, pseudo);
      }),
      { numRuns: 3000 },
    );
  });
});

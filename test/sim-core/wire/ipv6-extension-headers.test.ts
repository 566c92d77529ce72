import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ipv6Address, parseIpv6, writeIpv6 } from '../../../sim-core/addr/ipv6';
import { decodeIpv6, describeIpv6, encodeIpv6, type Ipv6Packet } from '../../../sim-core/wire/ipv6';
import {
  buildIpv6Packet,
  decodeIpv6ExtensionHeader,
  encodeIpv6ExtensionHeader,
  extensionHeaderType,
  finalDestination,
  fragmentIpv6,
  type Ipv6ExtensionHeader,
  type Ipv6Option,
  ipv6OptionAction,
  ipv6OptionMayChange,
  padIpv6Options,
  readRoutingAddresses,
  splitForFragmentation,
  walkIpv6Headers,
} from '../../../sim-core/wire/ipv6-extension-headers';
import { bytesToHex, frame } from '../../helpers/frames';

const ETHERNET = 14;

function address(text: string): Ipv6Address {
  const result = parseIpv6(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const fixed = { trafficClass: 0, flowLabel: 0, hopLimit: 64, source: address('2001:db8:1::10'), destination: address('2001:db8:2::20') };

function srhData(segments: Ipv6Address[]): Uint8Array {
  const data = new Uint8Array(4 + 16 * segments.length);
  data[0] = segments.length - 1;
  segments.forEach((segment, i) => writeIpv6(data, 4 + 16 * i, segment));
  return data;
}

describe('Fragment header (RFC 8200 section 4.5): golden first fragment', () => {
  const bytes = frame('ipv6-first-fragment').subarray(ETHERNET);
  const packet = ok(decodeIpv6(bytes));

  it('walks to one Fragment header: offset 0, M=1, id 0xabcd, next header 58', () => {
    const chain = ok(walkIpv6Headers(packet));
    expect(chain.headers).toEqual([{ kind: 'fragment', nextHeader: 58, fragmentOffset: 0, moreFragments: true, identification: 0xabcd }]);
    expect(chain.headerOffsets).toEqual([40]);
    expect(chain.upperLayer).toBe(58);
    expect(chain.fragmented).toBe(true);
    expect(chain.upperLayerOffset).toBe(48);
    expect(chain.upperLayerBytes.length).toBe(1232);
  });

  it('built back from its fields (header chain + fragment data) it is the same bytes', () => {
    const chain = ok(walkIpv6Headers(packet));
    const rebuilt = buildIpv6Packet(fixed, chain.headers, 58, chain.upperLayerBytes);
    expect(bytesToHex(encodeIpv6(rebuilt))).toBe(bytesToHex(bytes));
    expect(bytesToHex(encodeIpv6ExtensionHeader(chain.headers[0]!))).toBe(bytesToHex(bytes.subarray(40, 48)));
  });
});

describe('Hop-by-Hop and Destination Options (RFC 8200 section 4.2, RFC 2711)', () => {
  it('Router Alert MLD padded to 8 octets with PadN: 3a 00 05 02 00 00 01 00', () => {
    const header: Ipv6ExtensionHeader = { kind: 'hop-by-hop-options', nextHeader: 58, options: padIpv6Options([{ kind: 'router-alert', value: 0 }]) };
    const bytes = encodeIpv6ExtensionHeader(header);
    expect(bytesToHex(bytes)).toBe('3a00050200000100');
    expect(decodeIpv6ExtensionHeader(0, bytes)).toEqual({ ok: true, value: header });
  });

  it('Pad1 is a single zero byte; five Pad1 after a 1-byte-data option fill the header', () => {
    const options: Ipv6Option[] = [{ kind: 'other', type: 0x3e, data: Uint8Array.of(7) }, ...Array<Ipv6Option>(3).fill({ kind: 'pad1' })];
    const bytes = encodeIpv6ExtensionHeader({ kind: 'destination-options', nextHeader: 59, options });
    expect(bytesToHex(bytes)).toBe('3b003e0107000000');
    expect(ok(decodeIpv6ExtensionHeader(60, bytes))).toEqual({ kind: 'destination-options', nextHeader: 59, options });
  });

  it('Jumbo Payload (0xC2) stays a generic option; its action bits say discard and send ICMP unless multicast', () => {
    const bytes = Uint8Array.from([59, 0, 0xc2, 4, 0, 1, 0, 0]);
    const header = ok(decodeIpv6ExtensionHeader(0, bytes));
    expect(header).toEqual({ kind: 'hop-by-hop-options', nextHeader: 59, options: [{ kind: 'other', type: 0xc2, data: Uint8Array.of(0, 1, 0, 0) }] });
    expect(ipv6OptionAction(0xc2)).toBe('discard-send-icmp-unless-multicast');
  });

  // RFC 8200 section 4.2: the two high-order bits of an option type say what to do with an unknown option.
  const actions: [number, string, boolean][] = [
    [0x1e, 'skip', false],
    [0x3e, 'skip', true],
    [0x5e, 'discard', false],
    [0x9e, 'discard-send-icmp', false],
    [0xde, 'discard-send-icmp-unless-multicast', false],
    [0xfe, 'discard-send-icmp-unless-multicast', true],
  ];
  for (const [type, action, mayChange] of actions) {
    it(`option-type-${type.toString(16)}: action ${action}, may change ${mayChange}`, () => {
      expect(ipv6OptionAction(type)).toBe(action);
      expect(ipv6OptionMayChange(type)).toBe(mayChange);
    });
  }

  it('describe shows each option as a subtree with its action bits, as Wireshark', () => {
    const packet = buildIpv6Packet(fixed, [{ kind: 'hop-by-hop-options', nextHeader: 0, options: [{ kind: 'router-alert', value: 0 }, { kind: 'other', type: 0x3e, data: Uint8Array.of(1, 2) }] }], 58, new Uint8Array(8));
    const bytes = encodeIpv6(packet);
    const layer = ok(describeIpv6(bytes, 0, bytes.length)).layer;
    const hbh = layer.fields[8]!;
    expect(hbh.name).toBe('IPv6 Hop-by-Hop Option');
    expect([hbh.offset, hbh.length]).toEqual([40, 16]);
    expect(hbh.children!.map((f) => f.name)).toEqual(['Next Header', 'Length', 'Router Alert', 'Unknown', 'PadN']);
    const alert = hbh.children![2]!;
    expect(alert.children!.map((f) => `${f.name}: ${f.value}`)).toEqual(['Type: Router Alert (0x05)', 'Length: 2', 'Router Alert: MLD (0)']);
    expect(alert.children![0]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual(['Action: Skip and continue', 'May Change: No', 'Low-Order Bits: 0x05']);
    expect(alert.offset).toBe(42);
  });
});

describe('Routing header (RFC 8200 section 4.4, RFC 6275 type 2, RFC 8754 SRH)', () => {
  it('type 2 carries one Home Address, which is the final destination for the pseudo-header (RFC 8200 section 8.1)', () => {
    const data = new Uint8Array(20);
    writeIpv6(data, 4, address('2001:db8:ffff::1'));
    const header: Ipv6ExtensionHeader = { kind: 'routing', nextHeader: 58, routingType: 2, segmentsLeft: 1, data };
    const bytes = encodeIpv6ExtensionHeader(header);
    expect(bytes.length).toBe(24);
    expect(bytes[1]).toBe(2);
    expect(ok(readRoutingAddresses(header))).toEqual([address('2001:db8:ffff::1')]);
    expect(finalDestination(fixed.destination, [header])).toBe(address('2001:db8:ffff::1'));
  });

  it('SRH: the segment list is read in wire order; Segment List[0] is the final destination', () => {
    const header: Ipv6ExtensionHeader = { kind: 'routing', nextHeader: 58, routingType: 4, segmentsLeft: 1, data: srhData([address('2001:db8::9'), address('2001:db8::8')]) };
    expect(ok(readRoutingAddresses(header))).toEqual([address('2001:db8::9'), address('2001:db8::8')]);
    expect(finalDestination(fixed.destination, [header])).toBe(address('2001:db8::9'));
    const bytes = encodeIpv6(buildIpv6Packet(fixed, [header], 58, new Uint8Array(8)));
    const described = ok(describeIpv6(bytes, 0, bytes.length));
    expect(described.pseudoHeader.destination).toBe(address('2001:db8::9'));
    expect(described.layer.fields[8]!.name).toBe('Routing Header for IPv6 (Segment Routing)');
  });

  it('segments-left-0: the destination is already final', () => {
    const header: Ipv6ExtensionHeader = { kind: 'routing', nextHeader: 58, routingType: 4, segmentsLeft: 0, data: srhData([address('2001:db8::9')]) };
    expect(finalDestination(fixed.destination, [header])).toBe(fixed.destination);
  });

  it('an unknown routing type stays raw and its addresses are unsupported', () => {
    const header: Ipv6ExtensionHeader = { kind: 'routing', nextHeader: 58, routingType: 253, segmentsLeft: 0, data: new Uint8Array(4) };
    expect(ok(decodeIpv6ExtensionHeader(43, encodeIpv6ExtensionHeader(header)))).toEqual(header);
    const addresses = readRoutingAddresses(header);
    expect(!addresses.ok && addresses.error.kind).toBe('unsupported');
  });
});

describe('the header chain walk (RFC 8200 section 4.1)', () => {
  it('HbH, Destination Options, Routing, Fragment in order; the walk stops at the Fragment header', () => {
    const chain: Ipv6ExtensionHeader[] = [
      { kind: 'hop-by-hop-options', nextHeader: 0, options: padIpv6Options([{ kind: 'router-alert', value: 0 }]) },
      { kind: 'destination-options', nextHeader: 0, options: padIpv6Options([]) },
      { kind: 'routing', nextHeader: 0, routingType: 4, segmentsLeft: 1, data: srhData([address('2001:db8::9')]) },
      { kind: 'fragment', nextHeader: 0, fragmentOffset: 0, moreFragments: true, identification: 7 },
    ];
    const packet = buildIpv6Packet(fixed, chain, 17, new Uint8Array(16));
    expect(packet.nextHeader).toBe(0);
    const walked = ok(walkIpv6Headers(packet));
    expect(walked.headers.map((h) => [h.kind, h.nextHeader])).toEqual([
      ['hop-by-hop-options', 60],
      ['destination-options', 43],
      ['routing', 44],
      ['fragment', 17],
    ]);
    expect(walked.headerOffsets).toEqual([40, 48, 56, 80]);
    expect([walked.upperLayer, walked.upperLayerOffset, walked.upperLayerPointer, walked.fragmented]).toEqual([17, 88, 80, true]);
  });

  const udp = new Uint8Array(8);
  const boundaries: { name: string; packet: Pick<Ipv6Packet, 'nextHeader' | 'payload'>; expect: string }[] = [
    { name: 'no-extension-headers', packet: { nextHeader: 58, payload: udp }, expect: 'upper 58 at 40' },
    { name: 'no-next-header-59', packet: { nextHeader: 60, payload: Uint8Array.from([59, 0, 1, 4, 0, 0, 0, 0]) }, expect: 'upper 59 at 48' },
    { name: 'unknown-next-header-253', packet: { nextHeader: 253, payload: udp }, expect: 'upper 253 at 40' },
    { name: 'ext-header-chain-truncated', packet: { nextHeader: 60, payload: Uint8Array.from([17, 1, 1, 4, 0, 0, 0, 0]) }, expect: 'truncated' },
    { name: 'ext-header-shorter-than-8', packet: { nextHeader: 44, payload: Uint8Array.from([17, 0, 0, 0]) }, expect: 'truncated' },
    { name: 'option-overruns-header', packet: { nextHeader: 0, payload: Uint8Array.from([17, 0, 1, 5, 0, 0, 0, 0]) }, expect: 'truncated' },
    { name: 'hop-by-hop-not-first', packet: { nextHeader: 60, payload: Uint8Array.from([0, 0, 1, 4, 0, 0, 0, 0, 17, 0, 1, 4, 0, 0, 0, 0]) }, expect: 'bad-value at 40' },
    { name: 'authentication-header-skipped', packet: { nextHeader: 51, payload: Uint8Array.from([58, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]) }, expect: 'upper 58 at 56' },
    { name: 'esp-stops-the-walk', packet: { nextHeader: 50, payload: udp }, expect: 'upper 50 at 40' },
  ];
  for (const b of boundaries) {
    it(`${b.name} → ${b.expect}`, () => {
      const walked = walkIpv6Headers(b.packet);
      if (walked.ok) expect(`upper ${walked.value.upperLayer} at ${walked.value.upperLayerOffset}`).toBe(b.expect);
      else expect(walked.error.kind === 'bad-value' ? `bad-value at ${walked.error.offset}` : walked.error.kind).toBe(b.expect);
    });
  }

  it('describe reports "IPv6 no next header" as tshark does', () => {
    const bytes = encodeIpv6(buildIpv6Packet(fixed, [{ kind: 'destination-options', nextHeader: 0, options: padIpv6Options([]) }], 59, new Uint8Array(0)));
    expect(ok(describeIpv6(bytes, 0, bytes.length)).info).toBe('IPv6 no next header');
  });
});

describe('fragmentation (RFC 8200 section 4.5)', () => {
  const bigEcho = new Uint8Array(1400).fill(0x79);

  it('fragment-offset-max: 8191 units (65528 bytes) fills the 13-bit field', () => {
    const header: Ipv6ExtensionHeader = { kind: 'fragment', nextHeader: 58, fragmentOffset: 8191, moreFragments: false, identification: 0xffffffff };
    const bytes = encodeIpv6ExtensionHeader(header);
    expect(bytesToHex(bytes)).toBe('3a00fff8ffffffff');
    expect(ok(decodeIpv6ExtensionHeader(44, bytes))).toEqual(header);
    const packet = encodeIpv6(buildIpv6Packet(fixed, [header], 58, new Uint8Array(0)));
    expect(ok(describeIpv6(packet, 0, packet.length)).info).toBe('IPv6 fragment (off=65528 more=n ident=0xffffffff nxt=58)');
  });

  it('unfragmentable part: everything up to and including the Routing header', () => {
    const packet = buildIpv6Packet(
      fixed,
      [
        { kind: 'hop-by-hop-options', nextHeader: 0, options: padIpv6Options([]) },
        { kind: 'destination-options', nextHeader: 0, options: padIpv6Options([]) },
        { kind: 'routing', nextHeader: 0, routingType: 4, segmentsLeft: 1, data: srhData([address('2001:db8::9')]) },
        { kind: 'destination-options', nextHeader: 0, options: padIpv6Options([]) },
      ],
      58,
      bigEcho,
    );
    const split = ok(splitForFragmentation(packet));
    expect(split.unfragmentable.length).toBe(8 + 8 + 24);
    expect(split.lastNextHeaderOffset).toBe(16);
    expect(split.fragmentableNextHeader).toBe(60);
    expect(split.fragmentable.length).toBe(8 + 1400);
  });

  it('unfragmentable part: only the Hop-by-Hop header when there is no Routing header', () => {
    const packet = buildIpv6Packet(
      fixed,
      [
        { kind: 'hop-by-hop-options', nextHeader: 0, options: padIpv6Options([]) },
        { kind: 'destination-options', nextHeader: 0, options: padIpv6Options([]) },
      ],
      58,
      bigEcho,
    );
    const split = ok(splitForFragmentation(packet));
    expect([split.unfragmentable.length, split.lastNextHeaderOffset, split.fragmentableNextHeader]).toEqual([8, 0, 60]);
  });

  it('mtu-1280: a 1448-byte packet becomes a 1280-byte first fragment (1232 data bytes, like the golden frame) and the rest', () => {
    const packet = buildIpv6Packet(fixed, [], 58, bigEcho);
    const fragments = ok(fragmentIpv6(packet, 1280, 0xabcd));
    expect(fragments.map((f) => 40 + f.payload.length)).toEqual([1280, 40 + 8 + 168]);
    const walks = fragments.map((f) => ok(walkIpv6Headers(f)));
    expect(walks.map((w) => w.headers[0])).toEqual([
      { kind: 'fragment', nextHeader: 58, fragmentOffset: 0, moreFragments: true, identification: 0xabcd },
      { kind: 'fragment', nextHeader: 58, fragmentOffset: 154, moreFragments: false, identification: 0xabcd },
    ]);
    const golden = ok(decodeIpv6(frame('ipv6-first-fragment').subarray(ETHERNET)));
    expect(fragments[0]!.payload.length).toBe(golden.payload.length);
  });

  it('mtu too small for 8 data bytes → bad-value', () => {
    const result = fragmentIpv6(buildIpv6Packet(fixed, [], 58, bigEcho), 55, 1);
    expect(!result.ok && result.error.kind).toBe('bad-value');
  });

  it('property: fragments reassemble to the fragmentable part and each fits the MTU', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1280, max: 9000 }), fc.boolean(), (size, mtu, withHbh) => {
        const chain: Ipv6ExtensionHeader[] = withHbh ? [{ kind: 'hop-by-hop-options', nextHeader: 0, options: padIpv6Options([]) }] : [];
        const data = Uint8Array.from({ length: size }, (_, i) => i & 0xff);
        const packet = buildIpv6Packet(fixed, chain, 17, data);
        const fragments = ok(fragmentIpv6(packet, mtu, 9));
        const reassembled = new Uint8Array(size);
        let received = 0;
        for (const fragment of fragments) {
          if (40 + fragment.payload.length > mtu) return false;
          const walk = ok(walkIpv6Headers(fragment));
          const header = walk.headers[walk.headers.length - 1]!;
          if (header.kind !== 'fragment' || header.fragmentOffset * 8 !== received) return false;
          reassembled.set(walk.upperLayerBytes, received);
          received += walk.upperLayerBytes.length;
        }
        return received === size && Buffer.compare(reassembled, data) === 0;
      }),
      { numRuns: 300 },
    );
  });
});

// --- properties -----------------------------------------------------------------------------

const optionArbitrary: fc.Arbitrary<Ipv6Option> = fc.oneof(
  fc.constant<Ipv6Option>({ kind: 'pad1' }),
  fc.uint8Array({ maxLength: 8 }).map((data): Ipv6Option => ({ kind: 'padn', data })),
  fc.integer({ min: 0, max: 0xffff }).map((value): Ipv6Option => ({ kind: 'router-alert', value })),
  fc
    .record({ type: fc.integer({ min: 2, max: 255 }), data: fc.uint8Array({ maxLength: 20 }) })
    .filter(({ type, data }) => !(type === 5 && data.length === 2))
    .map(({ type, data }): Ipv6Option => ({ kind: 'other', type, data })),
);

const headerArbitrary: fc.Arbitrary<Ipv6ExtensionHeader> = fc.oneof(
  fc.record({ nextHeader: fc.integer({ min: 0, max: 255 }), options: fc.array(optionArbitrary, { maxLength: 6 }) }).map(
    ({ nextHeader, options }): Ipv6ExtensionHeader => ({ kind: 'hop-by-hop-options', nextHeader, options: padIpv6Options(options) }),
  ),
  fc.record({ nextHeader: fc.integer({ min: 0, max: 255 }), options: fc.array(optionArbitrary, { maxLength: 6 }) }).map(
    ({ nextHeader, options }): Ipv6ExtensionHeader => ({ kind: 'destination-options', nextHeader, options: padIpv6Options(options) }),
  ),
  fc
    .record({
      nextHeader: fc.integer({ min: 0, max: 255 }),
      routingType: fc.integer({ min: 0, max: 255 }),
      segmentsLeft: fc.integer({ min: 0, max: 255 }),
      units: fc.integer({ min: 0, max: 5 }),
      seed: fc.integer({ min: 0, max: 255 }),
    })
    .map(({ units, seed, ...rest }): Ipv6ExtensionHeader => ({ kind: 'routing', ...rest, data: new Uint8Array(4 + units * 8).fill(seed) })),
  fc
    .record({
      nextHeader: fc.integer({ min: 0, max: 255 }),
      fragmentOffset: fc.integer({ min: 0, max: 8191 }),
      moreFragments: fc.boolean(),
      identification: fc.integer({ min: 0, max: 0xffffffff }),
    })
    .map((h): Ipv6ExtensionHeader => ({ kind: 'fragment', ...h })),
  fc
    .record({ nextHeader: fc.integer({ min: 0, max: 255 }), units: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 0, max: 255 }) })
    .map(({ nextHeader, units, seed }): Ipv6ExtensionHeader => ({ kind: 'authentication', nextHeader, data: new Uint8Array(units * 8 + 6).fill(seed) })),
);

describe('extension header properties', () => {
  it('decode(encode(x)) deep-equals x for every header kind', () => {
    fc.assert(
      fc.property(headerArbitrary, (header) => {
        expect(decodeIpv6ExtensionHeader(extensionHeaderType(header), encodeIpv6ExtensionHeader(header))).toEqual({ ok: true, value: header });
      }),
      { numRuns: 3000 },
    );
  });

  it('a built chain walks back to the same headers, Next Header fields linked', () => {
    fc.assert(
      fc.property(fc.array(headerArbitrary.filter((h) => h.kind !== 'hop-by-hop-options' && h.kind !== 'fragment'), { maxLength: 4 }), (chain) => {
        const packet = buildIpv6Packet(fixed, chain, 58, new Uint8Array(4));
        const walked = ok(walkIpv6Headers(packet));
        expect(walked.headers.map((h) => ({ ...h, nextHeader: 0 }))).toEqual(chain.map((h) => ({ ...h, nextHeader: 0 })));
        expect(walked.upperLayer).toBe(58);
        expect(walked.upperLayerBytes.length).toBe(4);
      }),
      { numRuns: 1000 },
    );
  });

  it('any bytes after any next header walk, split and describe without throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 43, 44, 50, 51, 59, 60, 58), fc.uint8Array({ maxLength: 100 }), (nextHeader, payload) => {
        walkIpv6Headers({ nextHeader, payload });
        splitForFragmentation({ nextHeader, payload });
        for (const type of [0, 43, 44, 51, 60]) decodeIpv6ExtensionHeader(type, payload);
        const bytes = encodeIpv6({ ...fixed, nextHeader, payload });
        describeIpv6(bytes, 0, bytes.length);
        describeIpv6(bytes, 0, bytes.length - (payload.length >> 1), { quoted: true });
      }),
      { numRuns: 5000 },
    );
  });
});

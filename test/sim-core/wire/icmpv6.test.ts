import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ipv6Address, parseIpv6, writeIpv6 } from '../../../sim-core/addr/ipv6';
import { type MacAddress } from '../../../sim-core/addr/mac';
import { finishChecksum, pseudoHeaderSum, sumWords } from '../../../sim-core/wire/checksum';
import {
  buildIcmpv6Error,
  decodeIcmpv6,
  describeIcmpv6,
  encodeIcmpv6,
  ICMPV6_ERROR_QUOTE_MAX,
  type Icmpv6Message,
} from '../../../sim-core/wire/icmpv6';
import { decodeIpv6, describeIpv6, encodeIpv6, type Ipv6PseudoHeader } from '../../../sim-core/wire/ipv6';
import { buildIpv6Packet } from '../../../sim-core/wire/ipv6-extension-headers';
import type { NdpOption } from '../../../sim-core/wire/ndp-options';
import { tsharkPath } from '../../helpers/external-tools';
import { bytesToHex, frame, frameVectors } from '../../helpers/frames';

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

const mac = (value: number): MacAddress => value as MacAddress;

/** Decodes the ICMPv6 message inside the IPv6 packet at `frame[at]`, checksum verified. */
function icmpOf(name: string, at = ETHERNET): { message: Icmpv6Message; icmp: Uint8Array; pseudo: Ipv6PseudoHeader; hopLimit: number } {
  const packet = ok(decodeIpv6(frame(name).subarray(at)));
  expect(packet.nextHeader).toBe(58);
  const pseudo: Ipv6PseudoHeader = { family: 6, source: packet.source, destination: packet.destination };
  return { message: ok(decodeIcmpv6(packet.payload, pseudo)), icmp: packet.payload, pseudo, hopLimit: packet.hopLimit };
}

/** The Info text our describe gives for the named frame's ICMPv6 layer (IPv6 at `at`). */
function infoOf(name: string, at = ETHERNET): string {
  const bytes = frame(name);
  const ip = ok(describeIpv6(bytes, at, bytes.length));
  return ok(describeIcmpv6(bytes, ip.payloadOffset, ip.payloadEnd, { pseudoHeader: ip.pseudoHeader, hopLimit: ip.hopLimit })).info;
}

function wireshark(name: string): string {
  return frameVectors.find((v) => v.name === name)!.wireshark;
}

const golden: { name: string; at?: number; expected: Icmpv6Message | ((m: Icmpv6Message) => void) }[] = [
  {
    name: 'icmpv6-echo-request',
    expected: { kind: 'echo-request', code: 0, identifier: 0x1234, sequenceNumber: 1, payload: new TextEncoder().encode('abcdefgh') },
  },
  {
    name: 'icmpv6-echo-reply',
    expected: { kind: 'echo-reply', code: 0, identifier: 0x1234, sequenceNumber: 1, payload: new TextEncoder().encode('abcdefgh') },
  },
  {
    name: 'ndp-router-solicitation',
    expected: { kind: 'router-solicitation', code: 0, options: [{ kind: 'source-link-layer-address', linkLayerAddress: mac(0x000c290c47d5) }] },
  },
  {
    name: 'ndp-router-advertisement',
    expected: {
      kind: 'router-advertisement',
      code: 0,
      curHopLimit: 64,
      managed: false,
      other: true,
      homeAgent: false,
      // Flags 0x48: O and Prf 01 (RFC 4191 section 2.2), as Wireshark decodes it.
      preference: 'high',
      proxy: false,
      routerLifetimeS: 1800,
      reachableTimeMs: 0,
      retransTimerMs: 0,
      options: [
        { kind: 'source-link-layer-address', linkLayerAddress: mac(0x00005e005301) },
        { kind: 'mtu', mtu: 1500 },
        {
          kind: 'prefix-information',
          prefixLength: 64,
          onLink: true,
          autonomous: true,
          routerAddress: false,
          validLifetimeS: 2592000,
          preferredLifetimeS: 604800,
          prefix: address('2001:db8:1::'),
        },
        { kind: 'rdnss', lifetimeS: 1800, addresses: [address('2001:db8:53::53')] },
      ],
    },
  },
  {
    name: 'ndp-dad-neighbor-solicitation',
    expected: { kind: 'neighbor-solicitation', code: 0, targetAddress: address('fe80::20c:29ff:fe0c:47d5'), options: [] },
  },
  {
    name: 'ndp-neighbor-solicitation',
    expected: {
      kind: 'neighbor-solicitation',
      code: 0,
      targetAddress: address('2001:db8:1::1'),
      options: [{ kind: 'source-link-layer-address', linkLayerAddress: mac(0x000c290c47d5) }],
    },
  },
  {
    name: 'ndp-neighbor-advertisement',
    expected: {
      kind: 'neighbor-advertisement',
      code: 0,
      router: true,
      solicited: true,
      override: true,
      targetAddress: address('2001:db8:1::1'),
      options: [{ kind: 'target-link-layer-address', linkLayerAddress: mac(0x00005e005301) }],
    },
  },
  {
    name: 'icmpv6-packet-too-big',
    expected: (m) => {
      if (m.kind !== 'packet-too-big') throw new Error(m.kind);
      expect([m.code, m.mtu, m.payload.length]).toEqual([0, 1280, 1232]);
      const quoted = describeIpv6(m.payload, 0, m.payload.length, { quoted: true });
      expect(ok(quoted).layer.title).toBe('Src: 2001:db8:1::10, Dst: 2001:db8:2::20');
    },
  },
  {
    name: 'icmpv6-time-exceeded',
    expected: (m) => {
      if (m.kind !== 'time-exceeded') throw new Error(m.kind);
      expect([m.code, m.payload.length]).toEqual([0, 60]);
      const quoted = ok(decodeIpv6(m.payload));
      expect([quoted.nextHeader, quoted.hopLimit, quoted.payload.length]).toEqual([17, 1, 20]);
    },
  },
  { name: '6in4-encapsulated-echo', at: ETHERNET + 20, expected: { kind: 'echo-request', code: 0, identifier: 5, sequenceNumber: 1, payload: new Uint8Array(0) } },
  { name: 'gre-ipv6-over-ipv4', at: ETHERNET + 24, expected: { kind: 'echo-request', code: 0, identifier: 6, sequenceNumber: 1, payload: new Uint8Array(0) } },
];

describe('ICMPv6 golden frames (RFC 4443, RFC 4861): decode, encode back, Info as tshark', () => {
  for (const { name, at, expected } of golden) {
    it(`${name}: fields, bytes back, Info`, () => {
      const { message, icmp, pseudo } = icmpOf(name, at);
      if (typeof expected === 'function') expected(message);
      else expect(message).toEqual(expected);
      expect(bytesToHex(encodeIcmpv6(message, pseudo))).toBe(bytesToHex(icmp));
      const info = infoOf(name, at);
      if (name === 'icmpv6-echo-reply') {
        // "(request in 1)" refers to another frame: the frame describer's job, not a codec's.
        expect(wireshark(name)).toBe(`ICMPv6: ${info} (request in 1)`);
      } else {
        expect(`ICMPv6: ${info}`).toBe(wireshark(name));
      }
    });
  }

  it('packet-too-big-quote-1280: rebuilt from the invoking 1448-byte packet, the error is the golden 1280-byte packet', () => {
    const bytes = frame('icmpv6-packet-too-big').subarray(ETHERNET);
    const { message, pseudo } = icmpOf('icmpv6-packet-too-big');
    if (message.kind !== 'packet-too-big') throw new Error(message.kind);
    // The invoking echo request: 40 + 8 + 1400 bytes of 'x'; only its first 1232 bytes are quoted.
    const invoking = new Uint8Array(1448).fill(0x78);
    invoking.set(message.payload, 0);
    const error = buildIcmpv6Error({ kind: 'packet-too-big', mtu: 1280 }, invoking);
    const ip = ok(decodeIpv6(bytes));
    const rebuilt = encodeIpv6({ ...ip, payload: encodeIcmpv6(error, pseudo) });
    expect(rebuilt.length).toBe(1280);
    expect(bytesToHex(rebuilt)).toBe(bytesToHex(bytes));
  });

  it('the RA describes every field at its absolute offset, each option a subtree, checksum correct', () => {
    const bytes = frame('ndp-router-advertisement');
    const ip = ok(describeIpv6(bytes, ETHERNET, bytes.length));
    const layer = ok(describeIcmpv6(bytes, ip.payloadOffset, ip.payloadEnd, { pseudoHeader: ip.pseudoHeader, hopLimit: ip.hopLimit })).layer;
    const flat = layer.fields.map((f) => `${f.offset} ${f.name}: ${f.value}`);
    expect(flat.slice(0, 8)).toEqual([
      '54 Type: Router Advertisement (134)',
      '55 Code: 0',
      '56 Checksum: 0x3e1d [correct]',
      '58 Cur hop limit: 64',
      '59 Flags: 0x48, Other configuration, Prf (Default Router Preference): High',
      '60 Router lifetime (s): 1800',
      '62 Reachable time (ms): 0',
      '66 Retrans timer (ms): 0',
    ]);
    expect(layer.fields[4]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'Managed address configuration: Not set',
      'Other configuration: Set',
      'Home Agent: Not set',
      'Prf (Default Router Preference): High (1)',
      'Proxy: Not set',
      'Reserved: 0',
    ]);
    expect(flat.slice(8)).toEqual([
      '70 ICMPv6 Option (Source link-layer address : 00:00:5e:00:53:01): ',
      '78 ICMPv6 Option (MTU : 1500): ',
      '86 ICMPv6 Option (Prefix information : 2001:db8:1::/64): ',
      '118 ICMPv6 Option (Recursive DNS Server 2001:db8:53::53): ',
    ]);
    const prefix = layer.fields[10]!;
    expect(prefix.children!.map((f) => `${f.offset} ${f.name}: ${f.value}`)).toEqual([
      '86 Type: Prefix information (3)',
      '87 Length: 4 (32 bytes)',
      '88 Prefix Length: 64',
      '89 Flag: 0xc0, On-link flag(L), Autonomous address-configuration flag(A)',
      '90 Valid Lifetime: 2592000',
      '94 Preferred Lifetime: 604800',
      '98 Reserved: ',
      '102 Prefix: 2001:db8:1::',
    ]);
    expect(prefix.children![3]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'On-link flag(L): Set',
      'Autonomous address-configuration flag(A): Set',
      'Router address flag(R): Not set',
      'Reserved: 0',
    ]);
  });

  it('the NA flags R/S/O are children of the Flags field', () => {
    const bytes = frame('ndp-neighbor-advertisement');
    const ip = ok(describeIpv6(bytes, ETHERNET, bytes.length));
    const layer = ok(describeIcmpv6(bytes, ip.payloadOffset, ip.payloadEnd, { pseudoHeader: ip.pseudoHeader, hopLimit: ip.hopLimit })).layer;
    expect(layer.fields[3]!.value).toBe('0xe0000000, Router, Solicited, Override');
    expect(layer.fields[3]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual(['Router: Set', 'Solicited: Set', 'Override: Set', 'Reserved: 0']);
  });

  it('an error quotes the invoking packet as a nested IPv6 subtree, its checksum unverified', () => {
    const bytes = frame('icmpv6-packet-too-big');
    const ip = ok(describeIpv6(bytes, ETHERNET, bytes.length));
    const layer = ok(describeIcmpv6(bytes, ip.payloadOffset, ip.payloadEnd, { pseudoHeader: ip.pseudoHeader, hopLimit: ip.hopLimit })).layer;
    expect(layer.fields.map((f) => f.name)).toEqual(['Type', 'Code', 'Checksum', 'MTU', 'Internet Protocol Version 6, Src: 2001:db8:1::10, Dst: 2001:db8:2::20', 'Internet Control Message Protocol v6']);
    const inner = layer.fields[5]!;
    expect(inner.offset).toBe(ETHERNET + 48 + 40);
    expect(inner.children!.find((f) => f.name === 'Checksum')!.value).toBe('0xb534 [unverified] [in ICMP error packet]');
  });
});

describe('ICMPv6 checksum (RFC 4443 section 2.3, RFC 8200 section 8.1)', () => {
  const { icmp, pseudo } = icmpOf('icmpv6-echo-request');

  it('a wrong checksum is a bad-checksum error naming found and expected values', () => {
    const broken = icmp.slice();
    broken[3] = broken[3]! ^ 0xff;
    const result = decodeIcmpv6(broken, pseudo);
    expect(result).toEqual({
      ok: false,
      error: { layer: 'ICMPv6', kind: 'bad-checksum', offset: 2, message: 'ICMPv6: checksum 0x80ba is wrong, expected 0x8045' },
    });
    expect(decodeIcmpv6(broken, pseudo, { verifyChecksum: false }).ok).toBe(true);
  });

  it('describe still works when the checksum is wrong, and says what it should be', () => {
    const bytes = frame('icmpv6-echo-request');
    bytes[ETHERNET + 40 + 2] = 0;
    const ip = ok(describeIpv6(bytes, ETHERNET, bytes.length));
    const layer = ok(describeIcmpv6(bytes, ip.payloadOffset, ip.payloadEnd, { pseudoHeader: ip.pseudoHeader, hopLimit: ip.hopLimit })).layer;
    expect(layer.fields[2]!.value).toBe('0x0045 [incorrect, should be 0x8045]');
  });

  it('the checksum covers the source address: another source gives bad-checksum', () => {
    expect(decodeIcmpv6(icmp, { ...pseudo, source: address('2001:db8:1::11') }).ok).toBe(false);
  });

  it('with a Segment Routing header the pseudo-header uses the final segment', () => {
    const final = address('2001:db8:9::9');
    const srh = new Uint8Array(20);
    writeIpv6(srh, 4, final);
    const message: Icmpv6Message = { kind: 'echo-request', code: 0, identifier: 7, sequenceNumber: 8, payload: new Uint8Array(0) };
    const fixed = { trafficClass: 0, flowLabel: 0, hopLimit: 64, source: pseudo.source, destination: address('2001:db8:5::5') };
    const icmpBytes = encodeIcmpv6(message, { family: 6, source: pseudo.source, destination: final });
    const bytes = encodeIpv6(buildIpv6Packet(fixed, [{ kind: 'routing', nextHeader: 0, routingType: 4, segmentsLeft: 1, data: srh }], 58, icmpBytes));
    const ip = ok(describeIpv6(bytes, 0, bytes.length));
    expect(ip.pseudoHeader.destination).toBe(final);
    const layer = ok(describeIcmpv6(bytes, ip.payloadOffset, ip.payloadEnd, { pseudoHeader: ip.pseudoHeader, hopLimit: ip.hopLimit })).layer;
    expect(layer.fields[2]!.value).toMatch(/\[correct\]$/);
  });
});

describe('ICMPv6 boundaries', () => {
  const pseudo: Ipv6PseudoHeader = { family: 6, source: address('fe80::1'), destination: address('ff02::1') };
  const invoking = (size: number): Uint8Array => new Uint8Array(size).fill(0x60, 0, 1);

  const quotes: [string, number, number][] = [
    ['packet-too-big-quote-1280', 2000, 1232],
    ['quote-1232-exact', 1232, 1232],
    ['quote-1233-cut-to-1232', 1233, 1232],
    ['quote-small-packet-whole', 68, 68],
  ];
  for (const [name, size, quoted] of quotes) {
    it(`${name}: a ${size}-byte invoking packet is quoted with ${quoted} bytes, the error packet ≤ 1280 (RFC 4443 2.4(c))`, () => {
      const error = buildIcmpv6Error({ kind: 'time-exceeded', code: 0 }, invoking(size));
      if (error.kind !== 'time-exceeded') throw new Error(error.kind);
      expect(error.payload.length).toBe(quoted);
      expect(40 + encodeIcmpv6(error, pseudo).length).toBeLessThanOrEqual(1280);
    });
  }

  it('quote-leaves-room-for-extension-headers: 16 bytes of headers leave 1216 for the quote', () => {
    const error = buildIcmpv6Error({ kind: 'parameter-problem', code: 1, pointer: 40 }, invoking(2000), 16);
    expect(error).toMatchObject({ kind: 'parameter-problem', code: 1, pointer: 40 });
    expect(error.kind === 'parameter-problem' && error.payload.length).toBe(ICMPV6_ERROR_QUOTE_MAX - 16);
  });

  const message = (hexText: string): Uint8Array => {
    const bytes = Uint8Array.from(hexText.match(/../g)!.map((h) => parseInt(h, 16)));
    return bytes;
  };
  /** Writes the right checksum into raw bytes, so the test reaches the check after it. */
  const withChecksum = (bytes: Uint8Array): Uint8Array => {
    bytes[2] = 0;
    bytes[3] = 0;
    const checksum = finishChecksum(sumWords(bytes, 0, bytes.length, pseudoHeaderSum(pseudo, bytes.length, 58)));
    bytes[2] = checksum >>> 8;
    bytes[3] = checksum & 0xff;
    return bytes;
  };
  const cases: { name: string; bytes: Uint8Array; expect: string }[] = [
    { name: 'header-3-bytes', bytes: message('800000'), expect: 'truncated' },
    { name: 'echo-7-bytes', bytes: message('80000000000000'), expect: 'truncated' },
    { name: 'echo-8-bytes-no-data', bytes: withChecksum(message('8000000000010002')), expect: 'echo-request' },
    { name: 'neighbor-solicitation-23-bytes', bytes: message('87000000' + '00'.repeat(19)), expect: 'truncated' },
    { name: 'router-advertisement-15-bytes', bytes: message('86000000' + '00'.repeat(11)), expect: 'truncated' },
    { name: 'redirect-39-bytes', bytes: message('89000000' + '00'.repeat(35)), expect: 'truncated' },
    { name: 'ndp-option-length-0', bytes: withChecksum(message('8500000000000000' + '0100000c290c47d5')), expect: 'bad-value' },
    { name: 'ndp-option-overruns-message', bytes: withChecksum(message('8500000000000000' + '0102000c290c47d5')), expect: 'truncated' },
    { name: 'unknown-type-kept-raw', bytes: withChecksum(message('c8030000deadbeef')), expect: 'unknown' },
    { name: 'hop-limit-0-time-exceeded-code-0', bytes: withChecksum(message('0300000000000000')), expect: 'time-exceeded' },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.expect}`, () => {
      const result = decodeIcmpv6(c.bytes, pseudo);
      expect(result.ok ? result.value.kind : result.error.kind).toBe(c.expect);
    });
  }

  it('ndp-option-length-0: the message names the rule and the offset is the Length byte', () => {
    const bytes = message('8500000000000000' + '0100000c290c47d5');
    const result = decodeIcmpv6(bytes, pseudo, { verifyChecksum: false });
    expect(!result.ok && [result.error.offset, result.error.message]).toEqual([
      9,
      'ICMPv6 Router Solicitation: NDP option: type 1 at byte 0 has length 0, which RFC 4861 section 4.6 forbids',
    ]);
  });
});

// --- properties -----------------------------------------------------------------------------

const address128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((v) => v as Ipv6Address);
const u8 = fc.integer({ min: 0, max: 255 });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const simpleOption: fc.Arbitrary<NdpOption> = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((v): NdpOption => ({ kind: 'source-link-layer-address', linkLayerAddress: v as MacAddress })),
  fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((v): NdpOption => ({ kind: 'target-link-layer-address', linkLayerAddress: v as MacAddress })),
  u32.map((mtu): NdpOption => ({ kind: 'mtu', mtu })),
  fc.record({ lifetimeS: u32, addresses: fc.array(address128, { minLength: 1, maxLength: 3 }) }).map((o): NdpOption => ({ kind: 'rdnss', ...o })),
);
const options = fc.array(simpleOption, { maxLength: 4 });

const messageArbitrary: fc.Arbitrary<Icmpv6Message> = fc.oneof(
  fc.record({ kind: fc.constant('destination-unreachable' as const), code: u8, payload: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('packet-too-big' as const), code: u8, mtu: u32, payload: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('time-exceeded' as const), code: u8, payload: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('parameter-problem' as const), code: u8, pointer: u32, payload: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constantFrom('echo-request' as const, 'echo-reply' as const), code: u8, identifier: u16, sequenceNumber: u16, payload: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('router-solicitation' as const), code: u8, options }),
  fc.record({
    kind: fc.constant('router-advertisement' as const),
    code: u8,
    curHopLimit: u8,
    managed: fc.boolean(),
    other: fc.boolean(),
    homeAgent: fc.boolean(),
    preference: fc.constantFrom('high' as const, 'medium' as const, 'low' as const, 'reserved' as const),
    proxy: fc.boolean(),
    routerLifetimeS: u16,
    reachableTimeMs: u32,
    retransTimerMs: u32,
    options,
  }),
  fc.record({ kind: fc.constant('neighbor-solicitation' as const), code: u8, targetAddress: address128, options }),
  fc.record({ kind: fc.constant('neighbor-advertisement' as const), code: u8, router: fc.boolean(), solicited: fc.boolean(), override: fc.boolean(), targetAddress: address128, options }),
  fc.record({ kind: fc.constant('redirect' as const), code: u8, targetAddress: address128, destinationAddress: address128, options }),
  fc.record({
    kind: fc.constant('unknown' as const),
    type: u8.filter((t) => [1, 2, 3, 4, 128, 129, 133, 134, 135, 136, 137].indexOf(t) < 0),
    code: u8,
    body: fc.uint8Array({ maxLength: 40 }),
  }),
);
const pseudoArbitrary = fc.record({ family: fc.constant(6 as const), source: address128, destination: address128 });

describe('ICMPv6 properties', () => {
  it('decode(encode(x)) deep-equals x, checksum verified', () => {
    fc.assert(
      fc.property(messageArbitrary, pseudoArbitrary, (message, pseudo) => {
        expect(decodeIcmpv6(encodeIcmpv6(message, pseudo), pseudo)).toEqual({ ok: true, value: message });
      }),
      { numRuns: 2000 },
    );
  });

  it('any bytes, and every truncation of an encoded message, decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), u8, pseudoArbitrary, fc.boolean(), (bytes, type, pseudo, quoted) => {
        if (bytes.length > 0) bytes[0] = type;
        decodeIcmpv6(bytes, pseudo);
        decodeIcmpv6(bytes, pseudo, { verifyChecksum: false });
        describeIcmpv6(bytes, 0, bytes.length, { pseudoHeader: pseudo, hopLimit: 64, quoted });
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(messageArbitrary, pseudoArbitrary, fc.nat(), (message, pseudo, cut) => {
        const bytes = encodeIcmpv6(message, pseudo);
        const n = cut % (bytes.length + 1);
        decodeIcmpv6(bytes.subarray(0, n), pseudo);
        describeIcmpv6(bytes, 0, n, { pseudoHeader: pseudo, hopLimit: 1 });
        describeIcmpv6(bytes, 0, n, { pseudoHeader: pseudo, hopLimit: 1, quoted: true });
      }),
      { numRuns: 2000 },
    );
  });
});

// --- tshark cross-check -----------------------------------------------------------------------

const tshark = tsharkPath();

describe('Info text matches tshark for messages the golden frames do not cover', () => {
  it.skipIf(!tshark)('every error code, NA flag mix, Redirect, RA options: our Info equals tshark\'s', () => {
    const src = address('2001:db8::1');
    const dst = address('2001:db8::2');
    const pseudo: Ipv6PseudoHeader = { family: 6, source: src, destination: dst };
    const quote = encodeIpv6({ trafficClass: 0, flowLabel: 0, nextHeader: 17, hopLimit: 1, source: dst, destination: src, payload: new Uint8Array(12) });
    const tlla: NdpOption = { kind: 'target-link-layer-address', linkLayerAddress: mac(0x000c290c47d5) };
    const messages: Icmpv6Message[] = [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((code): Icmpv6Message => ({ kind: 'destination-unreachable', code, payload: quote })),
      { kind: 'time-exceeded', code: 1, payload: quote },
      ...[0, 1, 2, 3].map((code): Icmpv6Message => ({ kind: 'parameter-problem', code, pointer: 6, payload: quote })),
      { kind: 'packet-too-big', code: 0, mtu: 1400, payload: quote },
      { kind: 'neighbor-advertisement', code: 0, router: false, solicited: false, override: false, targetAddress: src, options: [] },
      { kind: 'neighbor-advertisement', code: 0, router: false, solicited: true, override: false, targetAddress: src, options: [tlla] },
      { kind: 'neighbor-advertisement', code: 0, router: true, solicited: false, override: true, targetAddress: src, options: [tlla] },
      { kind: 'redirect', code: 0, targetAddress: address('fe80::1'), destinationAddress: address('2001:db8::99'), options: [tlla, { kind: 'redirected-header', payload: quote.subarray(0, 48) }] },
      { kind: 'router-solicitation', code: 0, options: [] },
      {
        kind: 'router-advertisement', code: 0, curHopLimit: 64, managed: true, other: true, homeAgent: false, preference: 'low', proxy: false,
        routerLifetimeS: 0, reachableTimeMs: 30000, retransTimerMs: 1000,
        options: [{ kind: 'dnssl', lifetimeS: 600, domainNames: ['kiengiang.gov.vn'] }, { kind: 'pref64', scaledLifetime: 225, prefixLength: 96, prefix: address('64:ff9b::') }],
      },
      { kind: 'neighbor-solicitation', code: 0, targetAddress: src, options: [] },
      { kind: 'echo-reply', code: 0, identifier: 0xbeef, sequenceNumber: 65535, payload: new Uint8Array(0) },
      { kind: 'unknown', type: 200, code: 3, body: new Uint8Array(4) },
      { kind: 'unknown', type: 143, code: 0, body: new Uint8Array(4) },
    ];
    const header = Buffer.alloc(24);
    header.writeUInt32LE(0xa1b2c3d4, 0);
    header.writeUInt16LE(2, 4);
    header.writeUInt16LE(4, 6);
    header.writeUInt32LE(65535, 16);
    header.writeUInt32LE(1, 20);
    const records: Buffer[] = [header];
    const ours: string[] = [];
    for (const message of messages) {
      const ip = encodeIpv6({ trafficClass: 0, flowLabel: 0, nextHeader: 58, hopLimit: 255, source: src, destination: dst, payload: encodeIcmpv6(message, pseudo) });
      const bytes = Buffer.concat([Buffer.from('00005e005301000c290c47d586dd', 'hex'), ip]);
      const described = ok(describeIpv6(bytes, ETHERNET, bytes.length));
      ours.push(ok(describeIcmpv6(bytes, described.payloadOffset, described.payloadEnd, { pseudoHeader: described.pseudoHeader, hopLimit: described.hopLimit })).info);
      const record = Buffer.alloc(16);
      record.writeUInt32LE(bytes.length, 8);
      record.writeUInt32LE(bytes.length, 12);
      records.push(record, bytes);
    }
    const dir = mkdtempSync(join(tmpdir(), 'v6lab-icmpv6-'));
    try {
      const file = join(dir, 'icmpv6.pcap');
      writeFileSync(file, Buffer.concat(records));
      const output = execFileSync(tshark!, ['-r', file, '-T', 'fields', '-e', '_ws.col.Info'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(ours).toEqual(output.split('\n').slice(0, messages.length));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

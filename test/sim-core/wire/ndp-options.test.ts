import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ipv6Address, parseIpv6 } from '../../../sim-core/addr/ipv6';
import type { MacAddress } from '../../../sim-core/addr/mac';
import { decodeNdpOptions, describeNdpOptions, encodeNdpOptions, findLinkLayerAddress, type NdpOption } from '../../../sim-core/wire/ndp-options';
import { bytesToHex, frame } from '../../helpers/frames';

function address(text: string): Ipv6Address {
  const result = parseIpv6(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const hexBytes = (text: string): Uint8Array => Uint8Array.from((text.replace(/ /g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)));

// Ethernet 14 + IPv6 40 + RA fixed part 16.
const RA_OPTIONS_AT = 70;

describe('NDP options (RFC 4861 section 4.6, RFC 8106): the golden router advertisement', () => {
  const bytes = frame('ndp-router-advertisement');
  const optionBytes = bytes.subarray(RA_OPTIONS_AT);

  it('SLLA, MTU 1500, prefix 2001:db8:1::/64 (L, A; valid 30 d, preferred 7 d), RDNSS 2001:db8:53::53; encoded back byte for byte', () => {
    const options = ok(decodeNdpOptions(optionBytes));
    expect(options).toEqual([
      { kind: 'source-link-layer-address', linkLayerAddress: 0x00005e005301 },
      { kind: 'mtu', mtu: 1500 },
      {
        kind: 'prefix-information',
        prefixLength: 64,
        onLink: true,
        autonomous: true,
        routerAddress: false,
        validLifetimeS: 30 * 86400,
        preferredLifetimeS: 7 * 86400,
        prefix: address('2001:db8:1::'),
      },
      { kind: 'rdnss', lifetimeS: 1800, addresses: [address('2001:db8:53::53')] },
    ]);
    expect(bytesToHex(encodeNdpOptions(options))).toBe(bytesToHex(optionBytes));
    expect(findLinkLayerAddress(options, 'source-link-layer-address')).toBe(0x00005e005301);
    expect(findLinkLayerAddress(options, 'target-link-layer-address')).toBeUndefined();
  });

  it('describe: one subtree per option at absolute offsets, named as Wireshark names them', () => {
    const nodes = describeNdpOptions(bytes, RA_OPTIONS_AT, bytes.length);
    expect(nodes.map((n) => [n.name, n.offset, n.length])).toEqual([
      ['ICMPv6 Option (Source link-layer address : 00:00:5e:00:53:01)', 70, 8],
      ['ICMPv6 Option (MTU : 1500)', 78, 8],
      ['ICMPv6 Option (Prefix information : 2001:db8:1::/64)', 86, 32],
      ['ICMPv6 Option (Recursive DNS Server 2001:db8:53::53)', 118, 24],
    ]);
    expect(nodes[3]!.children!.map((f) => `${f.offset} ${f.name}: ${f.value}`)).toEqual([
      '118 Type: Recursive DNS Server (25)',
      '119 Length: 3 (24 bytes)',
      '120 Reserved: ',
      '122 Lifetime: 1800',
      '126 Recursive DNS Servers: 2001:db8:53::53',
    ]);
  });
});

describe('DNSSL (RFC 8106 section 5.2) and PREF64 (RFC 8781 section 4)', () => {
  it('DNSSL: names in DNS label format, zero-padded to 8 octets', () => {
    const option: NdpOption = { kind: 'dnssl', lifetimeS: 600, domainNames: ['kiengiang.gov.vn'] };
    const bytes = encodeNdpOptions([option]);
    // 18 bytes of labels + 8 of header = 26 → 32.
    expect(bytesToHex(bytes)).toBe('1f04000000000258' + '096b69656e6769616e6703676f7602766e00' + '000000000000');
    expect(ok(decodeNdpOptions(bytes))).toEqual([option]);
  });

  it('PREF64 64:ff9b::/96 with a 1800-second lifetime (scaled 225)', () => {
    const option: NdpOption = { kind: 'pref64', scaledLifetime: 225, prefixLength: 96, prefix: address('64:ff9b::') };
    const bytes = encodeNdpOptions([option]);
    expect(bytesToHex(bytes)).toBe('2602' + '0708' + '0064ff9b0000000000000000');
    expect(ok(decodeNdpOptions(bytes))).toEqual([option]);
  });

  it('PREF64 /56: Prefix Length Code 2', () => {
    const option: NdpOption = { kind: 'pref64', scaledLifetime: 8191, prefixLength: 56, prefix: address('2001:db8:64::') };
    const bytes = encodeNdpOptions([option]);
    expect(bytesToHex(bytes.subarray(2, 4))).toBe('fffa');
    expect(ok(decodeNdpOptions(bytes))).toEqual([option]);
  });
});

describe('NDP option boundaries (RFC 4861 section 4.6)', () => {
  const cases: { name: string; hex: string; expect: string }[] = [
    { name: 'ndp-option-length-0', hex: '0100 000c290c47d5', expect: 'bad-value' },
    { name: 'option-one-byte-left', hex: '0101000c290c47d5 01', expect: 'truncated' },
    { name: 'option-overruns-message', hex: '0102000c290c47d5', expect: 'truncated' },
    { name: 'no-options', hex: '', expect: '' },
    { name: 'slla-length-2-kept-raw', hex: '0102' + '00'.repeat(14), expect: 'raw' },
    { name: 'prefix-information-length-3-kept-raw', hex: '0303' + '00'.repeat(22), expect: 'raw' },
    { name: 'prefix-len-128', hex: '0304 80c0' + '00'.repeat(28), expect: 'prefix-information' },
    { name: 'prefix-len-129-kept-raw', hex: '0304 81c0' + '00'.repeat(28), expect: 'raw' },
    { name: 'prefix-len-255-kept-raw', hex: '0304 ffc0' + '00'.repeat(28), expect: 'raw' },
    { name: 'rdnss-length-2-kept-raw', hex: '1902' + '00'.repeat(14), expect: 'raw' },
    { name: 'rdnss-length-5-two-servers', hex: '1905' + '00'.repeat(38), expect: 'rdnss' },
    { name: 'dnssl-compression-pointer-kept-raw', hex: '1f02 0000 00000258 c00c000000000000', expect: 'raw' },
    { name: 'dnssl-garbage-after-padding-kept-raw', hex: '1f02 0000 00000258 0161000001000000', expect: 'raw' },
    { name: 'pref64-plc-6-kept-raw', hex: '2602 0006' + '00'.repeat(12), expect: 'raw' },
    { name: 'unknown-type-24-kept-raw', hex: '1801' + '00'.repeat(6), expect: 'raw' },
    { name: 'redirected-header-empty', hex: '0401' + '00'.repeat(6), expect: 'redirected-header' },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.expect || 'no options'}`, () => {
      const bytes = hexBytes(c.hex);
      const result = decodeNdpOptions(bytes);
      const got = result.ok ? result.value.map((o) => o.kind).join(',') : result.error.kind;
      expect(got).toBe(c.expect);
      if (result.ok) expect(bytesToHex(encodeNdpOptions(result.value))).toBe(bytesToHex(bytes));
      // describe never throws and flags the broken option
      const nodes = describeNdpOptions(bytes, 0, bytes.length);
      if (!result.ok) expect(nodes[nodes.length - 1]!.name).toBe('Malformed ICMPv6 option');
    });
  }

  it('ndp-option-length-0: the message cites the rule', () => {
    const result = decodeNdpOptions(hexBytes('0100000c290c47d5'));
    expect(!result.ok && result.error.message).toBe('NDP option: type 1 at byte 0 has length 0, which RFC 4861 section 4.6 forbids');
  });

  it('an infinite lifetime (0xffffffff) is shown as Infinity', () => {
    const bytes = encodeNdpOptions([
      { kind: 'prefix-information', prefixLength: 64, onLink: true, autonomous: false, routerAddress: false, validLifetimeS: 0xffffffff, preferredLifetimeS: 0xffffffff, prefix: address('2001:db8:5::') },
    ]);
    const node = describeNdpOptions(bytes, 0, bytes.length)[0]!;
    expect(node.children!.find((f) => f.name === 'Valid Lifetime')!.value).toBe('Infinity (4294967295)');
    expect(node.children!.find((f) => f.name === 'Flag')!.value).toBe('0x80, On-link flag(L)');
  });
});

const address128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((v) => v as Ipv6Address);
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
const domainName = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const knownTypes = [1, 2, 3, 4, 5, 25, 31, 38];

const ndpOptionArbitrary: fc.Arbitrary<NdpOption> = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((v): NdpOption => ({ kind: 'source-link-layer-address', linkLayerAddress: v as MacAddress })),
  fc.integer({ min: 0, max: 2 ** 48 - 1 }).map((v): NdpOption => ({ kind: 'target-link-layer-address', linkLayerAddress: v as MacAddress })),
  fc
    .record({
      prefixLength: fc.integer({ min: 0, max: 128 }),
      onLink: fc.boolean(),
      autonomous: fc.boolean(),
      routerAddress: fc.boolean(),
      validLifetimeS: u32,
      preferredLifetimeS: u32,
      prefix: address128,
    })
    .map((o): NdpOption => ({ kind: 'prefix-information', ...o })),
  fc.integer({ min: 0, max: 10 }).map((units): NdpOption => ({ kind: 'redirected-header', payload: new Uint8Array(units * 8).fill(0x60) })),
  u32.map((mtu): NdpOption => ({ kind: 'mtu', mtu })),
  fc.record({ lifetimeS: u32, addresses: fc.array(address128, { minLength: 1, maxLength: 4 }) }).map((o): NdpOption => ({ kind: 'rdnss', ...o })),
  fc.record({ lifetimeS: u32, domainNames: fc.array(domainName, { maxLength: 3 }) }).map((o): NdpOption => ({ kind: 'dnssl', ...o })),
  fc
    .record({
      scaledLifetime: fc.integer({ min: 0, max: 8191 }),
      prefixLength: fc.constantFrom(96, 64, 56, 48, 40, 32),
      high: fc.bigInt({ min: 0n, max: (1n << 96n) - 1n }),
    })
    .map(({ scaledLifetime, prefixLength, high }): NdpOption => ({ kind: 'pref64', scaledLifetime, prefixLength, prefix: (high << 32n) as Ipv6Address })),
  fc
    .record({ type: fc.integer({ min: 0, max: 255 }).filter((t) => !knownTypes.includes(t)), units: fc.integer({ min: 1, max: 4 }), fill: fc.integer({ min: 0, max: 255 }) })
    .map(({ type, units, fill }): NdpOption => ({ kind: 'raw', type, body: new Uint8Array(units * 8 - 2).fill(fill) })),
);

describe('NDP option properties', () => {
  it('decode(encode(x)) deep-equals x for lists of every option kind', () => {
    fc.assert(
      fc.property(fc.array(ndpOptionArbitrary, { maxLength: 6 }), (options) => {
        expect(decodeNdpOptions(encodeNdpOptions(options))).toEqual({ ok: true, value: options });
      }),
      { numRuns: 2000 },
    );
  });

  it('any bytes decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...knownTypes, 24), (bytes, type) => {
        if (bytes.length > 0) bytes[0] = type;
        decodeNdpOptions(bytes);
        describeNdpOptions(bytes, 0, bytes.length);
      }),
      { numRuns: 5000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv6Address } from '../../../sim-core/addr/ipv6';
import { decodeDhcpv6, describeDhcpv6, encodeDhcpv6, type Dhcpv6Duid, type Dhcpv6Message, type Dhcpv6Option } from '../../../sim-core/wire/dhcpv6';
import { readDnsName } from '../../../sim-core/wire/dns';
import { bytesToHex, frame, hexToBytes } from '../../helpers/frames';

/** DHCPv6 starts after Ethernet (14), IPv6 (40) and UDP (8). */
const OFFSET = 62;
const MAC = hexToBytes('000c290c47d5');

const solicit: Dhcpv6Message = {
  messageType: 1,
  transactionId: 0x5a5a5a,
  options: [
    { kind: 'client-id', duid: { kind: 'll', hardwareType: 1, linkLayerAddress: MAC } },
    { kind: 'ia-na', iaid: 1, t1S: 0, t2S: 0, options: [] },
    { kind: 'option-request', codes: [23, 24] },
    { kind: 'elapsed-time', elapsedCs: 0 },
  ],
};

const advertise: Dhcpv6Message = {
  messageType: 2,
  transactionId: 0x5a5a5a,
  options: [
    { kind: 'client-id', duid: { kind: 'll', hardwareType: 1, linkLayerAddress: MAC } },
    { kind: 'server-id', duid: { kind: 'llt', hardwareType: 1, timeS: 12345, linkLayerAddress: MAC } },
    {
      kind: 'ia-na',
      iaid: 1,
      t1S: 3600,
      t2S: 5400,
      options: [{ kind: 'ia-address', address: 0x20010db8000100000000000000001000n as Ipv6Address, preferredLifetimeS: 7200, validLifetimeS: 10800, options: [] }],
    },
    { kind: 'dns-servers', addresses: [0x20010db8005300000000000000000053n as Ipv6Address] },
    { kind: 'domain-list', domains: ['kiengiang.gov.vn', 'gov.vn'] },
    { kind: 'status-code', statusCode: 0, message: 'All good' },
  ],
};

const info = (m: Dhcpv6Message) => {
  const bytes = encodeDhcpv6(m);
  const r = describeDhcpv6(bytes, 0, bytes.length);
  return r.ok ? r.value.info : r.error.message;
};

describe('DHCPv6 messages (RFC 8415 sections 8, 11, 21; RFC 3646)', () => {
  it('dhcpv6-solicit: DUID-LL client id, IA_NA iaid 1, ORO 23 and 24, elapsed 0; encodes back byte for byte', () => {
    const bytes = frame('dhcpv6-solicit').subarray(OFFSET);
    expect(decodeDhcpv6(bytes)).toEqual({ ok: true, value: solicit });
    expect(bytesToHex(encodeDhcpv6(solicit))).toBe(bytesToHex(bytes));
  });

  it('dhcpv6-solicit: info "Solicit XID: 0x5a5a5a CID: 00030001000c290c47d5 " as tshark prints it (trailing space included)', () => {
    const bytes = frame('dhcpv6-solicit');
    const result = describeDhcpv6(bytes, OFFSET, bytes.length);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.info).toBe('Solicit XID: 0x5a5a5a CID: 00030001000c290c47d5 ');
    const fields = result.value.layer.fields;
    expect(fields.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['Message type', 'Solicit (1)', 62],
      ['Transaction ID', '0x5a5a5a', 63],
      ['Client Identifier', '', 66],
      ['Identity Association for Non-temporary Address', '', 80],
      ['Option Request', '', 96],
      ['Elapsed time', '', 104],
    ]);
    expect(fields[2]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'Option: Client Identifier (1)',
      'Length: 10',
      'DUID: 00030001000c290c47d5',
      'DUID Type: link-layer address (3)',
      'Hardware type: Ethernet (1)',
      'Link-layer address: 00:0c:29:0c:47:d5',
    ]);
    expect(fields[4]!.children!.slice(2).map((f) => f.value)).toEqual(['DNS recursive name server (23)', 'Domain Search List (24)']);
    expect(fields[5]!.children![2]!.value).toBe('0ms');
  });

  // Expected texts printed by tshark 4 for the same messages.
  it.each<[string, Dhcpv6Message, string]>([
    ['Advertise with an IA Address', advertise, 'Advertise XID: 0x5a5a5a CID: 00030001000c290c47d5 IAA: 2001:db8:1::1000 '],
    [
      'Reply with DUID-EN and NoAddrAvail',
      { messageType: 7, transactionId: 1, options: [{ kind: 'server-id', duid: { kind: 'en', enterpriseNumber: 9, identifier: hexToBytes('010203') } }, { kind: 'ia-na', iaid: 1, t1S: 0, t2S: 0, options: [{ kind: 'status-code', statusCode: 2, message: 'No addresses' }] }, { kind: 'raw', code: 14, data: new Uint8Array(0) }] },
      'Reply XID: 0x000001 ',
    ],
    ['Information-request', { messageType: 11, transactionId: 0xabcdef, options: [{ kind: 'elapsed-time', elapsedCs: 150 }, { kind: 'option-request', codes: [23, 24] }] }, 'Information-request XID: 0xabcdef '],
  ])('info for %s', (_name, message, text) => {
    expect(info(message)).toBe(text);
    expect(decodeDhcpv6(encodeDhcpv6(message))).toEqual({ ok: true, value: message });
  });

  it('DNS servers (RFC 3646 option 23) and the domain list (option 24, uncompressed names) decode and describe', () => {
    const bytes = encodeDhcpv6(advertise);
    const result = describeDhcpv6(bytes, 0, bytes.length);
    if (!result.ok) throw new Error(result.error.message);
    const dns = result.value.layer.fields.find((f) => f.name === 'DNS recursive name server')!;
    expect(dns.children![2]).toMatchObject({ name: 'DNS server address', value: '2001:db8:53::53' });
    const list = result.value.layer.fields.find((f) => f.name === 'Domain Search List')!;
    expect(list.children!.slice(2).map((f) => [f.value, f.length])).toEqual([
      ['kiengiang.gov.vn.', 18],
      ['gov.vn.', 8],
    ]);
    expect(bytesToHex(bytes).includes('0018001a096b69656e6769616e6703676f7602766e0003676f7602766e00')).toBe(true);
  });

  describe('options that do not parse are kept raw, so the message writes back exactly', () => {
    it.each([
      ['dhcpv6-elapsed-time-3-bytes', '000800030000ff', 8],
      ['dhcpv6-oro-odd-length', '0006000300170a', 6],
      ['dhcpv6-dns-servers-15-bytes', '0017000f' + '00'.repeat(15), 23],
      ['dhcpv6-status-not-utf8', '000d00030000ff', 13],
      ['dhcpv6-client-id-1-byte', '0001000100', 1],
      ['dhcpv6-domain-list-compressed', '001800060161c0000000', 24],
    ])('%s', (_name, optionHex, code) => {
      const bytes = hexToBytes('01000001' + optionHex);
      const result = decodeDhcpv6(bytes);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.options[0]).toMatchObject({ kind: 'raw', code });
      expect(encodeDhcpv6(result.value)).toEqual(bytes);
    });
  });

  describe('boundaries', () => {
    it('dhcpv6-3-bytes: truncated', () => {
      expect(decodeDhcpv6(hexToBytes('010000'))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('dhcpv6-option-length-past-end: truncated', () => {
      expect(decodeDhcpv6(hexToBytes('010000010008000400'))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('dhcpv6-option-header-cut: truncated', () => {
      expect(decodeDhcpv6(hexToBytes('01000001000800'))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('dhcpv6-relay-forw: unsupported, not misread', () => {
      expect(decodeDhcpv6(hexToBytes('0c00' + '00'.repeat(32)))).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    });
  });

  const u16 = fc.integer({ min: 0, max: 0xffff });
  const u32 = fc.integer({ min: 0, max: 0xffffffff });
  const address = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n as Ipv6Address);
  const arbDuid: fc.Arbitrary<Dhcpv6Duid> = fc.oneof(
    fc.record({ kind: fc.constant('llt' as const), hardwareType: u16, timeS: u32, linkLayerAddress: fc.uint8Array({ maxLength: 8 }) }),
    fc.record({ kind: fc.constant('en' as const), enterpriseNumber: u32, identifier: fc.uint8Array({ maxLength: 8 }) }),
    fc.record({ kind: fc.constant('ll' as const), hardwareType: u16, linkLayerAddress: fc.uint8Array({ maxLength: 8 }) }),
    fc.record({ kind: fc.constant('other' as const), duidType: u16.filter((t) => t < 1 || t > 3), data: fc.uint8Array({ maxLength: 8 }) }),
  );
  const arbDomain = fc.array(fc.uint8Array({ minLength: 1, maxLength: 10 }), { maxLength: 3 }).map((labels) => {
    const r = readDnsName(new Uint8Array([...labels.flatMap((l) => [l.length, ...l]), 0]), 0);
    if (!r.ok) throw new Error('generator built a bad name');
    return r.value.name;
  });
  const leaf: fc.Arbitrary<Dhcpv6Option> = fc.oneof(
    fc.record({ kind: fc.constantFrom('client-id' as const, 'server-id' as const), duid: arbDuid }),
    fc.record({ kind: fc.constant('option-request' as const), codes: fc.array(u16, { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('elapsed-time' as const), elapsedCs: u16 }),
    fc.record({ kind: fc.constant('status-code' as const), statusCode: u16, message: fc.string({ maxLength: 12 }) }),
    fc.record({ kind: fc.constant('dns-servers' as const), addresses: fc.array(address, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('domain-list' as const), domains: fc.array(arbDomain, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('raw' as const), code: u16.filter((c) => ![1, 2, 3, 5, 6, 8, 13, 23, 24].includes(c)), data: fc.uint8Array({ maxLength: 10 }) }),
  );
  const iaAddress = fc.record({ kind: fc.constant('ia-address' as const), address, preferredLifetimeS: u32, validLifetimeS: u32, options: fc.array(leaf, { maxLength: 2 }) });
  const arbOption: fc.Arbitrary<Dhcpv6Option> = fc.oneof(
    leaf,
    iaAddress,
    fc.record({ kind: fc.constant('ia-na' as const), iaid: u32, t1S: u32, t2S: u32, options: fc.array(fc.oneof(leaf, iaAddress), { maxLength: 3 }) }),
  );
  const arbMessage: fc.Arbitrary<Dhcpv6Message> = fc.record({
    messageType: fc.integer({ min: 0, max: 255 }).filter((t) => t !== 12 && t !== 13),
    transactionId: fc.integer({ min: 0, max: 0xffffff }),
    options: fc.array(arbOption, { maxLength: 5 }),
  });

  it('property: decode(encode(message)) equals message', () => {
    fc.assert(
      fc.property(arbMessage, (m) => {
        expect(decodeDhcpv6(encodeDhcpv6(m))).toEqual({ ok: true, value: m });
      }),
      { numRuns: 300 },
    );
  });

  it('property: any bytes, and every truncation of a valid message, decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
        decodeDhcpv6(bytes);
        describeDhcpv6(bytes, 0, bytes.length);
      }),
      { numRuns: 4000 },
    );
    fc.assert(
      fc.property(arbMessage, fc.nat(), (m, cut) => {
        const bytes = encodeDhcpv6(m);
        const part = bytes.subarray(0, cut % (bytes.length + 1));
        decodeDhcpv6(part);
        describeDhcpv6(part, 0, part.length);
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import type { Ipv6Address } from '../../../sim-core/addr/ipv6';
import { decodeDns, describeDns, encodeDns, encodeDnsName, readDnsName, type DnsMessage, type DnsRecordData, type DnsResourceRecord } from '../../../sim-core/wire/dns';
import { bytesToHex, frame, hexToBytes } from '../../helpers/frames';

/** DNS starts after Ethernet (14), IPv6 (40) and UDP (8). */
const DNS_OFFSET = 62;

const query: DnsMessage = {
  id: 0x4242,
  isResponse: false,
  opcode: 0,
  authoritativeAnswer: false,
  truncated: false,
  recursionDesired: true,
  recursionAvailable: false,
  z: false,
  authenticData: false,
  checkingDisabled: false,
  rcode: 0,
  questions: [{ name: 'portal.kiengiang.gov.vn', type: 28, class: 1 }],
  answers: [],
  authorities: [],
  additionals: [],
};

const response: DnsMessage = {
  ...query,
  isResponse: true,
  authoritativeAnswer: true,
  recursionAvailable: true,
  answers: [{ name: 'portal.kiengiang.gov.vn', class: 1, ttlS: 300, data: { kind: 'AAAA', address: 0x20010db8010000000000000000000080n as Ipv6Address } }],
};

function header(counts: [number, number, number, number]): number[] {
  return [0x12, 0x34, 0x81, 0x80, 0, counts[0], 0, counts[1], 0, counts[2], 0, counts[3]];
}

describe('DNS messages (RFC 1035 section 4)', () => {
  it('dns-aaaa-query-over-ipv6: id 0x4242, RD, one question AAAA portal.kiengiang.gov.vn IN; encodes back byte for byte', () => {
    const bytes = frame('dns-aaaa-query-over-ipv6').subarray(DNS_OFFSET);
    expect(decodeDns(bytes)).toEqual({ ok: true, value: query });
    expect(bytesToHex(encodeDns(query))).toBe(bytesToHex(bytes));
  });

  it('dns-aaaa-response: AA, RD, RA, answer AAAA 2001:db8:100::80 TTL 300 (names uncompressed); encodes back byte for byte', () => {
    const bytes = frame('dns-aaaa-response').subarray(DNS_OFFSET);
    expect(decodeDns(bytes)).toEqual({ ok: true, value: response });
    expect(bytesToHex(encodeDns(response))).toBe(bytesToHex(bytes));
  });

  it.each([
    ['dns-aaaa-query-over-ipv6', 'Standard query 0x4242 AAAA portal.kiengiang.gov.vn'],
    ['dns-aaaa-response', 'Standard query response 0x4242 AAAA portal.kiengiang.gov.vn AAAA 2001:db8:100::80'],
  ])('%s: info is what tshark prints: "%s"', (name, info) => {
    const bytes = frame(name);
    const result = describeDns(bytes, DNS_OFFSET, bytes.length);
    expect(result.ok && result.value.info).toBe(info);
  });

  it('dns-aaaa-response: describe gives flags, the query and the answer with Wireshark names and absolute offsets', () => {
    const bytes = frame('dns-aaaa-response');
    const result = describeDns(bytes, DNS_OFFSET, bytes.length);
    if (!result.ok) throw new Error(result.error.message);
    const fields = result.value.layer.fields;
    expect(fields.slice(0, 6).map((f) => [f.name, f.value, f.offset])).toEqual([
      ['Transaction ID', '0x4242', 62],
      ['Flags', '0x8580 Standard query response, No error', 64],
      ['Questions', '1', 66],
      ['Answer RRs', '1', 68],
      ['Authority RRs', '0', 70],
      ['Additional RRs', '0', 72],
    ]);
    expect(fields[1]!.children!.map((f) => `${f.name}: ${f.value}`)).toEqual([
      'Response: Message is a response',
      'Opcode: Standard query (0)',
      'Authoritative: Server is an authority for domain',
      'Truncated: Message is not truncated',
      'Recursion desired: Do query recursively',
      'Recursion available: Server can do recursive queries',
      'Z: reserved (0)',
      'Answer authenticated: Answer/authority portion was not authenticated by the server',
      'Non-authenticated data: Unacceptable',
      'Reply code: No error (0)',
    ]);
    const answer = fields.find((f) => f.name === 'Answers')!.children![0]!;
    expect(answer.name).toBe('portal.kiengiang.gov.vn: type AAAA, class IN');
    expect(answer.children!.map((f) => [f.name, f.value, f.offset, f.length])).toEqual([
      ['Name', 'portal.kiengiang.gov.vn', 103, 25],
      ['Type', 'AAAA (IPv6 Address) (28)', 128, 2],
      ['Class', 'IN (0x0001)', 130, 2],
      ['Time to live', '300', 132, 4],
      ['Data length', '16', 136, 2],
      ['AAAA Address', '2001:db8:100::80', 138, 16],
    ]);
  });

  // Each expected text was printed by tshark 4 for the same message (compressed names, over UDP/IPv4).
  const soa: DnsRecordData = { kind: 'SOA', mname: 'ns1.example.vn', rname: 'hostmaster.example.vn', serial: 1, refreshS: 2, retryS: 3, expireS: 4, minimumS: 5 };
  const rr = (name: string, data: DnsRecordData): DnsResourceRecord => ({ name, class: 1, ttlS: 60, data });
  const base: DnsMessage = { ...response, id: 0x1234, authoritativeAnswer: false, questions: [{ name: 'www.example.vn', type: 1, class: 1 }], answers: [] };
  it.each<[string, DnsMessage, string]>([
    ['NXDOMAIN with an SOA in authority', { ...base, rcode: 3, authorities: [rr('example.vn', soa)] }, 'Standard query response 0x1234 No such name A www.example.vn SOA ns1.example.vn'],
    ['CNAME chain', { ...base, answers: [rr('www.example.vn', { kind: 'CNAME', name: 'web.example.vn' }), rr('web.example.vn', { kind: 'A', address: 0xc0000250 as Ipv4Address })] }, 'Standard query response 0x1234 A www.example.vn CNAME web.example.vn A 192.0.2.80'],
    [
      'MX, TXT and NS answers',
      { ...base, questions: [{ name: 'example.vn', type: 15, class: 1 }], answers: [rr('example.vn', { kind: 'MX', preference: 10, exchange: 'mail.example.vn' }), rr('example.vn', { kind: 'TXT', strings: ['v=spf1 -all'] }), rr('example.vn', { kind: 'NS', name: 'ns1.example.vn' })] },
      'Standard query response 0x1234 MX example.vn MX 10 mail.example.vn TXT NS ns1.example.vn',
    ],
    ['PTR query', { ...base, isResponse: false, questions: [{ name: '1.2.0.192.in-addr.arpa', type: 12, class: 1 }] }, 'Standard query 0x1234 PTR 1.2.0.192.in-addr.arpa'],
    ['server failure for the root', { ...base, rcode: 2, questions: [{ name: '.', type: 2, class: 1 }] }, 'Standard query response 0x1234 Server failure NS <Root>'],
    [
      'records in all three sections, one of an unknown type',
      { ...base, answers: [rr('a.vn', { kind: 'raw', type: 4000, rdata: new Uint8Array(0) })], authorities: [rr('vn', { kind: 'NS', name: 'ns.vn' })], additionals: [rr('ns.vn', { kind: 'A', address: 0x01020304 as Ipv4Address })] },
      'Standard query response 0x1234 A www.example.vn Unknown (4000) NS ns.vn A 1.2.3.4',
    ],
  ])('info for %s', (_name, message, info) => {
    const bytes = encodeDns(message, { compress: true });
    const result = describeDns(bytes, 0, bytes.length);
    expect(result.ok && result.value.info).toBe(info);
    expect(decodeDns(bytes)).toEqual({ ok: true, value: message });
  });

  it('compression (RFC 1035 4.1.4) points repeated suffixes at their first occurrence', () => {
    const bytes = encodeDns(response, { compress: true });
    // The answer's owner name is a pointer to the question name at offset 12.
    expect(bytesToHex(bytes.subarray(41, 43))).toBe('c00c');
    expect(bytes.length).toBe(encodeDns(response).length - 23);
    expect(decodeDns(bytes)).toEqual({ ok: true, value: response });
  });

  describe('names', () => {
    it('a dot or backslash inside a label, and bytes outside 0x21-0x7e, are escaped (RFC 1035 5.1) and encode back', () => {
      const wire = hexToBytes('03612e62' + '02' + '5c20' + '02' + 'ff41' + '00');
      const name = readDnsName(wire, 0);
      expect(name).toEqual({ ok: true, value: { name: 'a\\.b.\\\\\\032.\\255A', end: wire.length } });
      expect(encodeDnsName('a\\.b.\\\\\\032.\\255A')).toEqual(wire);
    });
    it('dns-root-name: a single zero byte is "."', () => {
      expect(readDnsName(new Uint8Array([0]), 0)).toEqual({ ok: true, value: { name: '.', end: 1 } });
      expect(encodeDnsName('.')).toEqual(new Uint8Array([0]));
    });
    it('dns-pointer-loop: a pointer to itself is an error, not a hang', () => {
      const bytes = new Uint8Array([...header([1, 0, 0, 0]), 0xc0, 12, 0, 1, 0, 1]);
      expect(decodeDns(bytes)).toMatchObject({ ok: false, error: { kind: 'bad-value', offset: 12 } });
    });
    it('dns-pointer-loop-two-names: two pointers pointing at each other are an error', () => {
      // name at 12: label "a" then pointer to 17; name at 17: pointer back to 12.
      const bytes = new Uint8Array([...header([2, 0, 0, 0]), 1, 0x61, 0xc0, 17, 0, 0xc0, 12, 0, 1, 0, 1]);
      expect(decodeDns(bytes).ok).toBe(false);
    });
    it('dns-pointer-forward: a pointer to a later byte is refused', () => {
      const bytes = new Uint8Array([...header([1, 0, 0, 0]), 0xc0, 14, 0, 0, 1, 0, 1]);
      expect(decodeDns(bytes)).toMatchObject({ ok: false, error: { kind: 'bad-value' } });
    });
    it('dns-name-255-bytes is accepted; dns-name-256-bytes is bad-value', () => {
      const labels = (sizes: number[]) => [...sizes.flatMap((n) => [n, ...new Array<number>(n).fill(0x61)]), 0];
      const ok = labels([63, 63, 63, 61]); // 64*3 + 62 + 1 = 255
      const long = labels([63, 63, 63, 62]); // 256
      expect(ok.length).toBe(255);
      expect(readDnsName(new Uint8Array(ok), 0).ok).toBe(true);
      expect(readDnsName(new Uint8Array(long), 0)).toMatchObject({ ok: false, error: { kind: 'bad-value' } });
    });
    it('dns-label-type-01: extended label types (0x40) are unsupported', () => {
      expect(readDnsName(new Uint8Array([0x41, 0]), 0)).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    });
  });

  describe('boundaries', () => {
    it('dns-11-bytes: a header needs 12', () => {
      expect(decodeDns(new Uint8Array(11))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('dns-question-count-beyond-data: QDCOUNT 2 with one question is truncated', () => {
      const bytes = encodeDns(query);
      bytes[5] = 2;
      expect(decodeDns(bytes)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('dns-rdlength-past-end: truncated', () => {
      const bytes = encodeDns(response);
      expect(decodeDns(bytes.subarray(0, bytes.length - 1))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('dns-a-record-rdlength-5: kept as raw data, not misread', () => {
      const bytes = encodeDns({ ...response, answers: [{ name: 'x', class: 1, ttlS: 1, data: { kind: 'raw', type: 1, rdata: new Uint8Array(5) } }] });
      const result = decodeDns(bytes);
      expect(result.ok && result.value.answers[0]!.data).toEqual({ kind: 'raw', type: 1, rdata: new Uint8Array(5) });
    });
  });

  // ---------------------------------------------------------------- properties
  const arbName = fc
    .array(fc.uint8Array({ minLength: 1, maxLength: 12 }), { maxLength: 5 })
    .map((labels) => {
      const wire = new Uint8Array([...labels.flatMap((l) => [l.length, ...l]), 0]);
      const r = readDnsName(wire, 0);
      if (!r.ok) throw new Error('generator built a bad name');
      return r.value.name;
    });
  const u32 = fc.integer({ min: 0, max: 0xffffffff });
  const arbData: fc.Arbitrary<DnsRecordData> = fc.oneof(
    fc.record({ kind: fc.constant('A' as const), address: u32.map((n) => n as Ipv4Address) }),
    fc.record({ kind: fc.constant('AAAA' as const), address: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n as Ipv6Address) }),
    fc.record({ kind: fc.constantFrom('NS' as const, 'CNAME' as const, 'PTR' as const), name: arbName }),
    fc.record({ kind: fc.constant('MX' as const), preference: fc.integer({ min: 0, max: 0xffff }), exchange: arbName }),
    fc.record({ kind: fc.constant('TXT' as const), strings: fc.array(fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 20 }), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('SOA' as const), mname: arbName, rname: arbName, serial: u32, refreshS: u32, retryS: u32, expireS: u32, minimumS: u32 }),
    fc.record({ kind: fc.constant('raw' as const), type: fc.integer({ min: 0, max: 0xffff }).filter((t) => ![1, 2, 5, 6, 12, 15, 16, 28].includes(t)), rdata: fc.uint8Array({ maxLength: 20 }) }),
  );
  const arbRecord: fc.Arbitrary<DnsResourceRecord> = fc.record({ name: arbName, class: fc.integer({ min: 0, max: 0xffff }), ttlS: u32, data: arbData });
  const arbMessage: fc.Arbitrary<DnsMessage> = fc.record({
    id: fc.integer({ min: 0, max: 0xffff }),
    isResponse: fc.boolean(),
    opcode: fc.integer({ min: 0, max: 15 }),
    authoritativeAnswer: fc.boolean(),
    truncated: fc.boolean(),
    recursionDesired: fc.boolean(),
    recursionAvailable: fc.boolean(),
    z: fc.boolean(),
    authenticData: fc.boolean(),
    checkingDisabled: fc.boolean(),
    rcode: fc.integer({ min: 0, max: 15 }),
    questions: fc.array(fc.record({ name: arbName, type: fc.integer({ min: 0, max: 0xffff }), class: fc.integer({ min: 0, max: 0xffff }) }), { maxLength: 2 }),
    answers: fc.array(arbRecord, { maxLength: 3 }),
    authorities: fc.array(arbRecord, { maxLength: 2 }),
    additionals: fc.array(arbRecord, { maxLength: 2 }),
  });

  it('property: decode(encode(message)) equals message, uncompressed and compressed', () => {
    fc.assert(
      fc.property(arbMessage, fc.boolean(), (message, compress) => {
        expect(decodeDns(encodeDns(message, { compress }))).toEqual({ ok: true, value: message });
      }),
      { numRuns: 300 },
    );
  });

  it('property: any bytes, and every truncation of a valid message, decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 80 }), (bytes) => {
        bytes[4] = 0; // keep counts small so random bytes reach names and records
        bytes[6] = 0;
        bytes[8] = 0;
        bytes[10] = 0;
        bytes[5] = bytes[5]! & 3;
        bytes[7] = bytes[7]! & 3;
        decodeDns(bytes);
        describeDns(bytes, 0, bytes.length);
      }),
      { numRuns: 4000 },
    );
    fc.assert(
      fc.property(arbMessage, fc.nat(), (message, cut) => {
        const bytes = encodeDns(message, { compress: true });
        const part = bytes.subarray(0, cut % (bytes.length + 1));
        decodeDns(part);
        describeDns(part, 0, part.length);
      }),
      { numRuns: 500 },
    );
  });
});

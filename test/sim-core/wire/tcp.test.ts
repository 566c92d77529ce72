import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ipv4Address } from '../../../sim-core/addr/ipv4';
import type { Ipv6Address } from '../../../sim-core/addr/ipv6';
import type { PseudoHeader } from '../../../sim-core/wire/checksum';
import { decodeTcp, describeTcp, encodeTcp, TCP_ACK, TCP_PSH, TCP_SYN, type TcpOption, type TcpSegment } from '../../../sim-core/wire/tcp';
import { bytesToHex, hexToBytes } from '../../helpers/frames';

const V4: PseudoHeader = { family: 4, source: 0xc0000201 as Ipv4Address, destination: 0xc0000202 as Ipv4Address };
const V6: PseudoHeader = { family: 6, source: 0x20010db8000000000000000000000001n as Ipv6Address, destination: 0x20010db8000000000000000000000002n as Ipv6Address };

const synAck: TcpSegment = {
  sourcePort: 50000,
  destinationPort: 80,
  sequenceNumber: 1,
  acknowledgmentNumber: 10,
  flags: TCP_SYN | TCP_ACK,
  window: 8111,
  urgentPointer: 0,
  options: [
    { kind: 'mss', maxSegmentSize: 1460 },
    { kind: 'sack-permitted' },
    { kind: 'timestamps', value: 1, echoReply: 0 },
    { kind: 'nop' },
    { kind: 'window-scale', shiftCount: 7 },
  ],
  payload: new Uint8Array(0),
};

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const arbOption: fc.Arbitrary<TcpOption> = fc.oneof(
  fc.constant({ kind: 'nop' as const }),
  fc.record({ kind: fc.constant('mss' as const), maxSegmentSize: u16 }),
  fc.record({ kind: fc.constant('window-scale' as const), shiftCount: fc.integer({ min: 0, max: 255 }) }),
  fc.constant({ kind: 'sack-permitted' as const }),
  fc.record({ kind: fc.constant('timestamps' as const), value: u32, echoReply: u32 }),
  fc.record({ kind: fc.constant('unknown' as const), type: fc.integer({ min: 5, max: 255 }).filter((t) => t !== 8), data: fc.uint8Array({ maxLength: 8 }) }),
);
/** Option lists that fit 40 bytes; one that does not end on a 4-byte boundary ends with EOL (the encoder pads with zeros). */
const arbOptions = fc.array(arbOption, { maxLength: 6 }).map((options) => {
  const fitting: TcpOption[] = [];
  let length = 0;
  for (const o of options) {
    const l = o.kind === 'nop' ? 1 : o.kind === 'mss' ? 4 : o.kind === 'window-scale' ? 3 : o.kind === 'sack-permitted' ? 2 : o.kind === 'timestamps' ? 10 : o.kind === 'unknown' ? 2 + o.data.length : 1;
    if (length + l > 39) break;
    fitting.push(o);
    length += l;
  }
  if (length % 4 !== 0) fitting.push({ kind: 'eol' });
  return fitting;
});
const arbSegment: fc.Arbitrary<TcpSegment> = fc.record({
  sourcePort: u16,
  destinationPort: u16,
  sequenceNumber: u32,
  acknowledgmentNumber: u32,
  flags: fc.integer({ min: 0, max: 0xfff }),
  window: u16,
  urgentPointer: u16,
  options: arbOptions,
  payload: fc.uint8Array({ maxLength: 60 }),
});

function info(segment: TcpSegment): string {
  const bytes = encodeTcp(segment, V4);
  const r = describeTcp(bytes, 0, bytes.length, V4);
  return r.ok ? r.value.info : r.error.message;
}

describe('TCP header (RFC 9293 section 3.1) and options (RFC 7323, RFC 2018)', () => {
  it('a SYN-ACK with MSS, SACK-permitted, timestamps, NOP, window scale encodes to the option bytes of RFC 7323/2018 and back', () => {
    const bytes = encodeTcp(synAck, V4);
    expect(bytesToHex(bytes.subarray(12, 14))).toBe('a012');
    expect(bytesToHex(bytes.subarray(20))).toBe('020405b40402080a000000010000000001030307');
    expect(decodeTcp(bytes, V4)).toEqual({ ok: true, value: synAck });
  });

  // Each expected text was printed by tshark 4 (-o tcp.relative_sequence_numbers:FALSE -o tcp.analyze_sequence_numbers:FALSE).
  it.each<[string, TcpSegment, string]>([
    ['SYN-ACK with options', synAck, '50000 → 80 [SYN, ACK] Seq=1 Ack=10 Win=8111 Len=0 MSS=1460 SACK_PERM TSval=1 TSecr=0 WS=128'],
    ['SYN', { ...synAck, flags: TCP_SYN, acknowledgmentNumber: 0, window: 4015, options: [] }, '50000 → 80 [SYN] Seq=1 Win=4015 Len=0'],
    ['PSH-ACK with 4 data bytes', { ...synAck, flags: TCP_PSH | TCP_ACK, acknowledgmentNumber: 2, window: 65535, options: [], payload: new Uint8Array(4) }, '50000 → 80 [PSH, ACK] Seq=1 Ack=2 Win=65535 Len=4'],
    ['every flag', { ...synAck, flags: 0x0ff, acknowledgmentNumber: 2, window: 4095, options: [] }, '50000 → 80 [FIN, SYN, RST, PSH, ACK, URG, ECE, CWR] Seq=1 Ack=2 Win=4095 Urg=0 Len=0'],
  ])('info for a %s', (_name, segment, text) => {
    expect(info(segment)).toBe(text);
  });

  it('describes fields and options with Wireshark names and absolute offsets, checksum [correct]', () => {
    const bytes = encodeTcp(synAck, V6);
    const frame = new Uint8Array(54 + bytes.length);
    frame.set(bytes, 54);
    const result = describeTcp(frame, 54, frame.length, V6);
    if (!result.ok) throw new Error(result.error.message);
    const fields = result.value.layer.fields;
    expect(fields.map((f) => [f.name, f.offset])).toEqual([
      ['Source Port', 54],
      ['Destination Port', 56],
      ['Sequence Number', 58],
      ['Acknowledgment Number', 62],
      ['Header Length', 66],
      ['Flags', 66],
      ['Window', 68],
      ['Checksum', 70],
      ['Urgent Pointer', 72],
      ['Options', 74],
    ]);
    expect(fields[5]!.value).toBe('0x012 (SYN, ACK)');
    expect(fields[7]!.value).toMatch(/^0x[0-9a-f]{4} \[correct\]$/);
    expect(fields[9]!.children!.map((f) => [f.name, f.value, f.offset])).toEqual([
      ['TCP Option - Maximum segment size', '1460 bytes', 74],
      ['TCP Option - SACK permitted', '', 78],
      ['TCP Option - Timestamps', 'TSval 1, TSecr 0', 80],
      ['TCP Option - No-Operation (NOP)', '', 90],
      ['TCP Option - Window scale', '7 (multiply by 128)', 91],
    ]);
  });

  it('unknown options and known ones with an unexpected length are kept as raw bytes', () => {
    const options: TcpOption[] = [
      { kind: 'unknown', type: 30, data: hexToBytes('0102') }, // MPTCP-like
      { kind: 'unknown', type: 2, data: hexToBytes('05b400') }, // MSS with length 5
      { kind: 'nop' },
    ];
    const bytes = encodeTcp({ ...synAck, options }, V4);
    expect(bytesToHex(bytes.subarray(20))).toBe('1e04010202' + '0505b400' + '01' + '00'.repeat(2));
    const result = decodeTcp(bytes, V4);
    expect(result.ok && result.value.options).toEqual([...options, { kind: 'eol' }]);
  });

  it('a wrong checksum gives found and expected values', () => {
    const bytes = encodeTcp(synAck, V4);
    const good = (bytes[16]! << 8) | bytes[17]!;
    bytes[16] = bytes[16]! ^ 0xff;
    const result = decodeTcp(bytes, V4);
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-checksum' } });
    expect(!result.ok && result.error.message).toContain(`expected 0x${good.toString(16).padStart(4, '0')}`);
    expect(decodeTcp(bytes, V4, { verifyChecksum: false }).ok).toBe(true);
  });

  describe('boundaries', () => {
    const plain = () => encodeTcp({ ...synAck, options: [] }, V4);
    it('tcp-19-bytes: truncated', () => {
      expect(decodeTcp(plain().subarray(0, 19), V4)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('tcp-data-offset-too-small: 4 (16 bytes) is bad-value', () => {
      const bytes = plain();
      bytes[12] = 0x40 | (bytes[12]! & 0x0f);
      expect(decodeTcp(bytes, V4, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'bad-value' } });
      expect(describeTcp(bytes, 0, bytes.length).ok).toBe(false);
    });
    it('tcp-data-offset-15: 40 bytes of options decode', () => {
      const options: TcpOption[] = Array.from({ length: 40 }, () => ({ kind: 'nop' as const }));
      const bytes = encodeTcp({ ...synAck, options }, V4);
      expect(bytes[12]! >>> 4).toBe(15);
      expect(decodeTcp(bytes, V4)).toEqual({ ok: true, value: { ...synAck, options } });
    });
    it('tcp-data-offset-beyond-segment: truncated', () => {
      const bytes = plain();
      bytes[12] = 0x60 | (bytes[12]! & 0x0f);
      expect(decodeTcp(bytes, V4, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
    it('tcp-option-length-1: bad-value; tcp-option-past-header: truncated', () => {
      const bad = encodeTcp({ ...synAck, options: [{ kind: 'unknown', type: 30, data: hexToBytes('0000') }] }, V4);
      bad[21] = 1;
      expect(decodeTcp(bad, V4, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'bad-value' } });
      bad[21] = 9;
      expect(decodeTcp(bad, V4, { verifyChecksum: false })).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    });
  });

  it('property: decode(encode(segment)) equals segment, over IPv4 and IPv6', () => {
    fc.assert(
      fc.property(arbSegment, fc.boolean(), (segment, six) => {
        const pseudo = six ? V6 : V4;
        expect(decodeTcp(encodeTcp(segment, pseudo), pseudo)).toEqual({ ok: true, value: segment });
      }),
    );
  });

  it('property: any bytes decode and describe without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        decodeTcp(bytes, V4, { verifyChecksum: false });
        describeTcp(bytes, 0, bytes.length, V4);
      }),
      { numRuns: 4000 },
    );
  });
});

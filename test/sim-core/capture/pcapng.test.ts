import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createPcapngWriter,
  encodeEnhancedPacketBlock,
  encodeInterfaceDescriptionBlock,
  encodeSectionHeaderBlock,
  writePcapng,
  type PcapngInterface,
  type PcapngPacket,
} from '../../../sim-core/capture/pcapng';
import { readCapture } from '../../../sim-core/capture/read-capture';
import { bytesToHex, frame } from '../../helpers/frames';

function u32le(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset, true);
}

describe('Section Header Block (draft-ietf-opsawg-pcapng section 4.1)', () => {
  it('is little-endian, version 1.0, section length -1, with shb_userappl "V6Lab" padded to 32 bits', () => {
    const shb = encodeSectionHeaderBlock();
    expect(bytesToHex(shb)).toBe(
      [
        '0a0d0d0a', // block type
        '2c000000', // total length 44
        '4d3c2b1a', // byte-order magic 0x1a2b3c4d, little-endian
        '0100', // major 1
        '0000', // minor 0
        'ffffffffffffffff', // section length: not specified
        '0400', // shb_userappl
        '0500', // length 5
        '56364c6162' + '000000', // "V6Lab" + 3 padding bytes
        '00000000', // opt_endofopt
        '2c000000', // total length again
      ].join(''),
    );
  });

  it('writes hardware, OS and comment options when given', () => {
    const shb = encodeSectionHeaderBlock({ application: 'V6Lab 0.1', hardware: 'sim', os: 'none', comment: 'lab 1' });
    expect(shb.length % 4).toBe(0);
    expect(u32le(shb, 4)).toBe(shb.length);
    expect(u32le(shb, shb.length - 4)).toBe(shb.length);
    const text = new TextDecoder().decode(shb);
    for (const word of ['V6Lab 0.1', 'sim', 'none', 'lab 1']) expect(text).toContain(word);
  });
});

describe('Interface Description Block (section 4.2)', () => {
  it('carries link type 1, the snap length, if_name, if_description and if_tsresol = 9', () => {
    const idb = encodeInterfaceDescriptionBlock({ name: 'R1 Gi0/0', description: 'to SW1', snapLength: 65535 });
    expect(bytesToHex(idb)).toBe(
      [
        '01000000', // block type 1
        '38000000', // total length 56
        '0100', // LINKTYPE_ETHERNET
        '0000', // reserved
        'ffff0000', // snaplen 65535
        '0200' + '0800' + bytesToHex(new TextEncoder().encode('R1 Gi0/0')), // if_name, exactly 8 bytes: no padding
        '0300' + '0600' + bytesToHex(new TextEncoder().encode('to SW1')) + '0000', // if_description padded to 8
        '0900' + '0100' + '09000000', // if_tsresol = 9 (nanoseconds) padded to 4
        '00000000', // opt_endofopt
        '38000000',
      ].join(''),
    );
  });

  it('adds if_tsoffset (option 14, 64-bit seconds) only when an epoch offset is asked for', () => {
    expect(bytesToHex(encodeInterfaceDescriptionBlock({ name: 'x' }))).not.toContain('0e000800');
    const idb = encodeInterfaceDescriptionBlock({ name: 'x', epochOffsetS: 1_700_000_000 });
    const hex = bytesToHex(idb);
    expect(hex).toContain('0e000800' + '00f1536500000000');
  });
});

describe('Enhanced Packet Block (section 4.3)', () => {
  const bytes = Uint8Array.of(1, 2, 3, 4, 5);

  it('splits the 64-bit nanosecond timestamp into high and low 32-bit words', () => {
    const timeNs = 5 * 2 ** 32 + 123_456_789; // above 2^32 so the high word is used
    const epb = encodeEnhancedPacketBlock({ interfaceId: 2, timeNs, bytes });
    expect(u32le(epb, 0)).toBe(6);
    expect(u32le(epb, 8)).toBe(2);
    expect(u32le(epb, 12)).toBe(5);
    expect(u32le(epb, 16)).toBe(123_456_789);
    expect(u32le(epb, 20)).toBe(5); // captured length
    expect(u32le(epb, 24)).toBe(5); // original length
  });

  it('pads the packet data to 32 bits and repeats the total length at the end', () => {
    const epb = encodeEnhancedPacketBlock({ interfaceId: 0, timeNs: 0, bytes });
    expect(epb.length).toBe(28 + 8 + 4);
    expect(bytesToHex(epb.subarray(28, 36))).toBe('0102030405000000');
    expect(u32le(epb, 4)).toBe(40);
    expect(u32le(epb, 36)).toBe(40);
  });

  it('marks direction with epb_flags bits 0-1: 01 inbound, 10 outbound', () => {
    const inbound = encodeEnhancedPacketBlock({ interfaceId: 0, timeNs: 0, bytes, direction: 'inbound' });
    const outbound = encodeEnhancedPacketBlock({ interfaceId: 0, timeNs: 0, bytes, direction: 'outbound' });
    expect(bytesToHex(inbound.subarray(36, 48))).toBe('0200' + '0400' + '01000000' + '00000000');
    expect(bytesToHex(outbound.subarray(36, 48))).toBe('0200' + '0400' + '02000000' + '00000000');
  });

  it('cuts a packet longer than the snap length and keeps its original length (snaplen-4)', () => {
    const epb = encodeEnhancedPacketBlock({ interfaceId: 0, timeNs: 0, bytes }, 4);
    expect(u32le(epb, 20)).toBe(4);
    expect(u32le(epb, 24)).toBe(5);
  });

  it('rejects a negative or fractional virtual time as a caller bug', () => {
    expect(() => encodeEnhancedPacketBlock({ interfaceId: 0, timeNs: -1, bytes })).toThrow(RangeError);
    expect(() => encodeEnhancedPacketBlock({ interfaceId: 0, timeNs: 1.5, bytes })).toThrow(RangeError);
  });
});

describe('incremental writer', () => {
  const iface: PcapngInterface = { name: 'R1 GigabitEthernet0/0' };
  const echo = frame('icmpv6-echo-request');

  it('streams: the drained chunks, in order, are the same file as writing it in one call', () => {
    const writer = createPcapngWriter();
    const chunks = [writer.drain()];
    expect(u32le(chunks[0]!, 0)).toBe(0x0a0d0d0a); // the SHB comes first
    const id = writer.addInterface(iface);
    writer.addPacket({ interfaceId: id, timeNs: 1000, bytes: echo });
    chunks.push(writer.drain());
    writer.addPacket({ interfaceId: id, timeNs: 2000, bytes: echo, direction: 'outbound' });
    chunks.push(writer.finish());
    const whole = writePcapng([iface], [
      { interfaceId: 0, timeNs: 1000, bytes: echo },
      { interfaceId: 0, timeNs: 2000, bytes: echo, direction: 'outbound' },
    ]);
    expect(bytesToHex(Uint8Array.from(chunks.flatMap((c) => [...c])))).toBe(bytesToHex(whole));
    expect(writer.packetCount).toBe(2);
    expect(writer.interfaceCount).toBe(1);
  });

  it('accepts an interface added after packets of another (a link brought up mid-capture)', () => {
    const writer = createPcapngWriter();
    const a = writer.addInterface({ name: 'A' });
    writer.addPacket({ interfaceId: a, timeNs: 1, bytes: echo });
    const b = writer.addInterface({ name: 'B' });
    writer.addPacket({ interfaceId: b, timeNs: 2, bytes: echo });
    const read = readCapture(writer.finish());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.packets.map((p) => read.value.interfaces[p.interfaceIndex]!.name)).toEqual(['A', 'B']);
  });

  it('throws on a packet for an interface never added, or after finish (caller bugs)', () => {
    const writer = createPcapngWriter();
    expect(() => writer.addPacket({ interfaceId: 0, timeNs: 0, bytes: echo })).toThrow(RangeError);
    writer.addInterface(iface);
    writer.finish();
    expect(() => writer.addPacket({ interfaceId: 0, timeNs: 0, bytes: echo })).toThrow(RangeError);
  });
});

describe('write → read round trip (property)', () => {
  const interfaceArb = fc.record(
    {
      name: fc.string({ maxLength: 40 }),
      description: fc.string({ maxLength: 40, unit: 'grapheme' }),
      snapLength: fc.constantFrom(0, 64, 262_144),
      epochOffsetS: fc.constantFrom(0, 1_780_000_000),
    },
    { requiredKeys: ['name'] },
  );

  it('reads back every interface and packet: names, bytes, lengths, direction, comment, timestamps to the nanosecond', () => {
    fc.assert(
      fc.property(
        fc.array(interfaceArb, { minLength: 1, maxLength: 4 }).chain((interfaces) =>
          fc.tuple(
            fc.constant(interfaces),
            fc.array(
              fc.record(
                {
                  interfaceId: fc.nat(interfaces.length - 1),
                  timeNs: fc.maxSafeNat(),
                  bytes: fc.uint8Array({ maxLength: 120 }),
                  direction: fc.constantFrom('inbound' as const, 'outbound' as const),
                  comment: fc.string({ maxLength: 20 }),
                },
                { requiredKeys: ['interfaceId', 'timeNs', 'bytes'] },
              ),
              { maxLength: 12 },
            ),
          ),
        ),
        ([interfaces, packets]: [PcapngInterface[], PcapngPacket[]]) => {
          // Names without NUL: a NUL ends a string option for readers that zero-terminate.
          fc.pre(interfaces.every((i) => !i.name.includes('\0') && !(i.description ?? '').includes('\0')));
          fc.pre(packets.every((p) => !(p.comment ?? '').includes('\0')));
          const read = readCapture(writePcapng(interfaces, packets));
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          expect(read.value.format).toBe('pcapng');
          expect(read.value.application).toBe('V6Lab');
          expect(read.value.interfaces).toEqual(
            interfaces.map((i) => ({
              linkType: 1,
              snapLength: i.snapLength ?? 262_144,
              name: i.name,
              ...(i.description !== undefined && { description: i.description }),
              timestampResolution: { base: 10, exponent: 9 },
              timestampOffsetS: BigInt(i.epochOffsetS ?? 0),
            })),
          );
          expect(read.value.packets).toEqual(
            packets.map((p) => {
              const snap = interfaces[p.interfaceId]!.snapLength ?? 262_144;
              return {
                interfaceIndex: p.interfaceId,
                timestampNs: BigInt(p.timeNs) + BigInt(interfaces[p.interfaceId]!.epochOffsetS ?? 0) * 1_000_000_000n,
                bytes: snap > 0 ? p.bytes.slice(0, snap) : p.bytes,
                originalLength: p.bytes.length,
                ...(p.direction !== undefined && { direction: p.direction }),
                ...(p.comment !== undefined && { comment: p.comment }),
              };
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCapture } from '../../../sim-core/capture/read-capture';
import { readPcap } from '../../../sim-core/capture/pcap-reader';
import { readPcapng } from '../../../sim-core/capture/pcapng-reader';
import { writePcapng } from '../../../sim-core/capture/pcapng';
import { frame } from '../../helpers/frames';

/** A little test-side block builder, so the reader is checked against bytes not made by our writer. */
class Bytes {
  private readonly parts: number[] = [];
  constructor(private readonly littleEndian: boolean) {}
  u8(...values: number[]): this {
    this.parts.push(...values);
    return this;
  }
  u16(value: number): this {
    return this.littleEndian ? this.u8(value & 0xff, value >>> 8) : this.u8(value >>> 8, value & 0xff);
  }
  u32(value: number): this {
    const be = [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
    return this.u8(...(this.littleEndian ? be.reverse() : be));
  }
  bytes(data: ArrayLike<number>): this {
    return this.u8(...Array.from(data));
  }
  get length(): number {
    return this.parts.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** A pcapng block: type, length, body (padded), length. */
function block(le: boolean, type: number, body: Uint8Array): Uint8Array {
  const padded = (body.length + 3) & ~3;
  const total = 12 + padded;
  return new Bytes(le).u32(type).u32(total).bytes(body).bytes(new Uint8Array(padded - body.length)).u32(total).done();
}

function option(le: boolean, code: number, value: Uint8Array): Uint8Array {
  const padded = (value.length + 3) & ~3;
  return new Bytes(le).u16(code).u16(value.length).bytes(value).bytes(new Uint8Array(padded - value.length)).done();
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => Array.from(p)));
}

function shb(le: boolean): Uint8Array {
  return block(le, 0x0a0d0d0a, new Bytes(le).u32(0x1a2b3c4d).u16(1).u16(0).u32(0xffffffff).u32(0xffffffff).done());
}

function idb(le: boolean, snapLength: number, ...options: Uint8Array[]): Uint8Array {
  const body = new Bytes(le).u16(1).u16(0).u32(snapLength);
  for (const o of options) body.bytes(o);
  if (options.length > 0) body.u32(0);
  return block(le, 1, body.done());
}

function epb(le: boolean, interfaceId: number, high: number, low: number, data: Uint8Array, originalLength = data.length): Uint8Array {
  const body = new Bytes(le).u32(interfaceId).u32(high).u32(low).u32(data.length).u32(originalLength).bytes(data);
  return block(le, 6, body.done());
}

/** Classic pcap file (draft-ietf-opsawg-pcap section 4-5). */
function pcap(le: boolean, magic: number, records: { s: number; frac: number; data: Uint8Array }[]): Uint8Array {
  const out = new Bytes(le).u32(magic).u16(2).u16(4).u32(0).u32(0).u32(65535).u32(1);
  for (const r of records) out.u32(r.s).u32(r.frac).u32(r.data.length).u32(r.data.length).bytes(r.data);
  return out.done();
}

const echo = frame('icmpv6-echo-request');

describe('pcapng reader: byte order and timestamp units', () => {
  for (const le of [true, false]) {
    it(`reads a ${le ? 'little' : 'big'}-endian section (byte-order magic, section 4.1)`, () => {
      const file = concat(shb(le), idb(le, 65535, option(le, 2, new TextEncoder().encode('eth0'))), epb(le, 0, 0, 1_500_000, echo));
      const read = readPcapng(file);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.value.interfaces[0]).toMatchObject({ linkType: 1, snapLength: 65535, name: 'eth0' });
      // No if_tsresol: microseconds by default (section 4.2), so 1.5 s.
      expect(read.value.packets[0]!.timestampNs).toBe(1_500_000_000n);
      expect(read.value.packets[0]!.bytes).toEqual(echo);
    });
  }

  it('honours if_tsresol with a power-of-two base (high bit set): 2^-10 s units', () => {
    const file = concat(shb(true), idb(true, 0, option(true, 9, Uint8Array.of(0x80 | 10))), epb(true, 0, 0, 512, echo));
    const read = readPcapng(file);
    expect(read.ok && read.value.packets[0]!.timestampNs).toBe(500_000_000n);
  });

  it('adds if_tsoffset seconds to every timestamp of the interface', () => {
    const offset = new Uint8Array(8);
    new DataView(offset.buffer).setBigInt64(0, 1_780_000_000n, true);
    const file = concat(shb(true), idb(true, 0, option(true, 9, Uint8Array.of(9)), option(true, 14, offset)), epb(true, 0, 0, 7, echo));
    const read = readPcapng(file);
    expect(read.ok && read.value.packets[0]!.timestampNs).toBe(1_780_000_000_000_000_007n);
  });

  it('numbers interfaces per section (section 4.2) but across the whole file in the result', () => {
    const file = concat(shb(true), idb(true, 0), idb(true, 0), epb(true, 1, 0, 1, echo), shb(false), idb(false, 0), epb(false, 0, 0, 2, echo));
    const read = readPcapng(file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.interfaces).toHaveLength(3);
    expect(read.value.packets.map((p) => p.interfaceIndex)).toEqual([1, 2]);
  });

  it('skips block types it does not read (Name Resolution, Interface Statistics, custom)', () => {
    const file = concat(shb(true), idb(true, 0), block(true, 4, new Uint8Array(4)), block(true, 5, new Uint8Array(12)), epb(true, 0, 0, 1, echo));
    const read = readPcapng(file);
    expect(read.ok && read.value.packets).toHaveLength(1);
  });

  it('reads a Simple Packet Block (section 4.4) as interface 0 with no timestamp, cut to the snap length', () => {
    const spb = block(true, 3, concat(new Bytes(true).u32(echo.length).done(), echo));
    const read = readPcapng(concat(shb(true), idb(true, 40), spb));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.packets[0]).toEqual({ interfaceIndex: 0, timestampNs: undefined, bytes: echo.slice(0, 40), originalLength: echo.length });
  });
});

describe('pcapng reader: malformed files give a typed error with the offset', () => {
  const good = concat(shb(true), idb(true, 0), epb(true, 0, 0, 1, echo));
  const epbOffset = shb(true).length + idb(true, 0).length;

  it('names the offset where the trailing block length disagrees (section 3.1)', () => {
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(bad.length - 4, 999, true);
    const read = readPcapng(bad);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatchObject({ layer: 'pcapng', kind: 'bad-value', offset: bad.length - 4 });
    expect(read.error.message).toContain(`block at offset ${epbOffset} starts with length`);
    expect(read.partial.interfaces).toHaveLength(1);
  });

  it('reports a packet naming an interface its section never described', () => {
    const read = readPcapng(concat(shb(true), idb(true, 0), epb(true, 3, 0, 1, echo)));
    expect(!read.ok && read.error).toMatchObject({ kind: 'bad-value', offset: epbOffset + 8 });
  });

  it('reports a block length that is not a multiple of 4', () => {
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(epbOffset + 4, 101, true);
    const read = readPcapng(bad);
    expect(!read.ok && read.error).toMatchObject({ kind: 'bad-value', offset: epbOffset + 4 });
  });

  it('keeps the packets before a cut, so a capture ended by a crash still opens', () => {
    const file = concat(good, epb(true, 0, 0, 2, echo));
    const read = readPcapng(file.subarray(0, file.length - 10));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe('truncated');
    expect(read.partial.packets).toHaveLength(1);
  });

  it('rejects a file that does not start with a Section Header Block, and a major version other than 1', () => {
    expect(readPcapng(idb(true, 0)).ok).toBe(false);
    const v2 = concat(shb(true), idb(true, 0));
    new DataView(v2.buffer).setUint16(12, 2, true);
    const read = readPcapng(v2);
    expect(!read.ok && read.error).toMatchObject({ kind: 'unsupported', offset: 12 });
  });

  it('never throws on random bytes, or on a valid file truncated or with a byte changed (fuzz)', () => {
    const valid = writePcapng(
      [{ name: 'R1 GigabitEthernet0/0', description: 'x' }, { name: 'SW1 Fa0/1' }],
      [
        { interfaceId: 0, timeNs: 1, bytes: echo, direction: 'inbound', comment: 'hi' },
        { interfaceId: 1, timeNs: 2 ** 40, bytes: echo },
      ],
    );
    const blockEnds: number[] = [];
    for (let at = 0; at < valid.length; ) {
      at += new DataView(valid.buffer).getUint32(at + 4, true);
      blockEnds.push(at);
    }
    expect(blockEnds).toHaveLength(5); // SHB, 2 IDB, 2 EPB
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const read = readCapture(bytes);
        if (!read.ok) expect(read.error.offset).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        // Random bytes after a real SHB, so the block walker (not just the magic check) sees them.
        const read = readCapture(concat(shb(true), tail));
        if (!read.ok) expect(read.error.offset).toBeLessThanOrEqual(shb(true).length + tail.length);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.nat(valid.length), (cut) => {
        // A cut between blocks leaves a shorter valid file; anywhere else is an error.
        const read = readCapture(valid.subarray(0, cut));
        expect(read.ok).toBe(blockEnds.includes(cut));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = valid.slice();
        bad[at]! ^= xor;
        readCapture(bad);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('classic pcap reader (draft-ietf-opsawg-pcap)', () => {
  const records = [
    { s: 1_795_799_698, frac: 174_387, data: echo },
    { s: 1_795_799_699, frac: 5, data: Uint8Array.of(1, 2, 3) },
  ];

  for (const le of [true, false]) {
    it(`reads microsecond timestamps, ${le ? 'little' : 'big'}-endian (magic 0xa1b2c3d4)`, () => {
      const read = readCapture(pcap(le, 0xa1b2c3d4, records));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.value.format).toBe('pcap');
      expect(read.value.interfaces).toEqual([{ linkType: 1, snapLength: 65535, timestampResolution: { base: 10, exponent: 6 }, timestampOffsetS: 0n }]);
      expect(read.value.packets.map((p) => p.timestampNs)).toEqual([1_795_799_698_174_387_000n, 1_795_799_699_000_005_000n]);
      expect(read.value.packets.map((p) => Array.from(p.bytes))).toEqual(records.map((r) => Array.from(r.data)));
    });

    it(`reads nanosecond timestamps, ${le ? 'little' : 'big'}-endian (magic 0xa1b23c4d)`, () => {
      const read = readCapture(pcap(le, 0xa1b23c4d, records));
      expect(read.ok && read.value.packets.map((p) => p.timestampNs)).toEqual([1_795_799_698_000_174_387n, 1_795_799_699_000_000_005n]);
    });
  }

  it('reports a record whose captured length runs past the end, at the length field', () => {
    const file = pcap(true, 0xa1b2c3d4, records);
    const cut = file.subarray(0, file.length - 1);
    const read = readPcap(cut);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const secondRecord = 24 + 16 + echo.length;
    expect(read.error).toMatchObject({ layer: 'pcap', kind: 'truncated', offset: secondRecord + 8 });
    expect(read.partial.packets).toHaveLength(1);
  });

  it('reports a header shorter than 24 bytes and a version other than 2', () => {
    const short = readPcap(pcap(true, 0xa1b2c3d4, []).subarray(0, 20));
    expect(!short.ok && short.error).toMatchObject({ kind: 'truncated', offset: 20 });
    const v3 = pcap(true, 0xa1b2c3d4, []);
    v3[4] = 3;
    const read = readPcap(v3);
    expect(!read.ok && read.error).toMatchObject({ kind: 'unsupported', offset: 4 });
  });

  it('never throws on a pcap header followed by random bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 200 }), (le, tail) => {
        readCapture(concat(pcap(le, 0xa1b2c3d4, []), tail));
      }),
      { numRuns: 500 },
    );
  });
});

describe('readCapture', () => {
  it('rejects a file that is neither pcapng nor pcap, at offset 0', () => {
    const read = readCapture(new TextEncoder().encode('hello world'));
    expect(!read.ok && read.error).toMatchObject({ layer: 'capture', kind: 'bad-value', offset: 0 });
  });

  it('reads a pcapng file from a view into a larger buffer (byteOffset not 0)', () => {
    const file = writePcapng([{ name: 'a' }], [{ interfaceId: 0, timeNs: 9, bytes: echo }]);
    const buffer = new Uint8Array(file.length + 7);
    buffer.set(file, 7);
    const read = readCapture(buffer.subarray(7));
    expect(read.ok && read.value.packets[0]!.timestampNs).toBe(9n);
  });
});

import { describe, it, expect } from 'vitest';
import { TraceSink, traceSource } from '../../../sim-core/engine/trace';

const frame = (n: number) => Uint8Array.from([n, n + 1, n + 2]);

describe('trace sink', () => {
  it('records every send, receive and drop with its reason', () => {
    const trace = new TraceSink();
    trace.record(1, 'R1', 'Gi0/0', 'tx', frame(1));
    trace.record(2, 'R2', 'Gi0/0', 'rx', frame(1));
    trace.record(3, 'R2', 'Gi0/1', 'drop', frame(2), 'no-route');
    expect(trace.records().map((r) => [r.timeNs, r.device, r.interface, r.direction, r.reason])).toEqual([
      [1, 'R1', 'Gi0/0', 'tx', null],
      [2, 'R2', 'Gi0/0', 'rx', null],
      [3, 'R2', 'Gi0/1', 'drop', 'no-route'],
    ]);
    expect(trace.counts).toEqual({ tx: 1, rx: 1, drop: 1 });
    expect(trace.dropsByReason.get('no-route')).toBe(1);
  });

  it('keeps the frame without copying it', () => {
    const trace = new TraceSink();
    const bytes = frame(5);
    trace.record(0, 'A', 'eth0', 'tx', bytes);
    expect(trace.records()[0]!.bytes).toBe(bytes);
  });

  it('a ring buffer keeps the newest records, oldest first', () => {
    const trace = new TraceSink({ capacity: 3 });
    for (let i = 0; i < 5; i++) trace.record(i, 'A', 'eth0', 'tx', frame(i));
    expect(trace.records().map((r) => r.timeNs)).toEqual([2, 3, 4]);
    expect(trace.total).toBe(5);
  });

  it('without bytes retention a record keeps the length only', () => {
    const trace = new TraceSink({ retainBytes: false });
    trace.record(0, 'A', 'eth0', 'tx', frame(0));
    expect(trace.records()[0]!.bytes).toBeNull();
    expect(trace.records()[0]!.length).toBe(3);
  });

  it('equal record sequences give equal hashes, whatever is kept', () => {
    const a = new TraceSink();
    const b = new TraceSink({ keepRecords: false });
    for (const t of [a, b]) {
      t.record(10, 'R1', 'Gi0/0', 'tx', frame(1));
      t.record(20, 'R1', 'Gi0/0', 'drop', frame(1), 'link-down');
    }
    expect(a.hash()).toBe(b.hash());
    expect(a.hash()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('the hash changes with time, device, interface, direction, reason and each byte', () => {
    const base = (): TraceSink => {
      const t = new TraceSink();
      t.record(10, 'R1', 'Gi0/0', 'tx', frame(1));
      return t;
    };
    const hashes = new Set<string>([base().hash()]);
    const variants: [number, string, string, 'tx' | 'rx' | 'drop', Uint8Array, string | null][] = [
      [11, 'R1', 'Gi0/0', 'tx', frame(1), null],
      [10, 'R2', 'Gi0/0', 'tx', frame(1), null],
      [10, 'R1', 'Gi0/1', 'tx', frame(1), null],
      [10, 'R1', 'Gi0/0', 'rx', frame(1), null],
      [10, 'R1', 'Gi0/0', 'drop', frame(1), 'no-route'],
      [10, 'R1', 'Gi0/0', 'drop', frame(1), 'storm'],
      [10, 'R1', 'Gi0/0', 'tx', Uint8Array.from([1, 2, 4]), null],
      [10, 'R1G', 'i0/0', 'tx', frame(1), null],
    ];
    for (const [time, device, iface, direction, bytes, reason] of variants) {
      const t = new TraceSink();
      t.record(time, device, iface, direction, bytes, reason);
      hashes.add(t.hash());
    }
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('listeners see each new record; unsubscribing stops them', () => {
    const trace = new TraceSink({ keepRecords: false });
    const seen: number[] = [];
    const off = trace.subscribe((r) => seen.push(r.timeNs));
    trace.record(1, 'A', 'eth0', 'tx', frame(0));
    off();
    trace.record(2, 'A', 'eth0', 'tx', frame(0));
    expect(seen).toEqual([1]);
  });

  it('a port recording through its source hashes exactly as a record with its names', () => {
    const named = new TraceSink();
    const sourced = new TraceSink();
    const source = traceSource('R1', 'GigabitEthernet0/0');
    const bytes = Uint8Array.from({ length: 61 }, (_, i) => (i * 37) & 0xff);
    named.record(5, 'R1', 'GigabitEthernet0/0', 'tx', bytes);
    named.record(9, 'R1', 'GigabitEthernet0/0', 'drop', bytes, 'queue-full');
    sourced.recordFrame(source, 5, 'tx', bytes);
    sourced.recordFrame(source, 9, 'drop', bytes, 'queue-full');
    expect(sourced.hash()).toBe(named.hash());
    expect(sourced.records()).toEqual(named.records());
  });

  it('a frame recorded again (a flood) hashes as an equal copy would', () => {
    const reused = new TraceSink();
    const copied = new TraceSink();
    const source = traceSource('SW1', 'Gi1/0/1');
    const bytes = frame(7);
    for (let i = 0; i < 20; i++) {
      reused.recordFrame(source, i, 'tx', bytes);
      copied.recordFrame(source, i, 'tx', bytes.slice());
    }
    expect(reused.hash()).toBe(copied.hash());
  });

  it('every byte position and every bit counts, and two flips never cancel out', () => {
    const hashOf = (bytes: Uint8Array): string => {
      const t = new TraceSink({ keepRecords: false });
      t.record(0, 'A', 'eth0', 'rx', bytes);
      return t.hash();
    };
    const base = new Uint8Array(23);
    const hashes = new Set<string>([hashOf(base)]);
    let variants = 1;
    for (let i = 0; i < base.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const one = base.slice();
        one[i]! ^= bit;
        hashes.add(hashOf(one));
        variants++;
        // The same bit flipped in a second byte too (a plain FNV on words would cancel it).
        if (i + 4 < base.length) {
          const two = one.slice();
          two[i + 4]! ^= bit;
          hashes.add(hashOf(two));
          variants++;
        }
      }
    }
    expect(hashes.size).toBe(variants);
    // Trailing zero bytes are part of the frame.
    expect(hashOf(new Uint8Array(5))).not.toBe(hashOf(new Uint8Array(6)));
  });
});

import { describe, it, expect } from 'vitest';
import type { MacAddress } from '../../../sim-core/addr/mac';
import { Simulator } from '../../../sim-core/engine/simulator';
import { Link, ETHERNET_WIRE_OVERHEAD_BYTES } from '../../../sim-core/link/link';
import { Port } from '../../../sim-core/stack/port';

function pair(options: ConstructorParameters<typeof Link>[3] = {}) {
  const sim = new Simulator({ seed: 1 });
  const a = new Port(sim, 'A', 'eth0', 0x020000000001 as MacAddress, 0);
  const b = new Port(sim, 'B', 'eth0', 0x020000000002 as MacAddress, 0);
  const arrivals: { timeNs: number; length: number }[] = [];
  b.receiver = (_port, bytes) => arrivals.push({ timeNs: sim.nowNs, length: bytes.length });
  const carrier: string[] = [];
  a.carrierListener = (_p, up) => carrier.push(`A ${up ? 'up' : 'down'}`);
  b.carrierListener = (_p, up) => carrier.push(`B ${up ? 'up' : 'down'}`);
  const link = new Link(sim, a, b, options);
  return { sim, a, b, link, arrivals, carrier };
}

const frame = (length: number) => new Uint8Array(length);

describe('point-to-point link', () => {
  it('a frame arrives after serialisation (bytes + 24 of preamble, FCS, gap, at the bandwidth) plus propagation delay', () => {
    const { sim, a, arrivals } = pair({ delayNs: 5_000, bandwidthBps: 100e6 });
    a.transmit(frame(100));
    sim.runUntilIdle();
    const serialisationNs = ((100 + ETHERNET_WIRE_OVERHEAD_BYTES) * 8 * 1e9) / 100e6; // 9920 ns
    expect(arrivals).toEqual([{ timeNs: serialisationNs + 5_000, length: 100 }]);
  });

  it('back-to-back frames queue behind each other, one serialisation time apart', () => {
    const { sim, a, arrivals } = pair({ delayNs: 0, bandwidthBps: 1e9 });
    for (let i = 0; i < 3; i++) a.transmit(frame(1500));
    sim.runUntilIdle();
    const s = (1524 * 8 * 1e9) / 1e9;
    expect(arrivals.map((x) => x.timeNs)).toEqual([s, 2 * s, 3 * s]);
  });

  it('a full transmit queue tail-drops with reason queue-full', () => {
    const { sim, a, arrivals } = pair({ queueLimitFrames: 2 });
    for (let i = 0; i < 5; i++) a.transmit(frame(1000));
    sim.runUntilIdle();
    // one on the wire at once, two waiting, two dropped
    expect(arrivals).toHaveLength(3);
    expect(sim.trace.dropsByReason.get('queue-full')).toBe(2);
  });

  it('a frame larger than the link carries is dropped with frame-too-big', () => {
    const { sim, a, arrivals } = pair({ mtuBytes: 1280 });
    a.transmit(frame(1280 + 14));
    a.transmit(frame(1280 + 14 + 8 + 1));
    sim.runUntilIdle();
    expect(arrivals).toHaveLength(1);
    expect(sim.trace.dropsByReason.get('frame-too-big')).toBe(1);
  });

  it('every send and receive is traced with time, device, port and direction', () => {
    const { sim, a } = pair({ delayNs: 100 });
    a.transmit(frame(60));
    sim.runUntilIdle();
    expect(sim.trace.records().map((r) => [r.device, r.interface, r.direction])).toEqual([
      ['A', 'eth0', 'tx'],
      ['B', 'eth0', 'rx'],
    ]);
  });

  it('unplugging drops carrier on both ends and loses frames in flight; replugging restores it', () => {
    const { sim, a, link, arrivals, carrier } = pair({ delayNs: 1_000_000 });
    expect(carrier).toEqual(['A up', 'B up']);
    a.transmit(frame(60));
    sim.runFor(10);
    link.unplug();
    expect(carrier).toEqual(['A up', 'B up', 'A down', 'B down']);
    sim.runUntilIdle();
    expect(arrivals).toHaveLength(0);
    expect(sim.trace.dropsByReason.get('link-down')).toBe(1);
    a.transmit(frame(60));
    expect(sim.trace.dropsByReason.get('link-down')).toBe(2);
    link.replug();
    expect(carrier.slice(-2)).toEqual(['A up', 'B up']);
    a.transmit(frame(60));
    sim.runUntilIdle();
    expect(arrivals).toHaveLength(1);
  });

  it('shutting one port down takes carrier away from the peer too', () => {
    const { a, b, carrier } = pair();
    a.setAdminUp(false);
    expect(b.carrier).toBe(false);
    expect(carrier.slice(-2)).toEqual(['A down', 'B down']);
    a.transmit(frame(60));
    expect(a.counters.drops).toBe(1);
    a.setAdminUp(true);
    expect(b.carrier).toBe(true);
  });

  it('a link disabled as a fault behaves as unplugged', () => {
    const { sim, a, link, arrivals } = pair();
    link.setEnabled(false);
    a.transmit(frame(60));
    sim.runUntilIdle();
    expect(arrivals).toHaveLength(0);
    expect(sim.trace.dropsByReason.get('link-down')).toBe(1);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { msToNs } from '../../../../sim-core/engine/time';
import { Simulator } from '../../../../sim-core/engine/simulator';
import { createNodeContext } from '../../../../sim-core/stack/node-context';
import { Ipv6Reassembler, type Ipv6Fragment, type ReassemblyTimeout } from '../../../../sim-core/stack/ipv6/ipv6-reassembly';
import { encodeIcmpv6, ICMPV6_PROTOCOL } from '../../../../sim-core/wire/icmpv6';
import { decodeIpv6, encodeIpv6, type Ipv6Packet } from '../../../../sim-core/wire/ipv6';
import { fragmentIpv6, walkIpv6Headers } from '../../../../sim-core/wire/ipv6-extension-headers';
import { buildChain, echo6, v6 } from './ipv6-topology';

const SOURCE = v6('2001:db8:1::10');
const DESTINATION = v6('2001:db8:2::10');

function packetOf(size: number): Ipv6Packet {
  const payload = encodeIcmpv6({ kind: 'echo-request', code: 0, identifier: 1, sequenceNumber: 1, payload: new Uint8Array(size).map((_, i) => i & 0xff) }, { family: 6, source: SOURCE, destination: DESTINATION });
  return { trafficClass: 0, flowLabel: 0, nextHeader: ICMPV6_PROTOCOL, hopLimit: 64, source: SOURCE, destination: DESTINATION, payload };
}

/** The fragments of `packet` for an MTU, as the IPv6 layer hands them to the reassembler. */
function fragmentsOf(packet: Ipv6Packet, mtu: number, identification = 42): Ipv6Fragment[] {
  const pieces = fragmentIpv6(packet, mtu, identification);
  if (!pieces.ok) throw new Error(pieces.error.message);
  return pieces.value.map((piece) => {
    const raw = encodeIpv6(piece);
    const chain = walkIpv6Headers(piece);
    if (!chain.ok) throw new Error(chain.error.message);
    const header = chain.value.headers[0]!;
    if (header.kind !== 'fragment') throw new Error('no fragment header');
    return {
      source: piece.source,
      destination: piece.destination,
      identification: header.identification,
      offsetBytes: header.fragmentOffset * 8,
      moreFragments: header.moreFragments,
      nextHeader: header.nextHeader,
      data: chain.value.upperLayerBytes,
      raw,
      fragmentHeaderOffset: 40,
      previousNextHeaderOffset: 6,
    };
  });
}

function reassembler() {
  const simulator = new Simulator({ seed: 1 });
  const timeouts: ReassemblyTimeout[] = [];
  const table = new Ipv6Reassembler(createNodeContext(simulator, 'H'), 60, (t) => timeouts.push(t));
  return { simulator, table, timeouts };
}

describe('IPv6 reassembly (RFC 8200 section 4.5, RFC 5722)', () => {
  it('fragments in any order rebuild exactly the original packet (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 6000 }), fc.integer({ min: 1280, max: 1500 }), fc.integer(), (size, mtu, seed) => {
        const { table } = reassembler();
        const packet = packetOf(size);
        const fragments = fragmentsOf(packet, mtu);
        // A deterministic shuffle from the seed.
        const order = fragments.map((f, i) => ({ f, key: Math.imul(i + 1, seed | 1) >>> 0 })).sort((a, b) => a.key - b.key);
        let whole: Uint8Array | undefined;
        for (const { f } of order) {
          const outcome = table.add(f);
          if (outcome.kind === 'complete') whole = outcome.packet;
        }
        expect(whole).toEqual(encodeIpv6(packet));
        expect(table.inProgress).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('an exact duplicate is ignored; an overlapping fragment abandons the datagram and later fragments too (RFC 5722)', () => {
    const { table } = reassembler();
    const [first, second, third] = fragmentsOf(packetOf(3000), 1280);
    expect(table.add(first!).kind).toBe('pending');
    expect(table.add(first!).kind).toBe('pending');
    const overlapping: Ipv6Fragment = { ...second!, offsetBytes: second!.offsetBytes - 8 };
    expect(table.add(overlapping)).toEqual({ kind: 'discarded', reason: 'fragment-overlap' });
    expect(table.add(second!)).toEqual({ kind: 'discarded', reason: 'fragment-overlap' });
    expect(table.add(third!)).toEqual({ kind: 'discarded', reason: 'fragment-overlap' });
  });

  it('a datagram not complete after 60 s is abandoned; the timeout names the first fragment when it came', () => {
    const { simulator, table, timeouts } = reassembler();
    const [first, , third] = fragmentsOf(packetOf(3000), 1280);
    table.add(first!);
    table.add(third!);
    simulator.runFor(msToNs(59_999));
    expect(timeouts).toEqual([]);
    simulator.runFor(msToNs(1));
    expect(timeouts).toEqual([{ first: first!, fragments: 2 }]);
    expect(table.inProgress).toBe(0);
  });

  it('at the destination, a lone first fragment earns Time Exceeded code 1 after 60 s; a lone later one nothing (RFC 4443 section 3.3)', () => {
    const net = buildChain();
    echo6(net, 'PC1', '2001:db8:2::10');
    const pc = net.device('PC1').ipv6!;
    const iface = net.interfaceAt('PC1:Ethernet0');
    const got: string[] = [];
    net.device('PC1').icmpv6!.addListener((message) => {
      if (message.kind === 'time-exceeded') got.push(`${message.kind} ${message.code}`);
    });
    const [first] = fragmentsOf(packetOf(2000), 1280, 7);
    const [, later] = fragmentsOf(packetOf(2000), 1280, 8);
    pc.output(iface, v6('2001:db8:1::1'), first!.raw);
    pc.output(iface, v6('2001:db8:1::1'), later!.raw);
    net.runFor(msToNs(59_000));
    expect(got).toEqual([]);
    net.runFor(msToNs(2_000));
    expect(got).toEqual(['time-exceeded 1']);
    expect(net.simulator.trace.dropsByReason.get('reassembly-timeout')).toBe(1);
    expect(decodeIpv6(first!.raw).ok).toBe(true);
  });
});

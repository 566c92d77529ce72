/**
 * A device's decision read from trace records of one packet (RFC 8200 section 3: a router
 * forwards with the Hop Limit one lower; a switch sends the same frame on; a drop carries its
 * reason), and the trace-record helpers it rests on (bare IP packets of layer-3 drops).
 */
import { describe, expect, it } from 'vitest';
import type { TraceDirection, TraceRecord } from '../../../sim-core/engine/trace';
import { explainRecord } from '../../../renderer/sim/packet-decision';
import { bareIpFamily, describeRecordedBytes, identifyPacket, toTraceRow } from '../../../renderer/sim/trace-rows';

/** An IPv6 packet: ICMPv6 echo request from 2001:db8:1::10 to `destination` (last byte). */
function ipv6Packet(hopLimit: number, destinationLastByte = 0x20, multicast = false): Uint8Array {
  const payload = [128, 0, 0, 0, 0x12, 0x34, 0, 1, 1, 2, 3, 4];
  const packet = new Uint8Array(40 + payload.length);
  packet[0] = 0x60;
  packet[5] = payload.length;
  packet[6] = 58;
  packet[7] = hopLimit;
  packet.set([0x20, 0x01, 0x0d, 0xb8, 0, 1], 8);
  packet[23] = 0x10;
  if (multicast) packet.set([0xff, 0x02], 24);
  else packet.set([0x20, 0x01, 0x0d, 0xb8, 0, 2], 24);
  packet[39] = destinationLastByte;
  packet.set(payload, 40);
  return packet;
}

function ethernet(packet: Uint8Array, sourceLastByte: number): Uint8Array {
  const frame = new Uint8Array(14 + packet.length);
  frame.set([0x00, 0x1e, 0x7a, 0, 0, 0x99, 0x00, 0x1e, 0x7a, 0, 0, sourceLastByte, 0x86, 0xdd]);
  frame.set(packet, 14);
  return frame;
}

function record(timeNs: number, device: string, iface: string, direction: TraceDirection, bytes: Uint8Array, reason: string | null = null): TraceRecord {
  return { timeNs, device, interface: iface, direction, bytes, length: bytes.length, reason };
}

function inputs(records: readonly TraceRecord[], routeOf?: () => { prefix: string; nextHop: string | null }) {
  return { recordAt: (seq: number) => records[seq], firstSeq: 0, endSeq: records.length, ...(routeOf ? { routeOf } : {}) };
}

describe('explainRecord', () => {
  const inbound = record(100, 'R1', 'GigabitEthernet0/0', 'rx', ethernet(ipv6Packet(64), 1));
  const outbound = record(100, 'R1', 'GigabitEthernet0/1', 'tx', ethernet(ipv6Packet(63), 2));

  it('forwarded: rx then tx of the same packet at the device with the hop limit one lower, with the route asked for', () => {
    const trace = [inbound, record(100, 'SW9', 'Gi1/0/1', 'rx', ethernet(ipv6Packet(64, 0x99), 3)), outbound];
    const decision = explainRecord(inputs(trace, () => ({ prefix: '2001:db8:2::/64', nextHop: 'fe80::2' })), 0);
    expect(decision).toEqual({
      kind: 'forwarded',
      device: 'R1',
      inIface: 'GigabitEthernet0/0',
      outIface: 'GigabitEthernet0/1',
      family: 6,
      hopLimitBefore: 64,
      hopLimitAfter: 63,
      route: { prefix: '2001:db8:2::/64', nextHop: 'fe80::2' },
    });
    // The outgoing record tells the same story.
    expect(explainRecord(inputs(trace, () => ({ prefix: '2001:db8:2::/64', nextHop: 'fe80::2' })), 2)).toEqual(decision);
  });

  it('a different packet (another destination) out of the router is not this one', () => {
    const trace = [inbound, record(100, 'R1', 'GigabitEthernet0/1', 'tx', ethernet(ipv6Packet(63, 0x21), 2))];
    expect(explainRecord(inputs(trace), 0)).toEqual({ kind: 'received', device: 'R1', iface: 'GigabitEthernet0/0', multicast: false });
  });

  it('forwarding waits for neighbour resolution: the tx may come later, within seconds', () => {
    const later = { ...outbound, timeNs: 100 + 1_000_000_000 };
    expect(explainRecord(inputs([inbound, later]), 0)).toMatchObject({ kind: 'forwarded', hopLimitAfter: 63 });
  });

  it('dropped: the drop record of the same packet (bare IP bytes) gives the reason', () => {
    const trace = [inbound, record(100, 'R1', 'GigabitEthernet0/0', 'drop', ipv6Packet(64), 'no-route')];
    expect(explainRecord(inputs(trace), 0)).toEqual({ kind: 'dropped', device: 'R1', iface: 'GigabitEthernet0/0', reason: 'no-route' });
    expect(explainRecord(inputs(trace), 1)).toEqual({ kind: 'dropped', device: 'R1', iface: 'GigabitEthernet0/0', reason: 'no-route' });
  });

  it('switched: the same frame out of every other port at the same instant', () => {
    const frame = ethernet(ipv6Packet(255, 1, true), 1);
    const trace = [
      record(5, 'SW1', 'Gi1/0/1', 'rx', frame),
      record(5, 'SW1', 'Gi1/0/2', 'tx', frame),
      record(5, 'SW1', 'Gi1/0/3', 'tx', frame.slice()),
      record(9, 'SW1', 'Gi1/0/4', 'tx', frame),
    ];
    const expected = { kind: 'switched', device: 'SW1', inIface: 'Gi1/0/1', outIfaces: ['Gi1/0/2', 'Gi1/0/3'] };
    expect(explainRecord(inputs(trace), 0)).toEqual(expected);
    expect(explainRecord(inputs(trace), 2)).toEqual(expected);
  });

  it('sent: a tx with no rx of it before; received: an rx nothing follows (multicast noted)', () => {
    expect(explainRecord(inputs([outbound]), 0)).toEqual({ kind: 'sent', device: 'R1', iface: 'GigabitEthernet0/1' });
    const group = record(7, 'PC1', 'Ethernet0', 'rx', ethernet(ipv6Packet(255, 1, true), 1));
    expect(explainRecord(inputs([group]), 0)).toEqual({ kind: 'received', device: 'PC1', iface: 'Ethernet0', multicast: true });
  });

  it('is null for a record no longer kept', () => {
    expect(explainRecord(inputs([]), 3)).toBeNull();
  });
});

describe('trace records', () => {
  it('tells a bare IPv6 packet (a layer-3 drop) from an Ethernet frame', () => {
    expect(bareIpFamily(ipv6Packet(64))).toBe(6);
    expect(bareIpFamily(ethernet(ipv6Packet(64), 1))).toBeNull();
  });

  it('describes a bare packet with offsets into the recorded bytes (no stand-in Ethernet layer)', () => {
    const packet = ipv6Packet(64);
    const description = describeRecordedBytes(packet);
    expect(description.layers.map((layer) => layer.protocol)).toEqual(['IPv6', 'ICMPv6']);
    expect(description.layers[0]!.offset).toBe(0);
    const hopLimit = description.layers[0]!.fields.find((field) => field.name === 'Hop Limit')!;
    expect(hopLimit).toMatchObject({ offset: 7, length: 1, value: '64' });
    const row = toTraceRow(3, record(1, 'R1', 'Gi0/0', 'drop', packet, 'no-route'));
    expect(row).toMatchObject({ seq: 3, frameClass: 'ICMPv6', reason: 'no-route' });
    expect(row.summary).toMatch(/^ICMPv6: Echo \(ping\) request id=0x1234, seq=1/);
  });

  it('packet identity ignores the hop limit and the Ethernet header, not the addresses', () => {
    const a = identifyPacket(ethernet(ipv6Packet(64), 1))!;
    const b = identifyPacket(ipv6Packet(12))!;
    expect(a.key).toBe(b.key);
    expect([a.hopLimit, b.hopLimit]).toEqual([64, 12]);
    expect(identifyPacket(ipv6Packet(64, 0x21))!.key).not.toBe(a.key);
  });

  it('names spanning tree BPDUs (802.3 + LLC 0x42) STP instead of an unknown EtherType', () => {
    const bpdu = new Uint8Array(60);
    bpdu.set([0x01, 0x80, 0xc2, 0, 0, 0, 0, 0x1e, 0x7a, 0, 0, 1, 0x00, 0x27, 0x42, 0x42, 0x03]);
    expect(toTraceRow(0, record(0, 'SW1', 'Gi1/0/1', 'tx', bpdu))).toMatchObject({ frameClass: 'STP', summary: 'STP: Configuration BPDU' });
  });
});

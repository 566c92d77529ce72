import { describe, it, expect } from 'vitest';
import { secondsToNs } from '../../../sim-core/engine/time';
import { decodeArp } from '../../../sim-core/wire/arp';
import { decodeEthernet } from '../../../sim-core/wire/ethernet';
import type { PortCapture } from '../../../sim-core/sim/network';
import { buildTopology, echo, ip } from '../devices/topology';

function arpPackets(capture: PortCapture, direction: 'inbound' | 'outbound') {
  return capture.frames
    .filter((f) => f.direction === direction)
    .map((f) => decodeEthernet(f.bytes))
    .flatMap((d) => (d.ok && d.value.etherType === 0x0806 ? [d.value] : []))
    .map((frame) => ({ destination: frame.destination, arp: decodeArp(frame.payload) }))
    .flatMap((x) => (x.arp.ok ? [{ destination: x.destination, ...x.arp.value }] : []));
}

function pair(kindA: 'pc' | 'router' = 'pc') {
  const net = buildTopology({
    devices: { A: kindA, B: 'server' },
    links: [[kindA === 'pc' ? 'A:Ethernet0' : 'A:g0/0', 'B:eth0']],
    addresses: { [kindA === 'pc' ? 'A:Ethernet0' : 'A:g0/0']: '192.0.2.1/24', 'B:eth0': '192.0.2.2/24' },
  });
  return { net, a: kindA === 'pc' ? 'A:Ethernet0' : 'A:g0/0' };
}

describe('ARP (RFC 826)', () => {
  it('resolves a neighbour with a broadcast request and a unicast reply, then caches it both ways', () => {
    const { net, a } = pair();
    net.runFor(secondsToNs(1));
    const capture = net.capture(a);
    const outcome = echo(net, 'A', '192.0.2.2');
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
    const sent = arpPackets(capture, 'outbound');
    const received = arpPackets(capture, 'inbound');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ destination: 0xffffffffffff, opcode: 1, senderIp: ip('192.0.2.1'), targetIp: ip('192.0.2.2'), targetMac: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ destination: net.interfaceAt(a).mac, opcode: 2, senderIp: ip('192.0.2.2'), senderMac: net.interfaceAt('B:eth0').mac });
    expect(net.arpTable(a).map((e) => [e.ip, e.mac, e.state])).toEqual([[ip('192.0.2.2'), net.interfaceAt('B:eth0').mac, 'complete']]);
    // The target learned the asker from the request (RFC 826: "merge" when the packet is for us).
    expect(net.arpTable('B:eth0').map((e) => e.ip)).toEqual([ip('192.0.2.1')]);
  });

  it('a Windows host queues the packet while resolving: the first echo is answered', () => {
    const { net } = pair('pc');
    net.runFor(secondsToNs(1));
    expect(echo(net, 'A', '192.0.2.2').messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
  });

  it('IOS drops the packet that triggers resolution: the first of five echoes is lost (.!!!!)', () => {
    const { net } = pair('router');
    net.runFor(secondsToNs(1));
    const outcome = echo(net, 'A', '192.0.2.2', { count: 5 });
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(4);
    expect(net.simulator.trace.dropsByReason.get('arp-unresolved')).toBe(1);
  });

  it('an unanswered request is retried every second, three times, then the queued packets are dropped', () => {
    const { net, a } = pair();
    net.runFor(secondsToNs(1));
    const capture = net.capture(a);
    echo(net, 'A', '192.0.2.99', { waitMs: 5000 });
    expect(arpPackets(capture, 'outbound').map((p) => p.targetIp)).toEqual([ip('192.0.2.99'), ip('192.0.2.99'), ip('192.0.2.99')]);
    expect(net.simulator.trace.dropsByReason.get('arp-unresolved')).toBe(1);
    expect(net.arpTable(a)).toHaveLength(0);
  });

  it('entries expire: a Linux entry is gone after its lifetime and is resolved again', () => {
    const { net } = pair();
    echo(net, 'B', '192.0.2.1');
    expect(net.arpTable('B:eth0')).toHaveLength(1);
    net.runFor(secondsToNs(61));
    expect(net.arpTable('B:eth0')).toHaveLength(0);
    const capture = net.capture('B:eth0');
    echo(net, 'B', '192.0.2.1');
    expect(arpPackets(capture, 'outbound').filter((p) => p.opcode === 1)).toHaveLength(1);
  });

  it('configuring an address sends a gratuitous ARP (sender = target, RFC 5227 section 2.3)', () => {
    const { net, a } = pair();
    const capture = net.capture(a);
    net.addIpv4Address(a, '192.0.2.77/24');
    net.runFor(secondsToNs(1));
    const announcements = arpPackets(capture, 'outbound').filter((p) => p.senderIp === p.targetIp);
    expect(announcements.map((p) => p.senderIp)).toEqual([ip('192.0.2.77')]);
  });

  it('a gratuitous ARP updates a neighbour that already had the sender cached (RFC 826 merge)', () => {
    const { net, a } = pair();
    echo(net, 'B', '192.0.2.1');
    const iface = net.interfaceAt(a);
    const newMac = (iface.mac + 5) as typeof iface.mac;
    iface.mac = newMac;
    net.device('A').arp!.announce(iface, ip('192.0.2.1'));
    net.runFor(secondsToNs(1));
    expect(net.arpTable('B:eth0')[0]!.mac).toBe(newMac);
  });

  it('a link going down empties the ARP cache of the interface', () => {
    const { net, a } = pair();
    echo(net, 'A', '192.0.2.2');
    expect(net.arpTable(a)).toHaveLength(1);
    net.unplug(a);
    expect(net.arpTable(a)).toHaveLength(0);
  });
});

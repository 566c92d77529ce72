import { describe, it, expect } from 'vitest';
import { secondsToNs } from '../../../sim-core/engine/time';
import { decodeEthernet } from '../../../sim-core/wire/ethernet';
import type { TappedFrame } from '../../../sim-core/stack/port';
import { buildTopology, echo } from '../devices/topology';

/** IPv4 and ARP frames only (BPDUs every 2 s are not what these tests look at). */
function ipFrames(frames: readonly TappedFrame[], direction: TappedFrame['direction']) {
  return frames
    .filter((f) => f.direction === direction)
    .map((f) => decodeEthernet(f.bytes))
    .flatMap((d) => (d.ok && (d.value.etherType === 0x0800 || d.value.etherType === 0x0806) ? [d.value] : []));
}

function lan(seed = 1) {
  return buildTopology({
    seed,
    devices: { SW1: 'switch', PC1: 'pc', PC2: 'pc', PC3: 'server' },
    links: [
      ['PC1:Ethernet0', 'SW1:Gi1/0/1'],
      ['PC2:Ethernet0', 'SW1:Gi1/0/2'],
      ['PC3:eth0', 'SW1:Gi1/0/3'],
    ],
    addresses: { 'PC1:Ethernet0': '192.0.2.1/24', 'PC2:Ethernet0': '192.0.2.2/24', 'PC3:eth0': '192.0.2.3/24' },
  });
}

describe('MAC learning and flooding (IEEE 802.1Q section 8.7, 8.8)', () => {
  it('a broadcast is flooded to every other port; the unicast answer goes to the learned port only', () => {
    const net = lan();
    net.runFor(secondsToNs(1));
    const toPc3 = net.capture('SW1:Gi1/0/3');
    const outcome = echo(net, 'PC1', '192.0.2.2');
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
    const seenByPc3 = ipFrames(toPc3.frames, 'outbound');
    // PC3 sees the ARP request broadcast, and nothing of the unicast exchange.
    expect(seenByPc3.map((f) => f.etherType)).toEqual([0x0806]);
    const table = net.macTable('SW1').map((e) => [e.vlan, e.port.port.name, e.mac]);
    expect(table).toContainEqual([1, 'GigabitEthernet1/0/1', net.interfaceAt('PC1:Ethernet0').mac]);
    expect(table).toContainEqual([1, 'GigabitEthernet1/0/2', net.interfaceAt('PC2:Ethernet0').mac]);
  });

  it('learned entries age out after 300 s, and unknown unicast is then flooded again', () => {
    const net = lan();
    echo(net, 'PC1', '192.0.2.2');
    const pc2 = net.macTable('SW1').find((e) => e.mac === net.interfaceAt('PC2:Ethernet0').mac)!;
    net.runUntil(pc2.lastSeenNs + secondsToNs(299));
    expect(net.macTable('SW1').some((e) => e.mac === pc2.mac)).toBe(true);
    // The hosts' router solicitations at start (RFC 4861 section 6.3.7) were learned after the echo.
    const quietNs = Math.max(...net.macTable('SW1').map((e) => e.lastSeenNs));
    net.runUntil(quietNs + secondsToNs(301));
    expect(net.macTable('SW1')).toHaveLength(0);
    // PC1 still has PC2 in its ARP cache (Windows keeps it ~60 s … so refresh it), then unicasts.
    const arp = net.device('PC1').arp!;
    arp.addStatic(net.interfaceAt('PC1:Ethernet0'), net.interfaceAt('PC2:Ethernet0').ipv4Addresses[0]!.address, net.interfaceAt('PC2:Ethernet0').mac);
    const toPc3 = net.capture('SW1:Gi1/0/3');
    echo(net, 'PC1', '192.0.2.2');
    const flooded = ipFrames(toPc3.frames, 'outbound').filter((f) => f.etherType === 0x0800);
    expect(flooded.length).toBeGreaterThanOrEqual(1);
  });
});

describe('VLANs (IEEE 802.1Q): access ports, trunks, native VLAN', () => {
  it('hosts in different access VLANs of one switch cannot reach each other', () => {
    const net = lan();
    net.configureSwitchport('SW1:Gi1/0/1', { accessVlan: 10 });
    net.configureSwitchport('SW1:Gi1/0/2', { accessVlan: 10 });
    net.configureSwitchport('SW1:Gi1/0/3', { accessVlan: 20 });
    const toPc3 = net.capture('SW1:Gi1/0/3');
    expect(echo(net, 'PC1', '192.0.2.2').messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
    expect(echo(net, 'PC1', '192.0.2.3').messages).toHaveLength(0);
    expect(ipFrames(toPc3.frames, 'outbound')).toHaveLength(0);
  });

  function twoSwitches() {
    const net = buildTopology({
      devices: { SW1: 'switch', SW2: 'switch', A10: 'pc', B10: 'pc', A1: 'server', B1: 'server' },
      links: [
        ['SW1:Gi1/0/24', 'SW2:Gi1/0/24'],
        ['A10:Ethernet0', 'SW1:Gi1/0/1'],
        ['A1:eth0', 'SW1:Gi1/0/2'],
        ['B10:Ethernet0', 'SW2:Gi1/0/1'],
        ['B1:eth0', 'SW2:Gi1/0/2'],
      ],
      addresses: {
        'A10:Ethernet0': '10.10.0.1/24',
        'B10:Ethernet0': '10.10.0.2/24',
        'A1:eth0': '10.1.0.1/24',
        'B1:eth0': '10.1.0.2/24',
      },
    });
    for (const sw of ['SW1', 'SW2']) {
      net.configureSwitchport(`${sw}:Gi1/0/24`, { mode: 'trunk' });
      net.configureSwitchport(`${sw}:Gi1/0/1`, { accessVlan: 10 });
    }
    return net;
  }

  it('a trunk carries VLAN 10 tagged and the native VLAN 1 untagged', () => {
    const net = twoSwitches();
    const trunk = net.capture('SW1:Gi1/0/24');
    expect(echo(net, 'A10', '10.10.0.2').messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
    expect(echo(net, 'A1', '10.1.0.2').messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
    const out = ipFrames(trunk.frames, 'outbound');
    const tagsFor = (source: number) => out.filter((f) => f.source === source).map((f) => f.vlanTags.map((t) => t.vid));
    expect(tagsFor(net.interfaceAt('A10:Ethernet0').mac).every((tags) => tags.length === 1 && tags[0] === 10)).toBe(true);
    expect(tagsFor(net.interfaceAt('A1:eth0').mac).every((tags) => tags.length === 0)).toBe(true);
    expect(tagsFor(net.interfaceAt('A10:Ethernet0').mac).length).toBeGreaterThan(0);
  });

  it('a VLAN removed from the allowed list does not cross the trunk', () => {
    const net = twoSwitches();
    net.configureSwitchport('SW1:Gi1/0/24', { allowedVlans: [1, 20] });
    expect(echo(net, 'A10', '10.10.0.2').messages).toHaveLength(0);
    expect(echo(net, 'A1', '10.1.0.2').messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
  });

  it('a native VLAN mismatch leaks untagged frames into the other VLAN, as on real switches', () => {
    const net = twoSwitches();
    // SW2 takes untagged trunk frames into VLAN 10: A1 (VLAN 1 on SW1) now reaches B10's VLAN.
    net.configureSwitchport('SW2:Gi1/0/24', { nativeVlan: 10 });
    net.device('B10').stack!.addIpv4Address(net.interfaceAt('B10:Ethernet0'), { address: 0x0a010009 as never, prefixLength: 24, secondary: true });
    expect(echo(net, 'A1', '10.1.0.9').messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(1);
  });
});

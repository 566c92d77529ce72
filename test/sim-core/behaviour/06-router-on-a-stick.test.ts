/**
 * Issue 3, test 6: a router-on-a-stick. VLANs 10 and 20 on an 802.1Q trunk between a switch and
 * a router whose subinterfaces route between them; each VLAN reaches the other, and the frames
 * on the trunk carry their tags.
 */
import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../sim-core/engine/time';
import { Network } from '../../../sim-core/sim/network';
import { decodeEthernet } from '../../../sim-core/wire/ethernet';
import { hopTable, ping, traceroute, v4 } from './behaviour-helpers';

function routerOnAStick(seed = 6): Network {
  const net = new Network({ seed });
  net.addDevice('router', 'R1');
  net.addDevice('switch', 'SW1');
  net.addDevice('pc', 'PC10');
  net.addDevice('server', 'SRV20');
  net.connect('R1:g0/0', 'SW1:Gi1/0/24');
  net.connect('PC10:Ethernet0', 'SW1:Gi1/0/1');
  net.connect('SRV20:eth0', 'SW1:Gi1/0/2');
  net.configureSwitchport('SW1:Gi1/0/24', { mode: 'trunk' });
  net.configureSwitchport('SW1:Gi1/0/1', { mode: 'access', accessVlan: 10 });
  net.configureSwitchport('SW1:Gi1/0/2', { mode: 'access', accessVlan: 20 });
  net.setUp('R1:g0/0', true);
  net.addSubinterface('R1:g0/0.10', 10);
  net.addSubinterface('R1:g0/0.20', 20);
  net.addIpv4Address('R1:g0/0.10', '192.168.10.1/24');
  net.addIpv4Address('R1:g0/0.20', '192.168.20.1/24');
  net.addIpv4Address('PC10:Ethernet0', '192.168.10.10/24');
  net.addIpv4Address('SRV20:eth0', '192.168.20.10/24');
  net.setDefaultGateway('PC10', '192.168.10.1');
  net.setDefaultGateway('SRV20', '192.168.20.1');
  // IPv6: the subinterfaces advertise their prefixes; the hosts configure themselves by SLAAC.
  net.setIpv6Routing('R1', true);
  net.addIpv6Address('R1:g0/0.10', '2001:db8:10::1/64');
  net.addIpv6Address('R1:g0/0.20', '2001:db8:20::1/64');
  // Access ports forward at once (edge); the trunk waits for spanning tree to settle.
  net.runFor(40 * NS_PER_S);
  return net;
}

describe('behaviour 6: router-on-a-stick, VLANs 10 and 20 on a trunk (IPv4)', () => {
  it('VLAN 10 reaches VLAN 20 and back through the subinterfaces, one routed hop', () => {
    const net = routerOnAStick();
    const there = ping(net, 'PC10', v4('192.168.20.10'));
    expect(there.received).toBeGreaterThanOrEqual(3);
    const reply = there.probes.find((p) => p.outcome.kind === 'reply')!.outcome;
    expect(reply).toMatchObject({ from: v4('192.168.20.10'), hopLimit: 63 }); // Linux 64, one router
    const back = ping(net, 'SRV20', v4('192.168.10.10'), { count: 4 });
    expect(back.received).toBe(4);
    const trace = traceroute(net, 'SRV20', v4('192.168.10.10'));
    expect(hopTable(trace)).toEqual([Array(3).fill(v4('192.168.20.1')), Array(3).fill(v4('192.168.10.10'))]);
  });

  it('over IPv6 too: each host has a SLAAC address in its VLAN\'s prefix, and they reach each other through the router', () => {
    const net = routerOnAStick();
    const global = (endpoint: string, prefix: bigint) => net.ipv6Addresses(endpoint).find((a) => a.address >> 64n === prefix && a.origin === 'slaac' && a.state === 'preferred')?.address;
    const pc = global('PC10:Ethernet0', 0x20010db800100000n);
    const srv = global('SRV20:eth0', 0x20010db800200000n);
    expect(pc).toBeDefined();
    expect(srv).toBeDefined();
    expect(ping(net, 'PC10', srv!).received).toBeGreaterThanOrEqual(3);
    const back = ping(net, 'SRV20', pc!, { count: 4 });
    expect(back.received).toBeGreaterThanOrEqual(3);
    expect(back.probes.find((p) => p.outcome.kind === 'reply')!.outcome).toMatchObject({ hopLimit: 127 }); // Windows 128, one router
  });

  it('the trunk carries both directions tagged: VLAN 10 and VLAN 20 frames cross it with their 802.1Q tags', () => {
    const net = routerOnAStick();
    const capture = net.capture('R1:g0/0');
    ping(net, 'PC10', v4('192.168.20.10'), { count: 2 });
    const vids = new Set<number>();
    for (const frame of capture.frames) {
      const eth = decodeEthernet(frame.bytes);
      if (eth.ok && eth.value.etherType === 0x0800) {
        expect(eth.value.vlanTags).toHaveLength(1);
        vids.add(eth.value.vlanTags[0]!.vid);
      }
    }
    expect(vids).toEqual(new Set([10, 20]));
  });

  it('the VLANs stay apart at layer 2: with the router\'s subinterface for VLAN 20 shut, VLAN 10 cannot reach it', () => {
    const net = routerOnAStick();
    net.setUp('R1:g0/0.20', false);
    const result = ping(net, 'PC10', v4('192.168.20.10'));
    expect(result.received).toBe(0);
  });
});

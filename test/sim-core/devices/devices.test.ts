import { describe, it, expect } from 'vitest';
import { secondsToNs } from '../../../sim-core/engine/time';
import type { InterfaceEvent } from '../../../sim-core/stack/node-stack';
import { Network } from '../../../sim-core/sim/network';
import { buildTopology, echo } from './topology';

describe('device kinds as shipped (catalog names, default states)', () => {
  it('routers start with every interface administratively down; hosts and switchports start up', () => {
    const net = new Network({ seed: 1 });
    net.addDevice('router', 'R1');
    net.addDevice('pc', 'PC1');
    net.addDevice('server', 'SRV1');
    net.addDevice('l3-switch', 'CORE1');
    expect(net.interfaces('R1').map((i) => [i.name, i.adminUp])).toEqual([
      ['GigabitEthernet0/0', false],
      ['GigabitEthernet0/1', false],
      ['GigabitEthernet0/2', false],
      ['GigabitEthernet0/3', false],
    ]);
    expect(net.interfaces('PC1').map((i) => [i.name, i.adminUp])).toEqual([['Ethernet0', true]]);
    expect(net.interfaces('SRV1').map((i) => [i.name, i.adminUp])).toEqual([['eth0', true]]);
    // A Catalyst has interface Vlan1, shut down, and 24 switchports.
    expect(net.interfaces('CORE1').map((i) => [i.name, i.adminUp])).toEqual([['Vlan1', false]]);
    expect(net.device('CORE1').bridge!.ports).toHaveLength(24);
  });

  it('MACs follow the vendor (Cisco, Intel, KVM), depend only on the name, and are unique', () => {
    const a = new Network({ seed: 1 });
    const b = new Network({ seed: 99 });
    a.addDevice('pc', 'Other');
    for (const net of [a, b]) {
      net.addDevice('router', 'R1');
      net.addDevice('pc', 'PC1');
      net.addDevice('server', 'SRV1');
    }
    expect(a.interfaceAt('R1:g0/0').mac).toBe(b.interfaceAt('R1:g0/0').mac);
    expect(Math.floor(a.interfaceAt('R1:g0/0').mac / 2 ** 24)).toBe(0x001e7a);
    expect(Math.floor(a.interfaceAt('PC1:Ethernet0').mac / 2 ** 24)).toBe(0x001b21);
    expect(Math.floor(a.interfaceAt('SRV1:eth0').mac / 2 ** 24)).toBe(0x525400);
    const macs = ['g0/0', 'g0/1', 'g0/2', 'g0/3'].map((p) => a.interfaceAt(`R1:${p}`).mac);
    expect(new Set(macs).size).toBe(4);
  });

  it('endpoints accept IOS abbreviations and reject unknown ports with the valid names', () => {
    const net = new Network({ seed: 1 });
    net.addDevice('router', 'R1');
    net.addDevice('server', 'S');
    expect(() => net.connect('R1:gi0/7', 'S:eth0')).toThrow(/GigabitEthernet0\/0/);
    expect(() => net.connect('R9:g0/0', 'S:eth0')).toThrow(/no device named R9/);
    net.connect('R1:g0/0', 'S:eth0');
    expect(() => net.connect('R1:GigabitEthernet0/0', 'S:eth0')).toThrow(/already cabled/);
  });
});

describe('carrier and admin state reach the stack as interface events', () => {
  it('unplugging a cable takes the interface down on both ends, and connected routes go with it', () => {
    const net = buildTopology({
      devices: { R1: 'router', SRV1: 'server' },
      links: [['R1:g0/0', 'SRV1:eth0']],
      addresses: { 'R1:g0/0': '192.0.2.1/24', 'SRV1:eth0': '192.0.2.2/24' },
    });
    const events: string[] = [];
    net.device('R1').stack!.onInterfaceEvent((e: InterfaceEvent) => {
      if (e.kind === 'up' || e.kind === 'down') events.push(`${e.iface.name} ${e.kind} ${e.cause}`);
    });
    expect(net.ipv4Routes('R1').map((r) => r.source)).toEqual(['local', 'connected']);
    net.unplug('R1:g0/0');
    expect(events).toEqual(['GigabitEthernet0/0 down carrier']);
    expect(net.interfaces('SRV1')[0]!.up).toBe(false);
    expect(net.ipv4Routes('R1')).toEqual([]);
    expect(echo(net, 'R1', '192.0.2.2').messages).toHaveLength(0);
    net.replug('R1:g0/0');
    expect(events).toEqual(['GigabitEthernet0/0 down carrier', 'GigabitEthernet0/0 up carrier']);
    expect(echo(net, 'R1', '192.0.2.2', { count: 3 }).messages.filter((m) => m.kind === 'echo-reply').length).toBeGreaterThanOrEqual(2);
  });

  it('shutdown on a router interface is seen by the peer as carrier loss', () => {
    const net = buildTopology({
      devices: { R1: 'router', SRV1: 'server' },
      links: [['R1:g0/0', 'SRV1:eth0']],
      addresses: { 'R1:g0/0': '192.0.2.1/24', 'SRV1:eth0': '192.0.2.2/24' },
    });
    expect(net.interfaces('SRV1')[0]!.up).toBe(true);
    net.setUp('R1:g0/0', false);
    expect(net.interfaces('R1')[0]).toMatchObject({ adminUp: false, up: false });
    expect(net.interfaces('SRV1')[0]).toMatchObject({ adminUp: true, up: false });
  });
});

describe('router-on-a-stick (802.1Q subinterfaces) and L3 switch SVIs', () => {
  it('VLANs 10 and 20 on one trunk reach each other through the router subinterfaces', () => {
    const net = buildTopology({
      devices: { R1: 'router', SW1: 'switch', PC10: 'pc', PC20: 'server' },
      links: [
        ['R1:g0/0', 'SW1:Gi1/0/24'],
        ['PC10:Ethernet0', 'SW1:Gi1/0/1'],
        ['PC20:eth0', 'SW1:Gi1/0/2'],
      ],
    });
    net.configureSwitchport('SW1:Gi1/0/24', { mode: 'trunk' });
    net.configureSwitchport('SW1:Gi1/0/1', { accessVlan: 10 });
    net.configureSwitchport('SW1:Gi1/0/2', { accessVlan: 20 });
    net.setUp('R1:g0/0', true);
    net.addSubinterface('R1:g0/0.10', 10);
    net.addSubinterface('R1:g0/0.20', 20);
    net.addIpv4Address('R1:g0/0.10', '10.0.10.1/24');
    net.addIpv4Address('R1:g0/0.20', '10.0.20.1/24');
    net.addIpv4Address('PC10:Ethernet0', '10.0.10.10/24');
    net.addIpv4Address('PC20:eth0', '10.0.20.20/24');
    net.setDefaultGateway('PC10', '10.0.10.1');
    net.setDefaultGateway('PC20', '10.0.20.1');
    const trunk = net.capture('R1:g0/0');
    const outcome = echo(net, 'PC10', '10.0.20.20', { count: 4 });
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply').length).toBeGreaterThanOrEqual(2);
    expect(outcome.messages.filter((m) => m.kind === 'echo-reply').every((m) => m.ttl === 63)).toBe(true);
    const vids = new Set(trunk.frames.filter((f) => f.bytes[12] === 0x81).map((f) => ((f.bytes[14]! & 0x0f) << 8) | f.bytes[15]!));
    expect([...vids].sort()).toEqual([10, 20]);
  });

  it('an L3 switch routes between SVIs once ip routing is on', () => {
    const net = buildTopology({
      devices: { CORE1: 'l3-switch', PC10: 'pc', PC20: 'server' },
      links: [
        ['PC10:Ethernet0', 'CORE1:Gi1/0/1'],
        ['PC20:eth0', 'CORE1:Gi1/0/2'],
      ],
      addresses: { 'PC10:Ethernet0': '10.0.10.10/24', 'PC20:eth0': '10.0.20.20/24' },
      gateways: { PC10: '10.0.10.1', PC20: '10.0.20.1' },
    });
    net.configureSwitchport('CORE1:Gi1/0/1', { accessVlan: 10 });
    net.configureSwitchport('CORE1:Gi1/0/2', { accessVlan: 20 });
    net.addSvi('CORE1', 10);
    net.addSvi('CORE1', 20);
    net.addIpv4Address('CORE1:Vlan10', '10.0.10.1/24');
    net.addIpv4Address('CORE1:Vlan20', '10.0.20.1/24');
    expect(net.interfaces('CORE1').find((i) => i.name === 'Vlan10')!.up).toBe(true);
    // Catalyst default: no ip routing. The SVI answers its own address, but does not route.
    expect(echo(net, 'PC10', '10.0.10.1', { count: 3 }).messages.filter((m) => m.kind === 'echo-reply').length).toBeGreaterThanOrEqual(2);
    expect(echo(net, 'PC10', '10.0.20.20', { count: 2 }).messages.filter((m) => m.kind === 'echo-reply')).toHaveLength(0);
    net.setIpv4Routing('CORE1', true);
    expect(echo(net, 'PC10', '10.0.20.20', { count: 3 }).messages.filter((m) => m.kind === 'echo-reply').length).toBeGreaterThanOrEqual(2);
    net.runFor(secondsToNs(1));
  });

  it('an SVI goes down when the last port of its VLAN loses carrier', () => {
    const net = buildTopology({ devices: { CORE1: 'l3-switch', PC: 'pc' }, links: [['PC:Ethernet0', 'CORE1:Gi1/0/5']] });
    net.configureSwitchport('CORE1:Gi1/0/5', { accessVlan: 30 });
    net.addSvi('CORE1', 30);
    expect(net.interfaceAt('CORE1:Vlan30').operUp).toBe(true);
    net.unplug('PC:Ethernet0');
    expect(net.interfaceAt('CORE1:Vlan30').operUp).toBe(false);
  });
});

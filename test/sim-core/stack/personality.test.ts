/**
 * One personality per OS (personality.ts): the stack modules take every OS difference from it,
 * so a stack built with a changed personality behaves by the change, whatever its flavour says.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../sim-core/engine/simulator';
import { ArpModule } from '../../../sim-core/stack/arp';
import { Ipv4Layer } from '../../../sim-core/stack/ipv4-layer';
import { addIpv6 } from '../../../sim-core/stack/ipv6/ipv6-stack';
import { createNodeContext } from '../../../sim-core/stack/node-context';
import { NodeStack } from '../../../sim-core/stack/node-stack';
import { IOS_PERSONALITY, LINUX_PERSONALITY, personalityOf, WINDOWS_PERSONALITY, type StackPersonality } from '../../../sim-core/stack/personality';
import { Ipv6Rib } from '../../../sim-core/stack/routing/ipv6-rib';
import { Network } from '../../../sim-core/sim/network';

function stackWith(personality: StackPersonality): { stack: NodeStack; ipv4: Ipv4Layer; arp: ArpModule; ipv6: ReturnType<typeof addIpv6>['ipv6'] } {
  const simulator = new Simulator({ seed: 5 });
  const stack = new NodeStack(createNodeContext(simulator, 'H1'), personality.flavour, personality);
  const arp = new ArpModule(stack);
  const ipv4 = new Ipv4Layer(stack, arp);
  new Ipv6Rib(stack);
  const { ipv6 } = addIpv6(stack);
  return { stack, ipv4, arp, ipv6 };
}

describe('personalities', () => {
  it('the real systems\' initial TTLs and hop limits: IOS 255/64, Windows 128/128, Linux 64/64', () => {
    expect([IOS_PERSONALITY, WINDOWS_PERSONALITY, LINUX_PERSONALITY].map((p) => [p.flavour, p.ipv4.defaultTtl, p.ipv6.defaultHopLimit])).toEqual([
      ['ios', 255, 64],
      ['windows', 128, 128],
      ['linux', 64, 64],
    ]);
    expect(personalityOf('windows')).toBe(WINDOWS_PERSONALITY);
  });

  it('devices get the personality of their OS', () => {
    const net = new Network({ seed: 1 });
    net.addDevice('router', 'R1');
    net.addDevice('pc', 'PC1');
    net.addDevice('server', 'SRV1');
    expect(net.device('R1').stack!.personality).toBe(IOS_PERSONALITY);
    expect(net.device('PC1').stack!.personality).toBe(WINDOWS_PERSONALITY);
    expect(net.device('SRV1').stack!.personality).toBe(LINUX_PERSONALITY);
    expect(net.device('PC1').ipv4!.defaultTtl).toBe(128);
  });

  it('modules read the personality, not the OS name: a Linux stack with changed settings follows them', () => {
    const changed: StackPersonality = {
      ...LINUX_PERSONALITY,
      ipv4: { ...LINUX_PERSONALITY.ipv4, defaultTtl: 99 },
      ipv6: { ...LINUX_PERSONALITY.ipv6, defaultHopLimit: 33, enableOnNewInterfaces: false },
      arp: { ...LINUX_PERSONALITY.arp, queueLimit: 0 },
    };
    const { stack, ipv4, arp, ipv6 } = stackWith(changed);
    expect(stack.flavour).toBe('linux');
    expect(ipv4.defaultTtl).toBe(99);
    expect(ipv6.defaultHopLimit).toBe(33);
    expect(arp.settings.queueLimit).toBe(0);
    const iface = stack.addInterface('eth0', 'physical', 0x02aabbccddee as never, { transmitFrame: () => undefined, lowerLayerUp: () => true, port: null }, true);
    // IPv6 stays off on a new interface, as on IOS, because the setting says so.
    expect(iface.ipv6.enabled).toBe(false);
    const plain = stackWith(LINUX_PERSONALITY);
    expect(plain.stack.addInterface('eth0', 'physical', 0x02aabbccddee as never, { transmitFrame: () => undefined, lowerLayerUp: () => true, port: null }, true).ipv6.enabled).toBe(true);
  });

  it('whether a down interface\'s addresses stay the device\'s own is a setting (IOS no, hosts yes)', () => {
    const ios = stackWith(IOS_PERSONALITY).stack;
    const host = stackWith({ ...IOS_PERSONALITY, addresses: { ownWhileDown: true } }).stack;
    const binding = { transmitFrame: () => undefined, lowerLayerUp: () => false, port: null };
    expect(ios.ownsAddressesOf(ios.addInterface('g0', 'physical', 1 as never, binding, true))).toBe(false);
    expect(host.ownsAddressesOf(host.addInterface('g0', 'physical', 1 as never, binding, true))).toBe(true);
  });
});

import { describe, it, expect } from 'vitest';
import { NS_PER_S } from '../../../../sim-core/engine/time';
import { Network } from '../../../../sim-core/sim/network';
import { DefaultRouterList } from '../../../../sim-core/stack/ipv6/default-router-list';
import { IPV6_RIB } from '../../../../sim-core/stack/routing/ipv6-rib';
import { v6 } from './rd-topology';

function host(kind: 'pc' | 'server') {
  const net = new Network({ seed: 1 });
  net.addDevice(kind, 'H');
  net.addDevice('switch', 'SW');
  net.connect('H:' + (kind === 'pc' ? 'Ethernet0' : 'eth0'), 'SW:g1/0/1');
  net.runFor(NS_PER_S);
  const stack = net.device('H').stack!;
  const rib = stack.findRequired(IPV6_RIB);
  const list = new DefaultRouterList(stack, rib);
  const iface = stack.interfaces[0]!;
  return { net, rib, list, iface };
}

describe('default router list (RFC 4861 section 6.3.4)', () => {
  it('a router is a default route via its link-local until its lifetime ends', () => {
    const { net, rib, list, iface } = host('server');
    list.update(iface, v6('fe80::1'), 30);
    expect(rib.lookup(v6('2001:db8::1'))).toMatchObject({ nextHop: v6('fe80::1'), iface });
    net.runFor(29 * NS_PER_S);
    expect(list.routers()).toHaveLength(1);
    net.runFor(2 * NS_PER_S);
    expect(list.routers()).toHaveLength(0);
    expect(rib.lookup(v6('2001:db8::1'))).toBeUndefined();
  });

  it('a new RA resets the lifetime; lifetime 0 removes the router at once', () => {
    const { net, list, iface } = host('server');
    list.update(iface, v6('fe80::1'), 30);
    net.runFor(20 * NS_PER_S);
    list.update(iface, v6('fe80::1'), 30);
    net.runFor(20 * NS_PER_S);
    expect(list.routers()).toHaveLength(1);
    list.update(iface, v6('fe80::1'), 0);
    expect(list.routers()).toHaveLength(0);
  });

  it('RFC 4191 preference: a high-preference router is chosen over a medium one', () => {
    const { rib, list, iface } = host('server');
    list.update(iface, v6('fe80::1'), 1800, 'medium');
    list.update(iface, v6('fe80::2'), 1800, 'high');
    expect(rib.lookup(v6('2001:db8::1'))!.nextHop).toBe(v6('fe80::2'));
  });

  it('carrier loss: Linux keeps its routers (veth + radvd shows them `linkdown`), Windows forgets them', () => {
    for (const [kind, kept] of [['server', 1], ['pc', 0]] as const) {
      const { net, list } = host(kind);
      list.update(net.device('H').stack!.interfaces[0]!, v6('fe80::1'), 1800);
      net.unplug('SW:g1/0/1');
      net.runFor(NS_PER_S);
      expect(list.routers()).toHaveLength(kept);
    }
  });
});

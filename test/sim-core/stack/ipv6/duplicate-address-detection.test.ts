import { describe, it, expect } from 'vitest';
import { ALL_NODES } from '../../../../sim-core/addr/multicast';
import { msToNs } from '../../../../sim-core/engine/time';
import type { DeviceLogEvent } from '../../../../sim-core/stack/node-stack';
import { DUPLICATE_ADDRESS_LOG } from '../../../../sim-core/stack/ipv6/duplicate-address-detection';
import { buildLan, echo6, firstInterface, ipv6Frames, text, v6 } from './ipv6-topology';

const stateOf = (net: ReturnType<typeof buildLan>, endpoint: string, address: string) => net.ipv6Addresses(endpoint).find((a) => a.address === v6(address))?.state;

describe('Duplicate Address Detection (RFC 4862 section 5.4)', () => {
  it('a new address is tentative, receives nothing (dad-tentative), and is preferred one RetransTimer after its NS', () => {
    const net = buildLan({ hosts: { PC1: 'pc', SRV1: 'server' } });
    net.addIpv6Address('PC1:Ethernet0', '2001:db8:1::10/64');
    net.runFor(msToNs(2500));
    const capture = net.capture('SRV1:eth0');
    net.addIpv6Address('SRV1:eth0', '2001:db8:1::20/64');
    expect(stateOf(net, 'SRV1:eth0', '2001:db8:1::20')).toBe('tentative');
    // Nothing reaches a tentative address; PC1 cannot resolve it either (a tentative target's NS is ignored).
    expect(echo6(net, 'PC1', '2001:db8:1::20', { waitMs: 100 })).toEqual([]);
    net.runFor(msToNs(2000));
    expect(stateOf(net, 'SRV1:eth0', '2001:db8:1::20')).toBe('preferred');
    const dadNs = ipv6Frames(capture.frames).find((f) => f.direction === 'outbound' && f.ipv6.source === 0n)!;
    expect(dadNs.icmpv6).toMatchObject({ kind: 'neighbor-solicitation', targetAddress: v6('2001:db8:1::20') });
    expect(dadNs.timeNs - msToNs(2500)).toBeLessThan(msToNs(1000)); // the random delay is under MAX_RTR_SOLICITATION_DELAY
    expect(net.device('SRV1').ipv6!.dad.counters).toMatchObject({ succeeded: 2, duplicates: 0 });
    expect(echo6(net, 'PC1', '2001:db8:1::20').map((m) => m.kind)).toEqual(['echo-reply']);
  });

  describe('test 4 of issue 3: two hosts with the same address; the second to come up is the duplicate', () => {
    for (const [kind, flavour] of [['router', 'IOS'], ['pc', 'Windows'], ['server', 'Linux']] as const) {
      it(`${flavour}: the second node's address is duplicate, the first keeps it, and the second logs it`, () => {
        const net = buildLan({ hosts: { A: kind, B: kind } });
        const a = firstInterface('A', kind);
        const b = firstInterface('B', kind);
        const logs: DeviceLogEvent[] = [];
        net.device('B').stack!.onLog((event) => logs.push(event));
        const capture = net.capture(b);
        net.addIpv6Address(a, '2001:db8::1/64');
        net.runFor(msToNs(3000));
        net.addIpv6Address(b, '2001:db8::1/64');
        net.runFor(msToNs(3000));
        expect(stateOf(net, a, '2001:db8::1')).toBe('preferred');
        expect(stateOf(net, b, '2001:db8::1')).toBe('duplicate');
        expect(logs).toEqual([
          expect.objectContaining({ kind: DUPLICATE_ADDRESS_LOG, interfaceName: net.interfaceAt(b).name, ipv6Address: v6('2001:db8::1'), macAddress: net.interfaceAt(a).mac }),
        ]);
        // The defender answered the DAD NS with an NA to all-nodes, S clear, O set (RFC 4861 section 7.2.4).
        const na = ipv6Frames(capture.frames).find((f) => f.direction === 'inbound' && f.icmpv6?.kind === 'neighbor-advertisement')!;
        expect(na.ipv6.destination).toBe(ALL_NODES);
        expect(na.icmpv6).toMatchObject({ solicited: false, override: true, targetAddress: v6('2001:db8::1') });
        // A duplicate is never used: no source, no delivery.
        expect(net.device('B').ipv6!.selectSource(v6('2001:db8::99'), net.interfaceAt(b))).not.toBe(v6('2001:db8::1'));
      });
    }
  });

  it('IOS: a duplicate link-local stalls IPv6 on the interface ("IPv6 is stalled … [DUP]"); no shutdown / shutdown restarts it', () => {
    const net = buildLan({ hosts: { R1: 'router', R2: 'router' } });
    net.addIpv6Address('R1:g0/0', 'fe80::1/64');
    net.runFor(msToNs(3000));
    net.addIpv6Address('R2:g0/0', 'fe80::1/64');
    net.addIpv6Address('R2:g0/0', '2001:db8::2/64');
    net.runFor(msToNs(3000));
    const ipv6 = net.device('R2').ipv6!;
    const iface = net.interfaceAt('R2:g0/0');
    expect(net.ipv6Addresses('R2:g0/0').map((a) => [text(a.address), a.state])).toEqual([
      ['fe80::1', 'duplicate'],
      ['2001:db8::2', 'preferred'],
    ]);
    expect(ipv6.isStalled(iface)).toBe(true);
    expect(ipv6.isActive(iface)).toBe(false);
    net.setUp('R1:g0/0', false);
    net.setUp('R2:g0/0', false);
    net.setUp('R2:g0/0', true);
    net.runFor(msToNs(3000));
    expect(ipv6.isStalled(iface)).toBe(false);
    expect(net.ipv6Addresses('R2:g0/0').map((a) => a.state)).toEqual(['preferred', 'preferred']);
  });

  it('Linux does not stall the interface on a duplicate link-local (accept_dad 1): only that address is unusable', () => {
    const net = buildLan({ hosts: { S1: 'server', S2: 'server' } });
    net.addIpv6Address('S1:eth0', 'fe80::1/64');
    net.runFor(msToNs(3000));
    net.addIpv6Address('S2:eth0', 'fe80::1/64');
    net.runFor(msToNs(3000));
    expect(stateOf(net, 'S2:eth0', 'fe80::1')).toBe('duplicate');
    expect(net.device('S2').ipv6!.isActive(net.interfaceAt('S2:eth0'))).toBe(true);
  });

  it('two nodes configured at once: the first probe makes the other, still tentative, give the address up (section 5.4.3)', () => {
    const net = buildLan({ hosts: { S1: 'server', S2: 'server' } });
    net.runFor(msToNs(3000)); // the switch ports forward
    const captures = [net.capture('S1:eth0'), net.capture('S2:eth0')];
    net.addIpv6Address('S1:eth0', '2001:db8::5/64');
    net.addIpv6Address('S2:eth0', '2001:db8::5/64');
    net.runFor(msToNs(3000));
    const states = [stateOf(net, 'S1:eth0', '2001:db8::5'), stateOf(net, 'S2:eth0', '2001:db8::5')];
    const probed = captures.map((c) => ipv6Frames(c.frames).some((f) => f.direction === 'outbound' && f.ipv6.source === 0n && f.icmpv6?.kind === 'neighbor-solicitation'));
    // Exactly one probe went out (the shorter random delay); its sender keeps the address.
    expect(probed.filter(Boolean)).toHaveLength(1);
    expect(states).toEqual(probed.map((p) => (p ? 'preferred' : 'duplicate')));
  });

  it('carrier loss makes addresses tentative; carrier return runs DAD again (section 5.4: interface re-initialisation)', () => {
    const net = buildLan({ hosts: { SRV1: 'server', PC1: 'pc' } });
    net.addIpv6Address('SRV1:eth0', '2001:db8::20/64');
    net.runFor(msToNs(3000));
    net.unplug('SRV1:eth0');
    expect(net.ipv6Addresses('SRV1:eth0').map((a) => a.state)).toEqual(['tentative', 'tentative']);
    const capture = net.capture('SRV1:eth0');
    net.replug('SRV1:eth0');
    net.runFor(msToNs(3000));
    expect(net.ipv6Addresses('SRV1:eth0').map((a) => a.state)).toEqual(['preferred', 'preferred']);
    const probes = ipv6Frames(capture.frames).filter((f) => f.direction === 'outbound' && f.ipv6.source === 0n);
    expect(probes).toHaveLength(2);
  });

  it('an NA for an address already marked duplicate resolves the neighbour: only tentative addresses meet conflicts (section 5.4.4)', () => {
    // R1 takes SRV1's address, DAD marks R1's copy duplicate; R1 then pings the address: SRV1's
    // solicited NA answers R1's resolution (the duplicate is not in use, RFC 4862 section 5.4.5).
    const net = buildLan({ hosts: { R1: 'router', SRV1: 'server' } });
    net.addIpv6Address('R1:g0/0', '2001:db8::1/64');
    net.addIpv6Address('SRV1:eth0', '2001:db8::10/64');
    net.runFor(msToNs(3000));
    net.addIpv6Address('R1:g0/0', '2001:db8::10/64');
    net.runFor(msToNs(3000));
    expect(stateOf(net, 'R1:g0/0', '2001:db8::10')).toBe('duplicate');
    const dad = net.device('R1').ipv6!.dad;
    const duplicatesBefore = dad.counters.duplicates;
    expect(echo6(net, 'R1', '2001:db8::10', { count: 5 })).toEqual(Array.from({ length: 5 }, () => ({ kind: 'echo-reply', code: 0, from: '2001:db8::10', hopLimit: 64 })));
    const neighbor = net.device('R1').ipv6!.neighbors.snapshot(net.interfaceAt('R1:g0/0')).find((n) => n.address === v6('2001:db8::10'));
    expect(neighbor).toMatchObject({ state: 'REACHABLE', linkLayerAddress: net.interfaceAt('SRV1:eth0').mac });
    expect(dad.counters.duplicates).toBe(duplicatesBefore);
    expect(stateOf(net, 'R1:g0/0', '2001:db8::10')).toBe('duplicate');
  });
});

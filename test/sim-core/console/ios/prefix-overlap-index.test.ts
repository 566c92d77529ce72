/**
 * The overlap index answers exactly what IOS's scan of every interface answers, after any
 * sequence of address changes on any interfaces (additions right after asking, removals
 * behind its back, interfaces deleted), and IOS still prints its overlap errors through it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4NetworkPart } from '../../../../sim-core/addr/prefix';
import { PrefixOverlapIndex } from '../../../../sim-core/console/ios/prefix-overlap-index';
import { bootLab } from '../../../../sim-core/lab/boot-lab';
import { loadLab } from '../../../../sim-core/lab/load-lab';

interface Iface {
  name: string;
  ipv4: { address: number; prefixLength: number }[];
}

function scan(interfaces: readonly Iface[], self: Iface, address: number, prefixLength: number): boolean {
  return interfaces.some((other) => other !== self && other.ipv4.some((a) => ipv4NetworkPart(a.address as never, Math.min(a.prefixLength, prefixLength)) === ipv4NetworkPart(address as never, Math.min(a.prefixLength, prefixLength))));
}

const step = fc.record({
  op: fc.constantFrom('ask-then-add', 'remove', 'delete-interface', 'new-interface'),
  iface: fc.nat(5),
  address: fc.constantFrom(0x0a000001, 0x0a000101, 0x0a010001, 0xc0a80001, 0x0a000081),
  prefixLength: fc.constantFrom(8, 16, 24, 25, 30),
});

describe('PrefixOverlapIndex', () => {
  it('says what a scan of every interface says, whatever changed in between (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let interfaces: Iface[] = Array.from({ length: 4 }, (_, i) => ({ name: `L${i}`, ipv4: [] }));
        const index = new PrefixOverlapIndex<Iface, number>({ networkOf: (a, l) => ipv4NetworkPart(a as never, l) }, (i) => i.ipv4);
        for (const s of steps) {
          const self = interfaces[s.iface % Math.max(1, interfaces.length)];
          if (s.op === 'new-interface') interfaces = [...interfaces, { name: `N${interfaces.length}`, ipv4: [] }];
          if (self === undefined) continue;
          if (s.op === 'ask-then-add') {
            const expected = scan(interfaces, self, s.address, s.prefixLength);
            expect(index.overlapsOther(interfaces, self, s.address, s.prefixLength)).toBe(expected);
            if (!expected) self.ipv4 = [...self.ipv4, { address: s.address, prefixLength: s.prefixLength }];
          } else if (s.op === 'remove') self.ipv4 = self.ipv4.slice(1);
          else if (s.op === 'delete-interface') interfaces = interfaces.filter((i) => i !== self);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('IOS prints its overlap errors as before, also after `no ip address` and a deleted loopback', () => {
    const loaded = loadLab('version: 1\ndevices:\n  - name: R1\n    kind: router\n    config: |\n      interface Loopback1\n       ip address 10.1.1.1 255.255.255.0\n       ipv6 address 2001:db8:1::1/64\nlinks: []\n', 'o.v6lab.yaml');
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const session = bootLab(loaded.lab, { seed: 1, source: loaded.source });
    const out = (line: string): string => {
      const result = session.exec('R1', line);
      if (!result.ok) throw new Error(result.error);
      return result.value.transcript.split('\n').slice(1).filter((l) => l !== '' && !l.startsWith('*')).join('\n');
    };
    for (const line of ['enable', 'configure terminal', 'interface Loopback2']) out(line);
    expect(out('ip address 10.1.1.2 255.255.255.0')).toBe('% 10.1.1.0 overlaps with Loopback1');
    expect(out('ipv6 address 2001:db8:1::2/64')).toBe('% Loopback2: Error: 2001:DB8:1::/64 is overlapping with 2001:DB8:1::/64 on Loopback1');
    for (const line of ['interface Loopback1', 'no ip address', 'no ipv6 address', 'interface Loopback2']) out(line);
    expect(out('ip address 10.1.1.2 255.255.255.0')).toBe('');
    expect(out('ipv6 address 2001:db8:1::2/64')).toBe('');
    out('no interface Loopback2');
    out('interface Loopback3');
    expect(out('ip address 10.1.1.3 255.255.255.0')).toBe('');
    expect(out('ipv6 address 2001:db8:1::3/64')).toBe('');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asDeviceName, asInterfaceName, makeLinkId, type Lab } from '../../../sim-core/lab/lab-document';
import { formatProblems } from '../../../sim-core/lab/lab-problems';
import { loadLab } from '../../../sim-core/lab/load-lab';
import { serializeLab } from '../../../sim-core/lab/serialize-lab';
import { validLab } from './lab-arbitraries';

const r1 = asDeviceName('R1');
const pc1 = asDeviceName('PC1');
const g00 = { device: r1, interface: asInterfaceName('GigabitEthernet0/0') };
const eth0 = { device: pc1, interface: asInterfaceName('Ethernet0') };

const SMALL_LAB: Lab = {
  version: 1,
  name: { vi: 'Thử nghiệm', en: 'Test' },
  zones: [{ id: 'so-tttt' as never, label: 'Sở TTTT' }],
  devices: [
    { name: r1, kind: 'router', position: { x: 100.4, y: 200.6 }, zone: 'so-tttt' as never, config: 'hostname R1\n!\ninterface GigabitEthernet0/0\n ipv6 address 2001:db8::1/64\n!\nend\n' },
    { name: pc1, kind: 'pc' },
  ],
  links: [{ id: makeLinkId(g00, eth0), endpoints: [g00, eth0], delayNs: 1_500_000, bandwidthBps: 100_000_000, mtu: 1500, state: 'down' }],
};

describe('serializeLab', () => {
  it('writes keys in a fixed order, endpoints in containerlab style, configs as literal blocks, positions rounded', () => {
    expect(serializeLab(SMALL_LAB)).toBe(
      [
        'version: 1',
        '',
        'name:',
        '  vi: Thử nghiệm',
        '  en: Test',
        '',
        'zones:',
        '  - id: so-tttt',
        '    label: Sở TTTT',
        '',
        'devices:',
        '  - name: R1',
        '    kind: router',
        '    zone: so-tttt',
        '    position: {x: 100, y: 201}',
        '    config: |',
        '      hostname R1',
        '      !',
        '      interface GigabitEthernet0/0',
        '       ipv6 address 2001:db8::1/64',
        '      !',
        '      end',
        '',
        '  - name: PC1',
        '    kind: pc',
        '',
        'links:',
        '  - endpoints: ["R1:GigabitEthernet0/0", "PC1:Ethernet0"]',
        '    delay: 1500us',
        '    bandwidth: 100Mbps',
        '    mtu: 1500',
        '    state: down',
        '',
      ].join('\n'),
    );
  });

  it('an empty lab is a version with empty device and link lists', () => {
    expect(serializeLab({ version: 1, zones: [], devices: [], links: [] })).toBe('version: 1\n\ndevices: []\n\nlinks: []\n');
  });

  it('loadLab(serializeLab(lab)) equals lab, for generated labs', () => {
    fc.assert(
      fc.property(validLab, (lab) => {
        const text = serializeLab(lab);
        const result = loadLab(text, 'generated.v6lab.yaml');
        if (!result.ok) throw new Error(`${formatProblems(result.problems)}\n---\n${text}`);
        expect(result.lab).toEqual(lab);
      }),
      { numRuns: 200 },
    );
  });

  it('serializing is stable: serialize(load(serialize(lab))) is the same text', () => {
    fc.assert(
      fc.property(validLab, (lab) => {
        const text = serializeLab(lab);
        const result = loadLab(text, 'generated.v6lab.yaml');
        expect(result.ok && serializeLab(result.lab)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

// fast-check generators of valid lab documents, shared by the lab property tests.
import fc from 'fast-check';
import { DEVICE_KINDS, getDeviceKindSpec } from '../../../sim-core/devices/catalog';
import { COURSE_ZONE_IDS } from '../../../sim-core/lab/course-zones';
import {
  asDeviceName,
  asInterfaceName,
  asZoneId,
  makeLinkId,
  MAX_LINK_MTU,
  MIN_LINK_MTU,
  type Lab,
  type LabDevice,
  type LabLink,
  type LabText,
} from '../../../sim-core/lab/lab-document';
import { MAX_BANDWIDTH_BPS, MAX_DELAY_NS, MIN_BANDWIDTH_BPS } from '../../../sim-core/lab/link-units';
import { findUnprintable } from '../../../sim-core/lab/printable-text';

const configLine = fc.oneof(
  fc.constantFrom('hostname R1', '!', 'interface GigabitEthernet0/0', ' ipv6 address 2001:db8::1/64', ' no shutdown', 'end', '', '   ', 'REM comment', '# comment'),
  fc.string({ maxLength: 30 }),
);

export const configText = fc.oneof(
  fc.array(configLine, { maxLength: 8 }).map((lines) => lines.join('\n')),
  fc.array(configLine, { maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** Printable text, as names and labels must be (control, bidi and line-separator characters are refused). */
const printable = (text: fc.Arbitrary<string>) => text.filter((value) => findUnprintable(value) === undefined);

export const labText: fc.Arbitrary<LabText> = fc.oneof(
  printable(fc.string({ unit: 'grapheme', maxLength: 40 })),
  fc.record({ vi: printable(fc.string({ unit: 'grapheme', maxLength: 40 })), en: printable(fc.string({ maxLength: 40 })) }),
);

const deviceName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}[A-Za-z0-9]$/);

const device = fc.record(
  {
    name: deviceName,
    kind: fc.constantFrom(...DEVICE_KINDS),
    position: fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }),
    zone: fc.oneof(fc.constantFrom(...COURSE_ZONE_IDS), printable(fc.string({ minLength: 1, maxLength: 20 }))),
    config: configText,
  },
  { requiredKeys: ['name', 'kind'] },
);

const linkCandidate = fc.record(
  {
    a: fc.nat(),
    b: fc.nat(),
    portA: fc.nat(),
    portB: fc.nat(),
    delayNs: fc.integer({ min: 0, max: MAX_DELAY_NS }),
    bandwidthBps: fc.integer({ min: MIN_BANDWIDTH_BPS, max: MAX_BANDWIDTH_BPS }),
    mtu: fc.integer({ min: MIN_LINK_MTU, max: MAX_LINK_MTU }),
    down: fc.boolean(),
  },
  { requiredKeys: ['a', 'b', 'portA', 'portB', 'down'] },
);

type LinkCandidate = typeof linkCandidate extends fc.Arbitrary<infer T> ? T : never;

/** Keeps the candidate links that respect the cabling rules (one cable per copper port, no radio-to-radio). */
function cable(devices: readonly LabDevice[], candidates: readonly LinkCandidate[]): LabLink[] {
  const used = new Map<string, number>();
  const links: LabLink[] = [];
  if (devices.length === 0) return links;
  for (const candidate of candidates) {
    const deviceA = devices[candidate.a % devices.length]!;
    const deviceB = devices[candidate.b % devices.length]!;
    const portsA = getDeviceKindSpec(deviceA.kind).physicalPorts;
    const portsB = getDeviceKindSpec(deviceB.kind).physicalPorts;
    const portA = portsA[candidate.portA % portsA.length]!;
    const portB = portsB[candidate.portB % portsB.length]!;
    const keyA = `${deviceA.name}:${portA.name}`;
    const keyB = `${deviceB.name}:${portB.name}`;
    if (keyA === keyB || (portA.medium === 'radio' && portB.medium === 'radio')) continue;
    if ((used.get(keyA) ?? 0) >= portA.maxLinks || (used.get(keyB) ?? 0) >= portB.maxLinks) continue;
    used.set(keyA, (used.get(keyA) ?? 0) + 1);
    used.set(keyB, (used.get(keyB) ?? 0) + 1);
    const endpoints = [
      { device: deviceA.name, interface: asInterfaceName(portA.name) },
      { device: deviceB.name, interface: asInterfaceName(portB.name) },
    ] as const;
    links.push({
      id: makeLinkId(endpoints[0], endpoints[1]),
      endpoints,
      ...(candidate.delayNs !== undefined ? { delayNs: candidate.delayNs } : {}),
      ...(candidate.bandwidthBps !== undefined ? { bandwidthBps: candidate.bandwidthBps } : {}),
      ...(candidate.mtu !== undefined ? { mtu: candidate.mtu } : {}),
      state: candidate.down ? 'down' : 'up',
    });
  }
  return links;
}

export const validLab: fc.Arbitrary<Lab> = fc
  .record(
    {
      name: labText,
      description: labText,
      zones: fc.uniqueArray(fc.record({ id: printable(fc.string({ minLength: 1, maxLength: 20 })), label: labText }), { maxLength: 3, selector: (zone) => zone.id }),
      devices: fc.uniqueArray(device, { maxLength: 6, selector: (d) => d.name.toLowerCase() }),
      links: fc.array(linkCandidate, { maxLength: 8 }),
    },
    { requiredKeys: ['zones', 'devices', 'links'] },
  )
  .map(({ name, description, zones, devices, links }) => {
    const labDevices: LabDevice[] = devices.map((d) => ({
      name: asDeviceName(d.name),
      kind: d.kind,
      ...(d.position !== undefined ? { position: d.position } : {}),
      ...(d.zone !== undefined ? { zone: asZoneId(d.zone) } : {}),
      ...(d.config !== undefined ? { config: d.config } : {}),
    }));
    return {
      version: 1 as const,
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      zones: zones.map((zone) => ({ id: asZoneId(zone.id), label: zone.label })),
      devices: labDevices,
      links: cable(labDevices, links),
    };
  });

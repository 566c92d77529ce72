/**
 * Which ports of a device can still take a cable: the catalog's physical ports minus the ones
 * cabled already (a copper port takes one link, an access point's radio one per client). The
 * connect dialog lists these and picks a sensible default.
 */
import { getDeviceKindSpec, type PhysicalPortSpec } from '../../sim-core/devices/catalog';
import type { Lab } from '../../sim-core/lab/lab-document';

/** How many links use each port of this device. */
export function countPortLinks(lab: Lab, deviceName: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of lab.links) {
    for (const endpoint of link.endpoints) {
      if (endpoint.device === deviceName) counts.set(endpoint.interface, (counts.get(endpoint.interface) ?? 0) + 1);
    }
  }
  return counts;
}

/** The device's ports with room for one more link, in catalog order; empty for an unknown device. */
export function listFreePorts(lab: Lab, deviceName: string): PhysicalPortSpec[] {
  const device = lab.devices.find((candidate) => candidate.name === deviceName);
  if (!device) return [];
  const counts = countPortLinks(lab, deviceName);
  return getDeviceKindSpec(device.kind).physicalPorts.filter((port) => (counts.get(port.name) ?? 0) < port.maxLinks);
}

/** The port the dialog proposes: the first free copper port, else the first free radio. */
export function chooseDefaultPort(free: readonly PhysicalPortSpec[]): PhysicalPortSpec | undefined {
  return free.find((port) => port.medium === 'copper') ?? free[0];
}

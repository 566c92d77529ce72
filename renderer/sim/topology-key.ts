/**
 * What of a lab the running network depends on: devices (name, kind, config) and links
 * (endpoints, delay, bandwidth, MTU, state). Positions, zones and the lab's name do not matter
 * to the network, so moving a device never restarts the simulation.
 */
import type { Lab } from '../../sim-core/lab/lab-document';

export function topologyKey(lab: Lab): string {
  return JSON.stringify([
    lab.devices.map((device) => [device.name, device.kind, device.config ?? '']),
    lab.links.map((link) => [link.endpoints[0].device, link.endpoints[0].interface, link.endpoints[1].device, link.endpoints[1].interface, link.delayNs ?? null, link.bandwidthBps ?? null, link.mtu ?? null, link.state]),
  ]);
}

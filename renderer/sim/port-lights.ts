/**
 * The link lights: the state of each cabled port as the running network has it, read from the
 * live session (not from configuration text), for the canvas to colour each cable end as Packet
 * Tracer does: `up` (green), `blocking` (amber: spanning tree keeps the port discarding, as it
 * does while a new link comes up, IEEE 802.1Q-2018 section 13.25 port states), `down` (red: no
 * carrier, unplugged, or the far end shut) and `admin-down` (red: `shutdown` on this port).
 * Runs in the worker; reads only (ports' admin state and carrier, the bridge port's state).
 *
 * Leaves out: ports without a cable (the canvas has no end to colour), logical interfaces.
 */
import type { Lab } from '../../sim-core/lab/lab-document';
import type { LabSession } from '../../sim-core/lab/lab-session';
import type { PortLight, PortLightState } from './sim-protocol';

/** The light of every cable end of `lab`, in link order (ends of devices the session lacks are left out). */
export function readPortLights(session: LabSession, lab: Lab): PortLight[] {
  const lights: PortLight[] = [];
  for (const link of lab.links) {
    for (const end of link.endpoints) {
      const state = portState(session, end.device, end.interface);
      if (state !== undefined) lights.push({ device: end.device, iface: end.interface, state });
    }
  }
  return lights;
}

function portState(session: LabSession, deviceName: string, iface: string): PortLightState | undefined {
  let device;
  try {
    device = session.device(deviceName);
  } catch {
    return undefined;
  }
  const port = device.port(iface);
  if (port === undefined) return undefined;
  if (!port.adminUp) return 'admin-down';
  if (!port.carrier) return 'down';
  const bridged = device.bridge?.bridgePortOf(port);
  if (bridged !== undefined && bridged.state !== 'forwarding') return 'blocking';
  return 'up';
}

/** A short text that changes whenever any light does (to post only changes). */
export function portLightsKey(lights: readonly PortLight[]): string {
  let key = '';
  for (const light of lights) key += `${light.device}\u0000${light.iface}\u0000${light.state}\u0001`;
  return key;
}

/**
 * The lab document as cytoscape elements: a node per device (its kind's icon, its name below),
 * an edge per link (classes for its state, both interface names for the end labels, each end's
 * live light), and a
 * compound node per zone in use, which its devices sit inside. Pure functions: the adapter
 * calls them for what changed.
 */
import type { ElementDefinition } from 'cytoscape';
import { shortInterfaceName } from '../../sim-core/devices/interface-names';
import type { CanvasPosition, Lab, LabDevice, LabLink } from '../../sim-core/lab/lab-document';
import type { PortLightState } from '../sim/sim-protocol';

export function deviceNodeId(name: string): string {
  return `device:${name}`;
}

export function linkEdgeId(linkId: string): string {
  return `link:${linkId}`;
}

export function zoneNodeId(zone: string): string {
  return `zone:${zone}`;
}

/** Grid spacing for devices the file gives no position. */
const FALLBACK_SPACING_PX = 140;
const FALLBACK_COLUMNS = 8;

/** Where a device without a position is drawn: a grid by its index in the lab. */
export function fallbackPosition(index: number): CanvasPosition {
  return { x: 120 + (index % FALLBACK_COLUMNS) * FALLBACK_SPACING_PX, y: 120 + Math.floor(index / FALLBACK_COLUMNS) * FALLBACK_SPACING_PX };
}

export function devicePosition(device: LabDevice, index: number): CanvasPosition {
  return device.position ?? fallbackPosition(index);
}

export function deviceElement(device: LabDevice, index: number): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: deviceNodeId(device.name), name: device.name, kind: device.kind, ...(device.zone !== undefined ? { parent: zoneNodeId(device.zone) } : {}) },
    position: { ...devicePosition(device, index) },
    classes: `device kind-${device.kind}`,
  };
}

/** A cable end's light as the running network reports it, or `none` before it runs. */
export type EndLight = PortLightState | 'none';

/** The light of one cable end, looked up in the running network's lights. */
export type LightOf = (device: string, iface: string) => EndLight;

/**
 * The state classes of a link: `unplugged` (the document says unplugged), `admin-down` (the
 * running network has an end shut), else `up`.
 */
export function linkClasses(link: LabLink, lightOf: LightOf): string {
  if (link.state === 'down') return 'link unplugged';
  if (link.endpoints.some((endpoint) => lightOf(endpoint.device, endpoint.interface) === 'admin-down')) return 'link admin-down';
  return 'link up';
}

/** The data of a link's edge that follows the running network: each end's light. */
export function linkLightData(link: LabLink, lightOf: LightOf): { sourceLight: EndLight; targetLight: EndLight } {
  const [a, b] = link.endpoints;
  return { sourceLight: lightOf(a.device, a.interface), targetLight: lightOf(b.device, b.interface) };
}

export function linkElement(link: LabLink, classes: string, lightOf: LightOf): ElementDefinition {
  const [a, b] = link.endpoints;
  return {
    group: 'edges',
    data: {
      id: linkEdgeId(link.id),
      linkId: link.id,
      source: deviceNodeId(a.device),
      target: deviceNodeId(b.device),
      sourceLabel: shortInterfaceName(a.interface),
      targetLabel: shortInterfaceName(b.interface),
      ...linkLightData(link, lightOf),
    },
    classes,
  };
}

/** The zones to draw: every zone a device is in, in order of first use. */
export function listZonesInUse(lab: Lab): string[] {
  const zones: string[] = [];
  for (const device of lab.devices) if (device.zone !== undefined && !zones.includes(device.zone)) zones.push(device.zone);
  return zones;
}

export function zoneElement(zone: string, label: string): ElementDefinition {
  // A zone box is not dragged as a whole (that moved every device in it by accident): dragging
  // on its empty area pans the view, as on the background.
  return { group: 'nodes', data: { id: zoneNodeId(zone), zone, label }, classes: `zone zone-${zone}`, selectable: false, grabbable: false, pannable: true };
}

/**
 * Lays out a lab whose file gives some or all devices no position (a generated lab, a province
 * written by hand): cytoscape-fcose (fast compound spring embedder, Balci & Dogrusoz 2021) runs
 * on a headless cytoscape with the zones as compound nodes, so a zone's devices stay together
 * in a group, and the well-connected core settles in the middle with the rest around it.
 * Devices that have a position keep it (fcose's fixed-node constraint). The result is whole-pixel
 * positions for the document, so the layout is saved with the lab and stays put.
 *
 * Leaves out: a layered (top-down) layout by device role; fcose's randomised start makes two
 * runs differ, which is why the result is written into the document once.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Lab } from '../../sim-core/lab/lab-document';
import type { DeviceMove } from '../actions/move-devices';
import { roundPosition } from '../../sim-core/lab/load-lab';
import { DEVICE_ICON_PX } from './canvas-style';
import { deviceNodeId, linkEdgeId, listZonesInUse, zoneNodeId } from './lab-elements';

let registered = false;

/** Whether any device of `lab` has no position (the canvas would stack them on a grid). */
export function needsLayout(lab: Lab): boolean {
  return lab.devices.some((device) => device.position === undefined);
}

/** Positions for every device of `lab` that has none (devices with one are left where they are). */
export function layOutDevices(lab: Lab): DeviceMove[] {
  if (!needsLayout(lab)) return [];
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const elements: ElementDefinition[] = [];
  for (const zone of listZonesInUse(lab)) elements.push({ group: 'nodes', data: { id: zoneNodeId(zone) } });
  for (const device of lab.devices) {
    elements.push({ group: 'nodes', data: { id: deviceNodeId(device.name), ...(device.zone !== undefined ? { parent: zoneNodeId(device.zone) } : {}) } });
  }
  for (const link of lab.links) {
    const [a, b] = link.endpoints;
    if (a.device !== b.device) elements.push({ group: 'edges', data: { id: linkEdgeId(link.id), source: deviceNodeId(a.device), target: deviceNodeId(b.device) } });
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [
      // The icon and its name below: what must not overlap.
      { selector: 'node', style: { width: DEVICE_ICON_PX + 40, height: DEVICE_ICON_PX + 30 } },
      { selector: ':parent', style: { padding: '30px' } },
    ],
  });
  try {
    const fixed = lab.devices.filter((device) => device.position !== undefined).map((device) => ({ nodeId: deviceNodeId(device.name), position: { ...device.position! } }));
    cy.layout({
      name: 'fcose',
      animate: false,
      quality: 'default',
      randomize: true,
      nodeDimensionsIncludeLabels: false,
      idealEdgeLength: () => 110,
      nodeRepulsion: () => 9000,
      nestingFactor: 0.2,
      gravity: 0.3,
      tile: true,
      ...(fixed.length > 0 ? { fixedNodeConstraint: fixed } : {}),
    } as cytoscape.LayoutOptions).run();
    const moves: DeviceMove[] = [];
    for (const device of lab.devices) {
      if (device.position !== undefined) continue;
      const { x, y } = cy.getElementById(deviceNodeId(device.name)).position();
      moves.push({ name: device.name, position: { x: roundPosition(x), y: roundPosition(y) } });
    }
    return moves;
  } finally {
    cy.destroy();
  }
}

/** `lab` with every device placed: positions from layOutDevices for those without one. */
export function withLayout(lab: Lab): { readonly lab: Lab; readonly laidOut: number } {
  const moves = layOutDevices(lab);
  if (moves.length === 0) return { lab, laidOut: 0 };
  const byName = new Map(moves.map((move) => [move.name, move.position]));
  return {
    lab: { ...lab, devices: lab.devices.map((device) => (device.position === undefined && byName.has(device.name) ? { ...device, position: byName.get(device.name)! } : device)) },
    laidOut: moves.length,
  };
}

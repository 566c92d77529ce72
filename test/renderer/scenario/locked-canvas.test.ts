/**
 * Locked devices on the canvas cannot be dragged: the adapter makes their nodes ungrabbable
 * (the lab slice refuses the move as well, see locked-devices.test.ts), and they become
 * draggable again when the scenario ends.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CanvasAdapter, type CanvasCallbacks } from '../../../renderer/canvas/canvas-adapter';
import { device, lab, link } from '../actions/lab-scene';

const noCallbacks: CanvasCallbacks = {
  onTapBackground: () => undefined,
  onTapDevice: () => undefined,
  onMoveDevices: () => undefined,
  onSelectionChange: () => undefined,
  onDoubleClickLabel: () => undefined,
  onDoubleClickDevice: () => undefined,
};

describe('locked devices on the canvas', () => {
  it('are not grabbable while locked, and are again afterwards', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const adapter = new CanvasAdapter(cy, noCallbacks, (zone) => zone);
    adapter.render(lab([device('ISP', 'router', 0, 0), device('R1', 'router', 0, 100)], [link('ISP:GigabitEthernet0/0', 'R1:GigabitEthernet0/0')]));
    adapter.setLockedDevices(['isp']);
    const grabbable = () => Object.fromEntries(cy.nodes('.device').map((node) => [node.data('name') as string, node.grabbable()]));
    expect(grabbable()).toEqual({ ISP: false, R1: true });
    adapter.setLockedDevices([]);
    expect(grabbable()).toEqual({ ISP: true, R1: true });
    cy.destroy();
  });
});

/**
 * A lab without positions is laid out by cytoscape-fcose with its zones as groups: every device
 * gets a position, none sits on another, a zone's devices stay together, and devices the file
 * placed keep their place.
 */
import { describe, expect, it } from 'vitest';
import { layOutDevices, needsLayout, withLayout } from '../../../renderer/canvas/auto-layout';
import { generateBigLab, generateBigLabWithoutPositions } from '../../e2e/big-lab';

describe('auto layout of a lab without positions', () => {
  it('places every device of a 300-device lab, apart from each other, each zone together', () => {
    const lab = generateBigLabWithoutPositions(30);
    expect(needsLayout(lab)).toBe(true);
    const started = performance.now();
    const { lab: placed, laidOut } = withLayout(lab);
    const elapsedMs = performance.now() - started;
    expect(laidOut).toBe(300);
    expect(needsLayout(placed)).toBe(false);
    expect(elapsedMs).toBeLessThan(20_000);
    const positions = placed.devices.map((device) => device.position!);
    // No two devices on top of each other (icons are 48 px).
    let closest = Infinity;
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        closest = Math.min(closest, Math.hypot(positions[i]!.x - positions[j]!.x, positions[i]!.y - positions[j]!.y));
      }
    }
    expect(closest).toBeGreaterThan(30);
    // Each device is nearer its own zone's centre than any other zone's.
    const zones = new Map<string, { x: number; y: number; n: number }>();
    for (const device of placed.devices) {
      const sum = zones.get(device.zone!) ?? { x: 0, y: 0, n: 0 };
      zones.set(device.zone!, { x: sum.x + device.position!.x, y: sum.y + device.position!.y, n: sum.n + 1 });
    }
    const centres = [...zones].map(([zone, sum]) => ({ zone, x: sum.x / sum.n, y: sum.y / sum.n }));
    const nearestZone = (x: number, y: number) => centres.reduce((best, centre) => (Math.hypot(centre.x - x, centre.y - y) < Math.hypot(best.x - x, best.y - y) ? centre : best)).zone;
    const inOwnZone = placed.devices.filter((device) => nearestZone(device.position!.x, device.position!.y) === device.zone).length;
    expect(inOwnZone / placed.devices.length).toBeGreaterThan(0.95);
  }, 30_000);

  it('leaves a lab whose devices all have positions as it is', () => {
    const lab = generateBigLab(2);
    expect(needsLayout(lab)).toBe(false);
    expect(layOutDevices(lab)).toEqual([]);
    expect(withLayout(lab).lab).toBe(lab);
  });

  it('keeps the positions the file gives and places only the others', () => {
    const full = generateBigLab(3);
    const lab = { ...full, devices: full.devices.map((device, index) => (index % 2 === 0 ? device : { ...device, position: undefined })) };
    const moves = layOutDevices(lab);
    expect(moves.map((move) => move.name)).toEqual(lab.devices.filter((device) => device.position === undefined).map((device) => device.name));
    const placed = withLayout(lab).lab;
    placed.devices.forEach((device, index) => {
      if (index % 2 === 0) expect(device.position).toEqual(full.devices[index]!.position);
    });
  });
});

/**
 * Fitting the devices to the canvas: the fitted box lies inside the canvas less its insets, so
 * the zoom buttons' column on the right never covers a device, and the zoom stays in its limits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFitViewport, FIT_INSETS_PX } from '../../../renderer/canvas/fit-viewport';

const LIMITS = { min: 0.05, max: 1.5 };

function rendered(zoom: number, pan: { x: number; y: number }, x: number, y: number) {
  return { x: x * zoom + pan.x, y: y * zoom + pan.y };
}

describe('computeFitViewport', () => {
  it('keeps the right-most device left of the zoom buttons (16 px margin + 36 px column)', () => {
    const box = { minX: 0, minY: 0, maxX: 1000, maxY: 200 };
    const { zoom, pan } = computeFitViewport(box, 800, 600, LIMITS);
    const right = rendered(zoom, pan, box.maxX, box.maxY);
    expect(right.x).toBeLessThanOrEqual(800 - 16 - 36);
    expect(rendered(zoom, pan, box.minX, box.minY).x).toBeGreaterThanOrEqual(FIT_INSETS_PX.left - 1e-9);
  });

  it('never zooms past the cap for a small lab, and centres it in the room left', () => {
    const box = { minX: 100, minY: 100, maxX: 200, maxY: 160 };
    const { zoom, pan } = computeFitViewport(box, 800, 600, LIMITS);
    expect(zoom).toBe(1.5);
    const center = rendered(zoom, pan, 150, 130);
    expect(center.x).toBeCloseTo(FIT_INSETS_PX.left + (800 - FIT_INSETS_PX.left - FIT_INSETS_PX.right) / 2);
    expect(center.y).toBeCloseTo(FIT_INSETS_PX.top + (600 - FIT_INSETS_PX.top - FIT_INSETS_PX.bottom) / 2);
  });

  it('property: whenever the box fits above the minimum zoom, all of it is inside the insets', () => {
    fc.assert(
      fc.property(
        fc.record({ minX: fc.integer({ min: -5000, max: 5000 }), minY: fc.integer({ min: -5000, max: 5000 }), w: fc.integer({ min: 1, max: 5000 }), h: fc.integer({ min: 1, max: 5000 }) }),
        fc.integer({ min: 300, max: 3000 }),
        fc.integer({ min: 200, max: 2000 }),
        ({ minX, minY, w, h }, width, height) => {
          const box = { minX, minY, maxX: minX + w, maxY: minY + h };
          const { zoom, pan } = computeFitViewport(box, width, height, LIMITS);
          expect(zoom).toBeLessThanOrEqual(LIMITS.max);
          expect(zoom).toBeGreaterThanOrEqual(LIMITS.min);
          if (zoom === LIMITS.min) return;
          const topLeft = rendered(zoom, pan, box.minX, box.minY);
          const bottomRight = rendered(zoom, pan, box.maxX, box.maxY);
          expect(topLeft.x).toBeGreaterThanOrEqual(FIT_INSETS_PX.left - 1e-6);
          expect(topLeft.y).toBeGreaterThanOrEqual(FIT_INSETS_PX.top - 1e-6);
          expect(bottomRight.x).toBeLessThanOrEqual(width - FIT_INSETS_PX.right + 1e-6);
          expect(bottomRight.y).toBeLessThanOrEqual(height - FIT_INSETS_PX.bottom + 1e-6);
        },
      ),
    );
  });
});

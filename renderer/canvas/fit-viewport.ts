/**
 * The viewport that fits a box of model coordinates into the canvas: the largest zoom (capped)
 * at which the box fits inside the canvas less its insets, centred in what is left. The right
 * inset keeps the zoom buttons (bottom right, 16 px from the edge) clear of the devices.
 * Leaves out: animation (the viewport is set at once).
 */

export interface ModelBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export interface ViewInsetsPx {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Room kept around the devices; on the right, the zoom buttons' column too (16 + 36 + 12 px). */
export const FIT_INSETS_PX: ViewInsetsPx = { left: 40, right: 64, top: 40, bottom: 40 };

export interface Viewport {
  readonly zoom: number;
  readonly pan: { readonly x: number; readonly y: number };
}

/** Zoom and pan showing `box` inside a `widthPx` × `heightPx` canvas less `insets`. */
export function computeFitViewport(box: ModelBox, widthPx: number, heightPx: number, zoomLimits: { min: number; max: number }, insets: ViewInsetsPx = FIT_INSETS_PX): Viewport {
  const boxWidth = Math.max(1, box.maxX - box.minX);
  const boxHeight = Math.max(1, box.maxY - box.minY);
  const roomWidth = Math.max(1, widthPx - insets.left - insets.right);
  const roomHeight = Math.max(1, heightPx - insets.top - insets.bottom);
  const zoom = Math.max(zoomLimits.min, Math.min(zoomLimits.max, roomWidth / boxWidth, roomHeight / boxHeight));
  const centerX = (box.minX + box.maxX) / 2;
  const centerY = (box.minY + box.maxY) / 2;
  return {
    zoom,
    pan: { x: insets.left + roomWidth / 2 - centerX * zoom, y: insets.top + roomHeight / 2 - centerY * zoom },
  };
}

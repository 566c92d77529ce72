/**
 * Remembers the viewport the last fit set, so a resize of the canvas (the terminal dock or the
 * simulation panel opening, the window changing size) can fit again while the person has not
 * moved the view since: devices never end up under the zoom buttons or below the dock just
 * because the canvas got smaller. Once they pan or zoom, their view is left alone.
 * Leaves out: animation.
 */
import type { Viewport } from './fit-viewport';

/** Pixels (pan) and zoom ratio within which a viewport counts as the fitted one (float noise). */
const PAN_TOLERANCE_PX = 0.5;
const ZOOM_TOLERANCE = 1e-6;

export class FitMemory {
  private fitted: Viewport | null = null;

  /** A fit just set `viewport`. */
  remember(viewport: Viewport): void {
    this.fitted = { zoom: viewport.zoom, pan: { x: viewport.pan.x, y: viewport.pan.y } };
  }

  /** The person moved the view (zoom buttons, wheel, drag): later resizes keep it. */
  forget(): void {
    this.fitted = null;
  }

  /** True when `current` is still the viewport of the last fit. */
  stillFitted(current: Viewport): boolean {
    const fitted = this.fitted;
    if (fitted === null) return false;
    return (
      Math.abs(current.zoom - fitted.zoom) <= ZOOM_TOLERANCE * fitted.zoom &&
      Math.abs(current.pan.x - fitted.pan.x) <= PAN_TOLERANCE_PX &&
      Math.abs(current.pan.y - fitted.pan.y) <= PAN_TOLERANCE_PX
    );
  }
}

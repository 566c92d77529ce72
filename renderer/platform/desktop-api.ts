/**
 * Access to the preload's `window.v6lab` API. It is absent when the renderer runs in a plain
 * browser (the end-to-end tests), so callers get `undefined` and carry on without it.
 */
import { DESKTOP_API_GLOBAL, type V6LabDesktopApi } from '../../electron/ipc-contract';

export function getDesktopApi(): V6LabDesktopApi | undefined {
  const candidate = (globalThis as Record<string, unknown>)[DESKTOP_API_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as V6LabDesktopApi) : undefined;
}

/**
 * The desktop menu's File › Export capture, handed to the console dock: the shell bridge
 * (outside the simulation's React context) asks for an export of one device's capture, and
 * that device's CaptureExport opens its port chooser, now if it is shown, or when it mounts
 * (the bridge opens the console first). One request is pending at most; a newer one replaces it.
 */

type Listener = () => void;

/** Whose capture the menu exports: the active console's, else the first selected device's. */
export function chooseCaptureExportDevice<D extends string>(activeConsole: D | null, selectedDevices: readonly D[]): D | null {
  return activeConsole ?? selectedDevices[0] ?? null;
}

let pendingDevice: string | null = null;
const listeners = new Set<Listener>();

export function requestCaptureExport(device: string): void {
  pendingDevice = device;
  for (const listener of [...listeners]) listener();
}

/** True (and the request is consumed) when an export of `device`'s capture is pending. */
export function takeCaptureExportRequest(device: string): boolean {
  if (pendingDevice !== device) return false;
  pendingDevice = null;
  return true;
}

/** Calls `listener` after each request; returns a function that stops listening. */
export function onCaptureExportRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

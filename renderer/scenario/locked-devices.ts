/**
 * Locked devices on the canvas: an edit of the lab document that would change a scenario's
 * locked device (move, rename, delete, its config or zone) or any cable at its ports (add,
 * remove, unplug, change) is refused with a message, whichever editor action made it. The lab
 * slice asks `lockedEditRefusal` before it records an edit. Immer keeps untouched devices and
 * links as the same objects, so "unchanged" is a reference comparison.
 */
import type { Lab } from '../../sim-core/lab/lab-document';
import type { EditMessage } from '../actions/lab-edit';

function isLocked(locked: readonly string[], name: string): boolean {
  const wanted = name.toLowerCase();
  return locked.some((entry) => entry.toLowerCase() === wanted);
}

/** Why `after` may not replace `before` (the first locked device it touches), or null. */
export function lockedEditRefusal(before: Lab, after: Lab, locked: readonly string[]): EditMessage | null {
  if (locked.length === 0 || before === after) return null;
  for (const device of before.devices) {
    if (!isLocked(locked, device.name)) continue;
    if (!after.devices.includes(device)) return { key: 'scenario.lockedEdit', values: { name: device.name } };
  }
  const touches = (link: Lab['links'][number]) => link.endpoints.find((endpoint) => isLocked(locked, endpoint.device));
  for (const link of before.links) {
    const end = touches(link);
    if (end !== undefined && !after.links.includes(link)) return { key: 'scenario.lockedEdit', values: { name: end.device } };
  }
  for (const link of after.links) {
    const end = touches(link);
    if (end !== undefined && !before.links.includes(link)) return { key: 'scenario.lockedEdit', values: { name: end.device } };
  }
  for (const device of after.devices) {
    if (isLocked(locked, device.name) && !before.devices.includes(device)) return { key: 'scenario.lockedEdit', values: { name: device.name } };
  }
  return null;
}

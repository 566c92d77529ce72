/**
 * What an edit of the lab changes in the running network: the difference between two lab
 * documents as plain changes (`LabChange`), in the order a LabSession applies them — cables out,
 * devices out, renames, devices in, cables in, cable state. Positions, zones and names of the lab
 * change nothing in the network and give no change.
 *
 * Devices are matched by name. A rename is recognised as a device gone and one come of the same
 * kind, at the same place, whose config differs only in its `hostname` line (what the editor's
 * rename does). A device whose config text changed otherwise is taken out and put in again (its
 * startup config is new). A cable is matched by its endpoints (after renames); one whose delay,
 * bandwidth or MTU changed is re-cabled; one whose only change is plugged/unplugged is replugged.
 * Leaves out: moving a cable's end to another port as one change (it is one cable out, one in).
 */
import { formatEndpoint, type DeviceName, type Lab, type LabDevice, type LabLink } from './lab-document';

export type LabChange =
  | { readonly kind: 'remove-link'; readonly link: LabLink }
  | { readonly kind: 'remove-device'; readonly name: DeviceName }
  | { readonly kind: 'rename-device'; readonly from: DeviceName; readonly to: DeviceName }
  | { readonly kind: 'add-device'; readonly device: LabDevice }
  | { readonly kind: 'add-link'; readonly link: LabLink }
  | { readonly kind: 'set-link-state'; readonly link: LabLink };

/** Replaces a `hostname <old>` line (IOS configs start with one) with the new name. */
export function renameHostnameLine(config: string, from: string, to: string): string {
  return config.replace(/^(\s*hostname\s+)(\S+)(\s*)$/m, (line, head: string, old: string, tail: string) => (old === from ? `${head}${to}${tail}` : line));
}

/** The changes that turn the network of `before` into that of `after`. */
export function diffLabs(before: Lab, after: Lab): LabChange[] {
  const oldDevices = new Map(before.devices.map((device) => [device.name as string, device]));
  const newDevices = new Map(after.devices.map((device) => [device.name as string, device]));
  const gone = before.devices.filter((device) => !newDevices.has(device.name));
  const come = after.devices.filter((device) => !oldDevices.has(device.name));

  const renames: { from: LabDevice; to: LabDevice }[] = [];
  for (const from of gone) {
    const to = come.find((candidate) => !renames.some((r) => r.to === candidate) && isRenameOf(from, candidate));
    if (to !== undefined) renames.push({ from, to });
  }
  const renamed = new Map(renames.map((r) => [r.from.name as string, r.to.name]));
  const rebooted = after.devices.filter((device) => {
    const old = oldDevices.get(device.name);
    return old !== undefined && (old.kind !== device.kind || (old.config ?? '') !== (device.config ?? ''));
  });
  const rebootedNames = new Set(rebooted.map((device) => device.name as string));
  const removedDevices = [...gone.filter((device) => !renamed.has(device.name)), ...rebooted];
  const removedNames = new Set(removedDevices.map((device) => device.name as string));
  const addedDevices = [...come.filter((device) => !renames.some((r) => r.to === device)), ...rebooted];

  // Old cables under the names they have after the renames.
  const rename = (name: string) => renamed.get(name) ?? name;
  const key = (link: LabLink, map: (name: string) => string) =>
    link.endpoints
      .map((end) => `${map(end.device)}:${end.interface}`)
      .sort()
      .join('|');
  const oldLinks = new Map(before.links.map((link) => [key(link, rename), link]));
  const newLinks = new Map(after.links.map((link) => [key(link, (name) => name), link]));

  const changes: LabChange[] = [];
  const touchesRemoved = (link: LabLink) => link.endpoints.some((end) => removedNames.has(end.device));
  const addedLinks: LabLink[] = [];
  const stateChanged: LabLink[] = [];
  for (const [id, link] of oldLinks) {
    const now = newLinks.get(id);
    if (now === undefined || touchesRemoved(link) || !sameCable(link, now)) changes.push({ kind: 'remove-link', link });
  }
  for (const [id, link] of newLinks) {
    const old = oldLinks.get(id);
    const endsRebooted = link.endpoints.some((end) => rebootedNames.has(end.device));
    if (old === undefined || endsRebooted || !sameCable(old, link)) addedLinks.push(link);
    else if (old.state !== link.state) stateChanged.push(link);
  }
  for (const device of removedDevices) changes.push({ kind: 'remove-device', name: device.name });
  for (const { from, to } of renames) changes.push({ kind: 'rename-device', from: from.name, to: to.name });
  for (const device of addedDevices) changes.push({ kind: 'add-device', device });
  for (const link of addedLinks) changes.push({ kind: 'add-link', link });
  for (const link of stateChanged) changes.push({ kind: 'set-link-state', link });
  return changes;
}

function isRenameOf(from: LabDevice, to: LabDevice): boolean {
  if (from.kind !== to.kind) return false;
  if ((from.position?.x ?? null) !== (to.position?.x ?? null) || (from.position?.y ?? null) !== (to.position?.y ?? null)) return false;
  return renameHostnameLine(from.config ?? '', from.name, to.name) === (to.config ?? '');
}

/** Same delay, bandwidth and MTU (the state may differ). */
function sameCable(a: LabLink, b: LabLink): boolean {
  return a.delayNs === b.delayNs && a.bandwidthBps === b.bandwidthBps && a.mtu === b.mtu;
}

/** `R1:Gi0/0 – SW1:Gi1/0/1`, for messages. */
export function describeLink(link: LabLink): string {
  return `${formatEndpoint(link.endpoints[0])} – ${formatEndpoint(link.endpoints[1])}`;
}

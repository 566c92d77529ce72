/**
 * Device names in the editor: the next free default name of a kind (R1, R2 …, from the
 * catalog's hostname stem) and the check a typed name must pass: IOS hostname rules (a letter
 * first, a letter or digit last, letters, digits and hyphens between, at most 63 characters)
 * and unique in the lab, case-insensitively. Failures are i18n messages, so they read in both
 * languages.
 */
import { getDeviceKindSpec, type DeviceKind } from '../../sim-core/devices/catalog';
import { HOSTNAME_PATTERN, type Lab } from '../../sim-core/lab/lab-document';
import type { EditMessage } from '../actions/lab-edit';

export const MAX_HOSTNAME_CHARS = 63;

/** The smallest free `<stem><n>` (n ≥ 1) for a new device of this kind. */
export function suggestDeviceName(lab: Lab, kind: DeviceKind, taken: ReadonlySet<string> = new Set()): string {
  const stem = getDeviceKindSpec(kind).hostnameStem;
  const used = new Set([...lab.devices.map((device) => device.name.toLowerCase()), ...[...taken].map((name) => name.toLowerCase())]);
  for (let n = 1; ; n += 1) {
    const candidate = `${stem}${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Why `name` cannot name a device in this lab, or null when it can. `currentName` is the
 * device being renamed (it may keep its own name, or change only its letter case).
 */
export function checkDeviceName(lab: Lab, name: string, currentName?: string): EditMessage | null {
  if (name.length === 0) return { key: 'rename.error.empty' };
  if (name.length > MAX_HOSTNAME_CHARS) return { key: 'rename.error.tooLong', values: { max: MAX_HOSTNAME_CHARS } };
  if (!/^[A-Za-z]/.test(name)) return { key: 'rename.error.firstLetter' };
  if (!/[A-Za-z0-9]$/.test(name)) return { key: 'rename.error.lastChar' };
  if (!HOSTNAME_PATTERN.test(name)) return { key: 'rename.error.characters' };
  const lower = name.toLowerCase();
  const clash = lab.devices.find((device) => device.name.toLowerCase() === lower && device.name !== currentName);
  if (clash) return { key: 'rename.error.taken', values: { name: clash.name } };
  return null;
}

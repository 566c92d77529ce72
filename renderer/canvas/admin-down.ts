/**
 * Which interfaces a device's IOS configuration shuts down (`shutdown` inside an `interface`
 * block), so the canvas can draw their links as administratively down. A light reading of the
 * running-config only: blocks start at `interface <name>` and end at the next line that is not
 * indented; names are resolved as IOS would (`g0/0` → GigabitEthernet0/0).
 *
 * Leaves out: everything else in the config (the console engine parses it for the simulation).
 */
import type { LabDevice } from '../../sim-core/lab/lab-document';
import { getDeviceKindSpec } from '../../sim-core/devices/catalog';
import { resolveInterfaceName } from '../../sim-core/devices/interface-names';

export function listShutdownInterfaces(device: LabDevice): Set<string> {
  const down = new Set<string>();
  if (device.config === undefined || getDeviceKindSpec(device.kind).dialect !== 'ios') return down;
  let current: string | null = null;
  for (const line of device.config.split(/\r?\n/)) {
    const header = /^interface\s+(.+?)\s*$/i.exec(line);
    if (header) {
      const resolved = resolveInterfaceName(device.kind, header[1]!);
      current = resolved.ok ? resolved.value.name : null;
    } else if (!/^\s/.test(line)) {
      current = null;
    } else if (current !== null && /^\s+shutdown\s*$/i.test(line)) {
      down.add(current);
    } else if (current !== null && /^\s+no\s+shutdown\s*$/i.test(line)) {
      down.delete(current);
    }
  }
  return down;
}

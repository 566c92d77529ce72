/**
 * Rename a device: the name must pass the IOS hostname rules and be free in the lab. The links
 * naming the device are rewritten (their ids derive from the endpoints), and so is the
 * `hostname` line of an IOS configuration, which must agree with the device's name. The
 * renamed device becomes the selection.
 */
import { asDeviceName, makeLinkId, type Lab } from '../../sim-core/lab/lab-document';
import { renameHostnameLine } from '../../sim-core/lab/lab-diff';
import { checkDeviceName } from '../devices/device-naming';
import { editError, editOk, findDevice, type LabEdit } from './lab-edit';

export interface RenameDeviceArgs {
  readonly from: string;
  readonly to: string;
}

// One rule for the hostname line, shared with the running network's rename (sim-core/lab/lab-diff.ts).
export { renameHostnameLine };

export function renameDevice(lab: Lab, args: RenameDeviceArgs): LabEdit {
  const to = args.to.trim();
  if (!findDevice(lab, args.from)) return editError('edit.error.noDevice', { name: args.from });
  if (to === args.from) return editError('rename.error.same');
  const problem = checkDeviceName(lab, to, args.from);
  if (problem) return editError(problem.key, problem.values);
  const newName = asDeviceName(to);
  return editOk('edit.renameDevice', (draft) => {
    for (const device of draft.devices) {
      if (device.name !== args.from) continue;
      device.name = newName;
      if (device.config !== undefined) device.config = renameHostnameLine(device.config, args.from, to);
    }
    for (const link of draft.links) {
      if (!link.endpoints.some((endpoint) => endpoint.device === args.from)) continue;
      for (const endpoint of link.endpoints) if (endpoint.device === args.from) endpoint.device = newName;
      link.id = makeLinkId(link.endpoints[0], link.endpoints[1]);
    }
  }, { devices: [newName], links: [] });
}

/**
 * Add a device: a new device of a kind at a canvas position, named with the kind's next free
 * default name (R1, SW2 …) unless a name is given, optionally inside a zone. The new device
 * becomes the selection.
 */
import type { Draft } from 'immer';
import type { DeviceKind } from '../../sim-core/devices/catalog';
import { asDeviceName, type CanvasPosition, type Lab, type LabDevice, type ZoneId } from '../../sim-core/lab/lab-document';
import { roundPosition } from '../../sim-core/lab/load-lab';
import { checkDeviceName, suggestDeviceName } from '../devices/device-naming';
import { editError, editOk, type LabEdit } from './lab-edit';

export interface AddDeviceArgs {
  readonly kind: DeviceKind;
  readonly position: CanvasPosition;
  readonly name?: string;
  readonly zone?: ZoneId;
}

export function addDevice(lab: Lab, args: AddDeviceArgs): LabEdit {
  const name = args.name ?? suggestDeviceName(lab, args.kind);
  const problem = checkDeviceName(lab, name);
  if (problem) return editError(problem.key, problem.values);
  const device: LabDevice = {
    name: asDeviceName(name),
    kind: args.kind,
    ...(args.zone !== undefined ? { zone: args.zone } : {}),
    position: { x: roundPosition(args.position.x), y: roundPosition(args.position.y) },
  };
  return editOk('edit.addDevice', (draft) => {
    draft.devices.push(device as Draft<LabDevice>);
  }, { devices: [device.name], links: [] });
}

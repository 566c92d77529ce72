/**
 * Set the zone of one or more devices (a course zone such as `dmz`, a zone the lab declares,
 * or none), which puts them inside that zone's box on the canvas.
 */
import { isCourseZoneId } from '../../sim-core/lab/course-zones';
import type { Lab, ZoneId } from '../../sim-core/lab/lab-document';
import { editError, editOk, type LabEdit } from './lab-edit';

export interface SetZoneArgs {
  readonly devices: readonly string[];
  /** Undefined takes the devices out of any zone. */
  readonly zone: ZoneId | undefined;
}

export function setZone(lab: Lab, args: SetZoneArgs): LabEdit {
  const zone = args.zone;
  if (zone !== undefined && !isCourseZoneId(zone) && !lab.zones.some((declared) => declared.id === zone)) return editError('edit.error.noZone', { zone });
  const names = new Set(args.devices);
  if (!lab.devices.some((device) => names.has(device.name))) return editError('edit.error.nothingSelected');
  return editOk('edit.setZone', (draft) => {
    for (const device of draft.devices) {
      if (!names.has(device.name)) continue;
      if (zone === undefined) delete device.zone;
      else device.zone = zone;
    }
  });
}

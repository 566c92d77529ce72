/**
 * Move devices: new canvas positions for one or more devices at once (a drag of a multi-
 * selection is one edit, undone in one step). Positions are whole pixels, as the file keeps
 * them; devices already there, or unknown, are left alone.
 */
import type { CanvasPosition, Lab } from '../../sim-core/lab/lab-document';
import { roundPosition } from '../../sim-core/lab/load-lab';
import { editOk, type LabEdit } from './lab-edit';

export interface DeviceMove {
  readonly name: string;
  readonly position: CanvasPosition;
}

export function moveDevices(lab: Lab, moves: readonly DeviceMove[]): LabEdit {
  const target = new Map(moves.map((move) => [move.name, { x: roundPosition(move.position.x), y: roundPosition(move.position.y) }]));
  return editOk('edit.moveDevices', (draft) => {
    for (const device of draft.devices) {
      const position = target.get(device.name);
      if (position && (device.position?.x !== position.x || device.position?.y !== position.y)) device.position = position;
    }
  });
}

/** Whether applying the moves would change anything (the adapter skips empty drags). */
export function movesChangeLab(lab: Lab, moves: readonly DeviceMove[]): boolean {
  const byName = new Map(lab.devices.map((device) => [device.name as string, device]));
  return moves.some((move) => {
    const device = byName.get(move.name);
    return device !== undefined && (device.position?.x !== roundPosition(move.position.x) || device.position?.y !== roundPosition(move.position.y));
  });
}

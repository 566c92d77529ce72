/**
 * Disconnect: remove one link (the cable), leaving both devices in place.
 */
import type { Lab } from '../../sim-core/lab/lab-document';
import { editError, editOk, type LabEdit } from './lab-edit';

export function disconnect(lab: Lab, linkId: string): LabEdit {
  if (!lab.links.some((link) => link.id === linkId)) return editError('edit.error.noLink');
  return editOk('edit.disconnect', (draft) => {
    draft.links = draft.links.filter((link) => link.id !== linkId);
  }, { devices: [], links: [] });
}

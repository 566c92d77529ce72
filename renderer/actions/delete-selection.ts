/**
 * Delete the selection: the selected devices with every link that touches them, and the
 * selected links. Nothing selected is an error the status line can show.
 */
import type { Lab } from '../../sim-core/lab/lab-document';
import { editError, editOk, type EditSelection, type LabEdit } from './lab-edit';

export function deleteSelection(lab: Lab, selection: EditSelection): LabEdit {
  const devices = new Set<string>(selection.devices.filter((name) => lab.devices.some((device) => device.name === name)));
  const links = new Set<string>(selection.links);
  const doomedLinks = lab.links.filter((link) => links.has(link.id) || link.endpoints.some((endpoint) => devices.has(endpoint.device)));
  if (devices.size === 0 && doomedLinks.length === 0) return editError('edit.error.nothingSelected');
  const doomedLinkIds = new Set<string>(doomedLinks.map((link) => link.id));
  return editOk('edit.deleteSelection', (draft) => {
    draft.devices = draft.devices.filter((device) => !devices.has(device.name));
    draft.links = draft.links.filter((link) => !doomedLinkIds.has(link.id));
  }, { devices: [], links: [] });
}

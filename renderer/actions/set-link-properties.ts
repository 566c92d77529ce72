/**
 * Set a link's delay, bandwidth and MTU (each optional: undefined means the simulator's
 * default) and its state: `up`, or `down` for a cable left unplugged.
 */
import type { Lab, LinkState } from '../../sim-core/lab/lab-document';
import { checkLinkSettings, type LinkSettings } from './connect';
import { editError, editOk, type LabEdit } from './lab-edit';

export interface SetLinkPropertiesArgs extends LinkSettings {
  readonly linkId: string;
  readonly state: LinkState;
}

export function setLinkProperties(lab: Lab, args: SetLinkPropertiesArgs): LabEdit {
  if (!lab.links.some((link) => link.id === args.linkId)) return editError('edit.error.noLink');
  const problem = checkLinkSettings(args);
  if (problem) return editError(problem.key, problem.values);
  return editOk('edit.setLinkProperties', (draft) => {
    const link = draft.links.find((candidate) => candidate.id === args.linkId)!;
    const assign = <K extends 'delayNs' | 'bandwidthBps' | 'mtu'>(key: K, value: number | undefined) => {
      if (value === undefined) delete link[key];
      else if (link[key] !== value) link[key] = value;
    };
    assign('delayNs', args.delayNs);
    assign('bandwidthBps', args.bandwidthBps);
    assign('mtu', args.mtu);
    if (link.state !== args.state) link.state = args.state;
  });
}

/** Plug or unplug the cable (the state toggle in the link's properties). */
export function setLinkState(lab: Lab, linkId: string, state: LinkState): LabEdit {
  const link = lab.links.find((candidate) => candidate.id === linkId);
  if (!link) return editError('edit.error.noLink');
  return setLinkProperties(lab, { linkId, state, delayNs: link.delayNs, bandwidthBps: link.bandwidthBps, mtu: link.mtu });
}

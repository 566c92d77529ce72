/**
 * Connect two devices with a link between two free ports, with optional delay, bandwidth and
 * MTU. The same rules as the lab loader: both devices exist, the ports are physical ports of
 * their kinds with room for another link, no link from a device to itself, no radio facing a
 * radio, MTU within 1280 (RFC 8200 section 5) … 9216, delay and bandwidth within the file's
 * limits.
 */
import type { Draft } from 'immer';
import { findPhysicalPort } from '../../sim-core/devices/catalog';
import { asInterfaceName, makeLinkId, MAX_LINK_MTU, MIN_LINK_MTU, type Lab, type LabEndpoint, type LabLink } from '../../sim-core/lab/lab-document';
import { MAX_BANDWIDTH_BPS, MAX_DELAY_NS, MIN_BANDWIDTH_BPS } from '../../sim-core/lab/link-units';
import { countPortLinks } from '../devices/free-ports';
import { editError, editOk, findDevice, type EditMessage, type LabEdit } from './lab-edit';

export interface ConnectEndpointArgs {
  readonly device: string;
  readonly port: string;
}

export interface LinkSettings {
  readonly delayNs?: number;
  readonly bandwidthBps?: number;
  readonly mtu?: number;
}

export interface ConnectArgs extends LinkSettings {
  readonly a: ConnectEndpointArgs;
  readonly b: ConnectEndpointArgs;
}

/** Why these link settings are out of range, or null. Shared with the link properties edit. */
export function checkLinkSettings(settings: LinkSettings): EditMessage | null {
  const { delayNs, bandwidthBps, mtu } = settings;
  if (delayNs !== undefined && (!Number.isSafeInteger(delayNs) || delayNs < 0 || delayNs > MAX_DELAY_NS)) return { key: 'link.error.delay' };
  if (bandwidthBps !== undefined && (!Number.isSafeInteger(bandwidthBps) || bandwidthBps < MIN_BANDWIDTH_BPS || bandwidthBps > MAX_BANDWIDTH_BPS)) return { key: 'link.error.bandwidth' };
  if (mtu !== undefined && (!Number.isInteger(mtu) || mtu < MIN_LINK_MTU || mtu > MAX_LINK_MTU)) return { key: 'link.error.mtu', values: { min: MIN_LINK_MTU, max: MAX_LINK_MTU } };
  return null;
}

export function connect(lab: Lab, args: ConnectArgs): LabEdit {
  if (args.a.device === args.b.device) return editError('link.error.self');
  const ends = [args.a, args.b].map((end) => ({ end, device: findDevice(lab, end.device) }));
  for (const { end, device } of ends) {
    if (!device) return editError('edit.error.noDevice', { name: end.device });
  }
  const ports = ends.map(({ end, device }) => ({ end, spec: findPhysicalPort(device!.kind, end.port) }));
  for (const { end, spec } of ports) {
    if (!spec) return editError('link.error.noPort', { device: end.device, port: end.port });
    const used = countPortLinks(lab, end.device).get(end.port) ?? 0;
    if (used >= spec.maxLinks) return editError('link.error.portInUse', { device: end.device, port: end.port });
  }
  if (ports.every(({ spec }) => spec!.medium === 'radio')) return editError('link.error.radioToRadio');
  const settingsProblem = checkLinkSettings(args);
  if (settingsProblem) return editError(settingsProblem.key, settingsProblem.values);

  const endpoints = ports.map(({ end }) => ({ device: findDevice(lab, end.device)!.name, interface: asInterfaceName(end.port) })) as [LabEndpoint, LabEndpoint];
  const link: LabLink = {
    id: makeLinkId(endpoints[0], endpoints[1]),
    endpoints,
    ...(args.delayNs !== undefined ? { delayNs: args.delayNs } : {}),
    ...(args.bandwidthBps !== undefined ? { bandwidthBps: args.bandwidthBps } : {}),
    ...(args.mtu !== undefined ? { mtu: args.mtu } : {}),
    state: 'up',
  };
  return editOk('edit.connect', (draft) => {
    draft.links.push(link as Draft<LabLink>);
  }, { devices: [], links: [link.id] });
}

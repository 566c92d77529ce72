/**
 * The lab document: devices, links, zones, positions and configuration texts, as plain readonly
 * data that the editor (through immer), the simulator and the file format all share. Everything
 * in it is JSON-serializable; ids are branded strings so a device name cannot be passed where a
 * link id is expected.
 *
 * Identity: a device is identified by its hostname (`DeviceName`, unique case-insensitively in a
 * lab); renaming a device is an edit that also rewrites the links naming it. A link is identified
 * by its two endpoints (`LinkId`, derived, so it needs no field in the file). Interface names in
 * the document are always canonical (`GigabitEthernet0/0`, never `g0/0`).
 * Units: link delay in nanoseconds, bandwidth in bits per second, positions in canvas pixels
 * (whole numbers).
 */
import type { DeviceKind } from '../devices/catalog';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A device's hostname (IOS hostname rules); the device's id in the lab. */
export type DeviceName = Brand<string, 'DeviceName'>;
/** A canonical interface name on some device (`GigabitEthernet0/0`, `Ethernet0`, `eth0`). */
export type InterfaceName = Brand<string, 'InterfaceName'>;
/** `R1:GigabitEthernet0/0--SW1:GigabitEthernet1/0/1`, endpoints in file order. */
export type LinkId = Brand<string, 'LinkId'>;
/** A zone id: a course zone (`dmz`, `idc-core` …) or a lab's own label. */
export type ZoneId = Brand<string, 'ZoneId'>;

/** The file format version this code writes; older files are migrated on load. */
export const LAB_FORMAT_VERSION = 1;

/** Text shown to people: one string, or the Vietnamese and English versions. */
export type LabText = string | { readonly vi: string; readonly en: string };

export interface CanvasPosition {
  readonly x: number;
  readonly y: number;
}

export interface LabDevice {
  readonly name: DeviceName;
  readonly kind: DeviceKind;
  readonly position?: CanvasPosition;
  readonly zone?: ZoneId;
  /**
   * Configuration in the device's own dialect: the IOS running-config for IOS devices; for the
   * Windows PC and Linux server, the commands in effect (like a startup script). Not parsed here.
   */
  readonly config?: string;
}

export interface LabEndpoint {
  readonly device: DeviceName;
  readonly interface: InterfaceName;
}

export type LinkState = 'up' | 'down';

export interface LabLink {
  readonly id: LinkId;
  readonly endpoints: readonly [LabEndpoint, LabEndpoint];
  readonly delayNs?: number;
  readonly bandwidthBps?: number;
  readonly mtu?: number;
  /** `down` is a cable left unplugged: the ports see no carrier. */
  readonly state: LinkState;
}

export interface LabZone {
  readonly id: ZoneId;
  readonly label: LabText;
}

export interface Lab {
  readonly version: typeof LAB_FORMAT_VERSION;
  readonly name?: LabText;
  readonly description?: LabText;
  readonly zones: readonly LabZone[];
  readonly devices: readonly LabDevice[];
  readonly links: readonly LabLink[];
}

/** Link MTU limits: IPv6 minimum (RFC 8200 section 5) up to a jumbo frame. */
export const MIN_LINK_MTU = 1280;
export const MAX_LINK_MTU = 9216;

export function asDeviceName(name: string): DeviceName {
  return name as DeviceName;
}

export function asInterfaceName(name: string): InterfaceName {
  return name as InterfaceName;
}

export function asZoneId(id: string): ZoneId {
  return id as ZoneId;
}

/** `R1:GigabitEthernet0/0` */
export function formatEndpoint(endpoint: LabEndpoint): string {
  return `${endpoint.device}:${endpoint.interface}`;
}

/** The id of the link joining these endpoints (in this order). */
export function makeLinkId(a: LabEndpoint, b: LabEndpoint): LinkId {
  return `${formatEndpoint(a)}--${formatEndpoint(b)}` as LinkId;
}

/** IOS hostname rules: starts with a letter, ends with a letter or digit, letters, digits and hyphens inside, at most 63 characters. */
export const HOSTNAME_PATTERN = /^[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * The lab with these configuration texts in place of its devices' (device name → text; a blank
 * text leaves the device at factory settings, no `config`). Devices not named keep theirs.
 */
export function withDeviceConfigs(lab: Lab, configs: Readonly<Record<string, string>>): Lab {
  return {
    ...lab,
    devices: lab.devices.map((device) => {
      const config = Object.hasOwn(configs, device.name) ? configs[device.name] : undefined;
      if (config === undefined) return device;
      if (config.trim() !== '') return { ...device, config };
      const { config: _dropped, ...rest } = device;
      return rest;
    }),
  };
}

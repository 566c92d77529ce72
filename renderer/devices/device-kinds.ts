/**
 * The device kinds a trainee can place, in palette order, with the i18n keys of their names.
 * The simulator's device models (sim-core/devices) implement the same kinds.
 */
export const DEVICE_KINDS = ['router', 'l3-switch', 'switch', 'access-point', 'pc', 'server'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export function deviceKindNameKey(kind: DeviceKind): `device.kind.${DeviceKind}` {
  return `device.kind.${kind}`;
}

export function deviceKindDetailKey(kind: DeviceKind): `device.detail.${DeviceKind}` {
  return `device.detail.${kind}`;
}

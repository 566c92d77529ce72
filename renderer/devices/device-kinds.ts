/**
 * The device kinds a trainee can place, in palette order (the simulator's catalog is the one
 * list), with the i18n keys of their names.
 */
import type { DeviceKind } from '../../sim-core/devices/catalog';

export { DEVICE_KINDS, isDeviceKind, type DeviceKind } from '../../sim-core/devices/catalog';

export function deviceKindNameKey(kind: DeviceKind): `device.kind.${DeviceKind}` {
  return `device.kind.${kind}`;
}

export function deviceKindDetailKey(kind: DeviceKind): `device.detail.${DeviceKind}` {
  return `device.detail.${kind}`;
}

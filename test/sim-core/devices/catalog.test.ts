import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, findPhysicalPort, getDeviceKindSpec, isDeviceKind, RADIO_MAX_CLIENTS } from '../../../sim-core/devices/catalog';

describe('device catalog', () => {
  it('has exactly the six kinds, in palette order', () => {
    expect(DEVICE_KINDS).toEqual(['router', 'l3-switch', 'switch', 'access-point', 'pc', 'server']);
    expect(isDeviceKind('router')).toBe(true);
    expect(isDeviceKind('Router')).toBe(false);
    expect(isDeviceKind(3)).toBe(false);
  });

  it('gives each kind its dialect', () => {
    expect(DEVICE_KINDS.map((kind) => [kind, getDeviceKindSpec(kind).dialect])).toEqual([
      ['router', 'ios'],
      ['l3-switch', 'ios'],
      ['switch', 'ios'],
      ['access-point', 'ios'],
      ['pc', 'windows'],
      ['server', 'linux'],
    ]);
  });

  it('router ports are GigabitEthernet0/0 … GigabitEthernet0/3', () => {
    expect(getDeviceKindSpec('router').physicalPorts.map((port) => port.name)).toEqual([
      'GigabitEthernet0/0',
      'GigabitEthernet0/1',
      'GigabitEthernet0/2',
      'GigabitEthernet0/3',
    ]);
  });

  it('both switches have GigabitEthernet1/0/1 … GigabitEthernet1/0/24', () => {
    for (const kind of ['switch', 'l3-switch'] as const) {
      const names = getDeviceKindSpec(kind).physicalPorts.map((port) => port.name);
      expect(names).toHaveLength(24);
      expect(names[0]).toBe('GigabitEthernet1/0/1');
      expect(names[23]).toBe('GigabitEthernet1/0/24');
    }
  });

  it('hosts have one port each: Ethernet0 on the Windows PC, eth0 on the Linux server', () => {
    expect(getDeviceKindSpec('pc').physicalPorts.map((port) => port.name)).toEqual(['Ethernet0']);
    expect(getDeviceKindSpec('server').physicalPorts.map((port) => port.name)).toEqual(['eth0']);
  });

  it('the access point has a wired uplink taking one cable and two radios taking many clients', () => {
    expect(getDeviceKindSpec('access-point').physicalPorts).toEqual([
      { name: 'GigabitEthernet0', medium: 'copper', maxLinks: 1 },
      { name: 'Dot11Radio0', medium: 'radio', maxLinks: RADIO_MAX_CLIENTS },
      { name: 'Dot11Radio1', medium: 'radio', maxLinks: RADIO_MAX_CLIENTS },
    ]);
  });

  it('logical interfaces: subinterfaces only on routers, Vlan1-4094 only on the L3 switch, Loopback and Tunnel on both', () => {
    const families = (kind: (typeof DEVICE_KINDS)[number]) => getDeviceKindSpec(kind).logicalInterfaces.map((family) => family.family);
    expect(families('router')).toEqual(['subinterface', 'loopback', 'tunnel', 'null']);
    expect(families('l3-switch')).toEqual(['vlan', 'loopback', 'tunnel', 'null']);
    expect(families('switch')).toEqual([]);
    expect(families('pc')).toEqual([]);
    expect(families('server')).toEqual([]);
    const vlan = getDeviceKindSpec('l3-switch').logicalInterfaces.find((family) => family.family === 'vlan');
    expect(vlan).toMatchObject({ typeName: 'Vlan', minNumber: 1, maxNumber: 4094 });
  });

  it('every kind has a Vietnamese and an English display name', () => {
    for (const kind of DEVICE_KINDS) {
      const { vi, en } = getDeviceKindSpec(kind).displayName;
      expect(vi.length).toBeGreaterThan(0);
      expect(en.length).toBeGreaterThan(0);
    }
    expect(getDeviceKindSpec('router').displayName).toEqual({ vi: 'Bộ định tuyến', en: 'Router' });
  });

  it('findPhysicalPort matches canonical names only', () => {
    expect(findPhysicalPort('router', 'GigabitEthernet0/1')?.medium).toBe('copper');
    expect(findPhysicalPort('router', 'g0/1')).toBeUndefined();
  });
});

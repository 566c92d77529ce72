import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, getDeviceKindSpec } from '../../../sim-core/devices/catalog';
import { describePhysicalPorts, resolveInterfaceName, shortInterfaceName } from '../../../sim-core/devices/interface-names';

function canonical(kind: Parameters<typeof resolveInterfaceName>[0], input: string): string {
  const result = resolveInterfaceName(kind, input, 'R1');
  if (!result.ok) throw new Error(result.error);
  return result.value.name;
}

function errorOf(kind: Parameters<typeof resolveInterfaceName>[0], input: string, deviceName = 'R1'): string {
  const result = resolveInterfaceName(kind, input, deviceName);
  if (result.ok) throw new Error(`expected an error for ${input}`);
  return result.error;
}

describe('interface names: IOS abbreviations resolve to canonical names', () => {
  it.each([
    ['g0/0', 'GigabitEthernet0/0'],
    ['gi0/0', 'GigabitEthernet0/0'],
    ['Gig0/0', 'GigabitEthernet0/0'],
    ['GigabitEthernet 0/0', 'GigabitEthernet0/0'],
    ['gigabitethernet0/3', 'GigabitEthernet0/3'],
    ['  GI0/1  ', 'GigabitEthernet0/1'],
    ['gigabitethernet0/0.10', 'GigabitEthernet0/0.10'],
    ['g0/0.010', 'GigabitEthernet0/0.10'],
    ['lo0', 'Loopback0'],
    ['Loopback 12', 'Loopback12'],
    ['tu0', 'Tunnel0'],
    ['Tunnel100', 'Tunnel100'],
    ['nu0', 'Null0'],
  ])('router: %s → %s', (input, expected) => {
    expect(canonical('router', input)).toBe(expected);
  });

  it.each([
    ['vlan 10', 'Vlan10'],
    ['Vl10', 'Vlan10'],
    ['g1/0/24', 'GigabitEthernet1/0/24'],
    ['vlan4094', 'Vlan4094'],
  ])('l3-switch: %s → %s', (input, expected) => {
    expect(canonical('l3-switch', input)).toBe(expected);
  });

  it('access point: radios and uplink, with Dot11Radio keeping its digits', () => {
    expect(canonical('access-point', 'Dot11Radio0')).toBe('Dot11Radio0');
    expect(canonical('access-point', 'do1')).toBe('Dot11Radio1');
    expect(canonical('access-point', 'g0')).toBe('GigabitEthernet0');
    expect(canonical('access-point', 'bvi1')).toBe('BVI1');
  });

  it('Windows adapter names ignore case and spaces; Linux names are exact', () => {
    expect(canonical('pc', 'ethernet 0')).toBe('Ethernet0');
    expect(errorOf('server', 'ETH0', 'SRV1')).toBe('SRV1 has no interface ETH0; it has eth0');
    expect(errorOf('pc', 'eth0', 'PC1')).toBe('PC1 has no interface eth0; it has Ethernet0');
  });

  it('resolution reports the role and the cable-able port', () => {
    const sub = resolveInterfaceName('router', 'g0/1.20');
    expect(sub.ok && sub.value).toMatchObject({ name: 'GigabitEthernet0/1.20', role: 'subinterface', port: { name: 'GigabitEthernet0/1' } });
    const loopback = resolveInterfaceName('router', 'lo0');
    expect(loopback.ok && loopback.value).toEqual({ name: 'Loopback0', role: 'loopback', port: undefined });
  });
});

describe('interface names: errors name the valid interfaces', () => {
  it('an unknown port lists the ports (and what the device may create)', () => {
    expect(errorOf('router', 'GigabitEthernet0/5')).toBe(
      'R1 has no interface GigabitEthernet0/5; it has GigabitEthernet0/0 … GigabitEthernet0/3 (and may create subinterfaces such as GigabitEthernet0/0.10, Loopback0 … Loopback2147483647, Tunnel0 … Tunnel2147483647, Null0)',
    );
    expect(errorOf('switch', 'g0/1', 'SW1')).toBe('SW1 has no interface GigabitEthernet0/1; it has GigabitEthernet1/0/1 … GigabitEthernet1/0/24');
  });

  it('a type IOS knows but the device lacks (fa0/0 on a router)', () => {
    expect(errorOf('router', 'fa0/0')).toMatch(/^R1 has no interface FastEthernet0\/0; it has GigabitEthernet0\/0 … GigabitEthernet0\/3/);
  });

  it('an ambiguous abbreviation names the candidates (t0: TenGigabitEthernet or Tunnel)', () => {
    expect(errorOf('router', 't0')).toMatch(/^'t0' is ambiguous: it could be TenGigabitEthernet0 or Tunnel0; R1 has /);
  });

  it('an unknown type word', () => {
    expect(errorOf('router', 'xe0/0')).toMatch(/^'xe0\/0' is not an interface name: no interface type starts with 'xe'; R1 has /);
    expect(errorOf('router', '0/0')).toMatch(/^'0\/0' is not an interface name; R1 has /);
  });

  it('numbers out of range: Vlan4095, subinterface 0', () => {
    expect(errorOf('l3-switch', 'vlan 4095', 'CORE1')).toBe('CORE1 has no interface Vlan4095: Vlan numbers run from 1 to 4094');
    expect(errorOf('router', 'g0/0.0')).toBe('R1 has no interface GigabitEthernet0/0.0: subinterface numbers run from 1 to 4294967295');
  });

  it('subinterfaces and SVIs exist only where the catalog allows', () => {
    expect(errorOf('switch', 'g1/0/1.10', 'SW1')).toMatch(/^SW1 has no interface GigabitEthernet1\/0\/1\.10: a layer 2 switch has no subinterfaces/);
    expect(errorOf('router', 'vlan 10')).toMatch(/^R1 has no interface Vlan10; it has /);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEVICE_KINDS), fc.string({ maxLength: 40 }), (kind, text) => {
        const result = resolveInterfaceName(kind, text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('every canonical port name resolves to itself', () => {
    for (const kind of DEVICE_KINDS) {
      for (const port of getDeviceKindSpec(kind).physicalPorts) expect(canonical(kind, port.name)).toBe(port.name);
    }
  });
});

describe('IOS short names for show commands', () => {
  it.each([
    ['GigabitEthernet0/0', 'Gi0/0'],
    ['GigabitEthernet0/0.10', 'Gi0/0.10'],
    ['GigabitEthernet1/0/24', 'Gi1/0/24'],
    ['Loopback0', 'Lo0'],
    ['Vlan10', 'Vl10'],
    ['Tunnel0', 'Tu0'],
    ['Null0', 'Nu0'],
    ['Ethernet0', 'Et0'],
    ['eth0', 'eth0'],
  ])('%s → %s', (name, short) => {
    expect(shortInterfaceName(name)).toBe(short);
  });

  it('short names resolve back to the same interface', () => {
    for (const name of ['GigabitEthernet0/2', 'Loopback7', 'Tunnel3', 'GigabitEthernet0/0.20']) {
      expect(canonical('router', shortInterfaceName(name))).toBe(name);
    }
  });
});

describe('describePhysicalPorts', () => {
  it('shortens runs of numbered ports and lists the rest', () => {
    expect(describePhysicalPorts('router')).toBe('GigabitEthernet0/0 … GigabitEthernet0/3');
    expect(describePhysicalPorts('access-point')).toBe('GigabitEthernet0, Dot11Radio0, Dot11Radio1');
  });
});

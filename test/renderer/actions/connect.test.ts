import { describe, expect, it } from 'vitest';
import { connect } from '../../../renderer/actions/connect';
import { chooseDefaultPort, listFreePorts } from '../../../renderer/devices/free-ports';
import { device, expectExactEdit, lab, link, smallLab, storeWith } from './lab-scene';

describe('connect', () => {
  it('cables two free ports with optional delay, bandwidth and MTU, and selects the new link', () => {
    const store = storeWith(smallLab());
    const after = expectExactEdit(store, (current) =>
      connect(current, { a: { device: 'R1', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' }, delayNs: 2_000_000, bandwidthBps: 100_000_000, mtu: 1500 }),
    );
    expect(after.links.at(-1)).toEqual(link('R1:GigabitEthernet0/1', 'PC2:Ethernet0', { delayNs: 2_000_000, bandwidthBps: 100_000_000, mtu: 1500 }));
    expect(store.getState().selection.links).toEqual(['R1:GigabitEthernet0/1--PC2:Ethernet0']);
  });

  it('lists free ports as the catalog minus cabled ones, and proposes the first free copper port', () => {
    const start = smallLab();
    expect(listFreePorts(start, 'R1').map((p) => p.name)).toEqual(['GigabitEthernet0/1', 'GigabitEthernet0/2', 'GigabitEthernet0/3']);
    expect(listFreePorts(start, 'PC1')).toEqual([]);
    expect(chooseDefaultPort(listFreePorts(start, 'R1'))?.name).toBe('GigabitEthernet0/1');
    const ap = lab([device('AP1', 'access-point'), device('PC1', 'pc')], [link('AP1:GigabitEthernet0', 'PC1:Ethernet0')]);
    expect(chooseDefaultPort(listFreePorts(ap, 'AP1'))?.name).toBe('Dot11Radio0');
  });

  it('an access-point radio takes many clients', () => {
    const store = storeWith(lab([device('AP1', 'access-point'), device('PC1', 'pc'), device('PC2', 'pc')], [link('PC1:Ethernet0', 'AP1:Dot11Radio0')]));
    expectExactEdit(store, (current) => connect(current, { a: { device: 'PC2', port: 'Ethernet0' }, b: { device: 'AP1', port: 'Dot11Radio0' } }));
  });

  it.each([
    ['a port already cabled', { a: { device: 'R1', port: 'GigabitEthernet0/0' }, b: { device: 'PC2', port: 'Ethernet0' } }, 'link.error.portInUse'],
    ['a device to itself', { a: { device: 'R1', port: 'GigabitEthernet0/1' }, b: { device: 'R1', port: 'GigabitEthernet0/2' } }, 'link.error.self'],
    ['a port the kind lacks', { a: { device: 'R1', port: 'GigabitEthernet0/4' }, b: { device: 'PC2', port: 'Ethernet0' } }, 'link.error.noPort'],
    ['an unknown device', { a: { device: 'R7', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' } }, 'edit.error.noDevice'],
    ['mtu-1279 (below the IPv6 minimum)', { a: { device: 'R1', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' }, mtu: 1279 }, 'link.error.mtu'],
    ['mtu-9217', { a: { device: 'R1', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' }, mtu: 9217 }, 'link.error.mtu'],
    ['bandwidth below 1 kbps', { a: { device: 'R1', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' }, bandwidthBps: 999 }, 'link.error.bandwidth'],
    ['delay over 10 s', { a: { device: 'R1', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' }, delayNs: 10_000_000_001 }, 'link.error.delay'],
  ])('refuses %s', (_name, args, key) => {
    const edit = connect(smallLab(), args);
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.key).toBe(key);
  });

  it('accepts mtu-1280 and mtu-9216 (the bounds)', () => {
    for (const mtu of [1280, 9216]) expect(connect(smallLab(), { a: { device: 'R1', port: 'GigabitEthernet0/1' }, b: { device: 'PC2', port: 'Ethernet0' }, mtu }).ok).toBe(true);
  });

  it('refuses radio to radio', () => {
    const start = lab([device('AP1', 'access-point'), device('AP2', 'access-point')]);
    const edit = connect(start, { a: { device: 'AP1', port: 'Dot11Radio0' }, b: { device: 'AP2', port: 'Dot11Radio1' } });
    expect(edit).toEqual({ ok: false, error: { key: 'link.error.radioToRadio' } });
  });
});

import { describe, expect, it } from 'vitest';
import { renameDevice, renameHostnameLine } from '../../../renderer/actions/rename-device';
import { device, expectExactEdit, lab, link, smallLab, storeWith } from './lab-scene';

describe('rename-device', () => {
  it('renames the device, rewrites the links that name it (ids too) and selects it', () => {
    const store = storeWith(smallLab());
    const after = expectExactEdit(store, (current) => renameDevice(current, { from: 'R1', to: 'GW-HANOI' }));
    expect(after.devices[0]!.name).toBe('GW-HANOI');
    expect(after.links).toEqual([link('GW-HANOI:GigabitEthernet0/0', 'PC1:Ethernet0')]);
    expect(store.getState().selection).toEqual({ devices: ['GW-HANOI'], links: [] });
  });

  it('keeps the IOS hostname line in step with the name', () => {
    const store = storeWith(lab([device('R1', 'router', 0, 0, { config: 'hostname R1\n!\nend\n' })]));
    const after = expectExactEdit(store, (current) => renameDevice(current, { from: 'R1', to: 'R9' }));
    expect(after.devices[0]!.config).toBe('hostname R9\n!\nend\n');
    expect(renameHostnameLine('hostname other\n', 'R1', 'R9')).toBe('hostname other\n');
  });

  it('may change only the letter case of its own name', () => {
    const store = storeWith(smallLab());
    const after = expectExactEdit(store, (current) => renameDevice(current, { from: 'R1', to: 'r1' }));
    expect(after.devices[0]!.name).toBe('r1');
  });

  it.each([
    ['', 'rename.error.empty'],
    ['9R', 'rename.error.firstLetter'],
    ['R1-', 'rename.error.lastChar'],
    ['R 1', 'rename.error.characters'],
    ['Rượu', 'rename.error.characters'],
    ['R'.repeat(64), 'rename.error.tooLong'],
    ['pc1', 'rename.error.taken'],
    ['R1', 'rename.error.same'],
  ])('refuses %j (%s): IOS hostname rules and unique names', (to, key) => {
    const edit = renameDevice(smallLab(), { from: 'R1', to });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.key).toBe(key);
  });

  it('accepts a 63-character hostname (the IOS maximum)', () => {
    expect(renameDevice(smallLab(), { from: 'R1', to: `R${'a'.repeat(62)}` }).ok).toBe(true);
  });
});

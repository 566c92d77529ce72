import { describe, expect, it } from 'vitest';
import { createAppStore, READY_STATUS } from '../../../renderer/state/create-app-store';

describe('createAppStore', () => {
  it('starts in Vietnamese, ready, with nothing selected and an empty lab', () => {
    const state = createAppStore().getState();
    expect(state).toMatchObject({ language: 'vi', selectedDeviceKind: null, status: READY_STATUS, appInfo: null, dialog: null, tool: 'select' });
    expect(state.lab).toEqual({ version: 1, zones: [], devices: [], links: [] });
    expect(state.selection).toEqual({ devices: [], links: [] });
  });

  it('makes independent stores (one per window or test)', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().setLanguage('en');
    expect(a.getState().language).toBe('en');
    expect(b.getState().language).toBe('vi');
  });

  it('takes initial values', () => {
    expect(createAppStore({ language: 'en' }).getState().language).toBe('en');
  });

  it('selecting a device kind names it in the status line; selecting it again clears both', () => {
    const store = createAppStore();
    store.getState().toggleDeviceKind('router');
    expect(store.getState().selectedDeviceKind).toBe('router');
    expect(store.getState().status).toEqual({ key: 'status.selectedKind', values: { nameKey: 'device.kind.router' } });
    store.getState().toggleDeviceKind('server');
    expect(store.getState().selectedDeviceKind).toBe('server');
    store.getState().toggleDeviceKind('server');
    expect(store.getState().selectedDeviceKind).toBeNull();
    expect(store.getState().status).toEqual(READY_STATUS);
  });

  it('keeps its data serializable', () => {
    const store = createAppStore();
    store.getState().setAppInfo({ name: 'V6Lab', version: '0.1.0', platform: 'linux', electronVersion: '45.5.0' });
    store.getState().toggleDeviceKind('pc');
    const data = Object.fromEntries(Object.entries(store.getState()).filter(([, value]) => typeof value !== 'function'));
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

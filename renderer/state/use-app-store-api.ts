/**
 * The store object itself (not a selected value), for event handlers that read the latest
 * state when they run instead of re-rendering on every change.
 */
import { useContext } from 'react';
import { AppStoreContext } from './app-store-context';
import type { AppStore } from './create-app-store';

export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStoreApi: no AppStoreProvider above this component');
  return store;
}

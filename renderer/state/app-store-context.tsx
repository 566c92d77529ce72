/**
 * Hands the app store to React components: a provider at the root and a selector hook.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppActions, AppState, AppStore } from './create-app-store';

export const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

export function useAppStore<T>(selector: (state: AppState & AppActions) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore: no AppStoreProvider above this component');
  return useStore(store, selector);
}

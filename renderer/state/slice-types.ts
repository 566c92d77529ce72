/**
 * The shape shared by the store's slices (zustand's slices pattern): each slice is made by a
 * function of the whole store's set and get, so an action in one slice may read another.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { AppActions, AppState } from './create-app-store';

export type AppStoreState = AppState & AppActions;
export type AppSliceCreator<S> = (set: StoreApi<AppStoreState>['setState'], get: StoreApi<AppStoreState>['getState']) => S;

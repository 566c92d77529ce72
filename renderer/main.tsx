/**
 * The renderer's entry: makes the store, the i18n instance and the lab files (the desktop
 * shell's, or the browser store when there is no shell), keeps the language in step everywhere
 * it shows (i18next, <html lang>, the desktop menu, the saved preference), keeps the window
 * title in step with the lab (file name, a dot while unsaved), and renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { AppServicesProvider, type AppServices } from './app-services';
import { createBrowserLabFiles } from './files/browser-lab-files';
import { createFileCommands } from './files/file-commands';
import { baseName, createDesktopLabFiles } from './files/lab-files';
import { createI18n, DEFAULT_LANGUAGE } from './i18n/setup-i18n';
import { getDesktopApi } from './platform/desktop-api';
import { AppStoreProvider } from './state/app-store-context';
import { createAppStore } from './state/create-app-store';
import { isLabDirty } from './state/lab-slice';
import { readLanguagePreference, writeLanguagePreference } from './state/language-preference';
import { windowSimClient } from './sim/sim-runtime';
import { readPaneLayout, writePaneLayout } from './state/layout-preference';
import './styles/app.css';

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
const store = createAppStore({ language: readLanguagePreference(storage) ?? DEFAULT_LANGUAGE, layout: readPaneLayout(storage) });
const i18n = createI18n(store.getState().language);
const desktop = getDesktopApi();
const files = desktop ? createDesktopLabFiles(desktop) : createBrowserLabFiles(localStorage);
// Saves write each device's running configuration, read from the window's simulation worker.
const services: AppServices = { files, fileCommands: createFileCommands(store, files, { runningConfigs: () => windowSimClient().request('running-configs', null) }), canvas: { current: null } };

function applyTitle(): void {
  const state = store.getState();
  const dirty = isLabDirty(state);
  if (state.filePath === null && !dirty) {
    document.title = i18n.t('app.documentTitle');
    return;
  }
  const name = state.filePath === null ? i18n.t('file.untitled') : baseName(state.filePath);
  document.title = `${dirty ? '● ' : ''}${name} — ${i18n.t('app.title')}`;
}

function applyLanguage(): void {
  const { language } = store.getState();
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  applyTitle();
  writeLanguagePreference(storage, language);
  void desktop?.setLanguage(language).catch((error: unknown) => console.warn('setLanguage failed', error));
}

applyLanguage();
store.subscribe((state, previous) => {
  if (state.layout !== previous.layout) writePaneLayout(storage, state.layout);
  if (state.language !== previous.language) applyLanguage();
  else if (
    state.past !== previous.past ||
    state.filePath !== previous.filePath ||
    state.savedEntryId !== previous.savedEntryId ||
    state.consoleConfigRevision !== previous.consoleConfigRevision ||
    state.savedConsoleConfigRevision !== previous.savedConsoleConfigRevision
  )
    applyTitle();
});

if (desktop) {
  desktop
    .getAppInfo()
    .then((info) => store.getState().setAppInfo(info))
    .catch((error: unknown) => console.warn('getAppInfo failed', error));
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('renderer/index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <AppStoreProvider store={store}>
        <AppServicesProvider services={services}>
          <App />
        </AppServicesProvider>
      </AppStoreProvider>
    </I18nextProvider>
  </StrictMode>,
);

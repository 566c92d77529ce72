/**
 * The renderer's entry: makes the store and the i18n instance, keeps the language in step
 * everywhere it shows (i18next, <html lang>, the window title, the desktop menu, the saved
 * preference), and renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { createI18n, DEFAULT_LANGUAGE } from './i18n/setup-i18n';
import { getDesktopApi } from './platform/desktop-api';
import { AppStoreProvider } from './state/app-store-context';
import { createAppStore } from './state/create-app-store';
import { readLanguagePreference, writeLanguagePreference } from './state/language-preference';
import './styles/app.css';

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
const store = createAppStore({ language: readLanguagePreference(storage) ?? DEFAULT_LANGUAGE });
const i18n = createI18n(store.getState().language);
const desktop = getDesktopApi();

function applyLanguage(): void {
  const { language } = store.getState();
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
  writeLanguagePreference(storage, language);
  void desktop?.setLanguage(language).catch((error: unknown) => console.warn('setLanguage failed', error));
}

applyLanguage();
store.subscribe((state, previous) => {
  if (state.language !== previous.language) applyLanguage();
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
        <App />
      </AppStoreProvider>
    </I18nextProvider>
  </StrictMode>,
);

/**
 * Builds the renderer: renderer/index.html and its modules → dist/renderer. `base: './'` makes
 * every asset URL relative, so the page works wherever it is served from (Electron's
 * app://v6lab/, electron/app-protocol.ts; the tests' local server). Workers are ES
 * modules. Nothing in the output refers to another origin (the CSP would refuse it anyway).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: resolve(root, 'dist', 'renderer'),
    emptyOutDir: true,
    // Electron 45 ships Chromium 142.
    target: 'chrome130',
    sourcemap: true,
    reportCompressedSize: false,
    // A desktop app loads its bundle from disk: one ~700 kB chunk (React, cytoscape) is fine.
    chunkSizeWarningLimit: 1500,
    // Inline nothing as data: URLs that the CSP would have to allow for scripts or styles.
    assetsInlineLimit: 0,
    // Vite's modulepreload polyfill is useless in Chromium and would be one more inline helper.
    modulePreload: { polyfill: false },
  },
});

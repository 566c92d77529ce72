/**
 * Builds the Electron side: electron/main.ts → dist-electron/main.cjs and electron/preload.ts →
 * dist-electron/preload.cjs, both CommonJS. They are two separate Vite environments built one
 * after the other, so each output is a single self-contained file: a sandboxed preload can
 * `require` nothing but `electron`, so it must not share a chunk with main. `electron` and the
 * Node built-ins stay external; npm dependencies (zod) are bundled into main.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type EnvironmentOptions } from 'vite';

const root = import.meta.dirname;
const external = ['electron', /^electron\/.+/, /^node:/, ...builtinModules];

function commonJsEntry(name: 'main' | 'preload'): EnvironmentOptions {
  return {
    consumer: 'client',
    resolve: { conditions: ['node', 'import', 'default'], mainFields: ['module', 'main'] },
    build: {
      outDir: resolve(root, 'dist-electron'),
      // main and preload share the folder: neither build may wipe the other's file.
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: { [name]: resolve(root, 'electron', `${name}.ts`) },
        formats: ['cjs'],
        fileName: (_format, entryName) => `${entryName}.cjs`,
      },
      rolldownOptions: { external },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  environments: {
    main: commonJsEntry('main'),
    preload: commonJsEntry('preload'),
  },
  builder: {
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (!main || !preload) throw new Error('vite.electron.config.ts: main and preload environments are missing');
      await builder.build(main);
      await builder.build(preload);
    },
  },
});

// Lint: typescript-eslint's recommended rules, plus the import boundaries that keep sim-core
// pure (no DOM, Node, Electron or React; no wall clock; no Math.random) and its layers one-way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// sim-core layers, lowest first. A layer may import its own and lower layers only.
const layers = [
  ['engine', 'addr'],
  ['wire', 'capture'],
  ['stack'],
  ['link', 'devices'],
  ['mgmt'],
  ['sim'],
  ['console', 'lab'],
];

// Lower layers a layer must reach through another: the consoles configure and read devices
// through the management API (sim-core/mgmt), never the stack itself.
const reachedThrough = {
  console: { dirs: ['stack'], message: 'the consoles reach devices through the management API (sim-core/mgmt), not the stack: add what is missing to a mgmt slice.' },
};

const forbiddenEverywhereInCore = [
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'electron', 'react', 'react-dom', 'react/*', 'react-dom/*'], message: 'sim-core runs in a Web Worker and in Node alike: no Node, Electron or React imports.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'sim-core must not depend on the app.' },
];

function layerRules() {
  return layers.map((dirs, level) => {
    const higher = layers.slice(level + 1).flat();
    const patterns = [...forbiddenEverywhereInCore];
    if (higher.length > 0) {
      patterns.push({
        group: higher.flatMap((dir) => [`**/${dir}`, `**/${dir}/**`, `../${dir}`, `../${dir}/**`, `./${dir}/**`]),
        message: `sim-core layers import one way (engine, addr → wire → stack → link/devices → mgmt → sim → console/lab): ${dirs.join('/')} may not import ${higher.join(', ')}.`,
      });
    }
    return {
      files: dirs.map((dir) => `sim-core/${dir}/**/*.ts`),
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    };
  });
}

function reachedThroughRules() {
  return Object.entries(reachedThrough).map(([dir, { dirs, message }]) => {
    const level = layers.findIndex((l) => l.includes(dir));
    const higher = layers.slice(level + 1).flat();
    const patterns = [...forbiddenEverywhereInCore, { group: dirs.flatMap((d) => [`**/${d}`, `**/${d}/**`]), message: `${dir}: ${message}` }];
    if (higher.length > 0) patterns.push({ group: higher.flatMap((d) => [`**/${d}`, `**/${d}/**`, `../${d}`, `../${d}/**`, `./${d}/**`]), message: `sim-core layers import one way: ${dir} may not import ${higher.join(', ')}.` });
    return { files: [`sim-core/${dir}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
  });
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['sim-core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: forbiddenEverywhereInCore }],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'sim-core never reads the wall clock: use the engine\'s virtual time.' },
        { name: 'performance', message: 'sim-core never reads the wall clock: use the engine\'s virtual time.' },
        { name: 'window', message: 'sim-core has no DOM.' },
        { name: 'document', message: 'sim-core has no DOM.' },
        { name: 'process', message: 'sim-core has no Node.' },
        { name: 'require', message: 'sim-core has no Node.' },
        { name: 'setTimeout', message: 'sim-core schedules on virtual time: use the engine\'s timers.' },
        { name: 'setInterval', message: 'sim-core schedules on virtual time: use the engine\'s timers.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'sim-core uses the simulation\'s seeded generator, never Math.random.' },
      ],
    },
  },
  ...layerRules(),
  ...reachedThroughRules(),
);

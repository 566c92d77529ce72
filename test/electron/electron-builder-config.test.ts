/**
 * electron-builder.yml loads, matches electron-builder's own configuration schema (the one its
 * CLI validates against), and says what the release needs: the app id and name, only the built
 * files, the five targets, no publishing, and the Electron fuses of the security checklist.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  win: { target: { target: string }[] };
  linux: { target: string[] };
  mac: { target: string[] };
  files: string[];
  asar: unknown;
  electronFuses: Record<string, unknown>;
};

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s configuration schema', () => {
    const require = createRequire(join(repoRoot, 'node_modules', 'electron-builder', 'package.json'));
    const schema = require('app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(valid ? [] : validate.errors).toEqual([]);
  });

  it('names the app and ships only the built output', () => {
    expect(config.appId).toBe('vn.v6lab.app');
    expect(config.productName).toBe('V6Lab');
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['dist/**', 'dist-electron/**', 'package.json']);
    expect(config.publish).toBeNull();
  });

  it('targets Windows NSIS and portable, Linux AppImage and deb, macOS dmg', () => {
    expect(config.win.target.map((entry) => entry.target)).toEqual(['nsis', 'portable']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('main points at the built main.cjs that the packaged files include', () => {
    const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string };
    expect(packageJson.main).toBe('dist-electron/main.cjs');
  });

  it('sets the Electron fuses: no run-as-node, no NODE_OPTIONS or --inspect, ASAR only and checked, cookies encrypted, no file: privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar and the integrity check need the app packed into an ASAR.
    expect(config.asar).toBe(true);
  });

  it('spells each fuse as electron-builder\'s schema names it (a misspelt key would be ignored)', () => {
    const require = createRequire(join(repoRoot, 'node_modules', 'electron-builder', 'package.json'));
    const schema = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, { type: string }>; additionalProperties: boolean } } };
    const fuseOptions = schema.definitions.FuseOptionsV1;
    expect(fuseOptions.additionalProperties).toBe(false);
    for (const name of Object.keys(config.electronFuses)) expect(fuseOptions.properties[name]?.type, name).toBe('boolean');
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, deviceKindDetailKey, deviceKindNameKey } from '../../../renderer/devices/device-kinds';
import { createI18n } from '../../../renderer/i18n/setup-i18n';
import en from '../../../renderer/i18n/en.json';
import vi from '../../../renderer/i18n/vi.json';

const rendererDir = join(import.meta.dirname, '..', '..', '..', 'renderer');
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function baseKeys(tree: unknown): Set<string> {
  return new Set(leafKeys(tree).map((key) => key.replace(pluralSuffix, '')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('Vietnamese and English have the same keys (plural forms aside)', () => {
    expect([...baseKeys(en)].sort()).toEqual([...baseKeys(vi)].sort());
  });

  it('no string is empty, and interpolations match between the languages', () => {
    const flat = (tree: unknown) => Object.fromEntries(leafKeys(tree).map((key) => [key, key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree)]));
    const viFlat = flat(vi);
    const enFlat = flat(en);
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(viFlat)) {
      expect(typeof text === 'string' && text.trim().length > 0, `vi ${key}`).toBe(true);
      const enKey = key in enFlat ? key : `${key.replace(pluralSuffix, '')}_other`;
      expect(placeholders(enFlat[enKey]), `placeholders of ${key}`).toEqual(placeholders(text));
    }
    for (const [key, text] of Object.entries(enFlat)) expect(typeof text === 'string' && text.trim().length > 0, `en ${key}`).toBe(true);
  });

  it('every device kind has a name and a detail line in both languages', () => {
    for (const language of ['vi', 'en'] as const) {
      const i18n = createI18n(language);
      for (const kind of DEVICE_KINDS) {
        for (const key of [deviceKindNameKey(kind), deviceKindDetailKey(kind)]) {
          expect(i18n.exists(key), `${language} ${key}`).toBe(true);
        }
      }
    }
  });

  it('the properties card tells how to open a device\'s console (double-click), in both languages', () => {
    expect(createI18n('en').t('properties.consoleHint')).toMatch(/double-click/i);
    expect(createI18n('en').t('properties.consoleHint')).toMatch(/console/);
    expect(createI18n('vi').t('properties.consoleHint')).toMatch(/nhấp đúp/i);
    expect(createI18n('vi').t('properties.consoleHint')).toMatch(/console/);
  });

  it('pluralises counts in English and keeps the single Vietnamese form', () => {
    expect(createI18n('en').t('status.devices', { count: 1 })).toBe('1 device');
    expect(createI18n('en').t('status.devices', { count: 3 })).toBe('3 devices');
    expect(createI18n('vi').t('status.devices', { count: 1 })).toBe('1 thiết bị');
  });

  it('every literal key the renderer passes to t() exists in both languages', () => {
    const keys = new Set<string>();
    for (const file of sourceFiles(rendererDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(10);
    const viKeys = baseKeys(vi);
    const enKeys = baseKeys(en);
    for (const key of keys) {
      expect(viKeys.has(key), `vi.json lacks ${key}`).toBe(true);
      expect(enKeys.has(key), `en.json lacks ${key}`).toBe(true);
    }
  });

  it('components hard-code no user-facing text: JSX text and labelling attributes come from t()', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(rendererDir).filter((path) => path.endsWith('.tsx'))) {
      const source = readFileSync(file, 'utf8');
      // Text between tags that contains a letter, e.g. <h2>Devices</h2>.
      for (const match of source.matchAll(/>\s*([^<>{}\n]*\p{L}[^<>{}\n]*)\s*</gu)) offenders.push(`${relative(rendererDir, file)}: text "${match[1]!.trim()}"`);
      // Labelling attributes given a literal string.
      for (const match of source.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*)"/g)) offenders.push(`${relative(rendererDir, file)}: ${match[1]}="${match[2]}"`);
    }
    expect(offenders).toEqual([]);
  });
});

/**
 * One Vietnamese spelling throughout the UI, the course and the docs: the modern tone placement
 * on open oa/oe/uy syllables (hòa, xóa, khóa, hủy, not hoà, xoá, khoá, huỷ; "quý" is the same in
 * both) and "nhấp đúp" for double-click (not "nháy đúp").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LETTER = 'a-zA-Zà-ỹÀ-Ỹđ';
// Old style: the tone on the second vowel of an open oa/oe/uy syllable.
const OLD_STYLE = new RegExp(`(?:[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|(?<![qQ])[uU][ỳýỷỹỵỲÝỶỸỴ])(?![${LETTER}])`, 'u');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|json|ya?ml|md)$/.test(name) ? [path] : [];
  });
}

describe('Vietnamese spelling', () => {
  const texts = ['renderer', 'scenarios', 'docs', 'sim-core', 'electron'].flatMap((dir) => files(join(ROOT, dir)));

  it('uses the modern tone placement everywhere (hòa, xóa, khóa, hủy)', () => {
    const offending = texts.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => (OLD_STYLE.test(line) ? [`${relative(ROOT, path)}:${index + 1}: ${line.trim().slice(0, 80)}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('says "nhấp đúp" for double-click', () => {
    const offending = texts.filter((path) => /nháy đúp/i.test(readFileSync(path, 'utf8'))).map((path) => relative(ROOT, path));
    expect(offending).toEqual([]);
  });

  it('the detector itself: old style is caught, new style and "quý", "hoàn", "khoảng" are not', () => {
    for (const old of ['Huỷ', 'xoá', 'khoá học', 'hoà', 'loé']) expect(OLD_STYLE.test(old), old).toBe(true);
    for (const modern of ['Hủy', 'xóa', 'khóa học', 'hòa', 'quý', 'hoàn tác', 'khoảng', 'thuyết', 'quyết']) expect(OLD_STYLE.test(modern), modern).toBe(false);
  });
});

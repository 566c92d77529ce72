/**
 * Walking a parsed YAML tree (the `yaml` library's nodes) by data path and reading node source
 * ranges: shared by the lab loader and the scenario loader so both report the same positions.
 */
import { isMap, isScalar, isSeq, type Pair } from 'yaml';

export function keyText(pair: Pair): string | undefined {
  const key: unknown = pair.key;
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

export function childNode(node: unknown, segment: string | number): { node: unknown; offset: number } | undefined {
  if (isMap(node) && typeof segment === 'string') {
    const pair = node.items.find((item) => keyText(item) === segment);
    if (pair === undefined) return undefined;
    const value: unknown = pair.value;
    const offset = value !== null && rangeOf(value) !== undefined ? rangeStart(value) : rangeStart(pair.key);
    return { node: value, offset };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    if (item === undefined || item === null) return undefined;
    return { node: item, offset: rangeStart(item) };
  }
  return undefined;
}

export function rangeOf(node: unknown): readonly number[] | undefined {
  const range = (node as { range?: unknown } | null)?.range;
  return Array.isArray(range) ? (range as number[]) : undefined;
}

export function rangeStart(node: unknown): number {
  return rangeOf(node)?.[0] ?? 0;
}

/** End offset of a node (its value end, comments after it excluded when the library says so). */
export function rangeEnd(node: unknown): number | undefined {
  const range = rangeOf(node);
  return range === undefined ? undefined : (range[1] ?? range[0]);
}

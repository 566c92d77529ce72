/**
 * Reading parsed YAML as plain data (what `toJS` gives) without trusting its shape: the lab
 * and scenario loaders check fields through these before the schema has said anything.
 */

/** A path into plain data: object keys and array indexes. */
export type PlainDataPath = readonly (string | number)[];

/** `value` as an object with string keys, or undefined for anything else (arrays and null too). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `value` as an array, or an empty one. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value at `path` (own keys only: `constructor` or `__proto__` in a path find nothing). */
export function valueAt(data: unknown, path: PlainDataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (asRecord(value) !== undefined && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(value, segment)) value = (value as Record<string, unknown>)[segment];
    else return undefined;
  }
  return value;
}

/**
 * Text layout shared by the addr subcommands: the result on the first line, then aligned
 * `label: value` details, a plain table, and numbers with thousands separators (65,536).
 */

/** `first` then one indented, aligned line per [label, value]; warnings last as `warning: …`. */
export function formatReport(first: string, details: readonly (readonly [string, string])[], warnings: readonly string[] = []): string {
  const width = Math.max(0, ...details.map(([label]) => label.length));
  // An empty label continues the line above (a second line of the same detail).
  const lines = [first, ...details.map(([label, value]) => `  ${(label === '' ? '' : `${label}:`).padEnd(width + 1)}  ${value}`)];
  for (const warning of warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** Columns padded to the widest cell, two spaces apart, no trailing spaces. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** 65536n → "65,536". */
export function groupDigits(value: bigint | number): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An address count a person can read: exact up to 2^32, else as a power of two ("2^64"). */
export function formatAddressCount(hostBits: number): string {
  return hostBits > 32 ? `2^${hostBits}` : groupDigits(1n << BigInt(hostBits));
}

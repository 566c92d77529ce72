/**
 * Which characters a name or a message may carry: printable text only. Refused in names (and
 * shown escaped in messages): the C0 controls (NUL, ESC, BEL …), DEL, the C1 controls, and the
 * Unicode bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin, Unicode UAX #9
 * section 2; the "Trojan Source" trick) and line separators, which make a name read differently
 * from what it is, or let a file rewrite a terminal (ESC sequences, ECMA-48).
 * Leaves out: confusable letters (Cyrillic 'а' for Latin 'a'): a lab's names are the author's.
 */

/** One character that is not printable text. Line feed and tab are allowed where `lineBreaks` is. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'BACKSPACE',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0x9b: 'CONTROL SEQUENCE INTRODUCER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+0000 NUL`. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[codePoint];
  return name === undefined ? `U+${hex}` : `U+${hex} ${name}`;
}

/** The first character of `text` that is not printable (0-based index), if any. */
export function findUnprintable(text: string, options: { readonly lineBreaks?: boolean } = {}): { readonly index: number; readonly codePoint: number } | undefined {
  for (let from = 0; ; ) {
    UNPRINTABLE_ALL.lastIndex = from;
    const found = UNPRINTABLE_ALL.exec(text);
    if (found === null) return undefined;
    const codePoint = found[0].codePointAt(0)!;
    if (!(options.lineBreaks === true && (codePoint === 0x0a || codePoint === 0x09 || codePoint === 0x0d))) return { index: found.index, codePoint };
    from = found.index + 1;
  }
}

/** `text` with every unprintable character written as an escape (`\n`, `\t`, `\u001b`, `\u202e`): one line, shown as it is. */
export function escapeUnprintable(text: string): string {
  if (!UNPRINTABLE.test(text)) return text;
  return text.replace(UNPRINTABLE_ALL, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
  });
}

/** `text` with every unprintable character replaced by '?' (same width: for a source excerpt under which a caret points). */
export function maskUnprintable(text: string): string {
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_ALL, (ch) => (ch === '\t' ? ' ' : '?')) : text;
}

/**
 * The one output sanitizer between a device and a terminal: everything a dialect prints (command
 * output, prompts with their hostnames, syslog lines, help) is device-supplied text — a
 * `description` line from a lab file, a hostname, a DNS name, a file on a server — and must not
 * be able to drive the terminal. ECMA-48 control functions are removed: ESC sequences (CSI
 * `ESC [ … final`, OSC `ESC ] … BEL|ST`, DCS/SOS/PM/APC strings up to ST, two-character escapes),
 * the C1 controls U+0080–U+009F (8-bit CSI included), and every C0 control but line feed,
 * carriage return and tab. What remains is printable text; the session adds its own line-editing
 * controls (backspace, bell, clear screen) after this.
 * Leaves out: visible-width issues (wide and combining characters are the terminal's business).
 */

const ESC_SEQUENCE = new RegExp(
  [
    // CSI: ESC [ parameters intermediates final
    '\\x1b\\[[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]?',
    // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \), or by the end of the text
    '\\x1b[\\]PX^_][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)?',
    // Any other escape: ESC and the character after it (if any)
    '\\x1b[\\x20-\\x7e]?',
  ].join('|'),
  'g',
);
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const OTHER_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const ANY_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

/** `text` without terminal control functions; '\n', '\r' and '\t' stay. */
export function sanitizeTerminalText(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESC_SEQUENCE, '').replace(OTHER_CONTROLS, '');
}

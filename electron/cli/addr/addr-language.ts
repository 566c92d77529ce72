/**
 * `v6lab addr` in Vietnamese: the addr subcommands build their report in English (labels,
 * headings, `warning:` lines, argument errors); this module puts the words a person reads first
 * into Vietnamese from typed tables keyed by the English: the detail labels of `info`, `eui64`,
 * `nat64`, `6to4`, the table headings and warning lines of `plan`, and the error messages that
 * name a bad argument. The JSON output is for scripts and stays as it is.
 * Leaves out: the explanations in parentheses after a value, and the reason a parser gives for a
 * bad address (sim-core/addr, English), which is quoted after the Vietnamese lead.
 */
import type { CommandOutcome } from '../cli-command';
import type { Language } from '../cli-language';

/** Detail labels (`  label:  value`) and plan table headings. */
const LABELS_VI: Readonly<Record<string, string>> = {
  'full form': 'dạng đầy đủ',
  'zone index': 'chỉ số zone',
  type: 'loại',
  prefix: 'prefix',
  'prefix bits': 'các bit prefix',
  'reverse zone': 'zone ngược',
  scope: 'phạm vi (scope)',
  'Ethernet MAC': 'MAC Ethernet',
  'solicited-node': 'solicited-node',
  'embedded IPv4': 'IPv4 nhúng bên trong',
  'MAC inside': 'MAC bên trong',
  note: 'ghi chú',
  'reverse DNS': 'DNS ngược',
  mask: 'mask',
  bits: 'các bit',
  hosts: 'dải host',
  broadcast: 'broadcast',
  'IPv4-mapped': 'IPv4-mapped',
  NAT64: 'NAT64',
  '6to4 prefix': 'prefix 6to4',
  MAC: 'MAC',
  'interface ID': 'interface ID',
  address: 'địa chỉ',
  IPv4: 'IPv4',
  IPv6: 'IPv6',
  layout: 'cấu trúc',
  'mixed form': 'dạng hỗn hợp',
  'site prefix': 'prefix của site',
  subnets: 'các subnet',
  name: 'tên',
  'last address': 'địa chỉ cuối',
  usable: 'dùng được',
  '1. split in half': '1. tách đôi',
  '2. insert ff:fe': '2. chèn ff:fe',
  '3. flip U/L bit': '3. đảo bit U/L',
};

/** What a bad argument was expected to be (`'x' is not <what>: …`). */
const EXPECTED_VI: Readonly<Record<string, string>> = {
  'an IPv4 address': 'địa chỉ IPv4',
  'an IPv6 address': 'địa chỉ IPv6',
  'a MAC address': 'địa chỉ MAC',
  'an IPv6 prefix': 'prefix IPv6',
  'an IPv4 prefix': 'prefix IPv4',
  'an IPv6 address with a prefix length': 'địa chỉ IPv6 kèm độ dài prefix',
  'an IPv4 address with a prefix length': 'địa chỉ IPv4 kèm độ dài prefix',
};

/** An addr error message in Vietnamese (the parser's reason kept as written). */
export function translateAddrError(error: string): string {
  const notIp = /^'(.*)' is not an IP address: an IPv6 address has ':' \(2001:db8::1\), an IPv4 address has dots \(192\.0\.2\.1\)$/s.exec(error);
  if (notIp !== null) return `'${notIp[1]}' không phải địa chỉ IP: địa chỉ IPv6 có dấu ':' (2001:db8::1), địa chỉ IPv4 có dấu chấm (192.0.2.1)`;
  for (const [what, vi] of Object.entries(EXPECTED_VI)) {
    const marker = `' is not ${what}: `;
    const at = error.indexOf(marker);
    if (error.startsWith("'") && at > 0) return `${error.slice(0, at)}' không phải ${vi}: ${error.slice(at + marker.length)}`;
  }
  const notWhole = /^(--\S+) '(.*)' is not a whole number$/s.exec(error);
  if (notWhole !== null) return `${notWhole[1]} '${notWhole[2]}' không phải số nguyên`;
  const range = /^(--\S+) (\d+) is out of range \((\d+) to (\d+)\)$/.exec(error);
  if (range !== null) return `${range[1]} ${range[2]} nằm ngoài khoảng cho phép (${range[3]} đến ${range[4]})`;
  const slaac = /^'(.*)' is a \/(\d+); SLAAC and modified EUI-64 need a \/64 prefix \(for example (.*)\)$/s.exec(error);
  if (slaac !== null) return `'${slaac[1]}' là /${slaac[2]}; SLAAC và EUI-64 cải biên cần prefix /64 (ví dụ ${slaac[3]})`;
  const emptyName = /^--names: name (\d+) is empty/.exec(error);
  if (emptyName !== null) return `--names: tên thứ ${emptyName[1]} bị trống (ghi các tên cách nhau bằng dấu phẩy: a,b,c)`;
  return error;
}

/** The report text with its labels, headings and warning lines in Vietnamese. */
export function translateAddrText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const detail = /^( {2})([^:]+?):( +)(.*)$/.exec(line);
      if (detail !== null && LABELS_VI[detail[2]!] !== undefined) {
        const label = `${LABELS_VI[detail[2]!]}:`;
        const width = detail[2]!.length + 1 + detail[3]!.length;
        return `${detail[1]}${label.padEnd(Math.max(width, label.length + 2))}${detail[4]}`;
      }
      if (line.startsWith('warning: ')) return `cảnh báo: ${line.slice('warning: '.length)}`;
      const planHead = /^(\S+) into \/(\d+): ([\d,]+) subnets? in total$/.exec(line);
      if (planHead !== null) return `${planHead[1]} chia thành các /${planHead[2]}: tổng cộng ${planHead[3]} subnet`;
      const holds = /^ {2}each \/(\d+) holds (\S+) addresses(?: \(([\d,]+) \/64 LANs\))?$/.exec(line);
      if (holds !== null) return `  mỗi /${holds[1]} chứa ${holds[2]} địa chỉ${holds[3] === undefined ? '' : ` (${holds[3]} LAN /64)`}`;
      const listing = /^ {2}listing (\d+)(?: \(the first \d+; add --count N for more\))?$/.exec(line);
      if (listing !== null) return `  liệt kê ${listing[1]}${line.includes('--count') ? ` (${listing[1]} subnet đầu; thêm --count N để xem nhiều hơn)` : ''}`;
      if (/^#\s{2,}/.test(line)) return translateHeading(line);
      return line;
    })
    .join('\n');
}

/** `#  name  prefix  last address` → the same columns, headings in Vietnamese, aligned as before. */
function translateHeading(line: string): string {
  let out = line;
  for (const word of ['last address', 'name', 'prefix', 'mask', 'hosts', 'broadcast', 'usable']) {
    const vi = LABELS_VI[word]!;
    const at = out.search(new RegExp(`(?<=\\s)${word}(?=\\s|$)`));
    if (at < 0) continue;
    // Keep the column starts: pad or take from the spaces after the heading.
    const after = out.slice(at + word.length);
    const spaces = /^ */.exec(after)![0].length;
    const room = word.length + spaces;
    const cell = after.length === spaces ? vi : vi.padEnd(Math.max(room, vi.length + 2));
    out = `${out.slice(0, at)}${cell}${after.slice(spaces)}`;
  }
  return out.trimEnd();
}

/** An addr outcome in the language: text and error translated, JSON untouched. */
export function localizeAddrOutcome(outcome: CommandOutcome, language: Language): CommandOutcome {
  if (language === 'en') return outcome;
  if (!outcome.ok) return { ok: false, error: translateAddrError(outcome.error) };
  return { ...outcome, text: translateAddrText(outcome.text) };
}

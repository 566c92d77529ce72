/**
 * The class roster `v6lab grade --roster` reads: a CSV (RFC 4180: quoted fields, doubled
 * quotes, CRLF or LF) with a header row naming three columns, in any order: the trainee id, the
 * display name and the agency. Header names are matched without case or diacritics, in English
 * or Vietnamese (`id`/`trainee id`/`mã học viên`, `name`/`họ tên`, `agency`/`đơn vị`); a `;`
 * separator (Excel in a Vietnamese locale) is accepted when the header uses it. The text given
 * here is already decoded (the CLI checks the encoding: UTF-8, with or without BOM).
 * A row with the wrong number of fields, an empty id or name, or an id used before is a problem
 * at its file:line and is left out; the other rows stand. A missing column is one problem at
 * line 1 and no rows. Leaves out: extra columns (ignored), several agencies per trainee.
 */
import type { ScenarioProblem } from './scenario-problems';

export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  /** 1-based line of the row in the file. */
  readonly line: number;
}

export interface Roster {
  readonly entries: readonly RosterEntry[];
  readonly problems: readonly ScenarioProblem[];
}

const COLUMN_NAMES: Readonly<Record<'id' | 'name' | 'agency', readonly string[]>> = {
  id: ['id', 'trainee id', 'trainee', 'ma', 'ma hoc vien', 'ma so', 'mshv'],
  name: ['name', 'full name', 'display name', 'ho ten', 'ho va ten', 'ten'],
  agency: ['agency', 'organisation', 'organization', 'unit', 'don vi', 'co quan'],
};

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
}

/** Splits CSV text into records of fields, each with the line it starts on. */
export function parseCsvRecords(text: string, separator: string): { readonly fields: string[]; readonly line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let index = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      index += 1;
      continue;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      line += 1;
      recordLine = line;
    } else field += char;
    index += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

export function parseRoster(text: string, fileName: string): Roster {
  const problems: ScenarioProblem[] = [];
  const problem = (line: number, en: string, vi: string): void => void problems.push({ severity: 'error', code: 'schema', file: fileName, line, column: 1, message: en, messageVi: vi });
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const records = parseCsvRecords(body, separator);
  const header = records[0];
  if (header === undefined) {
    problem(1, 'the roster is empty; it needs a header row: id,name,agency', 'danh sách lớp trống; cần dòng tiêu đề: id,name,agency');
    return { entries: [], problems };
  }
  const folded = header.fields.map(fold);
  const columns = { id: -1, name: -1, agency: -1 };
  for (const key of ['id', 'name', 'agency'] as const) columns[key] = folded.findIndex((cell) => COLUMN_NAMES[key].includes(cell));
  const missing = (['id', 'name', 'agency'] as const).filter((key) => columns[key] < 0);
  if (missing.length > 0) {
    problem(
      header.line,
      `the roster's header has no ${missing.join(', ')} column (it has: ${header.fields.map((cell) => cell.trim()).join(', ')}); expected id,name,agency`,
      `dòng tiêu đề của danh sách lớp thiếu cột ${missing.join(', ')} (đang có: ${header.fields.map((cell) => cell.trim()).join(', ')}); cần id,name,agency`,
    );
    return { entries: [], problems };
  }
  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== header.fields.length) {
      problem(record.line, `this row has ${record.fields.length} fields; the header has ${header.fields.length} (a comma inside a name needs "quotes")`, `dòng này có ${record.fields.length} trường; dòng tiêu đề có ${header.fields.length} (dấu phẩy trong tên cần đặt trong "ngoặc kép")`);
      continue;
    }
    const id = record.fields[columns.id]!.trim();
    const name = record.fields[columns.name]!.trim().normalize('NFC');
    const agency = record.fields[columns.agency]!.trim().normalize('NFC');
    if (id === '' || name === '') {
      problem(record.line, `this row has no ${id === '' ? 'trainee id' : 'name'}`, `dòng này thiếu ${id === '' ? 'mã học viên' : 'họ tên'}`);
      continue;
    }
    const earlier = seen.get(id.toLowerCase());
    if (earlier !== undefined) {
      problem(record.line, `trainee id '${id}' is used twice; first at line ${earlier}`, `mã học viên '${id}' bị dùng hai lần; lần đầu ở dòng ${earlier}`);
      continue;
    }
    seen.set(id.toLowerCase(), record.line);
    entries.push({ id, name, agency, line: record.line });
  }
  return { entries, problems };
}

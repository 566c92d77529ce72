/**
 * Loading a lab file (`*.v6lab.yaml`): YAML text → the lab document, or every problem at once,
 * each at file:line:column (1-based, the first character of the offending YAML node) with a
 * message that says what was expected.
 *
 * Three passes, all collecting instead of stopping:
 * 1. YAML syntax (the `yaml` library's errors and positions). Syntax errors end the load: the
 *    tree after a broken indent is guesswork, and checking it would bury the real error.
 * 2. Shape (the zod schema in lab-schema.ts); each zod issue's path is walked back to its YAML
 *    node. Unknown keys get a "did you mean" by edit distance.
 * 3. Meaning: duplicate device names, link endpoints naming unknown devices or interfaces (with
 *    the valid names), ports cabled twice, a link from a port to itself, delay and bandwidth out
 *    of range, zones nobody declared (a warning).
 * Older format versions are upgraded first (lab-migrations.ts), on the YAML tree so positions hold;
 * a file without `version:` is read as the current version, with a warning to add it.
 *
 * Config texts are not parsed here (the console engine does that); the returned source map tells
 * where each config starts so its errors can be reported at file:line too.
 * Never throws on any input: a throw means a bug (a fast-check property feeds it random text).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { checkFileSize, checkYamlBounds, childNode, describeYamlError, keyText, rangeOf, rangeStart } from './yaml-nodes';
import type { z } from 'zod';
import { findPhysicalPort, isDeviceKind, type DeviceKind } from '../devices/catalog';
import { describePhysicalPorts, resolveInterfaceNameBilingual } from '../devices/interface-names';
import { COURSE_ZONE_IDS, isCourseZoneId } from './course-zones';
import {
  asDeviceName,
  asInterfaceName,
  asZoneId,
  LAB_FORMAT_VERSION,
  makeLinkId,
  type Lab,
  type LabDevice,
  type LabEndpoint,
  type LabLink,
  type LabZone,
} from './lab-document';
import { migrateLabDocument, type LabMigration, LAB_MIGRATIONS } from './lab-migrations';
import { sortProblems, type LabProblem, type LabProblemCode, type LabProblemSeverity } from './lab-problems';
import { ENDPOINT_PATTERN, LAB_FILE_SCHEMA, type LabFile } from './lab-schema';
import { BANDWIDTH_PATTERN, DELAY_PATTERN, parseBandwidthBpsBilingual, parseDelayNsBilingual, type BilingualQuantityResult } from './link-units';
import {
  bilingualMessage as msg,
  describeExpected,
  describeSize,
  describeValue,
  didYouMean,
  expectedOneOf,
  firstAtLine,
  quoteValue,
  untranslated,
  type ProblemMessage,
} from './problem-text';
import { describeCodePoint, findUnprintable } from './printable-text';
import { suggestClosest } from './suggest-name';
import { asArray, asRecord, valueAt } from './plain-data';

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Where a device's config text sits in the file: line and column of the config's own line 1,
 * column 1. `exact` is true for a literal block scalar (`config: |`, what serializeLab writes),
 * where config line n is file line `line + n - 1`; for other YAML styles only line 1 is exact.
 */
export interface ConfigOrigin extends SourcePosition {
  readonly exact: boolean;
}

/** Positions in the loaded file of the things later stages report errors about. */
export interface LabSourceMap {
  readonly fileName: string;
  readonly devices: Readonly<Record<string, SourcePosition>>;
  readonly configs: Readonly<Record<string, ConfigOrigin>>;
  readonly links: Readonly<Record<string, SourcePosition>>;
}

export type LoadLabResult =
  | { readonly ok: true; readonly lab: Lab; readonly warnings: readonly LabProblem[]; readonly source: LabSourceMap }
  | { readonly ok: false; readonly problems: readonly LabProblem[] };

export interface LoadLabOptions {
  /** Replaces the built-in migrations (tests). */
  readonly migrations?: readonly LabMigration[];
}

type Path = readonly (string | number)[];
type Issue = z.core.$ZodIssue;

/** Configuration lines of all devices together (100,000 static routes boot in seconds; this is five times that). */
export const MAX_CONFIG_LINES = 500_000;

/** Most names listed in one message before "…". */
const MAX_LISTED_NAMES = 12;

/**
 * The file position of config line `configLine` (1-based), column `configColumn`, of a device
 * whose config starts at `origin`: "line 3 of R1's config" → file line and column.
 */
export function locateConfigLine(origin: ConfigOrigin, configLine: number, configColumn = 1): SourcePosition {
  if (!origin.exact) return { line: origin.line + configLine - 1, column: configLine === 1 ? origin.column + configColumn - 1 : configColumn };
  return { line: origin.line + configLine - 1, column: origin.column + configColumn - 1 };
}

export function loadLab(text: string, fileName: string, options: LoadLabOptions = {}): LoadLabResult {
  return new LabLoader(text, fileName, options).load();
}

class LabLoader {
  private readonly lineCounter = new LineCounter();
  private readonly problems: LabProblem[] = [];
  private yamlDocument!: Document;

  constructor(
    private readonly text: string,
    private readonly fileName: string,
    private readonly options: LoadLabOptions,
  ) {}

  load(): LoadLabResult {
    const tooBig = checkFileSize(this.text);
    if (tooBig !== undefined) {
      this.report('error', 'not-a-lab', tooBig.offset, tooBig.message);
      return this.failed();
    }
    this.yamlDocument = parseDocument(this.text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }); // problems are reported, not logged
    for (const error of this.yamlDocument.errors) this.report('error', 'yaml-syntax', error.pos[0], yamlMessage(error.message, 'error'));
    for (const warning of this.yamlDocument.warnings) this.report('warning', 'yaml-warning', warning.pos[0], yamlMessage(warning.message, 'warning'));
    if (this.hasErrors()) return this.failed();
    const bound = checkYamlBounds(this.yamlDocument);
    if (bound !== undefined) this.report('error', 'yaml-syntax', bound.offset, bound.message);
    if (this.hasErrors()) return this.failed();

    const raw = this.readPlainData();
    if (raw === undefined || !this.checkVersion(raw)) return this.failed();
    const data = this.readPlainData();
    if (data === undefined) return this.failed();

    const parsedFile = LAB_FILE_SCHEMA.safeParse(data, { reportInput: true });
    if (!parsedFile.success) this.reportIssues(parsedFile.error.issues, data);
    const built = this.checkMeaning(data);
    if (this.hasErrors() || !parsedFile.success) return this.failed();

    const lab = buildLab(parsedFile.data, built);
    return { ok: true, lab, warnings: sortProblems(this.problems), source: this.buildSourceMap(lab) };
  }

  // --- pass 1 helpers -------------------------------------------------------------------------

  /** The document as plain data, or undefined (after reporting) when there is no usable mapping. */
  private readPlainData(): Record<string, unknown> | undefined {
    const contents = this.yamlDocument.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      this.report(
        'error',
        'not-a-lab',
        0,
        msg(
          `the file is empty; a lab file starts with 'version: ${LAB_FORMAT_VERSION}' and lists devices and links`,
          `tệp trống; một tệp lab bắt đầu bằng 'version: ${LAB_FORMAT_VERSION}' và liệt kê các thiết bị (devices) và link (links)`,
        ),
      );
      return undefined;
    }
    if (!isMap(contents)) {
      const found = describeNode(contents);
      this.report(
        'error',
        'not-a-lab',
        rangeStart(contents),
        msg(`a lab file is a mapping of keys (version, devices, links …); found ${found.en}`, `tệp lab phải là một mapping các khóa (version, devices, links …); nhưng gặp ${found.vi}`),
      );
      return undefined;
    }
    const converted = safeToJs(this.yamlDocument);
    if (!converted.ok) {
      this.report('error', 'yaml-syntax', rangeStart(contents), converted.error);
      return undefined;
    }
    return asRecord(converted.value);
  }

  /** Checks the version and migrates older files; false when loading cannot go on. */
  private checkVersion(raw: Record<string, unknown>): boolean {
    const version = raw.version;
    const at = this.offsetOf(['version']);
    if (!('version' in raw)) {
      // People writing a first lab from the docs leave it out: read it as this version, and say so.
      this.report(
        'warning',
        'missing-key',
        at,
        msg(
          `no 'version' key: read as format version ${LAB_FORMAT_VERSION} (the one this V6Lab writes); add 'version: ${LAB_FORMAT_VERSION}' as the first line so later V6Labs read the file the same way`,
          `thiếu khóa 'version': tệp được đọc theo định dạng phiên bản ${LAB_FORMAT_VERSION} (phiên bản V6Lab này ghi); hãy thêm 'version: ${LAB_FORMAT_VERSION}' ở dòng đầu để các bản V6Lab sau đọc tệp như nhau`,
        ),
      );
      this.yamlDocument.set('version', LAB_FORMAT_VERSION);
      return true;
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      const got = describeValue(version);
      this.report(
        'error',
        'unsupported-version',
        at,
        msg(
          `version: expected the lab format version, a whole number from 1 (this V6Lab writes ${LAB_FORMAT_VERSION}); got ${got.en}`,
          `version: cần phiên bản định dạng lab, một số nguyên từ 1 (V6Lab này ghi phiên bản ${LAB_FORMAT_VERSION}); nhưng gặp ${got.vi}`,
        ),
      );
      return false;
    }
    if (version > LAB_FORMAT_VERSION) {
      this.report(
        'error',
        'unsupported-version',
        at,
        msg(
          `this lab file is format version ${version}, newer than this V6Lab reads (up to version ${LAB_FORMAT_VERSION}); open it with a newer V6Lab`,
          `tệp lab này dùng định dạng phiên bản ${version}, mới hơn mức V6Lab này đọc được (tối đa phiên bản ${LAB_FORMAT_VERSION}); hãy mở bằng V6Lab mới hơn`,
        ),
      );
      return false;
    }
    if (version < LAB_FORMAT_VERSION) {
      const outcome = migrateLabDocument(this.yamlDocument, version, LAB_FORMAT_VERSION, this.options.migrations ?? LAB_MIGRATIONS);
      if (!outcome.ok) {
        this.report(
          'error',
          'unsupported-version',
          at,
          msg(outcome.error, outcome.errorVi),
        );
        return false;
      }
    }
    return true;
  }

  // --- pass 2: zod issues → problems ----------------------------------------------------------

  /** Keys a "did you mean" already names (`endpoint` → `endpoints`): no second error saying they are missing. */
  private readonly suggestedKeys = new Set<string>();

  private reportIssues(issues: readonly Issue[], data: unknown): void {
    for (const issue of issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      const path = issuePath(issue, []);
      const allowed = keysOfSchemaAt(path);
      for (const key of issue.keys) {
        const suggestion = suggestClosest(key, allowed);
        if (suggestion !== undefined) this.suggestedKeys.add(JSON.stringify([...path, suggestion]));
      }
    }
    for (const issue of issues) this.reportIssue(issue, [], data);
  }

  private reportIssue(issue: Issue, base: Path, data: unknown): void {
    const path = issuePath(issue, base);
    const label = formatPath(path);
    const parentRecord = asRecord(valueAt(data, path.slice(0, -1)));
    const key = path[path.length - 1];
    if (issue.code !== 'unrecognized_keys' && parentRecord !== undefined && typeof key === 'string' && !Object.prototype.hasOwnProperty.call(parentRecord, key)) {
      if (!this.suggestedKeys.has(JSON.stringify(path))) {
        const hint = hintForKey(path);
        const parent = formatPath(path.slice(0, -1));
        this.report(
          'error',
          'missing-key',
          this.offsetOf(path),
          msg(`${parent.en} is missing the required key '${key}'${hint.en}`, `${parent.vi} thiếu khóa bắt buộc '${key}'${hint.vi}`),
        );
      }
      return;
    }
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysOfSchemaAt(path);
        for (const key of issue.keys) {
          const suggestion = suggestClosest(key, allowed);
          const hint = suggestion !== undefined ? didYouMean(suggestion) : expectedOneOf(allowed);
          this.report('error', 'unknown-key', this.keyOffsetOf(path, key), msg(`unknown key '${key}' in ${label.en}; ${hint.en}`, `khóa không hợp lệ '${key}' trong ${label.vi}; ${hint.vi}`));
        }
        return;
      }
      case 'invalid_union': {
        const input = valueAt(data, path);
        // A bilingual text given as a mapping: report what is wrong inside the mapping.
        const objectBranch = issue.errors.find((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
        if (asRecord(input) !== undefined && objectBranch !== undefined) {
          for (const inner of objectBranch) this.reportIssue(inner, path, data);
          return;
        }
        const got = describeValue(input);
        this.report(
          'error',
          'schema',
          this.offsetOf(path),
          msg(
            `${label.en}: expected a text, or a mapping with the Vietnamese and English text {vi: …, en: …}; got ${got.en}`,
            `${label.vi}: cần một chuỗi văn bản, hoặc một mapping gồm bản tiếng Việt và tiếng Anh {vi: …, en: …}; nhưng gặp ${got.vi}`,
          ),
        );
        return;
      }
      case 'invalid_type': {
        const expected = describeExpected(issue.expected);
        const got = describeValue(valueAt(data, path));
        this.report('error', 'schema', this.offsetOf(path), msg(`${label.en}: expected ${expected.en}; got ${got.en}`, `${label.vi}: cần ${expected.vi}; nhưng gặp ${got.vi}`));
        return;
      }
      case 'invalid_value': {
        const input = valueAt(data, path);
        const options = issue.values.map(String);
        const suggestion = typeof input === 'string' ? suggestClosest(input, options) : undefined;
        const hint = suggestion !== undefined ? didYouMean(suggestion) : undefined;
        const got = describeValue(input);
        const expected = expectedOneOf(options);
        this.report(
          'error',
          'schema',
          this.offsetOf(path),
          msg(
            `${label.en}: ${got.en} is not allowed; ${expected.en}${hint === undefined ? '' : ` (${hint.en})`}`,
            `${label.vi}: không chấp nhận ${got.vi}; ${expected.vi}${hint === undefined ? '' : ` (${hint.vi})`}`,
          ),
        );
        return;
      }
      case 'too_small':
      case 'too_big': {
        const input = valueAt(data, path);
        this.report('error', 'schema', this.offsetOf(path), describeSizeIssue(issue, label, input));
        return;
      }
      case 'invalid_format': {
        const key = path[path.length - 1];
        const code: LabProblemCode = key === 'delay' ? 'bad-delay' : key === 'bandwidth' ? 'bad-bandwidth' : 'schema';
        this.report('error', code, this.offsetOf(path), describeFormatIssue(path, valueAt(data, path), issue.message));
        return;
      }
      default:
        this.report('error', 'schema', this.offsetOf(path), msg(`${label.en}: ${issue.message}`, `${label.vi}: giá trị không hợp lệ (${issue.message})`));
    }
  }

  // --- pass 3: meaning ------------------------------------------------------------------------

  private checkMeaning(data: Record<string, unknown>): BuiltLinks {
    this.checkPrintable(data);
    this.checkConfigLines(data);
    const zones = this.checkZones(data);
    const devices = this.checkDevices(data, zones);
    return this.checkLinks(data, devices);
  }

  /** Every device's configuration together stays under MAX_CONFIG_LINES (a boot applies each line). */
  private checkConfigLines(data: Record<string, unknown>): void {
    let total = 0;
    asArray(data.devices).forEach((item, index) => {
      const config = asRecord(item)?.config;
      if (typeof config !== 'string' || total > MAX_CONFIG_LINES) return;
      let lines = 1;
      for (let at = config.indexOf('\n'); at >= 0; at = config.indexOf('\n', at + 1)) lines++;
      total += lines;
      if (total <= MAX_CONFIG_LINES) return;
      const limit = MAX_CONFIG_LINES.toLocaleString('en-US');
      this.report(
        'error',
        'schema',
        this.offsetOf(['devices', index, 'config']),
        msg(
          `devices[${index}].config: the configurations reach more than ${limit} lines here; a lab holds at most ${limit} configuration lines in all`,
          `devices[${index}].config: tổng số dòng cấu hình vượt quá ${limit} ở đây; một bài lab có tối đa ${limit} dòng cấu hình`,
        ),
      );
    });
  }

  /**
   * Names (the lab's name, zone ids and labels, a device's zone) are printable text; a
   * description may also break lines (printable-text.ts). Device names follow the hostname rule.
   */
  private checkPrintable(data: Record<string, unknown>): void {
    const check = (path: Path, lineBreaks: boolean): void => {
      const value = valueAt(data, path);
      const texts: [Path, unknown][] = asRecord(value) !== undefined ? [[[...path, 'vi'], asRecord(value)!.vi], [[...path, 'en'], asRecord(value)!.en]] : [[path, value]];
      for (const [at, text] of texts) {
        if (typeof text !== 'string') continue;
        const found = findUnprintable(text, { lineBreaks });
        if (found === undefined) continue;
        const label = formatPath(at);
        const what = describeCodePoint(found.codePoint);
        this.report(
          'error',
          'schema',
          this.offsetOf(at) + scalarTextOffset(this.text, this.nodeAt(at), text, found.index),
          msg(
            `${label.en}: contains the control character ${what} at character ${found.index + 1}; ${lineBreaks ? 'a description is printable text and line breaks' : 'names are printable text only'}`,
            `${label.vi}: chứa ký tự điều khiển ${what} ở ký tự thứ ${found.index + 1}; ${lineBreaks ? 'phần mô tả chỉ gồm văn bản in được và xuống dòng' : 'tên chỉ gồm văn bản in được'}`,
          ),
        );
      }
    };
    check(['name'], false);
    check(['description'], true);
    asArray(data.zones).forEach((_zone, index) => {
      check(['zones', index, 'id'], false);
      check(['zones', index, 'label'], false);
    });
    asArray(data.devices).forEach((_device, index) => check(['devices', index, 'zone'], false));
  }

  private checkZones(data: Record<string, unknown>): Set<string> {
    const declared = new Map<string, number>();
    asArray(data.zones).forEach((zone, index) => {
      const id = asRecord(zone)?.id;
      if (typeof id !== 'string') return;
      const path: Path = ['zones', index, 'id'];
      const earlier = declared.get(id);
      if (earlier !== undefined) {
        const first = firstAtLine(this.lineOf(this.offsetOf(['zones', earlier, 'id'])));
        this.report('error', 'duplicate-zone', this.offsetOf(path), msg(`zone '${id}' is declared twice; ${first.en}`, `zone '${id}' được khai báo hai lần; ${first.vi}`));
        return;
      }
      declared.set(id, index);
    });
    return new Set(declared.keys());
  }

  private checkDevices(data: Record<string, unknown>, zones: ReadonlySet<string>): Map<string, KnownDevice> {
    const byName = new Map<string, KnownDevice>();
    const byFoldedName = new Map<string, { name: string; index: number }>();
    const zoneChoices = [...new Set([...zones, ...COURSE_ZONE_IDS])];
    asArray(data.devices).forEach((item, index) => {
      const device = asRecord(item);
      if (device === undefined) return;
      const { name, kind, zone } = device;
      if (typeof zone === 'string' && zone !== '' && !zones.has(zone) && !isCourseZoneId(zone)) {
        const suggestion = suggestClosest(zone, zoneChoices);
        const hint =
          suggestion !== undefined ? didYouMean(suggestion) : msg(`course zones are ${COURSE_ZONE_IDS.join(', ')}`, `các zone của khóa học là ${COURSE_ZONE_IDS.join(', ')}`);
        this.report(
          'warning',
          'unknown-zone',
          this.offsetOf(['devices', index, 'zone']),
          msg(
            `zone '${zone}' is not a course zone and is not declared under 'zones'; ${hint.en}`,
            `zone '${zone}' không phải zone của khóa học và không được khai báo trong 'zones'; ${hint.vi}`,
          ),
        );
      }
      if (typeof name !== 'string') return;
      const folded = name.toLowerCase();
      const earlier = byFoldedName.get(folded);
      if (earlier !== undefined) {
        const line = this.lineOf(this.offsetOf(['devices', earlier.index, 'name']));
        const clash =
          earlier.name === name
            ? msg(`device name '${name}' is used twice`, `tên thiết bị '${name}' bị dùng hai lần`)
            : msg(
                `device name '${name}' clashes with '${earlier.name}' (names are compared without case)`,
                `tên thiết bị '${name}' trùng với '${earlier.name}' (tên được so sánh không phân biệt hoa thường)`,
              );
        const first = firstAtLine(line);
        this.report('error', 'duplicate-device', this.offsetOf(['devices', index, 'name']), msg(`${clash.en}; ${first.en}`, `${clash.vi}; ${first.vi}`));
        return;
      }
      byFoldedName.set(folded, { name, index });
      byName.set(name, { name, kind: isDeviceKind(kind) ? kind : undefined, index });
    });
    return byName;
  }

  private checkLinks(data: Record<string, unknown>, devices: ReadonlyMap<string, KnownDevice>): BuiltLinks {
    const built: BuiltLinks = new Map();
    const portUse = new Map<string, { count: number; firstLine: number }>();
    asArray(data.links).forEach((item, index) => {
      const link = asRecord(item);
      if (link === undefined) return;
      const endpoints = asArray(link.endpoints);
      const resolved: (ResolvedEndpoint | undefined)[] = [];
      if (endpoints.length === 2) {
        endpoints.forEach((endpoint, side) => resolved.push(this.resolveEndpoint(endpoint, ['links', index, 'endpoints', side], devices)));
      }
      const [a, b] = resolved;
      if (a !== undefined && b !== undefined) this.checkCabling(a, b, index, portUse);
      const delayNs = this.checkQuantity(link.delay, DELAY_PATTERN, parseDelayNsBilingual, ['links', index, 'delay'], 'bad-delay');
      const bandwidthBps = this.checkQuantity(link.bandwidth, BANDWIDTH_PATTERN, parseBandwidthBpsBilingual, ['links', index, 'bandwidth'], 'bad-bandwidth');
      if (a !== undefined && b !== undefined) built.set(index, { endpoints: [a.endpoint, b.endpoint], delayNs, bandwidthBps });
    });
    return built;
  }

  private resolveEndpoint(endpoint: unknown, path: Path, devices: ReadonlyMap<string, KnownDevice>): ResolvedEndpoint | undefined {
    if (typeof endpoint !== 'string' || !ENDPOINT_PATTERN.test(endpoint)) return undefined; // the schema reported it
    const colon = endpoint.indexOf(':');
    const deviceText = endpoint.slice(0, colon);
    const interfaceText = endpoint.slice(colon + 1).trim();
    const device = devices.get(deviceText);
    if (device === undefined) {
      const names = [...devices.keys()];
      const suggestion = suggestClosest(deviceText, names);
      const hint =
        suggestion !== undefined
          ? didYouMean(suggestion)
          : names.length === 0
            ? msg('the lab has no devices', 'bài lab chưa có thiết bị nào')
            : msg(`the devices are ${listNames(names)}`, `các thiết bị là ${listNames(names)}`);
      this.report(
        'error',
        'unknown-device',
        this.offsetOf(path),
        msg(
          `link endpoint '${endpoint}' names device '${deviceText}', which is not in this lab; ${hint.en}`,
          `đầu link '${endpoint}' trỏ tới thiết bị '${deviceText}', thiết bị này không có trong bài lab; ${hint.vi}`,
        ),
      );
      return undefined;
    }
    if (device.kind === undefined) return undefined; // its kind is wrong; the schema reported it
    // Point at the interface part of the endpoint text, where the mistake is.
    const interfaceIndex = endpoint.length - endpoint.slice(colon + 1).trimStart().length;
    const interfaceOffset = this.offsetOf(path) + scalarTextOffset(this.text, this.nodeAt(path), endpoint, interfaceIndex);
    const resolved = resolveInterfaceNameBilingual(device.kind, interfaceText, device.name);
    if (!resolved.ok) {
      this.report('error', 'unknown-interface', interfaceOffset, resolved.error);
      return undefined;
    }
    if (resolved.value.role !== 'physical') {
      this.report(
        'error',
        'not-a-port',
        interfaceOffset,
        msg(
          `${device.name}:${resolved.value.name} is a logical interface, not a port a cable can plug into; ${device.name} has ${describePhysicalPorts(device.kind)}`,
          `${device.name}:${resolved.value.name} là interface logic, không phải cổng để cắm cáp; ${device.name} có ${describePhysicalPorts(device.kind)}`,
        ),
      );
      return undefined;
    }
    return {
      endpoint: { device: asDeviceName(device.name), interface: asInterfaceName(resolved.value.name) },
      kind: device.kind,
      offset: this.offsetOf(path),
    };
  }

  private checkCabling(a: ResolvedEndpoint, b: ResolvedEndpoint, index: number, portUse: Map<string, { count: number; firstLine: number }>): void {
    const nameA = `${a.endpoint.device}:${a.endpoint.interface}`;
    const nameB = `${b.endpoint.device}:${b.endpoint.interface}`;
    if (nameA === nameB) {
      this.report(
        'error',
        'self-link',
        b.offset,
        msg(`link ${index + 1} connects ${nameA} to itself; a link joins two different ports`, `link ${index + 1} nối ${nameA} với chính nó; một link phải nối hai cổng khác nhau`),
      );
      return;
    }
    const portA = findPhysicalPort(a.kind, a.endpoint.interface);
    const portB = findPhysicalPort(b.kind, b.endpoint.interface);
    if (portA?.medium === 'radio' && portB?.medium === 'radio') {
      this.report(
        'error',
        'radio-to-radio',
        b.offset,
        msg(
          `link ${index + 1} joins two radios (${nameA} and ${nameB}); a radio link joins an access point's radio to a client's port`,
          `link ${index + 1} nối hai radio với nhau (${nameA} và ${nameB}); link vô tuyến nối radio của điểm truy cập với cổng của máy khách`,
        ),
      );
      return;
    }
    for (const [endpoint, port, name] of [
      [a, portA, nameA],
      [b, portB, nameB],
    ] as const) {
      const use = portUse.get(name);
      const maxLinks = port?.maxLinks ?? 1;
      if (use === undefined) {
        portUse.set(name, { count: 1, firstLine: this.lineOf(endpoint.offset) });
        continue;
      }
      use.count += 1;
      if (use.count > maxLinks) {
        const message =
          maxLinks === 1
            ? msg(
                `port ${name} is already cabled by the link at line ${use.firstLine}; a port takes one cable`,
                `cổng ${name} đã được nối cáp bởi link ở dòng ${use.firstLine}; mỗi cổng chỉ cắm một cáp`,
              )
            : msg(`radio ${name} already has ${maxLinks} clients, the most it takes`, `radio ${name} đã có ${maxLinks} máy khách, mức tối đa nó nhận`);
        this.report('error', 'port-in-use', endpoint.offset, message);
      }
    }
  }

  private checkQuantity(
    value: unknown,
    pattern: RegExp,
    parse: (text: string) => BilingualQuantityResult,
    path: Path,
    code: LabProblemCode,
  ): number | undefined {
    // Text the pattern rejects was reported by the schema; here only values out of range remain.
    if (typeof value !== 'string' || !pattern.test(value)) return undefined;
    const result = parse(value);
    if (result.ok) return result.value;
    this.report('error', code, this.offsetOf(path), result.error);
    return undefined;
  }

  // --- results --------------------------------------------------------------------------------

  private buildSourceMap(lab: Lab): LabSourceMap {
    const devices: Record<string, SourcePosition> = {};
    const configs: Record<string, ConfigOrigin> = {};
    const links: Record<string, SourcePosition> = {};
    lab.devices.forEach((device, index) => {
      devices[device.name] = this.positionOf(this.offsetOf(['devices', index]));
      const configNode = this.nodeAt(['devices', index, 'config']);
      if (device.config !== undefined && isScalar(configNode)) configs[device.name] = this.configOrigin(configNode);
    });
    lab.links.forEach((link, index) => {
      links[link.id] = this.positionOf(this.offsetOf(['links', index]));
    });
    return { fileName: this.fileName, devices, configs, links };
  }

  private configOrigin(node: { readonly type?: string; readonly range?: readonly number[] | null }): ConfigOrigin {
    const start = node.range?.[0] ?? 0;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      // Content starts on the line after the `|` header; its indentation is that of the first non-blank line.
      const headerLine = this.lineOf(start);
      const contentStart = this.text.indexOf('\n', start) + 1;
      const body = this.text.slice(contentStart, node.range?.[1] ?? this.text.length);
      const indent = /^(?:[ \t]*\r?\n)*( *)/.exec(body)?.[1]?.length ?? 0;
      return { line: headerLine + 1, column: indent + 1, exact: node.type === 'BLOCK_LITERAL' };
    }
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    const position = this.positionOf(start + quoted);
    return { ...position, exact: false };
  }

  private failed(): LoadLabResult {
    return { ok: false, problems: sortProblems(this.problems) };
  }

  private hasErrors(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  // --- positions ------------------------------------------------------------------------------

  private report(severity: LabProblemSeverity, code: LabProblemCode, offset: number, message: ProblemMessage): void {
    const { line, column } = this.positionOf(offset);
    this.problems.push({ severity, code, file: this.fileName, line, column, message: message.en, messageVi: message.vi });
  }

  private positionOf(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line, column: col };
  }

  private lineOf(offset: number): number {
    return this.positionOf(offset).line;
  }

  /** The YAML node at a path, or undefined when the path leaves the tree. */
  private nodeAt(path: Path): unknown {
    let node: unknown = this.yamlDocument.contents;
    for (const segment of path) {
      const next = childNode(node, segment);
      if (next === undefined) return undefined;
      node = next.node;
    }
    return node;
  }

  /** Offset of the deepest node along the path that exists (the parent mapping for a missing key). */
  private offsetOf(path: Path): number {
    let node: unknown = this.yamlDocument.contents;
    let offset = rangeStart(node);
    for (const segment of path) {
      const next = childNode(node, segment);
      if (next === undefined) break;
      node = next.node;
      offset = next.offset;
    }
    return offset;
  }

  /** Offset of a key inside the mapping at `path`. */
  private keyOffsetOf(path: Path, key: string): number {
    const map = this.nodeAt(path);
    if (isMap(map)) {
      const pair = map.items.find((item) => keyText(item) === key);
      if (pair !== undefined) return rangeStart(pair.key);
    }
    return this.offsetOf(path);
  }
}

// --- building the document ----------------------------------------------------------------------

interface KnownDevice {
  readonly name: string;
  readonly kind: DeviceKind | undefined;
  readonly index: number;
}

interface ResolvedEndpoint {
  readonly endpoint: LabEndpoint;
  readonly kind: DeviceKind;
  readonly offset: number;
}

type BuiltLinks = Map<number, { readonly endpoints: readonly [LabEndpoint, LabEndpoint]; readonly delayNs: number | undefined; readonly bandwidthBps: number | undefined }>;

function buildLab(file: LabFile, links: BuiltLinks): Lab {
  const devices: LabDevice[] = (file.devices ?? []).map((device) => ({
    name: asDeviceName(device.name),
    kind: device.kind,
    ...(device.position !== undefined ? { position: { x: roundPosition(device.position.x), y: roundPosition(device.position.y) } } : {}),
    ...(device.zone !== undefined ? { zone: asZoneId(device.zone) } : {}),
    ...(device.config !== undefined ? { config: device.config } : {}),
  }));
  const labLinks: LabLink[] = (file.links ?? []).map((link, index) => {
    const resolved = links.get(index)!;
    const [a, b] = resolved.endpoints;
    return {
      id: makeLinkId(a, b),
      endpoints: [a, b],
      ...(resolved.delayNs !== undefined ? { delayNs: resolved.delayNs } : {}),
      ...(resolved.bandwidthBps !== undefined ? { bandwidthBps: resolved.bandwidthBps } : {}),
      ...(link.mtu !== undefined ? { mtu: link.mtu } : {}),
      state: link.state ?? 'up',
    };
  });
  const zones: LabZone[] = (file.zones ?? []).map((zone) => ({ id: asZoneId(zone.id), label: zone.label }));
  return {
    version: LAB_FORMAT_VERSION,
    ...(file.name !== undefined ? { name: file.name } : {}),
    ...(file.description !== undefined ? { description: file.description } : {}),
    zones,
    devices,
    links: labLinks,
  };
}

/** Canvas positions are whole pixels; `+ 0` turns -0 into 0 so documents compare equal. */
export function roundPosition(value: number): number {
  return Math.round(value) + 0;
}

// --- plain-data and YAML-tree helpers ------------------------------------------------------------

function safeToJs(yamlDocument: Document): { ok: true; value: unknown } | { ok: false; error: ProblemMessage } {
  try {
    return { ok: true, value: yamlDocument.toJS({ maxAliasCount: 1000 }) };
  } catch (error) {
    // toJS throws only on alias expansion limits ("billion laughs") and alias cycles.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: msg(`the file cannot be read as data: ${reason}`, `không đọc được tệp thành dữ liệu: ${reason}`) };
  }
}






/** Offset, within the node's source text, of character `index` of its string value (0 when escapes make it unknowable). */
function scalarTextOffset(text: string, node: unknown, value: string, index: number): number {
  const range = rangeOf(node);
  if (range === undefined) return 0;
  const source = text.slice(range[0], range[1]);
  const at = source.indexOf(value);
  return at >= 0 ? at + index : 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

// --- message helpers -------------------------------------------------------------------------------

function issuePath(issue: Issue, base: Path): Path {
  return [...base, ...issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol')];
}

function formatPath(path: Path): ProblemMessage {
  if (path.length === 0) return msg('the lab', 'bài lab');
  return untranslated(path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join(''));
}

function describeNode(node: unknown): ProblemMessage {
  if (isSeq(node)) return msg('a list', 'một danh sách');
  if (isScalar(node)) return describeValue(node.value);
  return msg('something else', 'một thứ khác');
}

function describeSizeIssue(issue: Issue & { code: 'too_small' | 'too_big' }, label: ProblemMessage, input: unknown): ProblemMessage {
  const small = issue.code === 'too_small';
  const limit = String(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
  if (issue.origin === 'array') {
    const count = Array.isArray(input) ? input.length : 0;
    return msg(
      `${label.en}: expected exactly 2 endpoints ["DEVICE:INTERFACE", "DEVICE:INTERFACE"]; got ${count}`,
      `${label.vi}: cần đúng 2 đầu link ["THIẾT_BỊ:INTERFACE", "THIẾT_BỊ:INTERFACE"]; nhưng có ${count}`,
    );
  }
  const size = describeSize(small, issue.origin === 'string' ? 'string' : 'number', limit, input);
  return msg(`${label.en}: ${size.en}`, `${label.vi}: ${size.vi}`);
}

/**
 * A text the schema's pattern refused (zod's message is the English one, written in
 * lab-schema.ts): the same message in both languages, from the value itself.
 */
function describeFormatIssue(path: Path, input: unknown, english: string): ProblemMessage {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof input === 'string' && key === 'delay') {
    const result = parseDelayNsBilingual(input);
    if (!result.ok) return result.error;
  }
  if (typeof input === 'string' && key === 'bandwidth') {
    const result = parseBandwidthBpsBilingual(input);
    if (!result.ok) return result.error;
  }
  if (key === 'name' && path[0] === 'devices') {
    return msg(
      english,
      `tên thiết bị ${typeof input === 'string' ? quoteValue(input) : String(input)} không đúng quy tắc hostname: bắt đầu bằng chữ cái, kết thúc bằng chữ cái hoặc chữ số, chỉ gồm chữ cái, chữ số và dấu gạch ngang, tối đa 63 ký tự`,
    );
  }
  if (parent === 'endpoints') {
    return msg(english, `đầu link ${typeof input === 'string' ? quoteValue(input) : String(input)} phải có dạng THIẾT_BỊ:INTERFACE, ví dụ R1:GigabitEthernet0/0`);
  }
  return msg(english, `${formatPath(path).vi}: giá trị không đúng định dạng (${english})`);
}

/** A YAML library message (English) with its Vietnamese: the kind of problem in Vietnamese, the library's detail kept. */
function yamlMessage(message: string, severity: 'error' | 'warning'): ProblemMessage {
  return describeYamlError(firstLine(message), severity);
}

function listNames(names: readonly string[]): string {
  return names.length > MAX_LISTED_NAMES ? `${names.slice(0, MAX_LISTED_NAMES).join(', ')} …` : names.join(', ');
}

/** The zod schema node at a path (through optional, array and union-of-object wrappers). */
function schemaAt(path: Path): z.core.$ZodType | undefined {
  let schema: z.core.$ZodType | undefined = LAB_FILE_SCHEMA;
  for (const segment of [...path, undefined]) {
    schema = unwrap(schema);
    if (segment === undefined || schema === undefined) break;
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (def.type === 'object' && typeof segment === 'string') schema = def.shape?.[segment];
    else if (def.type === 'array' && typeof segment === 'number') schema = def.element;
    else return undefined;
  }
  return schema;
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  for (;;) {
    const def = current?._zod.def as { type: string; innerType?: z.core.$ZodType; options?: readonly z.core.$ZodType[] } | undefined;
    if (def === undefined) return undefined;
    if (def.type === 'optional' || def.type === 'default') current = def.innerType;
    else if (def.type === 'union') current = def.options?.find((option) => (option._zod.def as { type: string }).type === 'object');
    else return current;
  }
}

function keysOfSchemaAt(path: Path): string[] {
  const def = schemaAt(path)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}

function hintForKey(path: Path): ProblemMessage {
  const def = schemaAt(path)?._zod.def as { type: string; entries?: Record<string, string> } | undefined;
  if (def?.type === 'enum' && def.entries !== undefined) {
    const options = expectedOneOf(Object.values(def.entries));
    return msg(`; ${options.en}`, `; ${options.vi}`);
  }
  return untranslated('');
}

/**
 * Loading a scenario file (`scenarios/**.yaml`): YAML text → the scenario document, or every
 * problem at once, each at file:line:column with a message that says what was expected.
 *
 * The lab part is the lab loader's (load-lab.ts), not a copy of it: the file's text with every
 * non-lab top-level entry blanked out (spaces, line breaks kept, so every line and column stay
 * where they were) plus the lab version goes through `loadLab`, which checks devices, links,
 * zones, cabling and names as for a lab file. The course part is checked here:
 * 1. shape, with the zod schema of scenario-schema.ts; unknown keys get a "did you mean", and a
 *    check is checked against its own kind's schema (an unknown `kind` gets the closest kind);
 * 2. meaning: task ids unique, points adding up to `totalPoints`, every check's references
 *    (devices, interfaces, prefixes, addresses: each kind's `validate`), locked devices that
 *    exist, faults and solution steps on devices that exist and are not locked, an unplugged
 *    link that is cabled.
 * Whether the solution's and the faults' lines are accepted by the devices is only known by
 * typing them: start-scenario.ts and solution.ts report those at file:line too.
 * Older format versions are upgraded first (scenario-migrations.ts). Never throws on any input.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { isDeviceKind, type DeviceKind } from '../../devices/catalog';
import { resolveInterfaceName, resolveInterfaceNameBilingual } from '../../devices/interface-names';
import { asDeviceName, type DeviceName, type LabDevice } from '../lab-document';
import { migrateLabDocument } from '../lab-migrations';
import { loadLab, type ConfigOrigin, type LabSourceMap, type SourcePosition } from '../load-lab';
import {
  bilingualMessage as msg,
  describeExpected,
  describeSize,
  describeValue,
  didYouMean,
  expectedOneOf,
  firstAtLine,
  untranslated,
  type ProblemMessage,
} from '../problem-text';
import { suggestClosest } from '../suggest-name';
import { checkFileSize, checkYamlBounds, describeYamlError } from '../yaml-nodes';
import type { BilingualText } from './bilingual-text';
import type { CheckPath, CheckValidationContext } from './checks/check-kind';
import { CHECK_KIND_NAMES, findCheckKind, type ScenarioCheck } from './checks/registry';
import type { Scenario, ScenarioFault, ScenarioId, ScenarioTask, SolutionStep, TaskId } from './scenario-document';
import { LAB_VERSION_OF_SCENARIO_VERSION, SCENARIO_FORMAT_VERSION, SCENARIO_MIGRATIONS } from './scenario-migrations';
import { sortScenarioProblems, type ScenarioProblem, type ScenarioProblemCode } from './scenario-problems';
import { FAULT_KIND_NAMES, SCENARIO_COURSE_SCHEMA, SCENARIO_FILE_SCHEMA, SCENARIO_LAB_KEYS, type ScenarioFile } from './scenario-schema';
import { YamlLocator, type DataPath } from './yaml-locator';
import { keyText, rangeEnd, rangeStart } from '../yaml-nodes';
import type { LabMigration } from '../lab-migrations';
import { asArray, asRecord, valueAt } from '../plain-data';

/** Positions in the scenario file of what later stages report about. */
export interface ScenarioSourceMap {
  readonly fileName: string;
  /** Devices, configs and links, as for a lab file. */
  readonly lab: LabSourceMap;
  /** tasks[i] */
  readonly tasks: readonly SourcePosition[];
  /** checks[i][j]: task i, check j. */
  readonly checks: readonly (readonly SourcePosition[])[];
  /** faults[i], and where a config fault's commands start. */
  readonly faults: readonly { readonly at: SourcePosition; readonly commands?: ConfigOrigin }[];
  /** solution[i], and where its commands start. */
  readonly solution: readonly { readonly at: SourcePosition; readonly commands: ConfigOrigin }[];
}

export type LoadScenarioResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly warnings: readonly ScenarioProblem[]; readonly source: ScenarioSourceMap }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

export interface LoadScenarioOptions {
  /** Replaces the built-in migrations (tests). */
  readonly migrations?: readonly LabMigration[];
}

type Issue = z.core.$ZodIssue;

/** The top-level keys a scenario may have. */
const TOP_LEVEL_KEYS: readonly string[] = Object.keys(SCENARIO_FILE_SCHEMA.shape);

/**
 * True when a file's text is a scenario rather than a lab: it has the top-level `tasks:` key
 * no lab file has (so `v6lab run` and `v6lab console` open it as a scenario).
 */
export function isScenarioText(text: string): boolean {
  return /^tasks\s*:/m.test(text);
}

export function loadScenario(text: string, fileName: string, options: LoadScenarioOptions = {}): LoadScenarioResult {
  return new ScenarioLoader(text, fileName, options).load();
}

/**
 * The lab part of a scenario's text: every top-level entry that is not `zones`, `devices` or
 * `links` blanked (line breaks kept), then `version: <labVersion>`. Lines and columns of the
 * lab keys are those of the scenario file.
 */
export function extractLabText(text: string, yamlDocument: Document, labVersion: number): string {
  const contents = yamlDocument.contents;
  if (!isMap(contents)) return `version: ${labVersion}\n`;
  // Offsets from the yaml library count UTF-16 code units; blank by code unit.
  const units = text.split('');
  for (const pair of contents.items) {
    const key = keyText(pair);
    if (key !== undefined && (SCENARIO_LAB_KEYS as readonly string[]).includes(key)) continue;
    const start = rangeStart(pair.key);
    const valueEnd = pair.value === null || pair.value === undefined ? undefined : rangeEnd(pair.value);
    const end = valueEnd ?? rangeEnd(pair.key) ?? start;
    for (let i = start; i < end && i < units.length; i += 1) if (units[i] !== '\n' && units[i] !== '\r') units[i] = ' ';
  }
  const body = units.join('');
  return `${body}${body.endsWith('\n') ? '' : '\n'}version: ${labVersion}\n`;
}

class ScenarioLoader {
  private readonly lineCounter = new LineCounter();
  private readonly problems: ScenarioProblem[] = [];
  private yamlDocument!: Document;
  private locator!: YamlLocator;
  /** The file's top-level keys, known or not. */
  private topLevelKeys: readonly string[] = [];
  /** Devices as written (name, kind), for references even when the lab part has errors. */
  private devices: LabDevice[] = [];

  constructor(
    private readonly text: string,
    private readonly fileName: string,
    private readonly options: LoadScenarioOptions,
  ) {}

  load(): LoadScenarioResult {
    const tooBig = checkFileSize(this.text);
    if (tooBig !== undefined) {
      this.problems.push({ severity: 'error', code: 'not-a-lab', file: this.fileName, line: 1, column: 1, message: tooBig.message.en, messageVi: tooBig.message.vi });
      return this.failed();
    }
    this.yamlDocument = parseDocument(this.text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }); // problems are reported, not logged
    this.locator = new YamlLocator(this.text, this.yamlDocument, this.lineCounter);
    for (const error of this.yamlDocument.errors) {
      this.reportAt('error', 'yaml-syntax', this.locator.positionOfOffset(error.pos[0]), describeYamlError(firstLine(error.message), 'error'));
    }
    for (const warning of this.yamlDocument.warnings) {
      this.reportAt('warning', 'yaml-warning', this.locator.positionOfOffset(warning.pos[0]), describeYamlError(firstLine(warning.message), 'warning'));
    }
    if (this.hasErrors()) return this.failed();
    const bound = checkYamlBounds(this.yamlDocument);
    if (bound !== undefined) {
      this.reportAt('error', 'yaml-syntax', this.locator.positionOfOffset(bound.offset), bound.message);
      return this.failed();
    }

    const contents = this.yamlDocument.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      this.report(
        'error',
        'not-a-lab',
        [],
        msg(
          `the file is empty; a scenario starts with 'version: ${SCENARIO_FORMAT_VERSION}' and has an id, a title, tasks, a solution and a lab`,
          `tệp trống; một kịch bản bắt đầu bằng 'version: ${SCENARIO_FORMAT_VERSION}' và có id, tiêu đề (title), các nhiệm vụ (tasks), lời giải (solution) và một bài lab`,
        ),
      );
      return this.failed();
    }
    if (!isMap(contents) || contents.flow === true) {
      this.report(
        'error',
        'not-a-lab',
        [],
        msg(
          'a scenario is a block mapping of keys (version, id, title, tasks … devices, links), one key per line',
          'kịch bản phải là một block mapping các khóa (version, id, title, tasks … devices, links), mỗi khóa một dòng',
        ),
      );
      return this.failed();
    }
    const raw = this.plainData();
    if (raw === undefined) return this.failed();
    const fileVersion = this.checkVersion(raw);
    if (fileVersion === undefined) return this.failed();
    const data = this.plainData();
    if (data === undefined) return this.failed();

    // The lab part, by the lab loader.
    const labVersion = LAB_VERSION_OF_SCENARIO_VERSION[fileVersion] ?? 1;
    const loadedLab = loadLab(extractLabText(this.text, this.yamlDocument, labVersion), this.fileName);
    if (loadedLab.ok) this.problems.push(...loadedLab.warnings);
    else this.problems.push(...loadedLab.problems);
    this.devices = readDevices(data.devices);

    // The course part: shape.
    this.topLevelKeys = Object.keys(data);
    this.checkTopLevelKeys(data);
    const course: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) if (TOP_LEVEL_KEYS.includes(key) && !(SCENARIO_LAB_KEYS as readonly string[]).includes(key)) course[key] = value;
    const parsed = SCENARIO_COURSE_SCHEMA.safeParse(course);
    if (!parsed.success) {
      this.reportIssues(parsed.error.issues, course);
      // Never fail without saying why.
      if (!this.hasErrors()) {
        for (const issue of parsed.error.issues) {
          this.report('error', 'schema', issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol'), msg(issue.message, `giá trị không hợp lệ (${issue.message})`));
        }
      }
    }

    // The course part: meaning.
    this.checkTasks(data);
    this.checkLocked(data);
    this.checkFaults(data);
    this.checkSolution(data);

    if (this.hasErrors() || !parsed.success || !loadedLab.ok) return this.failed();
    const file = { ...parsed.data, zones: undefined, devices: undefined, links: undefined } as ScenarioFile;
    const scenario = buildScenario(file, fileVersion, loadedLab.lab);
    return { ok: true, scenario, warnings: sortScenarioProblems(this.problems), source: this.buildSourceMap(scenario, loadedLab.source) };
  }

  // --- version ---------------------------------------------------------------------------------

  private checkVersion(raw: Record<string, unknown>): number | undefined {
    const version = raw.version;
    if (!('version' in raw)) {
      this.report(
        'error',
        'missing-key',
        [],
        msg(`missing required key 'version'; a scenario starts with 'version: ${SCENARIO_FORMAT_VERSION}'`, `thiếu khóa bắt buộc 'version'; một kịch bản bắt đầu bằng 'version: ${SCENARIO_FORMAT_VERSION}'`),
      );
      return undefined;
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      const got = describeValue(version);
      this.report(
        'error',
        'unsupported-version',
        ['version'],
        msg(
          `version: expected the scenario format version, a whole number from 1 (this V6Lab writes ${SCENARIO_FORMAT_VERSION}); got ${got.en}`,
          `version: cần phiên bản định dạng kịch bản, một số nguyên từ 1 (V6Lab này ghi phiên bản ${SCENARIO_FORMAT_VERSION}); nhưng gặp ${got.vi}`,
        ),
      );
      return undefined;
    }
    if (version > SCENARIO_FORMAT_VERSION) {
      this.report(
        'error',
        'unsupported-version',
        ['version'],
        msg(
          `this scenario is format version ${version}, newer than this V6Lab reads (up to version ${SCENARIO_FORMAT_VERSION}); open it with a newer V6Lab`,
          `kịch bản này dùng định dạng phiên bản ${version}, mới hơn mức V6Lab này đọc được (tối đa phiên bản ${SCENARIO_FORMAT_VERSION}); hãy mở bằng V6Lab mới hơn`,
        ),
      );
      return undefined;
    }
    if (version < SCENARIO_FORMAT_VERSION) {
      const outcome = migrateLabDocument(this.yamlDocument, version, SCENARIO_FORMAT_VERSION, this.options.migrations ?? SCENARIO_MIGRATIONS);
      if (!outcome.ok) {
        this.report('error', 'unsupported-version', ['version'], msg(outcome.error.replace('lab file', 'scenario'), outcome.errorVi.replace('tệp lab', 'kịch bản')));
        return undefined;
      }
    }
    return version;
  }

  // --- shape -----------------------------------------------------------------------------------

  private checkTopLevelKeys(data: Record<string, unknown>): void {
    for (const key of Object.keys(data)) {
      if (TOP_LEVEL_KEYS.includes(key)) continue;
      // A Map, not an object literal: `constructor` or `__proto__` must not find Object's own members.
      const renamed = new Map([['name', 'title'], ['description', 'summary']]);
      const suggestion = renamed.get(key) ?? suggestClosest(key, TOP_LEVEL_KEYS);
      const hint = suggestion !== undefined ? didYouMean(suggestion) : expectedOneOf(TOP_LEVEL_KEYS);
      this.reportAt('error', 'unknown-key', this.locator.keyPositionOf([], key), msg(`unknown key '${key}' in the scenario; ${hint.en}`, `khóa không hợp lệ '${key}' trong kịch bản; ${hint.vi}`));
    }
  }

  private reportIssues(issues: readonly Issue[], data: unknown): void {
    for (const issue of issues) this.reportIssue(issue, [], data);
  }

  private reportIssue(issue: Issue, base: DataPath, data: unknown): void {
    const path = [...base, ...issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol')];
    const label = formatPath(path);
    const parent = asRecord(valueAt(data, path.slice(0, -1)));
    const last = path[path.length - 1];
    const input = valueAt(data, path);
    if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof last === 'string') {
      // A check or a fault whose `kind` is missing or unknown.
      const isCheck = path.includes('checks');
      const kinds = isCheck ? CHECK_KIND_NAMES : (FAULT_KIND_NAMES as readonly string[]);
      const what = isCheck ? msg('check', 'kiểm tra (check)') : msg('fault', 'lỗi giả lập (fault)');
      if (input === undefined) {
        const parentLabel = formatPath(path.slice(0, -1));
        this.report(
          'error',
          'missing-key',
          path.slice(0, -1),
          msg(`${parentLabel.en} is missing 'kind'; a ${what.en} kind is one of ${kinds.join(', ')}`, `${parentLabel.vi} thiếu 'kind'; loại ${what.vi} là một trong ${kinds.join(', ')}`),
        );
        return;
      }
      const suggestion = typeof input === 'string' ? suggestClosest(input, kinds) : undefined;
      const hint = suggestion !== undefined ? didYouMean(suggestion) : expectedOneOf(kinds);
      const got = describeValue(input);
      this.report(
        'error',
        isCheck ? 'unknown-check-kind' : 'unknown-fault-kind',
        path,
        msg(`unknown ${what.en} kind ${got.en}; ${hint.en}`, `loại ${what.vi} không hợp lệ ${got.vi}; ${hint.vi}`),
      );
      return;
    }
    if (issue.code !== 'unrecognized_keys' && parent !== undefined && typeof last === 'string' && !Object.prototype.hasOwnProperty.call(parent, last)) {
      if (this.suggestedMissing(path, parent, data)) return;
      const parentLabel = formatPath(path.slice(0, -1));
      const hint = hintForKey(issue);
      this.report('error', 'missing-key', path.slice(0, -1), msg(`${parentLabel.en} is missing the required key '${last}'${hint.en}`, `${parentLabel.vi} thiếu khóa bắt buộc '${last}'${hint.vi}`));
      return;
    }
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysOfSchemaAt(path, data);
        for (const key of issue.keys) {
          const suggestion = suggestClosest(key, allowed);
          const hint = suggestion !== undefined ? didYouMean(suggestion) : expectedOneOf(allowed);
          this.reportAt('error', 'unknown-key', this.locator.keyPositionOf(path, key), msg(`unknown key '${key}' in ${label.en}; ${hint.en}`, `khóa không hợp lệ '${key}' trong ${label.vi}; ${hint.vi}`));
        }
        return;
      }
      case 'invalid_type': {
        if (issue.expected === 'object' && isBilingualAt(path, data) && typeof input === 'string') {
          this.report(
            'error',
            'schema',
            path,
            msg(
              `${label.en}: expected the Vietnamese and English text as a mapping {vi: …, en: …}; got a single text`,
              `${label.vi}: cần cả bản tiếng Việt và tiếng Anh dưới dạng mapping {vi: …, en: …}; nhưng chỉ có một chuỗi`,
            ),
          );
          return;
        }
        const expected = describeExpected(issue.expected);
        const got = describeValue(input);
        this.report('error', 'schema', path, msg(`${label.en}: expected ${expected.en}; got ${got.en}`, `${label.vi}: cần ${expected.vi}; nhưng gặp ${got.vi}`));
        return;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        const suggestion = typeof input === 'string' ? suggestClosest(input, options) : undefined;
        const hint = suggestion !== undefined ? didYouMean(suggestion) : undefined;
        const got = describeValue(input);
        const expected = expectedOneOf(options);
        this.report(
          'error',
          'schema',
          path,
          msg(
            `${label.en}: ${got.en} is not allowed; ${expected.en}${hint === undefined ? '' : ` (${hint.en})`}`,
            `${label.vi}: không chấp nhận ${got.vi}; ${expected.vi}${hint === undefined ? '' : ` (${hint.vi})`}`,
          ),
        );
        return;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const limit = String(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
        const size = describeSize(small, issue.origin === 'array' || issue.origin === 'string' ? issue.origin : 'number', limit, input);
        this.report('error', 'schema', path, msg(`${label.en}: ${size.en}`, `${label.vi}: ${size.vi}`));
        return;
      }
      default:
        this.report('error', 'schema', path, msg(`${label.en}: ${issue.message}`, `${label.vi}: giá trị không hợp lệ (${issue.message})`));
    }
  }

  /** A required key missing because it was misspelt: the unknown-key error already says so. */
  private suggestedMissing(path: DataPath, parent: Record<string, unknown>, data: unknown): boolean {
    const wanted = path[path.length - 1] as string;
    const keys = path.length === 1 ? this.topLevelKeys : Object.keys(parent);
    const allowed = path.length === 1 ? TOP_LEVEL_KEYS : keysOfSchemaAt(path.slice(0, -1), data);
    return keys.some((key) => !allowed.includes(key) && suggestClosest(key, [wanted]) === wanted);
  }

  // --- meaning ---------------------------------------------------------------------------------

  private findDevice(name: string): LabDevice | undefined {
    const wanted = name.trim().toLowerCase();
    return this.devices.find((device) => device.name.toLowerCase() === wanted);
  }

  private referenceError(path: DataPath, message: ProblemMessage, code: ScenarioProblemCode = 'bad-reference'): void {
    this.report('error', code, path, message);
  }

  private deviceReference(path: DataPath, name: unknown): LabDevice | undefined {
    if (typeof name !== 'string' || name === '') return undefined;
    const device = this.findDevice(name);
    if (device !== undefined) return device;
    const names = this.devices.map((entry) => entry.name);
    const suggestion = suggestClosest(name, names);
    const hint =
      suggestion !== undefined ? didYouMean(suggestion) : msg(`the devices are ${names.join(', ') || '(none)'}`, `các thiết bị là ${names.join(', ') || '(không có)'}`);
    this.referenceError(path, msg(`there is no device '${name}' in this lab; ${hint.en}`, `Thiết bị '${name}' không tồn tại trong bài lab; ${hint.vi}`));
    return undefined;
  }

  private endpointReference(path: DataPath, text: unknown): { device: LabDevice; interfaceName: string } | undefined {
    if (typeof text !== 'string') return undefined;
    const colon = text.indexOf(':');
    if (colon <= 0) return undefined; // the schema said so
    const device = this.deviceReference(path, text.slice(0, colon).trim());
    if (device === undefined) return undefined;
    const resolved = resolveInterfaceNameBilingual(device.kind, text.slice(colon + 1), device.name);
    if (!resolved.ok) {
      this.referenceError(path, resolved.error);
      return undefined;
    }
    return { device, interfaceName: resolved.value.name };
  }

  private isLocked(data: Record<string, unknown>, name: string): boolean {
    return asArray(data.locked).some((entry) => typeof entry === 'string' && entry.toLowerCase() === name.toLowerCase());
  }

  private checkTasks(data: Record<string, unknown>): void {
    const ids = new Map<string, number>();
    const questionIds = new Map<string, DataPath>();
    let sum = 0;
    asArray(data.tasks).forEach((item, taskIndex) => {
      const task = asRecord(item);
      if (task === undefined) return;
      if (typeof task.id === 'string') {
        const earlier = ids.get(task.id);
        if (earlier !== undefined) {
          const first = firstAtLine(this.locator.positionOf(['tasks', earlier, 'id']).line);
          this.report('error', 'duplicate-task', ['tasks', taskIndex, 'id'], msg(`task id '${task.id}' is used twice; ${first.en}`, `id nhiệm vụ '${task.id}' bị dùng hai lần; ${first.vi}`));
        }
        else ids.set(task.id, taskIndex);
      }
      if (typeof task.points === 'number') sum += task.points;
      asArray(task.checks).forEach((check, checkIndex) => {
        this.checkCheck(['tasks', taskIndex, 'checks', checkIndex], check);
        // Question ids name answers in progress files, so they are unique in the whole scenario.
        const question = asRecord(check);
        if (question?.kind !== 'question' || typeof question.id !== 'string') return;
        const earlier = questionIds.get(question.id);
        const path: DataPath = ['tasks', taskIndex, 'checks', checkIndex, 'id'];
        if (earlier === undefined) questionIds.set(question.id, path);
        else {
          const first = firstAtLine(this.locator.positionOf(earlier).line);
          this.report('error', 'duplicate-task', path, msg(`question id '${question.id}' is used twice; ${first.en}`, `id câu hỏi '${question.id}' bị dùng hai lần; ${first.vi}`));
        }
      });
    });
    if (typeof data.totalPoints === 'number' && asArray(data.tasks).every((task) => typeof asRecord(task)?.points === 'number') && sum !== data.totalPoints) {
      this.report(
        'error',
        'points-total',
        ['totalPoints'],
        msg(`totalPoints is ${data.totalPoints} but the tasks' points add up to ${sum}`, `totalPoints là ${data.totalPoints} nhưng tổng điểm các nhiệm vụ là ${sum}`),
      );
    }
  }

  /** A check against its kind: shape errors were reported with the union; meaning here. */
  private checkCheck(path: DataPath, value: unknown): void {
    const check = asRecord(value);
    if (check === undefined || typeof check.kind !== 'string') return;
    const kind = findCheckKind(check.kind);
    if (kind === undefined) return;
    const parsed = kind.schema.safeParse(check);
    if (!parsed.success) return;
    const context: CheckValidationContext = {
      findDevice: (name) => this.findDevice(name),
      deviceNames: this.devices.map((device) => device.name),
      error: (inner: CheckPath, message: ProblemMessage) => this.report('error', 'bad-reference', [...path, ...inner], message),
      warning: (inner: CheckPath, message: ProblemMessage) => this.report('warning', 'bad-reference', [...path, ...inner], message),
    };
    kind.validate(parsed.data as ScenarioCheck, context);
  }

  private checkLocked(data: Record<string, unknown>): void {
    const seen = new Set<string>();
    asArray(data.locked).forEach((name, index) => {
      if (typeof name !== 'string') return;
      if (seen.has(name.toLowerCase())) {
        this.report('warning', 'bad-reference', ['locked', index], msg(`device '${name}' is listed twice under locked`, `thiết bị '${name}' được liệt kê hai lần trong locked`));
      }
      seen.add(name.toLowerCase());
      this.deviceReference(['locked', index], name);
    });
  }

  private checkFaults(data: Record<string, unknown>): void {
    asArray(data.faults).forEach((item, index) => {
      const fault = asRecord(item);
      if (fault === undefined) return;
      const path: DataPath = ['faults', index];
      let device: LabDevice | undefined;
      if (fault.kind === 'config') device = this.deviceReference([...path, 'device'], fault.device);
      else if (fault.kind === 'shutdown') device = this.endpointReference([...path, 'interface'], fault.interface)?.device;
      else if (fault.kind === 'unplug') {
        const endpoint = this.endpointReference([...path, 'link'], fault.link);
        device = endpoint?.device;
        if (endpoint !== undefined && !this.isCabled(data, endpoint.device, endpoint.interfaceName)) {
          const port = `${endpoint.device.name}:${endpoint.interfaceName}`;
          this.referenceError([...path, 'link'], msg(`${port} has no cable in this lab, so there is nothing to unplug`, `${port} không có cáp nào trong bài lab, nên không có gì để rút`));
        }
      }
      if (device !== undefined && this.isLocked(data, device.name)) {
        this.referenceError(
          path,
          msg(`a fault on ${device.name}, which is locked: the trainee could not fix it`, `lỗi giả lập trên ${device.name}, thiết bị đang bị khóa: học viên sẽ không sửa được`),
          'locked-device',
        );
      }
    });
  }

  private isCabled(data: Record<string, unknown>, device: LabDevice, interfaceName: string): boolean {
    return asArray(data.links).some((item) =>
      asArray(asRecord(item)?.endpoints).some((endpoint) => {
        if (typeof endpoint !== 'string') return false;
        const colon = endpoint.indexOf(':');
        if (colon <= 0 || endpoint.slice(0, colon).trim().toLowerCase() !== device.name.toLowerCase()) return false;
        const resolved = resolveInterfaceName(device.kind, endpoint.slice(colon + 1), device.name);
        return resolved.ok && resolved.value.name === interfaceName;
      }),
    );
  }

  private checkSolution(data: Record<string, unknown>): void {
    asArray(data.solution).forEach((item, index) => {
      const step = asRecord(item);
      if (step === undefined) return;
      const device = this.deviceReference(['solution', index, 'device'], step.device);
      if (device !== undefined && this.isLocked(data, device.name)) {
        this.referenceError(
          ['solution', index, 'device'],
          msg(`the solution changes ${device.name}, which is locked: the trainee could not do the same`, `lời giải thay đổi ${device.name}, thiết bị đang bị khóa: học viên không thể làm tương tự`),
          'locked-device',
        );
      }
    });
  }

  // --- results ---------------------------------------------------------------------------------

  private buildSourceMap(scenario: Scenario, lab: LabSourceMap): ScenarioSourceMap {
    const origin = (path: DataPath): ConfigOrigin => this.locator.scalarOrigin(path) ?? { ...this.locator.positionOf(path), exact: false };
    return {
      fileName: this.fileName,
      lab,
      tasks: scenario.tasks.map((_, index) => this.locator.positionOf(['tasks', index])),
      checks: scenario.tasks.map((task, taskIndex) => task.checks.map((_, checkIndex) => this.locator.positionOf(['tasks', taskIndex, 'checks', checkIndex]))),
      faults: scenario.faults.map((fault, index) => ({
        at: this.locator.positionOf(['faults', index]),
        ...(fault.kind === 'config' ? { commands: origin(['faults', index, 'commands']) } : {}),
      })),
      solution: scenario.solution.map((_, index) => ({ at: this.locator.positionOf(['solution', index]), commands: origin(['solution', index, 'commands']) })),
    };
  }

  private plainData(): Record<string, unknown> | undefined {
    try {
      return asRecord(this.yamlDocument.toJS({ maxAliasCount: 1000 })) ?? {};
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.report('error', 'yaml-syntax', [], msg(`the file cannot be read as data: ${reason}`, `không đọc được tệp thành dữ liệu: ${reason}`));
      return undefined;
    }
  }

  private failed(): LoadScenarioResult {
    return { ok: false, problems: sortScenarioProblems(this.problems) };
  }

  private hasErrors(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  private report(severity: 'error' | 'warning', code: ScenarioProblem['code'], path: DataPath, message: ProblemMessage): void {
    this.reportAt(severity, code, this.locator.positionOf(path), message);
  }

  private reportAt(severity: 'error' | 'warning', code: ScenarioProblem['code'], position: SourcePosition, message: ProblemMessage): void {
    this.problems.push({ severity, code, file: this.fileName, line: position.line, column: position.column, message: message.en, messageVi: message.vi });
  }
}

// --- building ------------------------------------------------------------------------------------

function buildScenario(file: ScenarioFile, fileVersion: number, lab: Scenario['lab']): Scenario {
  const tasks: ScenarioTask[] = file.tasks.map((task) => ({
    id: task.id as TaskId,
    title: task.title,
    points: task.points,
    checks: task.checks as ScenarioCheck[],
    hints: task.hints ?? [],
  }));
  const canonical = (name: string): DeviceName => asDeviceName(lab.devices.find((device) => device.name.toLowerCase() === name.toLowerCase())?.name ?? name);
  const faults: ScenarioFault[] = (file.faults ?? []).map((fault) => {
    const note = fault.note === undefined ? {} : { note: typeof fault.note === 'string' ? { vi: fault.note, en: fault.note } : (fault.note as BilingualText) };
    if (fault.kind === 'config') return { kind: 'config', device: canonical(fault.device), commands: fault.commands, ...note };
    if (fault.kind === 'unplug') return { kind: 'unplug', link: fault.link, ...note };
    return { kind: 'shutdown', interface: fault.interface, ...note };
  });
  const solution: SolutionStep[] = file.solution.map((step) => ({ device: canonical(step.device), commands: step.commands }));
  return {
    id: file.id as ScenarioId,
    version: fileVersion,
    title: file.title,
    summary: file.summary,
    level: file.level,
    minutes: file.minutes,
    planStep: file.planStep,
    instructions: file.instructions,
    tasks,
    totalPoints: tasks.reduce((sum, task) => sum + task.points, 0),
    locked: (file.locked ?? []).map(canonical),
    faults,
    solution,
    lab: { ...lab, name: file.title, description: file.summary },
  };
}

function readDevices(value: unknown): LabDevice[] {
  const devices: LabDevice[] = [];
  for (const item of asArray(value)) {
    const device = asRecord(item);
    if (device === undefined || typeof device.name !== 'string' || !isDeviceKind(device.kind)) continue;
    devices.push({ name: asDeviceName(device.name), kind: device.kind as DeviceKind });
  }
  return devices;
}


function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function formatPath(path: DataPath): ProblemMessage {
  if (path.length === 0) return msg('the scenario', 'kịch bản');
  return untranslated(path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join(''));
}

function hintForKey(issue: Issue): ProblemMessage {
  if (issue.code === 'invalid_value') {
    const values = issue.values.map(String).join(', ');
    return msg(`; expected one of ${values}`, `; cần là một trong ${values}`);
  }
  return untranslated('');
}

// --- the schema at a path --------------------------------------------------------------------------

type SchemaDef = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  discriminator?: string;
  values?: readonly unknown[];
};

function defOf(schema: z.core.$ZodType | undefined): SchemaDef | undefined {
  return schema?._zod.def as SchemaDef | undefined;
}

/** The schema at a data path; a discriminated union picks the option named by the data's `kind`. */
function schemaAt(path: DataPath, data: unknown): z.core.$ZodType | undefined {
  let schema: z.core.$ZodType | undefined = SCENARIO_COURSE_SCHEMA;
  for (let depth = 0; depth <= path.length; depth += 1) {
    schema = unwrap(schema, valueAt(data, path.slice(0, depth)));
    const segment = path[depth];
    if (segment === undefined || schema === undefined) break;
    const def = defOf(schema)!;
    if (def.type === 'object' && typeof segment === 'string') schema = def.shape?.[segment];
    else if (def.type === 'array' && typeof segment === 'number') schema = def.element;
    else return undefined;
  }
  return schema;
}

function unwrap(schema: z.core.$ZodType | undefined, value: unknown): z.core.$ZodType | undefined {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def === undefined) return undefined;
    if (def.type === 'optional' || def.type === 'default') current = def.innerType;
    else if (def.type === 'union') {
      const kind = asRecord(value)?.[def.discriminator ?? 'kind'];
      current = def.options?.find((option) => defOf(defOf(option)?.shape?.[def.discriminator ?? 'kind'])?.values?.includes(kind));
    } else return current;
  }
}

function keysOfSchemaAt(path: DataPath, data: unknown): string[] {
  const def = defOf(schemaAt(path, data));
  return def?.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}

function isBilingualAt(path: DataPath, data: unknown): boolean {
  const keys = keysOfSchemaAt(path, data);
  return keys.length === 2 && keys.includes('vi') && keys.includes('en');
}

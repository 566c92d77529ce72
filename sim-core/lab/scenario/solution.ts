/**
 * Applying a scenario's reference solution: each step's lines typed at the device's console,
 * in order, as an instructor would type them (virtual time runs while a command runs, as with
 * LabSession.exec). A line the device refuses is a problem at its scenario file:line:column,
 * with the device's answer. How a refusal looks depends on the dialect:
 * - IOS: a `% …` line (`% Invalid input detected at '^' marker.`, `% Incomplete command.`,
 *   `% Ambiguous command`, `% Unknown command`, and the command errors such as `% Bad IP
 *   address`), except the note `% Access VLAN does not exist. Creating vlan`;
 * - Windows cmd/netsh: the messages cmd and netsh print for a bad command or parameter;
 * - Linux: iproute2's `Error: …` / `RTNETLINK answers: …` and bash's `command not found`.
 * Before a step on an IOS device whose console was left in a configuration mode, `end` is
 * typed first, so a step starts from privileged or user exec as written.
 * Blank lines are skipped; on IOS `!` lines too, on Windows `REM` lines, on Linux `#` lines.
 * Two IOS mistakes are named rather than left to cascade: an `exit` that ends the console
 * session (the device then waits for RETURN and takes the next line as it, as a real console
 * does: reported on the `exit` line, suggesting `end`), and `configure terminal` refused in
 * user EXEC (`R1>`): reported once with "type `enable` first", and the rest of that step is not
 * typed (each of its lines would fail the same way).
 */
import { getDeviceKindSpec, type Dialect } from '../../devices/catalog';
import { ACCESS_VLAN_CREATED } from '../../console/ios/ios-runtime';
import type { ExecResult, LabSession } from '../lab-session';
import { locateConfigLine } from '../load-lab';
import type { ScenarioSourceMap } from './load-scenario';
import type { Scenario, SolutionStep } from './scenario-document';
import type { ScenarioProblem } from './scenario-problems';

const REFUSALS: Readonly<Record<Dialect, (output: string) => string | undefined>> = {
  ios: (output) => output.split('\n').find((line) => line.startsWith('% ') && !line.startsWith(ACCESS_VLAN_CREATED)),
  windows: (output) =>
    output
      .split('\n')
      .find((line) =>
        /is not recognized as an internal or external command|The syntax supplied for this command is not valid|The parameter is incorrect|Element not found|The object already exists|could not find host|The following command was not found/i.test(line),
      ),
  linux: (output) => output.split('\n').find((line) => /^(Error:|RTNETLINK answers:|Cannot find device|Command line is not complete|-?bash: .*command not found|Usage:)/.test(line.trim())),
};

const COMMENT: Readonly<Record<Dialect, RegExp>> = {
  ios: /^\s*!/,
  windows: /^\s*(rem(\s|$)|::)/i,
  linux: /^\s*#/,
};

export interface SolutionOutcome {
  readonly problems: readonly ScenarioProblem[];
  /** Every line typed, with what the console showed. */
  readonly transcript: readonly ExecResult[];
}

/** Types every step of the solution; returns the refused lines as problems and the transcript. */
export function applySolution(session: LabSession, scenario: Scenario, source?: ScenarioSourceMap): SolutionOutcome {
  const problems: ScenarioProblem[] = [];
  const transcript: ExecResult[] = [];
  scenario.solution.forEach((step, index) => {
    const outcome = typeSolutionStep(session, step);
    transcript.push(...outcome.transcript);
    for (const refusal of outcome.refused) {
      const origin = source?.solution[index]?.commands;
      const position = origin === undefined ? { line: refusal.line, column: 1 } : locateConfigLine(origin, refusal.line, refusal.column);
      problems.push({
        severity: 'error',
        code: 'solution-rejected',
        file: source?.fileName ?? `${scenario.id} (solution ${index + 1})`,
        line: position.line,
        column: position.column,
        message: `${step.device} refused solution line '${refusal.text.trim()}': ${refusal.message}`,
        // The device's own error stays as the device prints it.
        messageVi: `${step.device} từ chối dòng lời giải '${refusal.text.trim()}': ${refusal.message}`,
        excerpt: refusal.screen,
      });
    }
  });
  return { problems, transcript };
}

/** What IOS prints when a console session ends (`exit` from user or privileged EXEC). */
const SESSION_ENDED = /Press RETURN to get started/;

export interface RefusedLine {
  /** 1-based line in the step's commands. */
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly message: string;
  /** What the console showed for it. */
  readonly screen: string;
}

/** Types one step's lines at its device's console. */
export function typeSolutionStep(session: LabSession, step: SolutionStep): { readonly refused: readonly RefusedLine[]; readonly transcript: readonly ExecResult[] } {
  const name = session.resolveDeviceName(step.device);
  if (!name.ok) return { refused: [{ line: 1, column: 1, text: step.device, message: name.error, screen: '' }], transcript: [] };
  const dialect = getDeviceKindSpec(session.network.device(name.value).kind).dialect;
  const refused: RefusedLine[] = [];
  const transcript: ExecResult[] = [];
  const prompt = session.promptOf(name.value);
  if (dialect === 'ios' && prompt.ok && /\(config[^)]*\)#\s*$/.test(prompt.value)) session.exec(name.value, 'end');
  const lines = step.commands.split(/\r?\n/);
  for (const [index, text] of lines.entries()) {
    if (text.trim() === '' || COMMENT[dialect].test(text)) continue;
    const before = dialect === 'ios' ? session.promptOf(name.value) : undefined;
    const result = session.exec(name.value, text);
    if (!result.ok) {
      refused.push({ line: index + 1, column: 1, text, message: result.error, screen: '' });
      continue;
    }
    transcript.push(result.value);
    const column = (/\S/.exec(text)?.index ?? 0) + 1;
    const screen = result.value.transcript.trimEnd();
    if (dialect === 'ios' && SESSION_ENDED.test(result.value.transcript)) {
      const next = lines.slice(index + 1).find((line) => line.trim() !== '' && !COMMENT.ios.test(line));
      const swallowed = next === undefined ? '' : `; the next line '${next.trim()}' is taken as that RETURN`;
      refused.push({ line: index + 1, column, text, message: `'${text.trim()}' ended the console session (the device now waits for RETURN${swallowed}); use 'end' to leave configuration mode`, screen });
      continue;
    }
    const output = result.value.transcript.split('\n').slice(1).join('\n');
    const refusal = REFUSALS[dialect](output);
    if (refusal === undefined) continue;
    const userExec = before !== undefined && before.ok && /^[^\s(]+>\s*$/.test(before.value);
    if (userExec && /^\s*conf(i(g(u(r(e)?)?)?)?)?\b/i.test(text)) {
      const rest = lines.slice(index + 1).filter((line) => line.trim() !== '' && !COMMENT.ios.test(line)).length;
      const skipped = rest > 0 ? `; the ${rest} line${rest === 1 ? '' : 's'} after it in this step were not typed` : '';
      refused.push({ line: index + 1, column, text, message: `${refusal.trim()} — ${step.device} is in user EXEC mode (${before.value.trim()}): type 'enable' first${skipped}`, screen });
      break;
    }
    refused.push({ line: index + 1, column, text, message: refusal.trim(), screen });
  }
  return { refused, transcript };
}

/**
 * Virtual time `v6lab check --solution` lets pass after typing the solution before checking,
 * as an instructor would wait: longer than IOS's largest default RA interval (200 s, so hosts
 * that gave up soliciting still hear a periodic RA), DAD and SLAAC included.
 */
export const SOLUTION_CONVERGE_NS = 240_000_000_000;

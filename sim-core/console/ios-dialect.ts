/**
 * The IOS-style dialect: modes declared as data (user exec `R1>`, privileged `R1#`,
 * `R1(config)#`, `R1(config-if)#`, …), each with its command specs; the engine adds IOS's
 * navigation (enable, disable, configure terminal — `configure` alone asks `Configuring from terminal, memory, or network [terminal]?` and takes only the terminal —, exit, end, Ctrl-Z, do) and prints IOS's
 * errors and help byte for byte:
 *   - `% Invalid input detected at '^' marker.` under a caret line (prompt + error column),
 *     then a blank line; `% Incomplete command.` then a blank line;
 *     `% Ambiguous command:  "<line>"` (two spaces) with no blank line (public IOS captures);
 *   - an unknown single word in exec mode is a host name to telnet to:
 *     `Translating "foo"` / `% Unknown command or computer name, or unable to find computer address`
 *     (IOS with `no ip domain-lookup`; a dialect may override);
 *   - `?` rows: two spaces, the token padded to the longest token, two spaces, the help; a
 *     blank line, then the prompt and the line again; `sh?` lists completions two spaces apart;
 *   - a command of an enclosing mode typed in a sub-mode runs there and leaves the sub-mode.
 * Leaves out: privilege levels beyond 1/15, `enable secret`, the `--More--` pager,
 * `terminal length`, and the `%SYS-5-CONFIG_I` syslog (the device sends it with `notify`).
 */
import type { InterfaceCatalog } from './arg-types';
import { compileMode, compileModeShared, hasKeyword, type CommandSpec, type ModeGraph, type ParsedArgs } from './grammar';
import type { ConsoleJob } from './job';
import { completeLine, helpFor, matchCommand, type MatchContext, type MatchResult } from './matcher';
import { compileFilter, type FilterKind } from './output-filter';
import type { ConsoleDialect, ControlKeyOutcome, DialectOutcome } from './session';

/** What a handler returns: nothing, text, or text and/or a job. */
export type IosCommandResult = void | string | { readonly output?: string; readonly job?: ConsoleJob };

export interface IosCommandContext {
  readonly hostname: string;
  /** The mode the command runs in, and the data it was entered with (e.g. the interface name). */
  readonly mode: string;
  readonly modeData: unknown;
  /** Data of the nearest enclosing frame of `mode` (e.g. the interface of a sub-mode). */
  dataOf(mode: string): unknown;
  /** Enters a sub-mode (its parent must be the current mode or an enclosing one). */
  enterMode(mode: string, data?: unknown): void;
}

export type IosHandler = (args: ParsedArgs, ctx: IosCommandContext) => IosCommandResult;

export interface IosModeSpec {
  readonly id: string;
  /** What follows the host name: `>`, `#`, `(config)#`, `(config-if)#`, … */
  readonly prompt: string;
  /** Where `exit` goes; absent = `exit` logs out (exec modes). */
  readonly parent?: string;
  /** An exec mode (user or privileged): unknown first words are host names. */
  readonly exec?: boolean;
  /** A configuration mode: accepts `do` and `end`, and falls through to its parent's commands. */
  readonly config?: boolean;
  /** Help for `exit` in this mode. */
  readonly exitHelp?: string;
  readonly commands: readonly CommandSpec<IosHandler>[];
}

export interface IosDialectOptions {
  readonly hostname: () => string;
  readonly modes: readonly IosModeSpec[];
  /** Mode ids the built-ins use. */
  readonly userMode: string;
  readonly privilegedMode: string;
  readonly configMode: string;
  readonly interfaces?: () => InterfaceCatalog;
  /** Help for keywords that specs leave without help (`show`, `ipv6`, …). */
  readonly keywordHelp?: Readonly<Record<string, string>>;
  /** Output for an unknown word in exec mode (IOS tries to telnet to it). */
  readonly unknownCommand?: (word: string) => string;
  /** Called when configuration mode is left with `end`, Ctrl-Z or `exit` (IOS logs %SYS-5-CONFIG_I). */
  readonly onConfigEnd?: () => void;
  /** Asks a question on the console (`configure` alone asks where from); absent when config text is loaded. */
  readonly ask?: (question: { readonly prompt: string; answer(line: string): DialectOutcome }) => void;
  /** Leave out enable/disable/configure/exit/end/do (a dialect that declares its own). */
  readonly noBuiltins?: boolean;
}

interface Frame {
  readonly mode: string;
  readonly data: unknown;
}

export const INVALID_INPUT = "% Invalid input detected at '^' marker.";
export const INCOMPLETE_COMMAND = '% Incomplete command.';
export const UNRECOGNIZED_COMMAND = '% Unrecognized command';
export const CONFIG_BANNER = 'Enter configuration commands, one per line.  End with CNTL/Z.';

export function ambiguousCommand(line: string): string {
  return `% Ambiguous command:  "${line}"`;
}

export function defaultUnknownCommand(word: string): string {
  return `Translating "${word}"\n% Unknown command or computer name, or unable to find computer address\n`;
}

/** `?` rows in IOS's two-column layout. */
export function formatHelpRows(entries: readonly { token: string; help: string }[]): string {
  const width = Math.max(...entries.map((e) => e.token.length));
  return entries.map((e) => (e.help === '' ? `  ${e.token}` : `  ${e.token.padEnd(width)}  ${e.help}`)).join('\n') + '\n';
}

const PIPE_SPECS: CommandSpec<FilterKind>[] = [
  { spec: 'begin LINE', help: ['Begin with the line that matches', 'Regular Expression'], handler: 'begin' },
  { spec: 'count LINE', help: ['Count number of lines which match regexp', 'Regular Expression'], handler: 'count' },
  { spec: 'exclude LINE', help: ['Exclude lines that match', 'Regular Expression'], handler: 'exclude' },
  { spec: 'include LINE', help: ['Include lines that match', 'Regular Expression'], handler: 'include' },
  { spec: 'section LINE', help: ['Filter a section of output', 'Regular Expression'], handler: 'section' },
];
const PIPE_GRAPH = compileMode(PIPE_SPECS);

type Builtin = { readonly builtin: 'enable' | 'disable' | 'configure' | 'exit' | 'end' | 'do' };
type Handler = IosHandler | Builtin;

function isBuiltin(h: Handler): h is Builtin {
  return typeof h === 'object';
}

export class IosDialect implements ConsoleDialect {
  readonly interruptKey = '\x1e';
  /** Each mode's graph, shared by every device with the same command set; handlers[mode][i] runs its command i. */
  private readonly graphs = new Map<string, ModeGraph<number>>();
  private readonly handlers = new Map<string, Handler[]>();
  private readonly specs = new Map<string, IosModeSpec>();
  private stack: Frame[];
  private loggedOut = false;

  constructor(private readonly options: IosDialectOptions) {
    for (const mode of options.modes) this.specs.set(mode.id, mode);
    for (const mode of options.modes) {
      const commands: CommandSpec<Handler>[] = [...mode.commands];
      if (!options.noBuiltins) commands.push(...this.builtinsFor(mode));
      this.graphs.set(mode.id, compileModeShared(commands, { keywordHelp: options.keywordHelp }));
      this.handlers.set(mode.id, commands.map((command) => command.handler));
    }
    this.stack = [{ mode: options.userMode, data: undefined }];
  }

  private builtinsFor(mode: IosModeSpec): CommandSpec<Handler>[] {
    const o = this.options;
    const out: CommandSpec<Handler>[] = [];
    if (mode.exec) {
      out.push({ spec: 'enable', help: ['Turn on privileged commands'], handler: { builtin: 'enable' } });
      out.push({ spec: 'exit', help: [mode.exitHelp ?? 'Exit from the EXEC'], handler: { builtin: 'exit' } });
    }
    if (mode.id === o.privilegedMode) {
      out.push({ spec: 'disable', help: ['Turn off privileged commands'], handler: { builtin: 'disable' } });
      out.push({ spec: 'configure [terminal]', help: ['Enter configuration mode', 'Configure from the terminal'], handler: { builtin: 'configure' } });
    }
    if (mode.config) {
      out.push({ spec: 'exit', help: [mode.exitHelp ?? 'Exit from configure mode'], handler: { builtin: 'exit' } });
      out.push({ spec: 'end', help: ['Exit from configure mode'], handler: { builtin: 'end' } });
      out.push({ spec: 'do LINE', help: ['To run exec commands in config mode', 'Exec Command'], handler: { builtin: 'do' } });
    }
    return out;
  }

  /** The current mode id. */
  get mode(): string {
    return this.top.mode;
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private get ctx(): MatchContext {
    return { interfaces: this.options.interfaces?.() };
  }

  prompt(): string {
    if (this.loggedOut) return '';
    return `${this.options.hostname()}${this.specs.get(this.mode)?.prompt ?? '#'}`;
  }

  /** The modes to try for a line: the current one, then (config modes) each enclosing one. */
  private modeChain(): number[] {
    const chain = [this.stack.length - 1];
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (!this.specs.get(this.stack[i]!.mode)?.config || !this.specs.get(this.stack[i - 1]!.mode)?.config) break;
      chain.push(i - 1);
    }
    return chain;
  }

  /** `do` at the start of a config-mode line: where the exec command starts. */
  private doOffset(line: string): number | undefined {
    if (!this.specs.get(this.mode)?.config) return undefined;
    const m = /^\s*do\s+/i.exec(line);
    return m ? m[0].length : undefined;
  }

  /** A pipe after a complete filterable command: the command part's end. */
  private pipeAt(graph: ModeGraph<number>, line: string, start: number): number | undefined {
    for (let i = line.indexOf('|', start); i >= 0; i = line.indexOf('|', i + 1)) {
      if (i > 0 && line[i - 1] !== ' ') continue;
      const left = matchCommand(graph, line.slice(0, i), this.ctx, start);
      if (left.kind === 'command' && left.command.filterable) return i;
    }
    return undefined;
  }

  execute(line: string): DialectOutcome {
    if (this.loggedOut) {
      this.loggedOut = false;
      this.stack = [{ mode: this.options.userMode, data: undefined }];
      return {};
    }
    const promptLength = this.prompt().length;
    const doAt = this.doOffset(line);
    if (doAt !== undefined) {
      return this.runIn([{ mode: this.options.privilegedMode, frameIndex: -1 }], line, doAt, promptLength);
    }
    return this.runIn(this.modeChain().map((i) => ({ mode: this.stack[i]!.mode, frameIndex: i })), line, 0, promptLength);
  }

  private runIn(chain: readonly { mode: string; frameIndex: number }[], line: string, start: number, promptLength: number): DialectOutcome {
    let first: { result: MatchResult<number>; pipe: number | undefined } | undefined;
    for (const { mode, frameIndex } of chain) {
      const graph = this.graphs.get(mode);
      if (!graph) continue;
      const pipe = this.pipeAt(graph, line, start);
      const result = matchCommand(graph, pipe === undefined ? line : line.slice(0, pipe), this.ctx, start);
      if (result.kind === 'command') {
        if (frameIndex >= 0) this.stack = this.stack.slice(0, frameIndex + 1);
        return this.dispatch(this.handlers.get(mode)![result.command.handler]!, result.args, line, pipe, promptLength, frameIndex < 0 ? mode : undefined);
      }
      if (!first || (first.result.kind === 'invalid' && result.kind === 'invalid' && result.errorIndex > first.result.errorIndex)) {
        first = { result, pipe };
      }
    }
    if (!first) return {};
    const result = first.result;
    switch (result.kind) {
      case 'empty':
        return {};
      case 'incomplete':
        return { output: `${INCOMPLETE_COMMAND}\n\n` };
      case 'ambiguous':
        return { output: `${ambiguousCommand(line.trimEnd())}\n` };
      case 'invalid': {
        const isExec = this.specs.get(chain[0]!.mode)?.exec || start > 0;
        const words = line.slice(start).trim().split(/\s+/);
        if (isExec && !result.keywordMatched && words.length === 1) {
          return { output: (this.options.unknownCommand ?? defaultUnknownCommand)(words[0]!) };
        }
        return { output: `${' '.repeat(promptLength + result.errorIndex)}^\n${INVALID_INPUT}\n\n` };
      }
      case 'command':
        return {};
    }
  }

  private dispatch(handler: Handler, args: ParsedArgs, line: string, pipe: number | undefined, promptLength: number, execMode?: string): DialectOutcome {
    if (isBuiltin(handler)) return this.runBuiltin(handler, args, promptLength);
    const ctx = this.contextFor(execMode);
    const raw = handler(args, ctx);
    const outcome: DialectOutcome = raw === undefined ? {} : typeof raw === 'string' ? { output: raw } : raw;
    if (pipe === undefined || outcome.output === undefined) return outcome;
    const filter = matchCommand(PIPE_GRAPH, line, {}, pipe + 1);
    if (filter.kind === 'command') {
      const lineArg = filter.args.values['line'];
      const compiled = compileFilter({ kind: filter.command.handler, pattern: lineArg?.text ?? '' });
      return { ...outcome, output: compiled.ok ? compiled.apply(outcome.output) : `${compiled.error}\n` };
    }
    if (filter.kind === 'invalid') return { output: `${' '.repeat(promptLength + filter.errorIndex)}^\n${INVALID_INPUT}\n\n` };
    if (filter.kind === 'ambiguous') return { output: `${ambiguousCommand(line.trimEnd())}\n` };
    return { output: `${INCOMPLETE_COMMAND}\n\n` };
  }

  private contextFor(execMode?: string): IosCommandContext {
    const frame = execMode ? { mode: execMode, data: undefined } : this.top;
    return {
      hostname: this.options.hostname(),
      mode: frame.mode,
      modeData: frame.data,
      dataOf: (mode) => [...this.stack].reverse().find((f) => f.mode === mode)?.data,
      enterMode: (mode, data) => {
        if (execMode) return;
        const parent = this.specs.get(mode)?.parent;
        const at = this.stack.map((f) => f.mode).lastIndexOf(parent ?? '');
        this.stack = [...this.stack.slice(0, at + 1), { mode, data }];
      },
    };
  }

  private runBuiltin(b: Builtin, args: ParsedArgs, promptLength: number): DialectOutcome {
    const o = this.options;
    switch (b.builtin) {
      case 'enable':
        if (this.mode === o.userMode) this.stack = [...this.stack, { mode: o.privilegedMode, data: undefined }];
        return {};
      case 'disable':
        this.stack = [{ mode: o.userMode, data: undefined }];
        return {};
      case 'configure': {
        const enter = (): DialectOutcome => {
          this.stack = [...this.stack, { mode: o.configMode, data: undefined }];
          return { output: `${CONFIG_BANNER}\n` };
        };
        if (hasKeyword(args, 'terminal') || o.ask === undefined) return enter();
        // `configure` alone: IOS asks where from; Enter or any prefix of `terminal` means the terminal.
        o.ask({
          prompt: 'Configuring from terminal, memory, or network [terminal]? ',
          answer: (line) => {
            const word = line.trim().toLowerCase();
            if (word === '' || 'terminal'.startsWith(word)) return enter();
            return { output: '?Must be "terminal", "memory" or "network"\n' };
          },
        });
        return {};
      }
      case 'end':
        return this.leaveConfig();
      case 'exit': {
        const spec = this.specs.get(this.mode);
        if (spec?.exec || this.stack.length === 1) {
          this.loggedOut = true;
          return { output: `\n\n\n${o.hostname()} con0 is now available\n\n\n\n\n\nPress RETURN to get started.\n\n` };
        }
        this.stack = this.stack.slice(0, -1);
        if (this.mode === o.privilegedMode) o.onConfigEnd?.();
        return {};
      }
      case 'do': {
        // Reached only when the line did not start with a plain `do ` (e.g. `do` alone).
        void args;
        void promptLength;
        return { output: `${INCOMPLETE_COMMAND}\n\n` };
      }
    }
  }

  private leaveConfig(): DialectOutcome {
    if (!this.specs.get(this.mode)?.config) return {};
    const at = this.stack.map((f) => f.mode).lastIndexOf(this.options.privilegedMode);
    this.stack = this.stack.slice(0, at + 1);
    this.options.onConfigEnd?.();
    return {};
  }

  help(line: string): string {
    if (this.loggedOut) return '';
    const doAt = this.doOffset(line);
    const chainModes = doAt !== undefined ? [this.options.privilegedMode] : this.modeChain().map((i) => this.stack[i]!.mode);
    const start = doAt ?? 0;
    const graph = this.graphs.get(chainModes[0]!);
    if (!graph) return `${UNRECOGNIZED_COMMAND}\n`;
    const pipe = this.pipeAt(graph, line, start);
    if (pipe !== undefined) return this.renderHelp(helpFor(PIPE_GRAPH, line, {}, pipe + 1), line);
    let result = helpFor(graph, line, this.ctx, start);
    // A sub-mode also offers its parents' commands once its own have nothing.
    for (const mode of chainModes.slice(1)) {
      if (result.kind === 'list') break;
      const parentGraph = this.graphs.get(mode);
      if (parentGraph) result = helpFor(parentGraph, line, this.ctx, start);
    }
    if (result.kind === 'list' && result.entries.some((e) => e.token === '<cr>')) {
      const here = matchCommand(graph, line, this.ctx, start);
      if (here.kind === 'command' && here.command.filterable) {
        const entries = [...result.entries];
        entries.splice(entries.length - 1, 0, { token: '|', help: 'Output modifiers' });
        result = { kind: 'list', entries };
      }
    }
    return this.renderHelp(result, line);
  }

  private renderHelp(result: ReturnType<typeof helpFor>, line: string): string {
    const partial = line !== '' && line[line.length - 1] !== ' ';
    switch (result.kind) {
      case 'ambiguous':
        return `${ambiguousCommand(line.trimEnd())}\n`;
      case 'unrecognized':
        return `${UNRECOGNIZED_COMMAND}\n`;
      case 'list':
        if (partial) return `${result.entries.map((e) => e.token).join('  ')}  \n\n`;
        return `${formatHelpRows(result.entries)}\n`;
    }
  }

  complete(line: string): string | undefined {
    if (this.loggedOut) return undefined;
    const doAt = this.doOffset(line);
    const modes = doAt !== undefined ? [this.options.privilegedMode] : this.modeChain().map((i) => this.stack[i]!.mode);
    for (const mode of modes) {
      const graph = this.graphs.get(mode);
      const done = graph && completeLine(graph, line, this.ctx, doAt ?? 0);
      if (done !== undefined) return done;
    }
    return undefined;
  }

  controlKey(key: 'ctrl-c' | 'ctrl-z'): ControlKeyOutcome | undefined {
    if (!this.specs.get(this.mode)?.config) return key === 'ctrl-c' ? { echo: '^C' } : undefined;
    return { echo: key === 'ctrl-z' ? '^Z' : '^C', ...this.leaveConfig() };
  }
}

/**
 * The declarative command grammar: a command is a spec string such as
 * `ipv6 route X:X::X:X/M (X:X::X:X|INTERFACE) [<1-254>]`, compiled with the commands of its mode
 * into one token graph. Abbreviations, `?` help, Tab completion, `no` forms and IOS's errors all
 * come from that graph (see matcher.ts).
 * Spec syntax, after FRRouting's lib/command_parse.y:
 *   keyword            lower-case word, matched by any unique prefix
 *   A.B.C.D  A.B.C.D/M  MASK  X:X::X:X (or X:X:X:X::X)  X:X::X:X/M  H.H.H  INTERFACE
 *   <1-4094>  WORD  LINE (rest of the line)  other UPPER-CASE words are WORD-like
 *   [a b]  optional     (a|b)  one of     {a|b|c}  any of them, each at most once, any order
 *   token$name         names the argument (or keyword) in the handler's record
 * Help texts are given in spec order; a mode-wide keyword dictionary fills the gaps.
 * Leaves out: FRR's `...` repetition and variable-length ranges with negative numbers.
 */
import { defaultArgHelp, displayArg, type ArgKind, type ArgValue } from './arg-types';

export type TokenKind = 'keyword' | ArgKind;

/** One token of a spec, as the graph holds it. */
export interface GraphNode {
  readonly id: number;
  readonly kind: TokenKind;
  /** The keyword text (keywords only). */
  readonly keyword: string;
  readonly min: number;
  readonly max: number;
  /** Key in the handler's record (args), or the keyword text. */
  readonly name: string;
  /** As `?` shows it: the keyword, `X:X:X:X::X/<0-128>`, `<1-4094>`, … */
  readonly display: string;
  readonly help: string;
  next: Target[];
}

/** Reaching this means a whole command was typed. */
export interface CommandEnd<H> {
  readonly end: true;
  readonly command: CompiledCommand<H>;
  readonly negated: boolean;
}

export type Target = GraphNode | CommandEnd<unknown>;

export interface CommandSpec<H> {
  readonly spec: string;
  /** Help for each token in the order it appears in `spec`. */
  readonly help?: readonly string[];
  readonly handler: H;
  /**
   * `no` form: true = `no` + the same spec; a string = `no` + that spec (for a shorter form such
   * as `ipv6 route X:X::X:X/M`); false/absent = none.
   */
  readonly no?: boolean | string;
  /** Accepts `| include …` output filters (show commands). */
  readonly filterable?: boolean;
}

export interface CompiledCommand<H> {
  readonly spec: string;
  readonly handler: H;
  readonly filterable: boolean;
}

/** The compiled grammar of one mode. */
export interface ModeGraph<H> {
  readonly roots: readonly Target[];
  readonly commands: readonly CompiledCommand<H>[];
}

/** The record a handler receives. */
export interface ParsedArgs {
  /** The command was typed with a leading `no`. */
  readonly negated: boolean;
  /** Typed arguments by name (`$name` in the spec, else ipv6Prefix, ipv6Address, interface, number, word, line, …; a second one of a kind gets a 2). */
  readonly values: Readonly<Record<string, ArgValue>>;
  /** The full text of every keyword typed, in order (abbreviations expanded). */
  readonly keywords: readonly string[];
}

export function hasKeyword(args: ParsedArgs, keyword: string): boolean {
  return args.keywords.includes(keyword);
}

export type SpecError = { readonly ok: false; readonly error: string };

// ---- spec text → syntax tree ----

type SpecNode =
  | { readonly t: 'token'; readonly text: string; readonly index: number }
  | { readonly t: 'seq'; readonly items: readonly SpecNode[] }
  | { readonly t: 'alt'; readonly options: readonly SpecNode[] }
  | { readonly t: 'opt'; readonly inner: SpecNode }
  | { readonly t: 'any'; readonly options: readonly SpecNode[] };

function lexSpec(spec: string): string[] {
  return spec.replace(/([[\](){}|])/g, ' $1 ').split(/\s+/).filter((s) => s !== '');
}

/** Parses a spec into a tree; throws on a malformed spec (a bug in a command table, not user input). */
function parseSpec(spec: string): { tree: SpecNode; tokenCount: number } {
  const symbols = lexSpec(spec);
  let at = 0;
  let tokenCount = 0;
  const fail = (why: string): never => {
    throw new Error(`command spec "${spec}": ${why}`);
  };
  const parseSeq = (closers: string): SpecNode => {
    const items: SpecNode[] = [];
    while (at < symbols.length && !closers.includes(symbols[at]!) && symbols[at] !== '|') items.push(parseItem());
    if (items.length === 0) fail('empty sequence');
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  };
  const parseOptions = (close: string): SpecNode[] => {
    const options = [parseSeq(close)];
    while (symbols[at] === '|') {
      at++;
      options.push(parseSeq(close));
    }
    if (symbols[at] !== close) fail(`missing '${close}'`);
    at++;
    return options;
  };
  const parseItem = (): SpecNode => {
    const s = symbols[at++]!;
    if (s === '[') {
      const options = parseOptions(']');
      return { t: 'opt', inner: options.length === 1 ? options[0]! : { t: 'alt', options } };
    }
    if (s === '(') {
      const options = parseOptions(')');
      return options.length === 1 ? options[0]! : { t: 'alt', options };
    }
    if (s === '{') return { t: 'any', options: parseOptions('}') };
    if (')]}'.includes(s)) fail(`unexpected '${s}'`);
    return { t: 'token', text: s, index: tokenCount++ };
  };
  const tree = parseSeq('');
  if (at < symbols.length) fail(`unexpected '${symbols[at]}'`);
  return { tree, tokenCount };
}

interface TokenShape {
  kind: TokenKind;
  keyword: string;
  min: number;
  max: number;
  name: string | undefined;
  display: string | undefined;
}

/** Classifies one spec word. */
function shapeOf(word: string): TokenShape {
  const dollar = word.indexOf('$');
  const text = dollar > 0 ? word.slice(0, dollar) : word;
  const name = dollar > 0 ? word.slice(dollar + 1) : undefined;
  const shape = (kind: TokenKind, display?: string, min = 0, max = 0): TokenShape => ({
    kind,
    keyword: kind === 'keyword' ? text : '',
    min,
    max,
    name,
    display,
  });
  const range = /^<(\d+)-(\d+)>$/.exec(text);
  if (range) return shape('range', undefined, Number(range[1]), Number(range[2]));
  switch (text) {
    case 'A.B.C.D':
      return shape('ipv4');
    case 'A.B.C.D/M':
      return shape('ipv4-prefix');
    case 'MASK':
      return shape('ipv4-mask');
    case 'X:X::X:X':
    case 'X:X:X:X::X':
      return shape('ipv6');
    case 'X:X::X:X/M':
    case 'X:X:X:X::X/<0-128>':
      return shape('ipv6-prefix');
    case 'H.H.H':
      return shape('mac');
    case 'INTERFACE':
      return shape('interface');
    case 'WORD':
      return shape('word');
    case 'LINE':
      return shape('line');
  }
  if (/^[A-Z][A-Z0-9_-]*$/.test(text)) return shape('word', text);
  return shape('keyword');
}

const DEFAULT_NAMES: Record<ArgKind, string> = {
  ipv4: 'ipv4Address',
  'ipv4-prefix': 'ipv4Prefix',
  'ipv4-mask': 'mask',
  ipv6: 'ipv6Address',
  'ipv6-prefix': 'ipv6Prefix',
  mac: 'mac',
  interface: 'interface',
  range: 'number',
  word: 'word',
  line: 'line',
};

// ---- syntax tree → graph ----

export interface CompileOptions {
  /** Help for keywords that a command's own help list does not give. */
  readonly keywordHelp?: Readonly<Record<string, string>>;
}

let nextNodeId = 1;

class GraphBuilder {
  private readonly names = new Map<number, string>();

  constructor(
    private readonly shapes: readonly TokenShape[],
    private readonly help: readonly (string | undefined)[],
  ) {
    const used = new Map<string, number>();
    shapes.forEach((s, i) => {
      if (s.kind === 'keyword') {
        this.names.set(i, s.name ?? s.keyword);
        return;
      }
      const base = s.name ?? DEFAULT_NAMES[s.kind];
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      this.names.set(i, s.name !== undefined || n === 1 ? base : `${base}${n}`);
    });
  }

  /** Entry targets of `node` when what follows it is `follow`. */
  compile(node: SpecNode, follow: Target[]): Target[] {
    switch (node.t) {
      case 'token': {
        const s = this.shapes[node.index]!;
        const display = s.kind === 'keyword' ? s.keyword : (s.display ?? displayArg(s.kind, s.min, s.max));
        const help = this.help[node.index] ?? (s.kind === 'keyword' ? '' : defaultArgHelp(s.kind));
        const graphNode: GraphNode = {
          id: nextNodeId++,
          kind: s.kind,
          keyword: s.keyword,
          min: s.min,
          max: s.max,
          name: this.names.get(node.index)!,
          display,
          help,
          next: follow,
        };
        return [graphNode];
      }
      case 'seq': {
        let entry = follow;
        for (let i = node.items.length - 1; i >= 0; i--) entry = this.compile(node.items[i]!, entry);
        return entry;
      }
      case 'alt':
        return node.options.flatMap((o) => this.compile(o, follow));
      case 'opt':
        return [...this.compile(node.inner, follow), ...follow];
      case 'any': {
        const memo = new Map<number, Target[]>();
        const entryFor = (usedMask: number): Target[] => {
          const cached = memo.get(usedMask);
          if (cached) return cached;
          const targets: Target[] = [...follow];
          memo.set(usedMask, targets);
          node.options.forEach((o, i) => {
            if (usedMask & (1 << i)) return;
            targets.unshift(...this.compile(o, entryFor(usedMask | (1 << i))));
          });
          return targets;
        };
        return entryFor(0);
      }
    }
  }
}

function collectTokenWords(spec: string): string[] {
  return lexSpec(spec).filter((s) => !'[](){}|'.includes(s));
}

function compileSpec<H>(
  spec: string,
  help: readonly string[] | undefined,
  options: CompileOptions,
  end: CommandEnd<H>,
): Target[] {
  const { tree } = parseSpec(spec);
  const words = collectTokenWords(spec);
  const shapes = words.map(shapeOf);
  const helpTexts = shapes.map((s, i) => help?.[i] ?? (s.kind === 'keyword' ? options.keywordHelp?.[s.keyword] : undefined));
  return new GraphBuilder(shapes, helpTexts).compile(tree, [end as Target]);
}

/** Help for the `no` keyword, as IOS gives it. */
export const NO_HELP = 'Negate a command or set its defaults';

/**
 * Compiles the commands of one mode into its token graph. Throws on a malformed spec: command
 * tables are program text, and a bad one must fail the first test that loads it.
 */
export function compileMode<H>(specs: readonly CommandSpec<H>[], options: CompileOptions = {}): ModeGraph<H> {
  const roots: Target[] = [];
  const commands: CompiledCommand<H>[] = [];
  for (const spec of specs) {
    const command: CompiledCommand<H> = { spec: spec.spec, handler: spec.handler, filterable: spec.filterable ?? false };
    commands.push(command);
    roots.push(...compileSpec(spec.spec, spec.help, options, { end: true, command, negated: false }));
    if (spec.no) {
      const noSpec = typeof spec.no === 'string' ? spec.no : spec.spec;
      const noHelp = typeof spec.no === 'string' ? undefined : spec.help;
      const after = compileSpec(noSpec, noHelp, options, { end: true, command, negated: true });
      roots.push({
        id: nextNodeId++,
        kind: 'keyword',
        keyword: 'no',
        min: 0,
        max: 0,
        name: 'no',
        display: 'no',
        help: options.keywordHelp?.['no'] ?? NO_HELP,
        next: after,
      });
    }
  }
  return { roots, commands };
}

/** Shared graphs by keyword-help table, then by the text of the specs (see compileModeShared). */
const sharedGraphs = new WeakMap<object, Map<string, ModeGraph<number>>>();
const NO_KEYWORD_HELP: Readonly<Record<string, string>> = {};

/** What a graph depends on in one spec: its text, help, `no` form and filterability (never the handler). */
function specKey(spec: CommandSpec<unknown>): string {
  return `${spec.spec}\u0001${spec.help === undefined ? '\u0003' : spec.help.join('\u0002')}\u0001${String(spec.no ?? false)}\u0001${spec.filterable === true ? 1 : 0}`;
}

/**
 * The graph of a mode whose commands carry, instead of a handler, their index in `specs`:
 * compiled once and shared by every caller that gives the same specs (text, help, `no` form,
 * filterability, in the same order) with the same keyword-help table, so a thousand devices of
 * one kind compile their command set once. The caller keeps its own handlers and looks them up
 * by that index. A graph is never changed after compiling (the matcher only reads it), so
 * sharing one is safe.
 */
export function compileModeShared(specs: readonly CommandSpec<unknown>[], options: CompileOptions = {}): ModeGraph<number> {
  const table = options.keywordHelp ?? NO_KEYWORD_HELP;
  let byText = sharedGraphs.get(table);
  if (byText === undefined) {
    byText = new Map();
    sharedGraphs.set(table, byText);
  }
  const key = specs.map(specKey).join('\u0000');
  let graph = byText.get(key);
  if (graph === undefined) {
    graph = compileMode(
      specs.map((spec, index) => ({ ...spec, handler: index })),
      options,
    );
    byText.set(key, graph);
  }
  return graph;
}

/** Checks a spec without compiling a mode (for tools that validate command tables). */
export function checkSpec(spec: string): { readonly ok: true } | SpecError {
  try {
    parseSpec(spec);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function isCommandEnd(t: Target): t is CommandEnd<unknown> {
  return 'end' in t;
}

/**
 * Matches a command line against a mode's token graph: which command it is (with its typed
 * arguments), or which of IOS's error kinds it is — invalid input (with the caret position),
 * incomplete, ambiguous — and what `?` and Tab offer at the end of a line.
 * Rules (IOS behaviour, FRRouting's lib/command_match.c for precedence):
 *   - every path through the graph is tried; the caret goes under the deepest character any
 *     path reached;
 *   - a keyword typed in full beats longer keywords it abbreviates (`show ip` is not `show ipv6`);
 *   - a word that abbreviates two different keywords is ambiguous;
 *   - among complete matches, a keyword beats an argument, a typed argument beats WORD/LINE.
 * Leaves out: IOS's hidden and privilege-filtered keywords (a dialect leaves them out of the mode).
 */
import { interfaceTypesFor, isBlank, matchArg, matchKeyword, wordEnd, type ArgValue, type HelpEntry, type InterfaceCatalog } from './arg-types';
import { isCommandEnd, type CommandEnd, type CompiledCommand, type GraphNode, type ModeGraph, type ParsedArgs, type Target } from './grammar';

export interface MatchContext {
  readonly interfaces?: InterfaceCatalog;
}

export type MatchResult<H> =
  | { readonly kind: 'command'; readonly command: CompiledCommand<H>; readonly args: ParsedArgs }
  | { readonly kind: 'invalid'; readonly errorIndex: number; readonly keywordMatched: boolean }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'empty' };

interface Step {
  readonly node: GraphNode;
  readonly value: ArgValue | undefined;
  readonly score: number;
}

interface Walk {
  readonly completes: { end: CommandEnd<unknown>; path: Step[] }[];
  /** Graph positions alive when the line ran out. */
  readonly atEnd: Target[];
  readonly partialHelp: HelpEntry[];
  reach: number;
  ambiguous: boolean;
  keywordMatched: boolean;
}

const SCORE_KEYWORD_EXACT = 5;
const SCORE_KEYWORD = 4;
const SCORE_TYPED_ARG = 3;
const SCORE_WORD = 1;
const SCORE_LINE = 0;

function skipBlanks(line: string, pos: number): number {
  while (pos < line.length && isBlank(line[pos]!)) pos++;
  return pos;
}

/** Walks every path of `roots` over `line` from `start` to its end. */
function walk(roots: readonly Target[], line: string, start: number, ctx: MatchContext): Walk {
  const w: Walk = { completes: [], atEnd: [], partialHelp: [], reach: start, ambiguous: false, keywordMatched: false };
  let budget = 100_000; // guards against pathological graphs; real ones use a few hundred steps
  const visit = (targets: readonly Target[], from: number, path: Step[]): void => {
    if (--budget < 0) return;
    const pos = skipBlanks(line, from);
    if (pos >= line.length) {
      for (const t of targets) {
        if (isCommandEnd(t)) w.completes.push({ end: t, path });
        w.atEnd.push(t);
      }
      return;
    }
    const keywordHits: { node: GraphNode; end: number; exact: boolean }[] = [];
    for (const t of targets) {
      if (isCommandEnd(t)) {
        w.reach = Math.max(w.reach, pos);
        continue;
      }
      if (t.kind === 'keyword') {
        const m = matchKeyword(t.keyword, line, pos);
        if (m.status === 'match') keywordHits.push({ node: t, end: m.end, exact: m.exact });
        else if (m.status === 'fail') w.reach = Math.max(w.reach, m.reach);
        continue;
      }
      const m = matchArg(t.kind, line, pos, { min: t.min, max: t.max, interfaces: ctx.interfaces });
      if (m.status === 'fail') {
        w.reach = Math.max(w.reach, m.reach);
      } else if (m.status === 'partial') {
        w.atEnd.push(t);
        w.partialHelp.push(...m.help);
      } else {
        const score = t.kind === 'word' ? SCORE_WORD : t.kind === 'line' ? SCORE_LINE : SCORE_TYPED_ARG;
        visit(t.next, m.end, [...path, { node: t, value: m.value, score }]);
      }
    }
    if (keywordHits.length === 0) return;
    const exact = keywordHits.filter((h) => h.exact);
    const hits = exact.length > 0 ? exact : keywordHits;
    const texts = new Set(hits.map((h) => h.node.keyword.toLowerCase()));
    if (texts.size > 1) {
      w.ambiguous = true;
      w.reach = Math.max(w.reach, pos);
      return;
    }
    w.keywordMatched = true;
    // The same keyword from several commands is one token: what may follow is the union, so
    // `sh i` is ambiguous across `show ip …`, `show ipv6 …` and `show inventory`.
    const first = hits[0]!;
    visit(
      hits.flatMap((h) => h.node.next),
      first.end,
      [...path, { node: first.node, value: undefined, score: first.exact ? SCORE_KEYWORD_EXACT : SCORE_KEYWORD }],
    );
  };
  visit(roots, start, []);
  return w;
}

function comparePaths(a: readonly Step[], b: readonly Step[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]!.score - b[i]!.score;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function argsOf(path: readonly Step[], negated: boolean): ParsedArgs {
  const values: Record<string, ArgValue> = {};
  const keywords: string[] = [];
  for (const step of path) {
    if (step.node.kind === 'keyword') keywords.push(step.node.keyword);
    else if (step.value !== undefined) values[step.node.name] = step.value;
  }
  if (negated && keywords[0] === 'no') keywords.shift();
  return { negated, values, keywords };
}

/** Matches `line` (from `start`, e.g. after `do `) against a mode. */
export function matchCommand<H>(graph: ModeGraph<H>, line: string, ctx: MatchContext = {}, start = 0): MatchResult<H> {
  if (skipBlanks(line, start) >= line.length) return { kind: 'empty' };
  const w = walk(graph.roots, line, start, ctx);
  if (w.completes.length > 0) {
    const sorted = [...w.completes].sort((a, b) => comparePaths(b.path, a.path));
    const best = sorted[0]!;
    const tie = sorted.find((c) => c.end.command !== best.end.command && comparePaths(c.path, best.path) === 0);
    if (tie) return { kind: 'ambiguous' };
    return { kind: 'command', command: best.end.command as CompiledCommand<H>, args: argsOf(best.path, best.end.negated) };
  }
  if (w.ambiguous) return { kind: 'ambiguous' };
  if (w.atEnd.length > 0) return { kind: 'incomplete' };
  return { kind: 'invalid', errorIndex: w.reach, keywordMatched: w.keywordMatched };
}

export type HelpResult =
  | { readonly kind: 'list'; readonly entries: readonly HelpEntry[] }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'unrecognized' };

function entriesFor(t: Target, ctx: MatchContext): HelpEntry[] {
  if (isCommandEnd(t)) return [{ token: '<cr>', help: '' }];
  if (t.kind === 'interface') return (ctx.interfaces?.types ?? []).map((it) => ({ token: it.name, help: it.help }));
  return [{ token: t.display, help: t.help }];
}

function dedupe(entries: readonly HelpEntry[]): HelpEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.token) ? false : (seen.add(e.token), true)));
}

/** IOS sorts help rows by their token text, byte order (`<1-99>`, `A.B.C.D`, `WORD`, then keywords). */
function sortEntries(entries: HelpEntry[]): HelpEntry[] {
  return entries.sort((a, b) => (a.token === '<cr>' ? 1 : b.token === '<cr>' ? -1 : a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}

/**
 * `?` typed after `line` at its end. If the line ends in a blank (or is empty) this is full help:
 * every token that may come next. Otherwise it is partial help for the last word: the keywords
 * (and argument forms) it could begin.
 */
export function helpFor<H>(graph: ModeGraph<H>, line: string, ctx: MatchContext = {}, start = 0): HelpResult {
  const endsInBlank = line.length <= start || isBlank(line[line.length - 1]!);
  if (endsInBlank) {
    const w = walk(graph.roots, line, start, ctx);
    const entries = sortEntries(dedupe([...w.atEnd.flatMap((t) => (isCommandEnd(t) || t.kind !== 'interface' || !w.partialHelp.length ? entriesFor(t, ctx) : [])), ...w.partialHelp]));
    if (entries.length > 0) return { kind: 'list', entries };
    return w.ambiguous ? { kind: 'ambiguous' } : { kind: 'unrecognized' };
  }
  const words = completionsFor(graph, line, ctx, start, true);
  if (words === 'ambiguous') return { kind: 'ambiguous' };
  if (words.length === 0) return { kind: 'unrecognized' };
  return { kind: 'list', entries: words.map((token) => ({ token, help: '' })) };
}

function lastWordStart(line: string): number {
  let i = line.length;
  while (i > 0 && !isBlank(line[i - 1]!)) i--;
  return i;
}

function completionsFor<H>(graph: ModeGraph<H>, line: string, ctx: MatchContext, start: number, withArgs: boolean): string[] | 'ambiguous' {
  const wordStart = Math.max(lastWordStart(line), start);
  const prefix = line.slice(0, wordStart);
  const partial = line.slice(wordStart);
  const w = walk(graph.roots, prefix, start, ctx);
  if (w.atEnd.length === 0 && w.ambiguous) return 'ambiguous';
  const out: string[] = [];
  const lower = partial.toLowerCase();
  for (const t of w.atEnd) {
    if (isCommandEnd(t)) continue;
    if (t.kind === 'keyword') {
      if (t.keyword.toLowerCase().startsWith(lower)) out.push(t.keyword);
    } else if (t.kind === 'interface') {
      if (/^[A-Za-z-]+$/.test(partial)) out.push(...interfaceTypesFor(ctx.interfaces ?? { types: [] }, partial).map((it) => it.name));
    } else if (withArgs) {
      const m = matchArg(t.kind, line, wordStart, { min: t.min, max: t.max, interfaces: ctx.interfaces });
      if (m.status === 'match' && wordEnd(line, wordStart) === line.length) out.push(t.display);
    }
  }
  return [...new Set(out)].sort();
}

/**
 * Tab after `line`: the line with its last word completed, when exactly one keyword (or
 * interface type) fits; undefined when none or several do (IOS then leaves the line as it is).
 */
export function completeLine<H>(graph: ModeGraph<H>, line: string, ctx: MatchContext = {}, start = 0): string | undefined {
  if (line.length <= start || isBlank(line[line.length - 1]!)) return undefined;
  const words = completionsFor(graph, line, ctx, start, false);
  if (words === 'ambiguous' || words.length !== 1) return undefined;
  const word = words[0]!;
  const wordStart = Math.max(lastWordStart(line), start);
  const isInterfaceType = (ctx.interfaces?.types ?? []).some((t) => t.name === word);
  return `${line.slice(0, wordStart)}${word}${isInterfaceType ? '' : ' '}`;
}

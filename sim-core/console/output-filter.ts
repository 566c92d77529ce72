/**
 * IOS output filters for show commands: `| include`, `| exclude`, `| begin`, `| section` and
 * `| count`, applied to a command's finished text (lines separated by '\n').
 * Semantics as IOS documents them ("Using the Cisco IOS Command-Line Interface", filtering
 * output): include/exclude keep or drop matching lines; begin prints from the first matching
 * line on; section prints each top-level line that matches together with its indented children,
 * and a matching child line alone when its parent does not match; count prints
 * `Number of lines which match regexp = N`.
 * The pattern is compiled by user-regex.ts (RE2 syntax, linear time: IOS's patterns are POSIX-like
 * and the common forms agree); what RE2 cannot run (backreferences, lookaround) is an IOS-style
 * `% Invalid regular expression` error naming the construct.
 * Leaves out: `| append`, `| redirect`, `| tee`, `| format` and chaining several pipes.
 */
import { compileUserRegex } from './user-regex';

export type FilterKind = 'include' | 'exclude' | 'begin' | 'section' | 'count';

export interface OutputFilter {
  readonly kind: FilterKind;
  readonly pattern: string;
}

export type CompiledFilter = { readonly ok: true; readonly apply: (text: string) => string } | { readonly ok: false; readonly error: string };

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Builds the filter; a bad regular expression is an error value, never a throw. */
export function compileFilter(filter: OutputFilter): CompiledFilter {
  const re = compileUserRegex(filter.pattern);
  if (!re.ok) return { ok: false, error: `% Invalid regular expression: ${filter.pattern}\n% ${re.message.en}` };
  const test = (line: string): boolean => re.value.test(line);
  return {
    ok: true,
    apply: (text: string): string => {
      const trailingNewline = text.endsWith('\n');
      const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n');
      let kept: string[];
      switch (filter.kind) {
        case 'include':
          kept = lines.filter(test);
          break;
        case 'exclude':
          kept = lines.filter((l) => !test(l));
          break;
        case 'begin': {
          const first = lines.findIndex(test);
          kept = first < 0 ? [] : lines.slice(first);
          break;
        }
        case 'section':
          kept = sectionOf(lines, test);
          break;
        case 'count':
          return `Number of lines which match regexp = ${lines.filter((l) => l !== '' && test(l)).length}\n`;
      }
      return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
    },
  };
}

function sectionOf(lines: readonly string[], test: (line: string) => boolean): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const indent = indentOf(line);
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() !== '' && indentOf(lines[j]!) > indent) j++;
    if (line.trim() !== '' && test(line)) {
      out.push(...lines.slice(i, j));
      i = j;
    } else {
      i++;
    }
  }
  return out;
}

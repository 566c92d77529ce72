/**
 * IOS `interface range`: a list of interfaces typed as ranges and single names separated by
 * commas (`interface range g0/1 - 2`, `interface range GigabitEthernet1/0/1 - 4 , Gi1/0/10`),
 * and the `config-if-range` mode where each interface command is applied to every interface of
 * the range in turn, as IOS does (running-config lists the interfaces one by one; the range itself
 * is not kept).
 * A range varies the last number of the name (`Gi1/0/1 - 4` is Gi1/0/1 to Gi1/0/4); the end may
 * follow the dash with or without blanks (`g0/1-2`). An interface the device does not have, a
 * reversed range or a malformed part is refused with IOS's caret under it.
 * Leaves out: `interface range macro` and `define interface-range`, subinterface ranges.
 */
import type { DeviceKind } from '../../devices/catalog';
import { resolveInterfaceName } from '../../devices/interface-names';
import type { CommandSpec } from '../grammar';
import type { IosCommandContext, IosCommandResult, IosHandler } from '../ios-dialect';

/** The largest count of interfaces one range part may name (a guard against `1 - 99999999`). */
const MAX_RANGE_SPAN = 512;

export type RangeExpansion = { readonly ok: true; readonly names: readonly string[] } | { readonly ok: false; readonly offset: number };

/** The canonical interface names a range list names, in the order typed, or where it goes wrong. */
export function expandInterfaceRange(kind: DeviceKind, text: string): RangeExpansion {
  const names: string[] = [];
  let partStart = 0;
  for (const part of text.split(',')) {
    const lead = part.length - part.trimStart().length;
    const body = part.trim();
    const at = partStart + lead;
    partStart += part.length + 1;
    const m = /^(.*?[^\d\s-])\s*(\d+)(?:\s*-\s*(\d+))?$/.exec(body);
    if (m === null) return { ok: false, offset: at };
    const prefix = m[1]!.replace(/\s+$/, '');
    const first = Number(m[2]);
    const lastText = m[3];
    const last = lastText === undefined ? first : Number(lastText);
    const lastOffset = at + (lastText === undefined ? body.length - m[2]!.length : body.length - lastText.length);
    if (last < first || last - first >= MAX_RANGE_SPAN) return { ok: false, offset: lastOffset };
    for (let n = first; n <= last; n++) {
      const resolved = resolveInterfaceName(kind, `${prefix}${n}`);
      if (!resolved.ok || resolved.value.role === 'tunnel' || resolved.value.name.includes('.')) {
        return { ok: false, offset: n === first ? at + body.indexOf(m[2]!, prefix.length) : lastOffset };
      }
      if (!names.includes(resolved.value.name)) names.push(resolved.value.name);
    }
  }
  return names.length === 0 ? { ok: false, offset: 0 } : { ok: true, names };
}

/** One interface's view of a command run in `config-if-range`. */
function contextFor(ctx: IosCommandContext, name: string): IosCommandContext {
  return {
    hostname: ctx.hostname,
    mode: 'config-if',
    modeData: name,
    dataOf: (mode) => (mode === 'config-if' || mode === 'config-if-range' ? name : ctx.dataOf(mode)),
    enterMode: (mode, data) => ctx.enterMode(mode, data),
  };
}

function outputOf(result: IosCommandResult): string {
  if (result === undefined) return '';
  return typeof result === 'string' ? result : (result.output ?? '');
}

/** The interface commands for `config-if-range`: each runs once per interface of the range. */
export function rangeCommands(commands: readonly CommandSpec<IosHandler>[]): CommandSpec<IosHandler>[] {
  return commands.map((command) => ({
    ...command,
    handler: (args, ctx) => {
      const names = Array.isArray(ctx.modeData) ? (ctx.modeData as readonly string[]) : [];
      const output = names.map((name) => outputOf(command.handler(args, contextFor(ctx, name)))).join('');
      return output === '' ? undefined : output;
    },
  }));
}

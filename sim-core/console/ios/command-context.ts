/**
 * What IOS command handlers share: the device's runtime, the console they run in (for the
 * questions some commands ask: `copy`'s destination, the extended `ping` dialog), and typed
 * readers for the arguments the grammar parsed.
 * Leaves out: nothing of note; each area's commands live in their own file.
 */
import type { Ipv4Address } from '../../addr/ipv4';
import type { Ipv6Address } from '../../addr/ipv6';
import type { ParsedArgs } from '../grammar';
import type { IosCommandContext } from '../ios-dialect';
import type { DialectOutcome } from '../session';
import type { IosInterfaceConfig } from './ios-config';
import type { IosRuntime } from './ios-runtime';

/** A question the console asks on its own line (`Destination filename [startup-config]? `). */
export interface ConsoleQuestion {
  readonly prompt: string;
  /** Called with the answer; returns what to print, and optionally the next question. */
  answer(line: string): DialectOutcome & { readonly next?: ConsoleQuestion };
}

export interface IosCommandEnv {
  readonly runtime: IosRuntime;
  /** Asks a question at the console; absent when config text is being loaded. */
  readonly ask?: (question: ConsoleQuestion) => void;
  /** The console's command history, oldest first (`show history`); absent when config text is being loaded. */
  readonly history?: () => readonly string[];
}

export function ipv4Arg(args: ParsedArgs, name = 'ipv4Address'): Ipv4Address | undefined {
  const v = args.values[name];
  return v?.kind === 'ipv4' ? v.address : undefined;
}

export function maskArg(args: ParsedArgs, name = 'mask'): { mask: Ipv4Address; prefixLength: number | undefined } | undefined {
  const v = args.values[name];
  return v?.kind === 'ipv4-mask' ? { mask: v.mask, prefixLength: v.prefixLength } : undefined;
}

export function ipv6Arg(args: ParsedArgs, name = 'ipv6Address'): Ipv6Address | undefined {
  const v = args.values[name];
  return v?.kind === 'ipv6' ? v.address : undefined;
}

export function ipv6PrefixArg(args: ParsedArgs, name = 'ipv6Prefix'): { address: Ipv6Address; prefixLength: number } | undefined {
  const v = args.values[name];
  return v?.kind === 'ipv6-prefix' ? { address: v.address, prefixLength: v.prefixLength } : undefined;
}

export function numberArg(args: ParsedArgs, name = 'number'): number | undefined {
  const v = args.values[name];
  return v?.kind === 'range' ? v.value : undefined;
}

export function textArg(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return v === undefined ? undefined : v.text;
}

export function interfaceArg(args: ParsedArgs, name = 'interface'): string | undefined {
  const v = args.values[name];
  return v?.kind === 'interface' ? v.name : undefined;
}

/** The interface whose sub-mode the command runs in (`R1(config-if)#`). */
export function currentInterface(env: IosCommandEnv, ctx: IosCommandContext): IosInterfaceConfig | undefined {
  const name = typeof ctx.modeData === 'string' ? ctx.modeData : undefined;
  return name === undefined ? undefined : env.runtime.config.interfaces.get(name);
}

/** A handler's refusal as IOS prints it (message then a newline). */
export function refusal(message: string | undefined): string | undefined {
  return message === undefined ? undefined : `${message}\n`;
}

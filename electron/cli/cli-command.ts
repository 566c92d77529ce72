/**
 * The contract between the v6lab program and its subcommands. Each subcommand lives in one file
 * under commands/ and exports a CliCommand; program.ts lists them. A subcommand's logic is a
 * pure function (argument values → CommandOutcome) that tests call in-process; register() only
 * wires it to commander and hands the outcome to the context, which owns output and exit codes.
 */
import type { Command } from 'commander';
import type { Language } from './cli-language';

/** Where text goes; the entry passes process.stdout/stderr, tests pass buffers. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The environment (LANG, LC_ALL pick the default language); tests leave it out (English). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A subcommand's result: the text a person reads, the JSON a script reads, or an error message. */
export type CommandOutcome = { readonly ok: true; readonly text: string; readonly json: unknown } | { readonly ok: false; readonly error: string };

/**
 * Exit codes: 0 done, 1 the command ran and found a failure (checks, grades), 2 bad arguments or
 * usage, 3 a warning a script must see (`v6lab check`: a task already passes at start).
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_WARNING = 3;

export interface CliContext {
  readonly io: CliIo;
  /** Prints the outcome (text, or JSON when asJson) or its error as `v6lab <path>: <error>`, setting exit code 2. */
  report(commandPath: string, outcome: CommandOutcome, asJson: boolean): void;
  /** Sets the exit code the entry will use (the worst one wins). */
  setExitCode(code: number): void;
  /** The global `--lang` as given (undefined when absent); subcommands resolve it with readLanguage and the locale default. */
  languageOption(): string | undefined;
  /** The language to speak when --lang is absent (from the environment's locale). */
  readonly defaultLanguage: Language;
}

export interface CliCommand {
  /** Adds the subcommand (and its own subcommands) to the program. */
  register(program: Command, context: CliContext): void;
}

/** A failed outcome with the message as given (the program adds `v6lab <command>: ` in front). */
export function commandError(error: string): CommandOutcome {
  return { ok: false, error };
}

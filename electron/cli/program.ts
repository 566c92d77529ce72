/**
 * The v6lab program: commander set up once (exit codes, output through CliIo), then every
 * subcommand registered from its own file. To add a subcommand (run, check, grade, console):
 * write commands/<name>.ts exporting a CliCommand and add it to COMMANDS below.
 * No process.* here: the entry (v6lab.ts) passes argv and io, and applies the exit code.
 */
import { Command, CommanderError } from 'commander';
import { defaultLanguage } from './cli-language';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext, type CliIo, type CommandOutcome } from './cli-command';
import { addrCommand } from './commands/addr';
import { runCommand } from './commands/run';
import { consoleCommand } from './commands/console';
import { checkCommand } from './commands/check';
import { gradeCommand } from './commands/grade';

const COMMANDS: readonly CliCommand[] = [addrCommand, runCommand, consoleCommand, checkCommand, gradeCommand];

export const PROGRAM_VERSION = '0.1.0';

/** Builds the program; the context collects the exit code. */
export function createProgram(io: CliIo): { program: Command; exitCode: () => number } {
  let exitCode = EXIT_OK;
  const state: { program?: Command } = {};
  const context: CliContext = {
    io,
    defaultLanguage: defaultLanguage(io.env),
    languageOption() {
      const value: unknown = state.program?.opts().lang;
      return typeof value === 'string' ? value : undefined;
    },
    setExitCode(code) {
      exitCode = Math.max(exitCode, code);
    },
    report(commandPath: string, outcome: CommandOutcome, asJson: boolean) {
      if (!outcome.ok) {
        io.err(`${commandPath}: ${outcome.error}\n`);
        this.setExitCode(EXIT_USAGE);
        return;
      }
      io.out(asJson ? `${JSON.stringify(outcome.json, null, 2)}\n` : outcome.text.endsWith('\n') ? outcome.text : `${outcome.text}\n`);
    },
  };
  const program = new Command('v6lab')
    .description('V6Lab headless tool: IPv6 address help, running labs and their consoles')
    .version(PROGRAM_VERSION)
    .option('--lang <en|vi>', 'language of messages, problems and tables (default en, or vi when LC_ALL/LANG starts with vi)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(add --help to see how to use it)');
  state.program = program;
  for (const command of COMMANDS) command.register(program, context);
  return { program, exitCode: () => exitCode };
}

/** Runs the program on the arguments after `v6lab` and gives the exit code. Never throws for user mistakes. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const { program, exitCode } = createProgram(io);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  return exitCode();
}

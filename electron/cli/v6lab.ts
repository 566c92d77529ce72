/**
 * Entry of the headless v6lab tool (`npm run v6lab -- addr info 2001:db8::1`, or the `v6lab`
 * bin through bin.mjs). Only the Node-facing bits live here: argv, stdout/stderr, exit code.
 */
import { runCli } from './program';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;

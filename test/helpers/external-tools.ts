/**
 * Tests that need an external program (tshark, Chromium) skip with a one-line reason when it is
 * absent on a developer's machine, and fail instead when V6LAB_REQUIRE_TOOLS=1 (set by .ci/run),
 * so CI always runs them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const requireTools = process.env.V6LAB_REQUIRE_TOOLS === '1';

function found(command: string): string | undefined {
  if (command.startsWith('/')) return existsSync(command) ? command : undefined;
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the program's path, or undefined when it is absent (after printing why the tests skip).
 * Throws when V6LAB_REQUIRE_TOOLS=1 and the program is missing.
 */
export function externalTool(command: string, purpose: string): string | undefined {
  const path = found(command);
  if (path) return path;
  const reason = `${command} not found: skipping ${purpose} (install it, e.g. apt-get install ${command})`;
  if (requireTools) throw new Error(`V6LAB_REQUIRE_TOOLS=1 but ${reason}`);
  console.warn(`skip: ${reason}`);
  return undefined;
}

export const tsharkPath = (): string | undefined => externalTool('tshark', 'the capture round trip through tshark');
export const chromiumPath = (): string | undefined => externalTool('/usr/bin/chromium', 'the end-to-end tests in Chromium');

/**
 * Which URLs the app's session may load: the app's own page and files (`app://v6lab/…`, served
 * by app-protocol.ts from the renderer folder), in-memory blob:/data: URLs, and the developer
 * tools in a development run. Every other request is cancelled: the network (http, https,
 * ws, ftp, …) so nothing ever leaves the machine, and file: URLs, so a page cannot read the
 * disk even if a bug tried.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol';

export interface RequestFilterOptions {
  readonly isDev: boolean;
}

const inMemorySchemes = new Set(['blob:', 'data:']);
const devOnlySchemes = new Set(['devtools:', 'chrome-extension:']);

export function isAllowedRequestUrl(url: string, options: RequestFilterOptions): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (inMemorySchemes.has(parsed.protocol)) return true;
  return options.isDev && devOnlySchemes.has(parsed.protocol);
}

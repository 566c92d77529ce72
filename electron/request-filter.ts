/**
 * Which URLs the app's session may load: its own files, in-memory blob:/data: URLs, and the
 * developer tools in a development run. Every other request (http, https, ws, ftp, …) is
 * cancelled, so nothing ever reaches the network, even if a bug tried.
 */

export interface RequestFilterOptions {
  readonly isDev: boolean;
}

const alwaysAllowedSchemes = new Set(['file:', 'blob:', 'data:']);
const devOnlySchemes = new Set(['devtools:', 'chrome-extension:']);

export function isAllowedRequestUrl(url: string, options: RequestFilterOptions): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (alwaysAllowedSchemes.has(protocol)) return true;
  return options.isDev && devOnlySchemes.has(protocol);
}

/**
 * The app's Content-Security-Policy: only the app's own files, no remote origin of any kind,
 * no inline or eval'd script. The same text is in renderer/index.html's meta tag (a test keeps
 * the two equal) and is added by main to every response header it sees, plus the directives a
 * meta tag cannot carry (frame-ancestors).
 *
 * style-src allows inline <style> elements ('unsafe-inline'): xterm's DOM renderer (the device
 * terminals) injects <style> elements whose text names the terminal instance
 * (`.xterm-dom-renderer-owner-3 …`) and its theme, so no fixed hash can list them; cytoscape
 * inserts one more (its container rule). Scripts stay strict (no inline, no eval), and with
 * default-src, img-src and font-src limited to the app's own files, injected CSS has nowhere to
 * send anything. React and cytoscape set element styles through the CSSOM, which CSP does not
 * restrict. worker-src allows blob: for the simulation worker.
 */

export const CONTENT_SECURITY_POLICY_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as a meta tag carries it. */
export const CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.join('; ');

/** The policy as a response header carries it (meta tags ignore frame-ancestors). */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

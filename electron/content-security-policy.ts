/**
 * The app's Content-Security-Policy: only the app's own files, no remote origin of any kind,
 * no inline or eval'd script. The same text is in renderer/index.html's meta tag (a test keeps
 * the two equal) and is added by main to every response header it sees, plus the directives a
 * meta tag cannot carry (frame-ancestors).
 *
 * style-src stays strict too: the one <style> element cytoscape inserts (its container rule,
 * fixed text) is allowed by its SHA-256 hash, and React and cytoscape set element styles through
 * the CSSOM, which CSP does not restrict. A later view that injects other <style> elements
 * (xterm's DOM renderer does) must add its hash or, as a last resort, 'unsafe-inline'.
 * worker-src allows blob: for the simulation worker.
 */

/** The exact text cytoscape puts in its <style id="__________cytoscape_stylesheet">. */
export const CYTOSCAPE_CONTAINER_STYLE = '.__________cytoscape_container { position: relative; }';
/** base64(SHA-256(CYTOSCAPE_CONTAINER_STYLE)); a test recomputes it. */
export const CYTOSCAPE_CONTAINER_STYLE_HASH = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

export const CONTENT_SECURITY_POLICY_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  `style-src 'self' ${CYTOSCAPE_CONTAINER_STYLE_HASH}`,
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

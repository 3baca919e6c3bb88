/**
 * The Content-Security-Policy the browser app runs under: scripts, styles,
 * fonts and connections from our own origin only (bpmn-js sets inline
 * styles and uses data: fonts and images, hence those two allowances).
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

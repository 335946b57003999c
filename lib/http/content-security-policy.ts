import { randomBytes } from 'node:crypto';

/** A fresh script nonce: 128 random bits, as CSP asks, for one response only. */
export function newScriptNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The policy of every response. Scripts run only when they carry this response's nonce, which Next
 * puts on each script it renders, or when such a script loads them ('strict-dynamic': Next's chunks);
 * an injected inline script or event handler does not run. 'unsafe-eval' is for development only
 * (React rebuilds server error stacks with eval). Styles stay inline-capable: Tiptap's carets and
 * the state colours are style attributes. Everything else comes from this site's own origin, which
 * includes its WebSocket.
 */
export function contentSecurityPolicy(options: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of the app's pages: everything from our own origin, the sync
 * WebSocket to our own origins, no framing (clickjacking). Styles allow inline attributes
 * because the editor positions carets with `style`.
 */
export function contentSecurityPolicy(allowedOrigins: readonly string[]): string {
  const sockets = allowedOrigins.map((origin) => origin.replace(/^http/, 'ws'));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${sockets.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets security headers on every response; the CSP only matters for HTML but harms nothing. */
export function securityHeaders(allowedOrigins: readonly string[]): MiddlewareHandler {
  const csp = contentSecurityPolicy(allowedOrigins);
  return async function setSecurityHeaders(c, next) {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    const type = c.res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      c.header('Content-Security-Policy', csp);
      c.header('X-Frame-Options', 'DENY');
    }
  };
}

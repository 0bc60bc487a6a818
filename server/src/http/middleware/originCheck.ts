import type { MiddlewareHandler } from 'hono';
import { apiErrors } from '../errors';

/** Methods that must not change anything, so cross-site requests with them are harmless. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Whether the request asks to become a WebSocket (a GET that browsers send cross-site freely). */
export function isWebSocketUpgrade(headers: Headers): boolean {
  return headers.get('upgrade')?.toLowerCase() === 'websocket';
}

/**
 * Refuses, before any work, every state-changing request and every WebSocket upgrade whose
 * Origin is missing or not allowed (SPEC H1). SameSite=Lax cookies do not cover
 * WebSocket handshakes (cross-site WebSocket hijacking), hence the upgrade check.
 */
export function originCheck(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async function checkOrigin(c, next) {
    if (SAFE_METHODS.has(c.req.method) && !isWebSocketUpgrade(c.req.raw.headers)) {
      return next();
    }
    const origin = c.req.header('origin');
    if (origin === undefined || !allowed.has(origin)) throw apiErrors.forbiddenOrigin();
    return next();
  };
}

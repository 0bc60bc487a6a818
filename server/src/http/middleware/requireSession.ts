import type { MiddlewareHandler } from 'hono';
import type { SessionManager } from '../../auth/sessions';
import type { SessionEnv } from '../context';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../cookies';
import { apiErrors } from '../errors';

/**
 * Validates the session cookie and puts the user and session into the context
 * (`c.get('user')`, `c.get('session')`); 401 `unauthorized` without a valid session. When the
 * session was extended, the cookie is sent again with the new lifetime.
 */
export function requireSession(
  sessions: SessionManager,
  secureCookies: boolean,
): MiddlewareHandler<SessionEnv> {
  return async function loadSession(c, next) {
    const token = readSessionCookie(c);
    const valid = token === undefined ? undefined : await sessions.validate(token);
    if (token === undefined || valid === undefined) {
      if (token !== undefined) clearSessionCookie(c, secureCookies);
      throw apiErrors.unauthorized();
    }
    if (valid.extended) writeSessionCookie(c, token, valid.session.expiresAt, secureCookies);
    c.set('user', valid.user);
    c.set('session', valid.session);
    return next();
  };
}

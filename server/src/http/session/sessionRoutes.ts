import { loginRequestSchema } from '@accord/shared/protocol/requestSchemas';
import { Hono } from 'hono';
import { sessionIdOf } from '../../auth/sessions';
import { signIn } from '../../auth/signIn';
import { type AppDeps, type AppEnv, clientAddress } from '../context';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../cookies';
import { apiErrors } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requestLocale } from '../locale/requestLocale';
import { requireSession } from '../middleware/requireSession';
import { meResponse } from './meResponse';

/** `POST /api/login`, `POST /api/logout`, `GET /api/me`. */
export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, throttle, sync, config } = deps;
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const credentials = await readJsonBody(c, loginRequestSchema);
    const result = await signIn(
      { users: storage.users, sessions, throttle },
      credentials,
      clientAddress(c),
    );
    if (!result.ok) {
      throw result.error === 'too_many_attempts'
        ? apiErrors.tooManyAttempts()
        : apiErrors.invalidCredentials();
    }
    const { token, session, user } = result.value;
    writeSessionCookie(c, token, session.expiresAt, config.secureCookies);
    return c.json(await meResponse(storage, user, requestLocale(c, user)));
  });

  // Sign-out works with any cookie, valid or not: it always ends with no session.
  app.post('/logout', async (c) => {
    const token = readSessionCookie(c);
    if (token !== undefined) {
      const sessionId = sessionIdOf(token);
      await sessions.invalidate(sessionId);
      await sync.disconnectSession(sessionId);
    }
    clearSessionCookie(c, config.secureCookies);
    return c.body(null, 204);
  });

  const session = requireSession(sessions, config.secureCookies);
  app.get('/me', session, async (c) =>
    c.json(await meResponse(storage, c.get('user'), requestLocale(c, c.get('user')))),
  );

  return app;
}

import { parseLocale } from '@accord/shared/i18n/locales';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { apiErrors } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';
import { setLocaleRequestSchema } from './locale.schema';

/**
 * `PUT /api/me/locale`: remembers the signed-in person's language on the server, so that every
 * browser they sign in from, their exports and the server's messages speak it. 204 on success;
 * a language Accord does not speak is a 400 naming the ones it does.
 */
export function localeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const app = new Hono<AppEnv>();
  app.put('/me/locale', requireSession(sessions, config.secureCookies), async (c) => {
    const body = await readJsonBody(c, setLocaleRequestSchema);
    const parsed = parseLocale(body.locale);
    if (!parsed.ok) throw apiErrors.badRequest(parsed.error);
    await storage.users.setLocale(c.get('user').id, parsed.value);
    return c.body(null, 204);
  });
  return app;
}

import type { Locale } from '@accord/shared/i18n/locales';
import { negotiateLocale } from '@accord/shared/i18n/negotiateLocale';
import type { Context } from 'hono';
import type { UserRecord } from '../../storage/storage';

/**
 * The language to answer a request in: the person's stored choice, else the first language of
 * the request's `Accept-Language` that Accord speaks, else English. Used for `GET /api/me`,
 * exports without `lang=` and error messages.
 */
export function requestLocale(
  c: Context,
  user: Pick<UserRecord, 'locale'> | undefined,
): { locale: Locale; chosen: boolean } {
  if (user?.locale) return { locale: user.locale, chosen: true };
  return { locale: negotiateLocale(c.req.header('accept-language')), chosen: false };
}

import { isLocale, type Locale } from '@accord/shared/i18n/locales';
import { negotiateLocale } from '@accord/shared/i18n/negotiateLocale';

/**
 * Which language the page speaks: the session's (the server's stored choice, else what it
 * derived from Accept-Language) once someone is signed in; before that, the browser's own
 * languages (`navigator.languages`), negotiated the same way the server reads Accept-Language.
 */
export function chooseLocale(
  sessionLocale: string | null | undefined,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(sessionLocale)) return sessionLocale;
  return negotiateLocale(browserLanguages);
}

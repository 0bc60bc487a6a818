/** The languages of Accord's interface. */
export const LOCALES = ['en', 'es', 'fr'] as const;

/** One of Accord's languages. */
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, as a language menu shows it to someone who cannot read the others. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
};

/** Narrows an untrusted string to a Locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the browser's languages (`navigator.languages`, most wanted first) that Accord
 * speaks, by primary subtag: "es-MX" is Spanish, "fr-CA" French. English when none is.
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

/**
 * Which language the page speaks: the session's (the server's stored choice, else what it
 * derived from Accept-Language) once someone is signed in; before that, the browser's.
 */
export function chooseLocale(
  sessionLocale: string | null | undefined,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(sessionLocale)) return sessionLocale;
  return localeFromLanguages(browserLanguages);
}

/**
 * The languages Accord speaks (SPEC W1, W2): English, Spanish and French, the working
 * languages of the five delegations. English is the source language of every message.
 */
export const LOCALES = ['en', 'es', 'fr'] as const;

/** One of Accord's languages, as a BCP 47 primary language subtag. */
export type Locale = (typeof LOCALES)[number];

/** The language used when nothing else is known. */
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * Each language's name in itself, for the language menu: a person looking for their language
 * must recognise it whatever language the page is in, so these are never translated.
 */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
};

/** Whether an untrusted value is one of Accord's languages (exactly: "es", not "es-MX"). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Parses a language given by a person or a request ("es", "fr", " ES "); anything else is
 * refused with a sentence naming the languages there are.
 */
export function parseLocale(
  raw: unknown,
): { ok: true; value: Locale } | { ok: false; error: string } {
  const known = LOCALES.map((locale) => `"${locale}"`).join(', ');
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, error: `A language is required: one of ${known}.` };
  }
  const value = raw.trim().toLowerCase();
  if (isLocale(value)) return { ok: true, value };
  return {
    ok: false,
    error: `"${raw.trim().slice(0, 32)}" is not a language Accord speaks: give one of ${known}.`,
  };
}

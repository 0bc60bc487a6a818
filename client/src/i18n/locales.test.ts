import { describe, expect, it } from 'vitest';
import { chooseLocale, isLocale, localeFromLanguages } from './locales';

describe('localeFromLanguages', () => {
  it('takes the first browser language Accord speaks, by primary subtag', () => {
    expect(localeFromLanguages(['es-MX', 'en-US'])).toBe('es');
    expect(localeFromLanguages(['de-DE', 'fr-CA', 'es'])).toBe('fr');
    expect(localeFromLanguages(['FR_ca'])).toBe('fr');
  });

  it('falls back to English when none is spoken, and keeps an English browser in English', () => {
    expect(localeFromLanguages(['de-DE', 'pt-BR'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
    expect(localeFromLanguages(['en-US', 'es-MX'])).toBe('en');
  });
});

describe('chooseLocale', () => {
  it("prefers the session's language over the browser's", () => {
    expect(chooseLocale('fr', ['es-MX'])).toBe('fr');
    expect(chooseLocale('en', ['es-MX'])).toBe('en');
  });

  it('follows the browser when there is no session or it names no language Accord speaks', () => {
    expect(chooseLocale(undefined, ['es-MX'])).toBe('es');
    expect(chooseLocale(null, ['en-US'])).toBe('en');
    expect(chooseLocale('de', ['fr-FR'])).toBe('fr');
  });
});

describe('isLocale', () => {
  it('accepts exactly en, es and fr', () => {
    expect(['en', 'es', 'fr'].every(isLocale)).toBe(true);
    expect(isLocale('es-MX')).toBe(false);
    expect(isLocale(3)).toBe(false);
  });
});

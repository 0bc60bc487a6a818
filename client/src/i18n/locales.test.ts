import { describe, expect, it } from 'vitest';
import { chooseLocale } from './locales';

describe('chooseLocale', () => {
  it("prefers the session's language over the browser's", () => {
    expect(chooseLocale('fr', ['es-MX'])).toBe('fr');
    expect(chooseLocale('en', ['es-MX'])).toBe('en');
  });

  it('follows the browser when there is no session: first language Accord speaks, by primary subtag', () => {
    expect(chooseLocale(undefined, ['es-MX', 'en-US'])).toBe('es');
    expect(chooseLocale(null, ['de-DE', 'fr-CA'])).toBe('fr');
  });

  it('keeps an English browser in English, and falls back to English for other languages', () => {
    expect(chooseLocale(null, ['en-US', 'es-MX'])).toBe('en');
    expect(chooseLocale(null, ['de-DE', 'pt-BR'])).toBe('en');
    expect(chooseLocale(null, [])).toBe('en');
  });

  it('ignores a session language Accord does not speak', () => {
    expect(chooseLocale('de', ['fr-FR'])).toBe('fr');
  });
});

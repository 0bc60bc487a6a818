import { describe, expect, it } from 'vitest';
import { parseLocale } from './locales';
import { negotiateLocale } from './negotiateLocale';

describe('negotiateLocale', () => {
  it('takes the first Accept-Language range Accord speaks, by weight then order', () => {
    expect(negotiateLocale('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(negotiateLocale('fr-CA,en;q=0.5')).toBe('fr');
    expect(negotiateLocale('de-DE,de;q=0.9,fr;q=0.8,es;q=0.7')).toBe('fr');
    expect(negotiateLocale('en;q=0.2, es;q=0.9')).toBe('es');
    expect(negotiateLocale('es;q=0.5, fr;q=0.5')).toBe('es');
    expect(negotiateLocale('ES-gt')).toBe('es');
  });

  it('reads navigator.languages in order', () => {
    expect(negotiateLocale(['fr-CA', 'en-CA', 'en'])).toBe('fr');
    expect(negotiateLocale(['pt-BR', 'es-419'])).toBe('es');
    expect(negotiateLocale(['en-US'])).toBe('en');
  });

  it('falls back to English for nothing, *, refused or unknown languages and garbage', () => {
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale([])).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('de,ja;q=0.5')).toBe('en');
    expect(negotiateLocale('es;q=0, de')).toBe('en');
    expect(negotiateLocale('es;q=abc')).toBe('en');
    expect(negotiateLocale(';;,,;q=1')).toBe('en');
    expect(negotiateLocale(`${'x,'.repeat(5000)}es`)).toBe('en');
  });
});

describe('parseLocale', () => {
  it('accepts the three languages, trimmed and in any case', () => {
    expect(parseLocale('es')).toEqual({ ok: true, value: 'es' });
    expect(parseLocale(' FR ')).toEqual({ ok: true, value: 'fr' });
  });

  it('refuses anything else with a sentence naming the languages', () => {
    expect(parseLocale('de')).toEqual({
      ok: false,
      error: '"de" is not a language Accord speaks: give one of "en", "es", "fr".',
    });
    expect(parseLocale('es-MX').ok).toBe(false);
    expect(parseLocale(undefined)).toEqual({
      ok: false,
      error: 'A language is required: one of "en", "es", "fr".',
    });
    expect(parseLocale(42).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { hasVisibleText } from './visibleText';

describe('hasVisibleText', () => {
  it('sees words, in any script, with or without invisible characters around them', () => {
    expect(hasVisibleText('Agreed')).toBe(true);
    expect(hasVisibleText('\u200b acordado \u200b')).toBe(true);
    expect(hasVisibleText('合意')).toBe(true);
    expect(hasVisibleText('.')).toBe(true);
  });

  it('counts white space, zero-width and other blank characters as nothing', () => {
    for (const blank of [
      '',
      '   ',
      '\u200b',
      '\u200b\u200c\u200d\u2060\ufeff',
      '\u3164',
      '\u2800',
      '\n\t\u00a0',
    ]) {
      expect(hasVisibleText(blank), JSON.stringify(blank)).toBe(false);
    }
  });
});

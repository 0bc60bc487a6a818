import { describe, expect, it } from 'vitest';
import { leadWordLength } from './leadWord';

describe('leadWordLength', () => {
  it('finds the first word, accents and apostrophes included', () => {
    expect(leadWordLength('Recognizing that the prosperity')).toBe('Recognizing'.length);
    expect(leadWordLength('Réaffirmant notre engagement')).toBe('Réaffirmant'.length);
    expect(leadWordLength("Welcoming's, a test")).toBe("Welcoming's".length);
  });

  it('is 0 when the clause starts blank or with a sign', () => {
    expect(leadWordLength('')).toBe(0);
    expect(leadWordLength(' Noting')).toBe(0);
    expect(leadWordLength('[Noting] that')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { clauseTextHash } from './textHash';

describe('clauseTextHash', () => {
  it('is FNV-1a 64 (published test vectors)', () => {
    expect(clauseTextHash('')).toBe('cbf29ce484222325');
    expect(clauseTextHash('a')).toBe('af63dc4c8601ec8c');
    expect(clauseTextHash('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes, so accents and astral characters count', () => {
    expect(clauseTextHash('Sofía')).not.toBe(clauseTextHash('Sofia'));
    expect(clauseTextHash('⚖️ 🇲🇽')).toMatch(/^[0-9a-f]{16}$/);
    // "é" is two UTF-8 bytes (c3 a9): the same as hashing those bytes as Latin-1 would not be.
    expect(clauseTextHash('é')).not.toBe(clauseTextHash('Ã©'));
  });

  it('tells apart texts that differ by one character', () => {
    expect(clauseTextHash('within 90 days')).not.toBe(clauseTextHash('within 60 days'));
  });
});

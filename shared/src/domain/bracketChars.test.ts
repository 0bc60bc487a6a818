import { describe, expect, it } from 'vitest';
import {
  bracketCharKey,
  closingBracketOf,
  openingBracketOf,
  parseBracketCharKey,
  unbalancedBrackets,
} from './bracketChars';

describe('bracket char keys', () => {
  it('round-trips a Yjs id', () => {
    const key = bracketCharKey({ client: 3_141_592_653, clock: 42 });
    expect(key).toBe('3141592653:42');
    expect(parseBracketCharKey(key)).toEqual({ client: 3_141_592_653, clock: 42 });
  });

  it('refuses anything else', () => {
    for (const key of [
      '',
      '1',
      '1:',
      ':2',
      '1:2:3',
      'a:1',
      '-1:2',
      '1.5:2',
      '99999999999999999999:1',
    ]) {
      expect(parseBracketCharKey(key)).toBeNull();
    }
  });
});

describe('bracket pairs', () => {
  const text = 'a [b [c] d] e [f';
  it('finds the closing bracket of an opening one, counting nested pairs', () => {
    expect(closingBracketOf(text, 2)).toBe(10);
    expect(closingBracketOf(text, 5)).toBe(7);
    expect(closingBracketOf(text, 14)).toBeNull();
    expect(closingBracketOf(text, 0)).toBeNull();
  });

  it('finds the opening bracket of a closing one', () => {
    expect(openingBracketOf(text, 10)).toBe(2);
    expect(openingBracketOf(text, 7)).toBe(5);
    expect(openingBracketOf('x] [y]', 1)).toBeNull();
    expect(openingBracketOf(text, 3)).toBeNull();
  });
});

describe('unbalanced brackets', () => {
  it('counts what the pair rule leaves alone', () => {
    expect(unbalancedBrackets('a [b [c] d] e')).toEqual({ unclosed: 0, unopened: 0 });
    expect(unbalancedBrackets('[temporary work programmes, while')).toEqual({
      unclosed: 1,
      unopened: 0,
    });
    expect(unbalancedBrackets('a] [b')).toEqual({ unclosed: 1, unopened: 1 });
  });
});

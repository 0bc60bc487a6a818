import { describe, expect, it } from 'vitest';
import { bracketCharKey, parseBracketCharKey } from './bracketChars';

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

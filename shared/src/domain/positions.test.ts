import { describe, expect, it } from 'vitest';
import { isPosition, positionsForText } from './positions';

describe('positionsForText', () => {
  it('keeps positions given on the current text and clears the others, naming them', () => {
    const result = positionsForText(
      {
        US: { position: 'agree', textHash: 'new', userId: 'u1', at: 1 },
        MX: { position: 'reserve', textHash: 'old', userId: 'u2', at: 2 },
      },
      'new',
    );
    expect(Object.keys(result.kept)).toEqual(['US']);
    expect(result.cleared).toEqual(['MX']);
  });
});

describe('isPosition', () => {
  it('accepts the four positions and nothing else', () => {
    expect(isPosition('agreeAdRef')).toBe(true);
    expect(isPosition('veto')).toBe(false);
    expect(isPosition(undefined)).toBe(false);
  });
});

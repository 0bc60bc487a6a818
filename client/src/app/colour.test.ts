import { describe, expect, it } from 'vitest';
import { normaliseHexColour, parseHexColour, readableTextColour } from './colour';

describe('parseHexColour', () => {
  it('reads long and short hex forms', () => {
    expect(parseHexColour('#1f4e9c')).toEqual([31, 78, 156]);
    expect(parseHexColour('#fff')).toEqual([255, 255, 255]);
  });

  it('refuses anything else', () => {
    expect(parseHexColour('red')).toBeNull();
    expect(parseHexColour('#12345')).toBeNull();
    expect(parseHexColour('url(x)')).toBeNull();
  });
});

describe('readableTextColour', () => {
  it('puts white on dark delegation colours and dark text on light ones', () => {
    expect(readableTextColour('#1f4e9c')).toBe('#ffffff');
    expect(readableTextColour('#00704a')).toBe('#ffffff');
    expect(readableTextColour('#f5e663')).toBe('#1a1a1a');
  });

  it('defaults to dark text for unreadable input', () => {
    expect(readableTextColour('nonsense')).toBe('#1a1a1a');
  });
});

describe('normaliseHexColour', () => {
  it('expands and lowercases, refusing anything else', () => {
    expect(normaliseHexColour('#ABC')).toBe('#aabbcc');
    expect(normaliseHexColour('#00704A')).toBe('#00704a');
    expect(normaliseHexColour('rgb(0,0,0)')).toBeNull();
  });
});

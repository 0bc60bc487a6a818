import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './nextPath';

describe('safeNextPath', () => {
  it('keeps paths on this origin', () => {
    expect(safeNextPath('/d/abc?x=1')).toBe('/d/abc?x=1');
    expect(safeNextPath('/n/neg-1')).toBe('/n/neg-1');
  });

  it('refuses other origins, protocol-relative and backslash tricks', () => {
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('javascript:alert(1)')).toBe('/');
  });

  it('never returns to the sign-in page itself, and defaults to home', () => {
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('')).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('encodes where to come back to', () => {
    expect(loginPathFor('/d/doc 1')).toBe('/login?next=%2Fd%2Fdoc%201');
  });

  it('needs no next for the home page', () => {
    expect(loginPathFor('/')).toBe('/login');
  });
});

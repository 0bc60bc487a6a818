import { describe, expect, it } from 'vitest';
import { isLinkSilent, SERVER_SILENCE_MS } from './linkWatch';

describe('isLinkSilent', () => {
  it('trusts a socket that heard the server recently, and not one that went quiet', () => {
    expect(isLinkSilent(true, 1_000, 1_000 + SERVER_SILENCE_MS)).toBe(false);
    expect(isLinkSilent(true, 1_000, 1_001 + SERVER_SILENCE_MS)).toBe(true);
  });

  it('says nothing of a socket that is not open or has not heard anything yet', () => {
    expect(isLinkSilent(false, 1_000, 1_000_000)).toBe(false);
    expect(isLinkSilent(true, 0, 1_000_000)).toBe(false);
  });
});

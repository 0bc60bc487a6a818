import { describe, expect, it } from 'vitest';
import {
  bracketsRemovedWarning,
  otherBracketOwners,
  positionsClearedWarning,
} from './choiceReview';

const stated = (position: 'agree' | 'reserve') => ({ position, textHash: 'h', userId: 'u', at: 1 });

describe('bracketsRemovedWarning', () => {
  it("names other delegations' brackets first, then the chooser's own and the first draft's", () => {
    const owners = {
      byDelegation: [
        { delegation: 'MX' as const, count: 1 },
        { delegation: 'SV' as const, count: 2 },
        { delegation: 'CHAIR' as const, count: 1 },
      ],
      unowned: 1,
    };
    expect(bracketsRemovedWarning(owners, 'CHAIR')).toBe(
      'This removes the brackets of Mexico (1 bracket) and El Salvador (2 brackets), 1 bracket of your own and 1 bracket of the Chair’s first draft.',
    );
    expect(otherBracketOwners(owners, 'CHAIR')).toEqual(['MX', 'SV']);
  });

  it('says nothing when the text has no bracket', () => {
    expect(bracketsRemovedWarning({ byDelegation: [], unowned: 0 }, 'CHAIR')).toBeNull();
    expect(bracketsRemovedWarning({ byDelegation: [], unowned: 2 }, 'CHAIR')).toBe(
      'This removes 2 brackets of the Chair’s first draft.',
    );
  });
});

describe('positionsClearedWarning', () => {
  it('lists the positions the new text clears, in the parties’ order', () => {
    expect(positionsClearedWarning({ CA: stated('reserve'), US: stated('agree') })).toBe(
      'The positions stated on the current text (US Agree, CA Reserve) will be cleared: each delegation states its position again on the new one.',
    );
    expect(positionsClearedWarning({})).toBeNull();
  });
});

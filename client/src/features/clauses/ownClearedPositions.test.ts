import type { ClearedPosition } from '@accord/shared/domain/clauseMeta';
import { describe, expect, it } from 'vitest';
import { viewOf } from '../../testing/testClauses';
import { newlyCleared, ownClearedPositions, ownClearedText } from './ownClearedPositions';

const byUs = (delegation: ClearedPosition['delegation'], at: number): ClearedPosition => ({
  delegation,
  position: 'agree',
  at,
  reason: 'textChanged',
  byDelegation: 'US',
  byUserId: 'u-us',
});

const views = [
  viewOf({ id: 'a', label: 'OP1', cleared: [byUs('MX', 5), byUs('CA', 5)] }),
  viewOf({ id: 'b', label: 'OP2' }),
  viewOf({ id: 'c', label: 'OP3', cleared: [byUs('MX', 9)] }),
];

describe('ownClearedPositions', () => {
  it("lists only the reader's delegation's cleared positions, in the draft's order", () => {
    expect(ownClearedPositions(views, 'MX').map((cleared) => cleared.label)).toEqual([
      'OP1',
      'OP3',
    ]);
    expect(ownClearedPositions(views, 'GT')).toEqual([]);
  });
});

describe('newlyCleared', () => {
  it('finds nothing new on the first look, then only what appeared since', () => {
    const first = ownClearedPositions(views.slice(0, 1), 'MX');
    expect(newlyCleared(null, first)).toEqual([]);
    const known = new Set(first.map((cleared) => cleared.key));
    const later = ownClearedPositions(views, 'MX');
    expect(newlyCleared(known, later).map((cleared) => cleared.label)).toEqual(['OP3']);
  });

  it('sees a second clearing of the same clause as new', () => {
    const known = new Set(ownClearedPositions(views, 'MX').map((cleared) => cleared.key));
    const again = [viewOf({ id: 'a', label: 'OP1', cleared: [byUs('MX', 12)] })];
    expect(newlyCleared(known, ownClearedPositions(again, 'MX'))).toHaveLength(1);
  });
});

describe('ownClearedText', () => {
  it('says which position, on which clause, and who changed the text', () => {
    const [cleared] = ownClearedPositions(views, 'MX');
    if (cleared === undefined) throw new Error('none');
    expect(ownClearedText(cleared, (id) => (id === 'u-us' ? 'Elena Marsh' : null))).toBe(
      'Your Agree on OP1 was cleared: Elena Marsh (US) changed the text.',
    );
  });
});

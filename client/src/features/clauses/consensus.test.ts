import { describe, expect, it } from 'vitest';
import { viewOf } from '../../testing/testClauses';
import { consensusSummary, filterClauses, isSettled } from './consensus';

const views = [
  viewOf({ id: 'a', status: 'agreed' }),
  viewOf({ id: 'b', status: 'bracketed' }),
  viewOf({ id: 'c', status: 'agreedAdRef' }),
  viewOf({ id: 'd', status: 'locked' }),
  viewOf({ id: 'e', status: 'open' }),
  viewOf({ id: 'f', status: 'objected' }),
  viewOf({ id: 'g', status: 'reserved' }),
];

describe('consensusSummary', () => {
  it('counts agreed and locked clauses as agreed', () => {
    const summary = consensusSummary(views);
    expect(summary.headline).toBe('2 of 7 clauses agreed');
    expect(summary.settled).toBe(2);
    expect(summary.needsWork).toBe(5);
    expect(summary.contested).toBe(2);
    expect(summary.byStatus).toEqual({
      objected: 1,
      reserved: 1,
      open: 1,
      bracketed: 1,
      agreedAdRef: 1,
      agreed: 1,
      locked: 1,
    });
  });

  it('reads well for one clause and for none', () => {
    expect(consensusSummary([viewOf({ id: 'a' })]).headline).toBe('0 of 1 clause agreed');
    expect(consensusSummary([]).headline).toBe('0 of 0 clauses agreed');
  });
});

describe('filterClauses', () => {
  it('keeps everything not agreed, ad ref. included, in order', () => {
    expect(filterClauses(views, 'needsWork').map((view) => view.id)).toEqual([
      'b',
      'c',
      'e',
      'f',
      'g',
    ]);
    expect(filterClauses(views, 'all')).toHaveLength(7);
  });

  it('keeps the clauses a delegation objects to or reserves on', () => {
    expect(filterClauses(views, 'contested').map((view) => view.id)).toEqual(['f', 'g']);
  });

  it('treats only agreed and locked as settled', () => {
    expect(isSettled('agreed')).toBe(true);
    expect(isSettled('locked')).toBe(true);
    expect(isSettled('agreedAdRef')).toBe(false);
  });
});

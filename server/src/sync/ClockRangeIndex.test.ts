import { describe, expect, it } from 'vitest';
import { ClockRangeIndex } from './ClockRangeIndex';

describe('ClockRangeIndex', () => {
  it('finds the tag of a range that intersects a half-open query, per client', async () => {
    const index = new ClockRangeIndex<string>();
    index.add(1, 10, 20, 'a');
    index.add(1, 30, 40, 'b');
    index.add(2, 0, 5, 'c');
    expect(index.tagIn(1, 0, 10)).toBeUndefined();
    expect(index.tagIn(1, 19, 20)).toBe('a');
    expect(index.tagIn(1, 20, 30)).toBeUndefined();
    expect(index.tagIn(1, 0, 100)).toBe('b');
    expect(index.tagIn(2, 4, 5)).toBe('c');
    expect(index.tagIn(3, 0, 100)).toBeUndefined();
    expect(index.empty).toBe(false);
  });

  it('accepts ranges in any order (a rebuild walks the tree, not the clocks)', async () => {
    const index = new ClockRangeIndex<string>();
    index.add(1, 50, 60, 'late');
    index.add(1, 0, 10, 'early');
    index.add(1, 20, 30, 'middle');
    expect(index.tagIn(1, 5, 6)).toBe('early');
    expect(index.tagIn(1, 25, 26)).toBe('middle');
    expect(index.within(1, 0, 100).map((range) => range.tag)).toEqual(['early', 'middle', 'late']);
  });

  it('joins touching ranges of one tag and keeps others apart', async () => {
    const index = new ClockRangeIndex<string>();
    index.add(1, 0, 5, 'a');
    index.add(1, 5, 8, 'a');
    index.add(1, 8, 9, 'b');
    expect(index.within(1, 0, 100)).toEqual([
      { start: 0, end: 8, tag: 'a' },
      { start: 8, end: 9, tag: 'b' },
    ]);
  });

  it('removes a range by trimming or splitting what it overlaps', async () => {
    const index = new ClockRangeIndex<boolean>();
    index.add(1, 0, 10, true);
    index.add(1, 20, 30, true);
    index.remove(1, 5, 25);
    expect(index.within(1, 0, 100)).toEqual([
      { start: 0, end: 5, tag: true },
      { start: 25, end: 30, tag: true },
    ]);
    index.remove(1, 2, 3);
    expect(index.within(1, 0, 100).map(({ start, end }) => [start, end])).toEqual([
      [0, 2],
      [3, 5],
      [25, 30],
    ]);
    index.remove(1, 0, 100);
    expect(index.tagIn(1, 0, 100)).toBeUndefined();
    expect(index.empty).toBe(true);
  });

  it('clips the ranges it lists to the query', async () => {
    const index = new ClockRangeIndex<string>();
    index.add(7, 10, 20, 'x');
    expect(index.within(7, 15, 17)).toEqual([{ start: 15, end: 17, tag: 'x' }]);
    expect(index.within(7, 20, 25)).toEqual([]);
  });
});

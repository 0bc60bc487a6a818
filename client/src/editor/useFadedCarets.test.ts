import { describe, expect, it } from 'vitest';
import { awayUserIds } from './useFadedCarets';

const user = (userId: string, away?: boolean) => ({
  user: { userId, name: userId, delegation: 'MX', role: 'delegate', ...(away ? { away } : {}) },
});

describe('awayUserIds', () => {
  it('lists people away on every page, not those with one page in front', () => {
    const states = new Map<number, unknown>([
      [1, user('sofia', true)],
      [2, user('elena', true)],
      [3, user('elena')],
      [4, { cursor: null }],
    ]);
    expect(awayUserIds(states)).toEqual(new Set(['sofia']));
  });
});

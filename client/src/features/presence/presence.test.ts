import { describe, expect, it } from 'vitest';
import { parseAwarenessUser } from '../../sync/awarenessUser';
import { groupPresence } from './presence';

const elena = {
  userId: 'u-us',
  name: 'Elena Marsh',
  delegation: 'US',
  role: 'delegate',
  color: '#1f4e9c',
};
const sofia = {
  userId: 'u-mx',
  name: 'Sofía Ramírez',
  delegation: 'MX',
  role: 'delegate',
  color: '#00704a',
};
const chair = {
  userId: 'u-chair',
  name: 'Amb. Ruth Okafor',
  delegation: 'CHAIR',
  role: 'moderator',
  color: '#6b4fa0',
};

describe('groupPresence', () => {
  it('groups by delegation in the canonical order, the Chair last', () => {
    const states = new Map<number, unknown>([
      [1, { user: chair }],
      [2, { user: sofia }],
      [3, { user: elena }],
    ]);
    const groups = groupPresence(states, 2);
    expect(groups.map((group) => group.delegation)).toEqual(['US', 'MX', 'CHAIR']);
    expect(groups[1]?.people[0]).toMatchObject({ name: 'Sofía Ramírez', isSelf: true });
  });

  it('counts a person with several tabs once, with their connection count', () => {
    const states = new Map<number, unknown>([
      [10, { user: elena }],
      [11, { user: elena }],
      [12, { user: sofia }],
    ]);
    const groups = groupPresence(states, 12);
    expect(groups[0]?.people).toHaveLength(1);
    expect(groups[0]?.people[0]?.connections).toBe(2);
  });

  it('shows a person away only while every page of theirs is in the background', () => {
    const away = { ...elena, away: true };
    const oneAway = groupPresence(
      new Map<number, unknown>([
        [10, { user: away }],
        [11, { user: elena }],
      ]),
      99,
    );
    expect(oneAway[0]?.people[0]?.away).toBe(false);
    const allAway = groupPresence(
      new Map<number, unknown>([
        [10, { user: away }],
        [11, { user: away }],
      ]),
      99,
    );
    expect(allAway[0]?.people[0]?.away).toBe(true);
    expect(parseAwarenessUser({ user: { ...elena, away: 'yes' } })).toEqual({
      ok: true,
      value: elena,
    });
  });

  it('marks your other tabs as you, and skips states with no user yet', () => {
    const states = new Map<number, unknown>([
      [20, { user: sofia }],
      [21, { user: sofia }],
      [22, {}],
    ]);
    const groups = groupPresence(states, 21);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.people[0]?.isSelf).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { type DepartedPerson, noteDepartures, OFFLINE_SHOWN_MS } from './departures';
import type { PresenceGroup } from './presence';

function group(...people: [string, boolean?][]): PresenceGroup[] {
  return [
    {
      delegation: 'MX',
      name: 'Mexico',
      colour: '#00704a',
      people: people.map(([userId, isSelf = false]) => ({
        userId,
        name: `Name of ${userId}`,
        delegation: 'MX',
        role: 'delegate',
        isSelf,
        connections: 1,
        away: false,
      })),
    },
  ];
}

const none = new Map<string, DepartedPerson>();

describe('noteDepartures', () => {
  it('marks who left as offline since now', () => {
    const departed = noteDepartures(
      none,
      group(['me', true], ['sofia']),
      group(['me', true]),
      1_000,
    );
    expect([...departed.values()]).toEqual([
      { userId: 'sofia', name: 'Name of sofia', delegation: 'MX', leftAt: 1_000 },
    ]);
  });

  it('forgets a departure when the person comes back, or after a while', () => {
    const left = noteDepartures(none, group(['sofia']), [], 1_000);
    expect(noteDepartures(left, [], group(['sofia']), 2_000).size).toBe(0);
    expect(noteDepartures(left, [], [], 1_000 + OFFLINE_SHOWN_MS - 1).size).toBe(1);
    expect(noteDepartures(left, [], [], 1_000 + OFFLINE_SHOWN_MS).size).toBe(0);
  });

  it('keeps the first time someone was seen leaving, and never lists yourself', () => {
    const left = noteDepartures(none, group(['sofia'], ['me', true]), [], 1_000);
    expect(noteDepartures(left, [], [], 5_000).get('sofia')?.leftAt).toBe(1_000);
    expect(left.has('me')).toBe(false);
  });
});

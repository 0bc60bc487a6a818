import { type ClauseMeta, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { describe, expect, it } from 'vitest';
import { BracketOwners } from './BracketOwners';

function metaWith(brackets: Record<string, DelegationCode>): ClauseMeta {
  const entries = Object.entries(brackets).map(([key, delegation]) => [
    key,
    { delegation, userId: `u-${delegation}`, at: 1 },
  ]);
  return { ...emptyClauseMeta('h'), brackets: Object.fromEntries(entries) };
}

describe('BracketOwners (B2)', () => {
  it('finds the owned chars of a client in a clock range, half-open, in order', async () => {
    const owners = new BracketOwners();
    owners.setClause('op-a', metaWith({ '7:10': 'MX', '7:3': 'US', '8:10': 'CA' }));
    owners.setClause('op-b', metaWith({ '7:20': 'GT' }));
    expect(owners.ownedIn(7, 0, 100)).toEqual([
      { clock: 3, delegation: 'US' },
      { clock: 10, delegation: 'MX' },
      { clock: 20, delegation: 'GT' },
    ]);
    expect(owners.ownedIn(7, 4, 10)).toEqual([]);
    expect(owners.ownedIn(7, 10, 11)).toEqual([{ clock: 10, delegation: 'MX' }]);
    expect(owners.ownedIn(7, 21, 1000)).toEqual([]);
    expect(owners.ownedIn(8, 0, 11)).toEqual([{ clock: 10, delegation: 'CA' }]);
    expect(owners.ownedIn(9, 0, 100)).toEqual([]);
  });

  it("replaces a clause's brackets when its meta is written again, and ignores bad keys", async () => {
    const owners = new BracketOwners();
    owners.setClause('op-a', metaWith({ '7:3': 'US', '7:5': 'MX' }));
    owners.setClause('op-a', metaWith({ '7:5': 'MX', nope: 'CA' }));
    expect(owners.ownedIn(7, 0, 100)).toEqual([{ clock: 5, delegation: 'MX' }]);
    owners.setClause('op-a', emptyClauseMeta('h'));
    expect(owners.ownedIn(7, 0, 100)).toEqual([]);
    owners.setClause('op-b', metaWith({ '7:1': 'GT' }));
    owners.setClause('op-b', null);
    expect(owners.ownedIn(7, 0, 100)).toEqual([]);
  });
});

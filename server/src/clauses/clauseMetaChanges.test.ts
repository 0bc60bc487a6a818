import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { describe, expect, it } from 'vitest';
import { metaAfterTextChange, metaWithPosition } from './clauseMetaChanges';

const mexico = { userId: 'u-mx', delegation: 'MX' } as const;

const stated: ClauseMeta = {
  proposer: null,
  positions: {
    US: { position: 'agree', textHash: 'old', userId: 'u-us', at: 1 },
    CA: { position: 'reserve', textHash: 'old', userId: 'u-ca', at: 2 },
  },
  cleared: [],
  textHash: 'old',
};

describe('metaAfterTextChange (C1, C2)', () => {
  it('records the author of a new clause as its proposer', async () => {
    expect(
      metaAfterTextChange(null, { isNew: true, textHash: 'h', author: mexico, at: 5 }),
    ).toEqual({
      proposer: { delegation: 'MX', userId: 'u-mx', at: 5 },
      positions: {},
      cleared: [],
      textHash: 'h',
    });
  });

  it('writes nothing for an edit of a clause without meta or without positions to clear', async () => {
    expect(metaAfterTextChange(null, { isNew: false, textHash: 'h', author: mexico, at: 5 })).toBe(
      null,
    );
    expect(
      metaAfterTextChange(stated, { isNew: false, textHash: 'old', author: mexico, at: 5 }),
    ).toBeNull();
  });

  it('clears positions given on other text, naming them, why and who', async () => {
    expect(
      metaAfterTextChange(stated, { isNew: false, textHash: 'new', author: mexico, at: 9 }),
    ).toEqual({
      proposer: null,
      positions: {},
      cleared: [
        {
          delegation: 'US',
          position: 'agree',
          at: 9,
          reason: 'textChanged',
          byDelegation: 'MX',
          byUserId: 'u-mx',
        },
        {
          delegation: 'CA',
          position: 'reserve',
          at: 9,
          reason: 'textChanged',
          byDelegation: 'MX',
          byUserId: 'u-mx',
        },
      ],
      textHash: 'new',
    });
  });
});

describe('metaWithPosition (C1)', () => {
  it('binds a stated position to the current text and takes the delegation out of cleared', async () => {
    const cleared = metaAfterTextChange(stated, {
      isNew: false,
      textHash: 'new',
      author: mexico,
      at: 9,
    });
    const next = metaWithPosition(cleared, {
      delegation: 'US',
      position: 'object',
      userId: 'u-us',
      textHash: 'new',
      at: 10,
    });
    expect(next.positions).toEqual({
      US: { position: 'object', textHash: 'new', userId: 'u-us', at: 10 },
    });
    expect(next.cleared.map((entry) => entry.delegation)).toEqual(['CA']);
  });

  it('withdraws a position with null and starts from empty meta', async () => {
    const first = metaWithPosition(null, {
      delegation: 'GT',
      position: 'agreeAdRef',
      userId: 'u-gt',
      textHash: 'h',
      at: 1,
    });
    expect(first).toMatchObject({ proposer: null, textHash: 'h' });
    const withdrawn = metaWithPosition(first, {
      delegation: 'GT',
      position: null,
      userId: 'u-gt',
      textHash: 'h',
      at: 2,
    });
    expect(withdrawn.positions).toEqual({});
  });
});

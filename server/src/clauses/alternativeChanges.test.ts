import { type ClauseMeta, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import { LIMITS } from '@accord/shared/protocol/limits';
import { describe, expect, it } from 'vitest';
import {
  metaWithAlternative,
  metaWithoutAlternative,
  settleAlternatives,
} from './alternativeChanges';

const alternative = (id: string, delegation: 'MX' | 'US' = 'MX') => ({
  id,
  text: `Wording ${id}`,
  delegation,
  userId: `u-${delegation}`,
  at: 1,
});
const locked: ClauseMeta = {
  ...emptyClauseMeta('h'),
  lock: { delegation: 'CHAIR', userId: 'chair', at: 1, reason: null },
};

describe('alternatives (A1–A3, L4)', () => {
  it('adds alternatives in the order proposed, up to the limit', async () => {
    let meta = emptyClauseMeta('h');
    for (let index = 0; index < LIMITS.alternativesPerClause; index++) {
      const added = metaWithAlternative(meta, alternative(`a${index}`));
      if (!added.ok) throw new Error(added.error);
      meta = added.value;
    }
    expect(meta.alternatives?.map((entry) => entry.id).slice(0, 2)).toEqual(['a0', 'a1']);
    expect(metaWithAlternative(meta, alternative('extra'))).toEqual({
      ok: false,
      error: 'tooManyAlternatives',
    });
  });

  it('withdraws one by id and names an unknown one', async () => {
    const meta = {
      ...emptyClauseMeta('h'),
      alternatives: [alternative('a1'), alternative('a2', 'US')],
    };
    const withdrawn = metaWithoutAlternative(meta, 'a1');
    expect(withdrawn.ok && withdrawn.value.meta.alternatives).toEqual([alternative('a2', 'US')]);
    expect(withdrawn.ok && withdrawn.value.alternative.id).toBe('a1');
    expect(metaWithoutAlternative(meta, 'nope')).toEqual({
      ok: false,
      error: 'unknownAlternative',
    });
  });

  it('settles with the chosen wording and sets the others aside, or keeps the text', async () => {
    const meta = {
      ...emptyClauseMeta('h'),
      alternatives: [alternative('a1'), alternative('a2', 'US')],
    };
    expect(settleAlternatives(meta, 'a2')).toEqual({
      ok: true,
      value: { chosen: alternative('a2', 'US'), setAside: [alternative('a1')] },
    });
    expect(settleAlternatives(meta, null)).toEqual({
      ok: true,
      value: { chosen: null, setAside: meta.alternatives },
    });
    expect(settleAlternatives(meta, 'gone')).toEqual({ ok: false, error: 'unknownAlternative' });
  });

  it('changes nothing on a locked clause', async () => {
    expect(metaWithAlternative(locked, alternative('a1'))).toEqual({
      ok: false,
      error: 'clauseLocked',
    });
    expect(metaWithoutAlternative(locked, 'a1')).toEqual({ ok: false, error: 'clauseLocked' });
    expect(settleAlternatives(locked, null)).toEqual({ ok: false, error: 'clauseLocked' });
  });
});

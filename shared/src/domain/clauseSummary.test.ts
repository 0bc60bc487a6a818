import { describe, expect, it } from 'vitest';
import type { ClauseMeta } from './clauseMeta';
import type { DraftClause } from './clauseNodes';
import { summarizeClauses } from './clauseSummary';
import { clauseTextHash } from './textHash';

const text = 'Agree to consult one another;';

function meta(overrides: Partial<ClauseMeta> = {}): ClauseMeta {
  return {
    proposer: null,
    positions: {},
    cleared: [],
    textHash: clauseTextHash(text),
    ...overrides,
  };
}

function clause(id: string | null, clauseText = text): DraftClause {
  return { id, kind: 'operative', label: 'OP1', text: clauseText };
}

describe('summarizeClauses', () => {
  it('keeps positions given on the current text and derives the status from them', () => {
    const agree = {
      position: 'agree' as const,
      textHash: clauseTextHash(text),
      userId: 'u',
      at: 1,
    };
    const positions = { US: agree, CA: agree, MX: agree, SV: agree, GT: agree };
    const [summary] = summarizeClauses([clause('c1')], () => meta({ positions }));
    expect(summary?.status).toBe('agreed');
    expect(Object.keys(summary?.positions ?? {})).toHaveLength(5);
  });

  it('is locked while a lock is set, and bracketed while alternatives remain', () => {
    const lock = { delegation: 'CHAIR' as const, userId: 'chair', at: 3, reason: null };
    const alternative = {
      id: 'a1',
      text: 'Other words;',
      delegation: 'MX' as const,
      userId: 'mx',
      at: 4,
    };
    const [locked] = summarizeClauses([clause('c1')], () => meta({ lock }));
    expect(locked?.status).toBe('locked');
    expect(locked?.lock).toEqual(lock);
    const [withAlternative] = summarizeClauses([clause('c1')], () =>
      meta({ alternatives: [alternative] }),
    );
    expect(withAlternative?.status).toBe('bracketed');
    expect(withAlternative?.alternatives).toEqual([alternative]);
    const [plain] = summarizeClauses([clause('c1')], () => meta({ lock: null }));
    expect(plain?.status).toBe('open');
  });

  it('drops positions given on other text, even before the server has cleared them', () => {
    const stale = {
      position: 'agree' as const,
      textHash: clauseTextHash('old'),
      userId: 'u',
      at: 1,
    };
    const [summary] = summarizeClauses([clause('c1')], () => meta({ positions: { MX: stale } }));
    expect(summary?.positions).toEqual({});
    expect(summary?.status).toBe('open');
  });

  it('shows a clearing only for delegations that have not stated a position again', () => {
    const cleared = (delegation: 'MX' | 'CA') => ({
      delegation,
      position: 'agree' as const,
      at: 2,
      reason: 'textChanged' as const,
      byDelegation: 'US' as const,
      byUserId: 'us',
    });
    const restated = {
      position: 'reserve' as const,
      textHash: clauseTextHash(text),
      userId: 'ca',
      at: 3,
    };
    const [summary] = summarizeClauses([clause('c1')], () =>
      meta({ positions: { CA: restated }, cleared: [cleared('MX'), cleared('CA')] }),
    );
    expect(summary?.cleared.map((entry) => entry.delegation)).toEqual(['MX']);
  });

  it('leaves out clauses without an id and repeated ids, and reads bracketed text', () => {
    const summaries = summarizeClauses(
      [clause(null), clause('c1', 'Agree [ninety days]'), clause('c1')],
      () => null,
    );
    expect(summaries.map((summary) => [summary.id, summary.status])).toEqual([['c1', 'bracketed']]);
  });
});

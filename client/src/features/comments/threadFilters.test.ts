import type { ThreadView } from '@accord/shared/protocol/threads';
import { describe, expect, it } from 'vitest';
import { countByDelegation, DEFAULT_FILTERS, filterThreads } from './threadFilters';

function thread(id: string, overrides: Partial<ThreadView>): ThreadView {
  return {
    id,
    documentId: 'd',
    clauseId: 'c1',
    visibility: 'public',
    delegation: 'MX',
    anchor: { start: 'AA==', end: 'AA==' },
    quote: 'words',
    createdAt: 1,
    resolved: null,
    messages: [],
    unread: 0,
    ...overrides,
  };
}

const by = { userId: 'u', displayName: 'U', delegation: 'US' as const };
const threads = [
  thread('mx-public', {}),
  thread('mx-private', { visibility: 'private' }),
  thread('us-resolved', { delegation: 'US', resolved: { by, at: 2 } }),
  thread('us-other-clause', { delegation: 'US', clauseId: 'c2' }),
];
const ids = (list: ThreadView[]) => list.map((item) => item.id);

describe('filterThreads', () => {
  it('shows open threads by default', () => {
    expect(ids(filterThreads(threads, DEFAULT_FILTERS))).toEqual([
      'mx-public',
      'mx-private',
      'us-other-clause',
    ]);
  });

  it('filters by delegation, visibility, state and clause, together', () => {
    const all = { ...DEFAULT_FILTERS, state: 'all' as const };
    expect(ids(filterThreads(threads, { ...all, delegation: 'US' }))).toEqual([
      'us-resolved',
      'us-other-clause',
    ]);
    expect(ids(filterThreads(threads, { ...all, visibility: 'private' }))).toEqual(['mx-private']);
    expect(ids(filterThreads(threads, { ...all, state: 'resolved' }))).toEqual(['us-resolved']);
    expect(ids(filterThreads(threads, { ...all, clauseId: 'c2' }))).toEqual(['us-other-clause']);
    expect(ids(filterThreads(threads, { ...all, delegation: 'MX', visibility: 'public' }))).toEqual(
      ['mx-public'],
    );
  });

  it('counts threads per delegation', () => {
    expect(countByDelegation(threads)).toEqual(
      new Map([
        ['MX', 2],
        ['US', 2],
      ]),
    );
  });
});

import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';
import type { ThreadView } from '@accord/shared/protocol/threads';

/** The margin's filters; `all` lets everything through. */
export interface ThreadFilters {
  delegation: DelegationCode | 'all';
  visibility: ThreadVisibility | 'all';
  state: 'open' | 'resolved' | 'all';
  clauseId: string | 'all';
}

/** What the margin shows at first: every open thread. */
export const DEFAULT_FILTERS: ThreadFilters = {
  delegation: 'all',
  visibility: 'all',
  state: 'open',
  clauseId: 'all',
};

/** The threads that pass the filters, in the order given. */
export function filterThreads(
  threads: readonly ThreadView[],
  filters: ThreadFilters,
): ThreadView[] {
  return threads.filter(
    (thread) =>
      (filters.delegation === 'all' || thread.delegation === filters.delegation) &&
      (filters.visibility === 'all' || thread.visibility === filters.visibility) &&
      (filters.clauseId === 'all' || thread.clauseId === filters.clauseId) &&
      (filters.state === 'all' || (filters.state === 'resolved') === (thread.resolved !== null)),
  );
}

/** Counts of threads per delegation that opened them, for the filter's labels. */
export function countByDelegation(threads: readonly ThreadView[]): Map<DelegationCode, number> {
  const counts = new Map<DelegationCode, number>();
  for (const thread of threads)
    counts.set(thread.delegation, (counts.get(thread.delegation) ?? 0) + 1);
  return counts;
}

import type { ClauseStatus } from '@accord/shared/domain/status';
import { countClauses } from '@accord/shared/domain/status';
import type { ClauseView } from './clauseViews';

/** How each status reads in the UI. */
export const STATUS_LABELS: Record<ClauseStatus, string> = {
  open: 'Open',
  bracketed: 'Bracketed',
  agreedAdRef: 'Agreed ad ref.',
  agreed: 'Agreed',
  locked: 'Locked',
};

/** Shorter labels for the narrow status column of the consensus matrix. */
export const STATUS_SHORT_LABELS: Record<ClauseStatus, string> = {
  ...STATUS_LABELS,
  agreedAdRef: 'Ad ref.',
};

/** One sentence on what each status means, for tooltips and the clause panel. */
export const STATUS_HINTS: Record<ClauseStatus, string> = {
  open: 'Not yet agreed by all five delegations.',
  bracketed: 'Has text in square brackets or alternative wordings on the table: not agreed yet.',
  agreedAdRef: 'All five agree, at least one pending confirmation by its capital.',
  agreed: 'All five delegations agree.',
  locked: 'Closed by a moderator: its text and positions are frozen.',
};

/** Which clauses the consensus view lists. */
export type ConsensusFilter = 'all' | 'needsWork';

/**
 * Whether a clause is settled: agreed by all five, or locked (the Chair has closed it).
 * Everything else, agreed ad ref. included (the capitals have not confirmed), needs work.
 */
export function isSettled(status: ClauseStatus): boolean {
  return status === 'agreed' || status === 'locked';
}

/** The clauses a filter keeps, in document order. */
export function filterClauses(views: readonly ClauseView[], filter: ConsensusFilter): ClauseView[] {
  return filter === 'all' ? [...views] : views.filter((view) => !isSettled(view.status));
}

/** The consensus view's headline figures. */
export interface ConsensusSummary {
  total: number;
  settled: number;
  needsWork: number;
  byStatus: Record<ClauseStatus, number>;
  /** "9 of 14 clauses agreed". */
  headline: string;
}

/** Counts a draft's clauses for the consensus view's headline. */
export function consensusSummary(views: readonly ClauseView[]): ConsensusSummary {
  const counts = countClauses(views.map((view) => view.status));
  const { total, ...byStatus } = counts;
  const settled = counts.agreed + counts.locked;
  return {
    total,
    settled,
    needsWork: total - settled,
    byStatus,
    headline: `${settled} of ${total} ${total === 1 ? 'clause' : 'clauses'} agreed`,
  };
}

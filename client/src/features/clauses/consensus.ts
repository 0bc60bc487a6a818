import type { ClauseStatus } from '@accord/shared/domain/status';
import { countClauses, STATUS_WORDS } from '@accord/shared/domain/status';
import type { ClauseView } from '../../sync/clauseViews';

/** How each status reads in the UI, alone (with who contests it: `statusWords`). */
export const STATUS_LABELS: Record<ClauseStatus, string> = STATUS_WORDS;

/** Shorter labels for the narrow status column of the consensus matrix. */
export const STATUS_SHORT_LABELS: Record<ClauseStatus, string> = {
  ...STATUS_LABELS,
  agreedAdRef: 'Ad ref.',
};

/** One sentence on what each status means, for tooltips and the clause panel. */
export const STATUS_HINTS: Record<ClauseStatus, string> = {
  objected: 'A delegation objects to the current text: there is no consensus until it is met.',
  reserved: 'A delegation reserves its position on the current text: it may not join consensus.',
  open: 'Not yet agreed by all five delegations.',
  bracketed: 'Has text in square brackets or alternative wordings on the table: not agreed yet.',
  agreedAdRef: 'All five agree, at least one pending confirmation by its capital.',
  agreed: 'All five delegations agree.',
  locked: 'Closed by a moderator: its text and positions are frozen.',
};

/** Which clauses the consensus view lists: all, those not settled, or those contested. */
export type ConsensusFilter = 'all' | 'needsWork' | 'contested';

/** Whether a delegation stands against the clause's text (an objection or a reservation). */
export function isContested(status: ClauseStatus): boolean {
  return status === 'objected' || status === 'reserved';
}

/**
 * Whether a clause is settled: agreed by all five, or locked (the Chair has closed it).
 * Everything else, agreed ad ref. included (the capitals have not confirmed), needs work.
 */
export function isSettled(status: ClauseStatus): boolean {
  return status === 'agreed' || status === 'locked';
}

/** The clauses a filter keeps, in document order. */
export function filterClauses(views: readonly ClauseView[], filter: ConsensusFilter): ClauseView[] {
  switch (filter) {
    case 'all':
      return [...views];
    case 'needsWork':
      return views.filter((view) => !isSettled(view.status));
    case 'contested':
      return views.filter((view) => isContested(view.status));
  }
}

/** The consensus view's headline figures. */
export interface ConsensusSummary {
  total: number;
  settled: number;
  needsWork: number;
  /** Clauses a delegation objects to or reserves on. */
  contested: number;
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
    contested: counts.objected + counts.reserved,
    byStatus,
    headline: `${settled} of ${total} ${total === 1 ? 'clause' : 'clauses'} agreed`,
  };
}

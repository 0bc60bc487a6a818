import type { ClauseStatus } from '@accord/shared/domain/status';
import { countClauses } from '@accord/shared/domain/status';
import { plural, t } from '@lingui/core/macro';
import { statusLabel } from '../../i18n/domainWords';
import type { ClauseView } from '../../sync/clauseViews';

export { statusLabel };

/** Shorter labels for the narrow status column of the consensus matrix. */
export function statusShortLabel(status: ClauseStatus): string {
  return status === 'agreedAdRef'
    ? t({ message: 'Ad ref.', context: 'Short form of the status Agreed ad ref.' })
    : statusLabel(status);
}

/** One sentence on what a status means, for tooltips and the clause panel. */
export function statusHint(status: ClauseStatus): string {
  switch (status) {
    case 'objected':
      return t`A delegation objects to the current text: there is no consensus until it is met.`;
    case 'reserved':
      return t`A delegation reserves its position on the current text: it may not join consensus.`;
    case 'open':
      return t`Not yet agreed by all five delegations.`;
    case 'bracketed':
      return t`Has text in square brackets or alternative wordings on the table: not agreed yet.`;
    case 'agreedAdRef':
      return t`All five agree, at least one pending confirmation by its capital.`;
    case 'agreed':
      return t`All five delegations agree.`;
    case 'locked':
      return t`Closed by a moderator: its text and positions are frozen.`;
  }
}

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
    headline: plural(total, {
      one: `${settled} of # clause agreed`,
      other: `${settled} of # clauses agreed`,
    }),
  };
}

/** "3 agreed", "1 objection": how many clauses are in a status, for the consensus breakdown. */
export function statusCount(status: ClauseStatus, count: number): string {
  switch (status) {
    case 'objected':
      return plural(count, { one: '# objection', other: '# objections' });
    case 'reserved':
      return plural(count, { one: '# reserved', other: '# reserved' });
    case 'bracketed':
      return plural(count, { one: '# bracketed', other: '# bracketed' });
    case 'open':
      return plural(count, { one: '# open', other: '# open' });
    case 'agreedAdRef':
      return plural(count, { one: '# agreed ad ref.', other: '# agreed ad ref.' });
    case 'agreed':
      return plural(count, { one: '# agreed', other: '# agreed' });
    case 'locked':
      return plural(count, { one: '# locked', other: '# locked' });
  }
}

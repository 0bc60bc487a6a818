import { PARTY_CODES } from './delegations';
import type { ClausePositions } from './positions';

/** A clause's status, derived from its state (never stored on its own). */
export const CLAUSE_STATUSES = ['open', 'bracketed', 'agreedAdRef', 'agreed', 'locked'] as const;

/** One clause status. */
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

/** What a clause's status is derived from. */
export interface ClauseStatusInput {
  locked: boolean;
  /** The clause has square brackets or competing alternatives. */
  bracketed: boolean;
  positions: ClausePositions;
}

/**
 * Derives a clause's status: locked wins; then bracketed (text is not agreed while brackets or
 * alternatives remain); agreed when all five parties agree; agreed ad ref when all five agree
 * and at least one ad referendum; open otherwise.
 */
export function clauseStatus(input: ClauseStatusInput): ClauseStatus {
  if (input.locked) return 'locked';
  if (input.bracketed) return 'bracketed';
  const stated = PARTY_CODES.map((code) => input.positions[code]?.position);
  if (stated.every((position) => position === 'agree')) return 'agreed';
  if (stated.every((position) => position === 'agree' || position === 'agreeAdRef')) {
    return 'agreedAdRef';
  }
  return 'open';
}

/** Whether a clause text contains square brackets (text not yet agreed). */
export function hasBrackets(text: string): boolean {
  return text.includes('[') || text.includes(']');
}

/** How many clauses there are in all and in each status ("9 of 14 clauses agreed"). */
export type ClauseCounts = { total: number } & Record<ClauseStatus, number>;

/** Counts clauses by status, for the consensus view and exports. */
export function countClauses(statuses: readonly ClauseStatus[]): ClauseCounts {
  const counts: ClauseCounts = {
    total: statuses.length,
    open: 0,
    bracketed: 0,
    agreedAdRef: 0,
    agreed: 0,
    locked: 0,
  };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

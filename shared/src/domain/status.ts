import { type DelegationCode, PARTY_CODES } from './delegations';
import type { ClausePositions } from './positions';

/**
 * A clause's status, derived from its state (never stored on its own), in the order the
 * consensus view draws them: from furthest from agreement to settled.
 */
export const CLAUSE_STATUSES = [
  'objected',
  'reserved',
  'bracketed',
  'open',
  'agreedAdRef',
  'agreed',
  'locked',
] as const;

/** One clause status. */
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

/** What a clause's status is derived from. */
export interface ClauseStatusInput {
  locked: boolean;
  /** The clause has square brackets or competing alternatives. */
  bracketed: boolean;
  positions: ClausePositions;
}

/** The parties that object to a clause and those that reserve on it, in the parties' order. */
export interface ContestingParties {
  objecting: DelegationCode[];
  reserving: DelegationCode[];
}

/** Who objects and who reserves, from the positions that hold for the clause's text. */
export function contestingParties(positions: ClausePositions): ContestingParties {
  const holding = (position: 'object' | 'reserve') =>
    PARTY_CODES.filter((code) => positions[code]?.position === position);
  return { objecting: holding('object'), reserving: holding('reserve') };
}

/**
 * Derives a clause's status: locked wins (a moderator may lock over an objection, with a
 * reason); then a party's stated stand against the text, because it is what the Chair must act
 * on: objected when any party objects, reserved when any reserves; then bracketed (text is not
 * agreed while brackets or alternatives remain); agreed when all five parties agree; agreed ad
 * ref when all five agree and at least one ad referendum; open otherwise.
 */
export function clauseStatus(input: ClauseStatusInput): ClauseStatus {
  if (input.locked) return 'locked';
  const { objecting, reserving } = contestingParties(input.positions);
  if (objecting.length > 0) return 'objected';
  if (reserving.length > 0) return 'reserved';
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

/** What decides whether a clause is agreed: its text, its open alternatives, its positions. */
export interface AgreementInput {
  text: string;
  alternatives: readonly unknown[];
  /** The positions that hold for the current text (`positionsForText(…).kept`). */
  positions: ClausePositions;
}

/** Whether a clause's text is still open: it has square brackets or competing alternatives. */
export function clauseBracketed(clause: Pick<AgreementInput, 'text' | 'alternatives'>): boolean {
  return hasBrackets(clause.text) || clause.alternatives.length > 0;
}

/**
 * The one definition of an agreed clause: the status `agreed`, lock aside: all five parties
 * plainly agree with the current text and it has no brackets and no alternatives (SPEC L5: text
 * in brackets is not agreed). Lock-all-agreed locks exactly these, and only these are locked
 * without a written reason (`lockReasonRequired`).
 */
export function clauseAgreed(clause: AgreementInput): boolean {
  return (
    clauseStatus({
      locked: false,
      bracketed: clauseBracketed(clause),
      positions: clause.positions,
    }) === 'agreed'
  );
}

/** The word of each status, alone ("Objection"), for counts, filters and legends. */
export const STATUS_WORDS: Record<ClauseStatus, string> = {
  objected: 'Objection',
  reserved: 'Reserved',
  bracketed: 'Bracketed',
  open: 'Open',
  agreedAdRef: 'Agreed ad ref.',
  agreed: 'Agreed',
  locked: 'Locked',
};

/**
 * A clause's status in words, naming who contests it: "Objection: SV · Reserved: MX",
 * "Objections: SV, GT", "Reserved: MX"; other statuses by their word ("Bracketed"). The same
 * words in the clause panel, the consensus table and exports.
 */
export function statusWords(status: ClauseStatus, positions: ClausePositions): string {
  if (status !== 'objected' && status !== 'reserved') return STATUS_WORDS[status];
  const { objecting, reserving } = contestingParties(positions);
  const parts: string[] = [];
  if (objecting.length > 0) {
    parts.push(`${objecting.length === 1 ? 'Objection' : 'Objections'}: ${objecting.join(', ')}`);
  }
  if (reserving.length > 0) parts.push(`Reserved: ${reserving.join(', ')}`);
  return parts.join(' · ');
}

/** How many clauses there are in all and in each status ("9 of 14 clauses agreed"). */
export type ClauseCounts = { total: number } & Record<ClauseStatus, number>;

/** Counts clauses by status, for the consensus view and exports. */
export function countClauses(statuses: readonly ClauseStatus[]): ClauseCounts {
  const counts: ClauseCounts = {
    total: statuses.length,
    objected: 0,
    reserved: 0,
    bracketed: 0,
    open: 0,
    agreedAdRef: 0,
    agreed: 0,
    locked: 0,
  };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

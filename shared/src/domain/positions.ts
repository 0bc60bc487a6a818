import type { DelegationCode } from './delegations';
import { PARTY_CODES } from './delegations';

/** A delegation's stand on a clause. `agreeAdRef`: agreed pending confirmation by the capital. */
export const POSITIONS = ['agree', 'agreeAdRef', 'reserve', 'object'] as const;

/** One delegation's position on one clause (absence means none stated). */
export type Position = (typeof POSITIONS)[number];

/** How each position reads in the UI and in exports. */
export const POSITION_LABELS: Record<Position, string> = {
  agree: 'Agree',
  agreeAdRef: 'Agree ad ref.',
  reserve: 'Reserve',
  object: 'Object',
};

/** Whether an untrusted value names a position. */
export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && (POSITIONS as readonly string[]).includes(value);
}

/** A stated position, bound to the clause text it was given on (by a hash of that text). */
export interface StatedPosition {
  position: Position;
  textHash: string;
  userId: string;
  at: number;
}

/** The positions on one clause, by delegation. */
export type ClausePositions = Partial<Record<DelegationCode, StatedPosition>>;

/**
 * The positions that still hold for the clause's current text: a position given on other text
 * was cleared by the change (SPEC C1: "a position is bound to the clause text it was given on").
 * Returns the kept positions and the delegations whose positions were cleared.
 */
export function positionsForText(
  positions: ClausePositions,
  currentTextHash: string,
): { kept: ClausePositions; cleared: DelegationCode[] } {
  const kept: ClausePositions = {};
  const cleared: DelegationCode[] = [];
  for (const code of PARTY_CODES) {
    const stated = positions[code];
    if (stated === undefined) continue;
    if (stated.textHash === currentTextHash) kept[code] = stated;
    else cleared.push(code);
  }
  return { kept, cleared };
}

import { type ClauseMeta, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { type Position, positionsForText } from '@accord/shared/domain/positions';

/** Who made a change, as the server authenticated them. */
export interface ClauseAuthor {
  userId: string;
  delegation: DelegationCode;
}

/** A clause's text changed (or the clause appeared), as `metaAfterTextChange` needs it. */
export interface TextChangeFacts {
  /** The clause id was not in the document before and has no meta yet. */
  isNew: boolean;
  /** `clauseTextHash` of the new text. */
  textHash: string;
  author: ClauseAuthor;
  at: number;
}

/**
 * A clause's meta after its text changed, or null when nothing needs writing. A new clause gets
 * its proposer (the author). Positions given on other text are cleared (C1: a position
 * is bound to the text it was given on), and `cleared` then names them, why and who.
 */
export function metaAfterTextChange(
  existing: ClauseMeta | null,
  facts: TextChangeFacts,
): ClauseMeta | null {
  const { author, at, textHash } = facts;
  if (existing === null) {
    if (!facts.isNew) return null;
    return {
      ...emptyClauseMeta(textHash),
      proposer: { delegation: author.delegation, userId: author.userId, at },
    };
  }
  const { kept, cleared } = positionsForText(existing.positions, textHash);
  if (cleared.length === 0) return null;
  return {
    ...existing,
    positions: kept,
    cleared: cleared.map((delegation) => ({
      delegation,
      position: existing.positions[delegation]!.position,
      at,
      reason: 'textChanged',
      byDelegation: author.delegation,
      byUserId: author.userId,
    })),
    textHash,
  };
}

/** A position stated (or, with null, withdrawn) on a clause's current text. */
export interface PositionStatement {
  delegation: DelegationCode;
  position: Position | null;
  userId: string;
  /** `clauseTextHash` of the clause's current text. */
  textHash: string;
  at: number;
}

/**
 * A clause's meta after a delegation stated or withdrew its position. The position is bound to
 * the current text; the delegation leaves `cleared` (it has acted since). Positions that no
 * longer hold for the current text are dropped too.
 */
export function metaWithPosition(
  existing: ClauseMeta | null,
  statement: PositionStatement,
): ClauseMeta {
  const base = existing ?? emptyClauseMeta(statement.textHash);
  const { kept } = positionsForText(base.positions, statement.textHash);
  if (statement.position === null) {
    delete kept[statement.delegation];
  } else {
    kept[statement.delegation] = {
      position: statement.position,
      textHash: statement.textHash,
      userId: statement.userId,
      at: statement.at,
    };
  }
  return {
    ...base,
    positions: kept,
    cleared: base.cleared.filter((entry) => entry.delegation !== statement.delegation),
    textHash: statement.textHash,
  };
}

import type { ClauseMeta, ClauseProposer, ClearedPosition } from '@accord/shared/domain/clauseMeta';
import type { DraftClause } from '@accord/shared/domain/clauseNodes';
import { type ClausePositions, positionsForText } from '@accord/shared/domain/positions';
import type { ClauseKind } from '@accord/shared/domain/schema';
import { type ClauseStatus, clauseStatus, hasBrackets } from '@accord/shared/domain/status';
import { clauseTextHash } from '@accord/shared/domain/textHash';

/** One clause as the clause panel and the consensus view show it. */
export interface ClauseView {
  id: string;
  /** PP1, OP2…: derived from order. */
  label: string;
  kind: ClauseKind;
  text: string;
  status: ClauseStatus;
  /** Who proposed it; null for the Chair's first draft. */
  proposer: ClauseProposer | null;
  /** The positions that hold for the clause's current text. */
  positions: ClausePositions;
  /** Positions the server cleared at the last text change, with who changed the text. */
  cleared: ClearedPosition[];
}

/** Hashes a clause text as the server does (`clauseTextHash`). */
export type TextHasher = (text: string) => string;

/** Texts remembered by `memoizedTextHasher` before it starts over. */
const HASH_CACHE_LIMIT = 1_000;

/**
 * `clauseTextHash` with a memory: a keystroke changes one clause, so the others' hashes are
 * reused instead of recomputed (the hash runs on BigInts, one per byte).
 */
export function memoizedTextHasher(): TextHasher {
  const cache = new Map<string, string>();
  return (text) => {
    let hash = cache.get(text);
    if (hash === undefined) {
      if (cache.size >= HASH_CACHE_LIMIT) cache.clear();
      hash = clauseTextHash(text);
      cache.set(text, hash);
    }
    return hash;
  };
}

/**
 * The clauses of a draft as views: numbered, with proposer, the positions still bound to their
 * current text, what was cleared, and the derived status. Clauses without an id yet (the editor
 * gives one at once) and repeated ids (a paste, until the editor fixes it) are left out.
 */
export function buildClauseViews(
  clauses: readonly DraftClause[],
  metaOf: (clauseId: string) => ClauseMeta | null,
  hashOf: TextHasher,
): ClauseView[] {
  const seen = new Set<string>();
  const views: ClauseView[] = [];
  for (const clause of clauses) {
    if (clause.id === null || seen.has(clause.id)) continue;
    seen.add(clause.id);
    const meta = metaOf(clause.id);
    // A position given on other text no longer holds, even before the server's clearing of it
    // arrives (our own keystroke reaches us before the server has answered it).
    const positions =
      meta === null || Object.keys(meta.positions).length === 0
        ? {}
        : positionsForText(meta.positions, hashOf(clause.text)).kept;
    views.push({
      id: clause.id,
      label: clause.label,
      kind: clause.kind,
      text: clause.text,
      status: clauseStatus({ locked: false, bracketed: hasBrackets(clause.text), positions }),
      proposer: meta?.proposer ?? null,
      positions,
      cleared: (meta?.cleared ?? []).filter((entry) => positions[entry.delegation] === undefined),
    });
  }
  return views;
}

import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DraftClause } from '@accord/shared/domain/clauseNodes';
import { type ClauseSummary, summarizeClauses } from '@accord/shared/domain/clauseSummary';
import { clauseTextHash } from '@accord/shared/domain/textHash';

/** One clause as the clause panel and the consensus view show it. */
export type ClauseView = ClauseSummary;

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

/** The clauses of a draft as views (see `summarizeClauses`), hashing through `hashOf`. */
export function buildClauseViews(
  clauses: readonly DraftClause[],
  metaOf: (clauseId: string) => ClauseMeta | null,
  hashOf: TextHasher,
): ClauseView[] {
  return summarizeClauses(clauses, metaOf, hashOf);
}

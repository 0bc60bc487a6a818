import type { ClauseAlternative, ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { LIMITS } from '@accord/shared/protocol/limits';

/** Why an alternative could not be proposed, withdrawn or chosen. */
export type AlternativeError = 'clauseLocked' | 'tooManyAlternatives' | 'unknownAlternative';

/** A result of the pure alternative rules. */
export type AlternativeResult<T> = { ok: true; value: T } | { ok: false; error: AlternativeError };

/** A clause's meta with one more alternative, unless it is locked or has too many already. */
export function metaWithAlternative(
  meta: ClauseMeta,
  alternative: ClauseAlternative,
): AlternativeResult<ClauseMeta> {
  if (meta.lock) return { ok: false, error: 'clauseLocked' };
  const alternatives = meta.alternatives ?? [];
  if (alternatives.length >= LIMITS.alternativesPerClause) {
    return { ok: false, error: 'tooManyAlternatives' };
  }
  return { ok: true, value: { ...meta, alternatives: [...alternatives, alternative] } };
}

/** A clause's meta without one alternative, and the alternative taken out. */
export function metaWithoutAlternative(
  meta: ClauseMeta,
  alternativeId: string,
): AlternativeResult<{ meta: ClauseMeta; alternative: ClauseAlternative }> {
  if (meta.lock) return { ok: false, error: 'clauseLocked' };
  const alternatives = meta.alternatives ?? [];
  const alternative = alternatives.find((candidate) => candidate.id === alternativeId);
  if (alternative === undefined) return { ok: false, error: 'unknownAlternative' };
  return {
    ok: true,
    value: {
      meta: { ...meta, alternatives: alternatives.filter((other) => other !== alternative) },
      alternative,
    },
  };
}

/**
 * What settling a clause's alternatives means: the one chosen (null: the current text stands)
 * and the ones set aside. Settling a clause with no alternatives is allowed only to keep the
 * text, so that a repeated request does nothing harmful.
 */
export function settleAlternatives(
  meta: ClauseMeta,
  alternativeId: string | null,
): AlternativeResult<{ chosen: ClauseAlternative | null; setAside: ClauseAlternative[] }> {
  if (meta.lock) return { ok: false, error: 'clauseLocked' };
  const alternatives = meta.alternatives ?? [];
  if (alternativeId === null) return { ok: true, value: { chosen: null, setAside: alternatives } };
  const chosen = alternatives.find((candidate) => candidate.id === alternativeId);
  if (chosen === undefined) return { ok: false, error: 'unknownAlternative' };
  return {
    ok: true,
    value: { chosen, setAside: alternatives.filter((other) => other !== chosen) },
  };
}

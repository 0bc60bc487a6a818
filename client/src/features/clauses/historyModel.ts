import type { ClauseChangeView } from '@accord/shared/protocol/api';

/** A version of a clause the history drawer can show instead of the current text. */
export interface ClauseVersion {
  /** The change after which the clause read so, or `original` before the first recorded one. */
  key: string;
  text: string;
  /** "After Elena Marsh's change" or "Before the first recorded change". */
  caption: string;
  at: number | null;
}

/** A stable key for one change of a clause (its time and author). */
export function changeKey(change: ClauseChangeView): string {
  return `${change.at}-${change.userId}`;
}

/**
 * The clause as it was before any recorded change: the oldest change's `textBefore` (changes
 * come newest first). Null without changes.
 */
export function originalVersion(changes: readonly ClauseChangeView[]): ClauseVersion | null {
  const oldest = changes.at(-1);
  if (oldest === undefined) return null;
  return {
    key: 'original',
    text: oldest.textBefore,
    caption: 'Before the first recorded change',
    at: null,
  };
}

/** The clause as it was right after one change. */
export function versionAfter(change: ClauseChangeView): ClauseVersion {
  return {
    key: changeKey(change),
    text: change.textAfter,
    caption: `After ${change.displayName}’s change`,
    at: change.at,
  };
}

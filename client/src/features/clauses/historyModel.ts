import type { ClauseHistoryEvent } from '@accord/shared/domain/clauseHistory';
import type { ClauseAlternative } from '@accord/shared/domain/clauseMeta';
import { DELEGATIONS } from '@accord/shared/domain/delegations';
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

/** A stable key for one change of a clause (its time, author and kind). */
export function changeKey(change: ClauseChangeView): string {
  return `${change.at}-${change.userId}-${change.event?.kind ?? 'edit'}`;
}

/**
 * What a history entry that is not typing says happened, in words, or null for typing:
 * "Deleted the clause", "Proposed an alternative wording", "Chose Mexico's alternative (Alt
 * wording set aside: United States)".
 */
export function eventSummary(event: ClauseHistoryEvent | null): string | null {
  if (event === null) return null;
  const setAside = (alternatives: readonly ClauseAlternative[]) =>
    alternatives.length === 0
      ? ''
      : `; set aside: ${alternatives.map((alternative) => DELEGATIONS[alternative.delegation].name).join(', ')}`;
  switch (event.kind) {
    case 'deleted':
      return 'Deleted the clause (or merged it into the one before)';
    case 'restored':
      return 'Restored the clause';
    case 'alternativeProposed':
      return `Proposed an alternative wording for ${DELEGATIONS[event.alternative.delegation].name}`;
    case 'alternativeWithdrawn':
      return `Withdrew ${DELEGATIONS[event.alternative.delegation].name}’s alternative wording`;
    case 'alternativeChosen':
      return event.chosen === null
        ? `Kept the text${setAside(event.setAside)}`
        : `Chose ${DELEGATIONS[event.chosen.delegation].name}’s alternative wording${setAside(event.setAside)}`;
  }
}

/** The wordings an event is about, to quote under it: proposed, withdrawn, chosen, set aside. */
export function eventWordings(
  event: ClauseHistoryEvent | null,
): { key: string; label: string; text: string }[] {
  if (event === null) return [];
  const quote = (label: string, alternative: ClauseAlternative) => ({
    key: `${label}-${alternative.id}`,
    label: `${label} (${alternative.delegation})`,
    text: alternative.text,
  });
  switch (event.kind) {
    case 'alternativeProposed':
      return [quote('Proposed', event.alternative)];
    case 'alternativeWithdrawn':
      return [quote('Withdrawn', event.alternative)];
    case 'alternativeChosen':
      return [
        ...(event.chosen ? [quote('Chosen', event.chosen)] : []),
        ...event.setAside.map((alternative) => quote('Set aside', alternative)),
      ];
    default:
      return [];
  }
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

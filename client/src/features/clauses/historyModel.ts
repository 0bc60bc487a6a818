import type { ClauseHistoryEvent } from '@accord/shared/domain/clauseHistory';
import type { ClauseAlternative } from '@accord/shared/domain/clauseMeta';
import type { ClauseChangeView } from '@accord/shared/protocol/api';
import { t } from '@lingui/core/macro';
import { delegationName } from '../../i18n/domainWords';

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
  const setAside = (alternatives: readonly ClauseAlternative[]) => {
    if (alternatives.length === 0) return '';
    const names = alternatives.map((alternative) => delegationName(alternative.delegation));
    const list = names.join(', ');
    return t`; set aside: ${list}`;
  };
  switch (event.kind) {
    case 'deleted':
      return t`Deleted the clause (or merged it into the one before)`;
    case 'restored':
      return t`Restored the clause`;
    case 'alternativeProposed': {
      const name = delegationName(event.alternative.delegation);
      return t`Proposed an alternative wording for ${name}`;
    }
    case 'alternativeWithdrawn': {
      const name = delegationName(event.alternative.delegation);
      return t`Withdrew ${name}’s alternative wording`;
    }
    case 'alternativeChosen': {
      const aside = setAside(event.setAside);
      if (event.chosen === null) return t`Kept the text${aside}`;
      const name = delegationName(event.chosen.delegation);
      return t`Chose ${name}’s alternative wording${aside}`;
    }
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
      return [
        quote(t({ message: 'Proposed', context: 'An alternative wording' }), event.alternative),
      ];
    case 'alternativeWithdrawn':
      return [
        quote(t({ message: 'Withdrawn', context: 'An alternative wording' }), event.alternative),
      ];
    case 'alternativeChosen': {
      const chosen = t({ message: 'Chosen', context: 'An alternative wording' });
      const aside = t({ message: 'Set aside', context: 'An alternative wording' });
      return [
        ...(event.chosen ? [quote(chosen, event.chosen)] : []),
        ...event.setAside.map((alternative) => quote(aside, alternative)),
      ];
    }
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
    caption: t`Before the first recorded change`,
    at: null,
  };
}

/** The clause as it was right after one change. */
export function versionAfter(change: ClauseChangeView): ClauseVersion {
  return {
    key: changeKey(change),
    text: change.textAfter,
    caption: t`After ${change.displayName}’s change`,
    at: change.at,
  };
}

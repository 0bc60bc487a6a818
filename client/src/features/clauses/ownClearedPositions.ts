import type { ClearedPosition } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { t } from '@lingui/core/macro';
import { positionLabel } from '../../i18n/domainWords';
import type { ClauseView } from '../../sync/clauseViews';
import { describeAuthor, type NameLookup } from './clearedNotice';

/** One of the reader's own delegation's positions that a text change cleared. */
export interface OwnClearedPosition {
  /** Stable for one clearing: the clause, when, by whom. */
  key: string;
  clauseId: string;
  label: string;
  entry: ClearedPosition;
}

/**
 * The positions of `delegation` cleared by text changes and not stated again since, in the
 * draft's order (a view's `cleared` already leaves out positions stated again).
 */
export function ownClearedPositions(
  views: readonly ClauseView[],
  delegation: DelegationCode,
): OwnClearedPosition[] {
  return views.flatMap((view) =>
    view.cleared
      .filter((entry) => entry.delegation === delegation)
      .map((entry) => ({
        key: `${view.id}|${entry.at}|${entry.byUserId}`,
        clauseId: view.id,
        label: view.label,
        entry,
      })),
  );
}

/**
 * What is new since the last look: the clearings in `now` that `known` did not have. The
 * first look (`known` null) finds nothing new: those were cleared before the page opened, and
 * the consensus view's badges show them.
 */
export function newlyCleared(
  known: ReadonlySet<string> | null,
  now: readonly OwnClearedPosition[],
): OwnClearedPosition[] {
  if (known === null) return [];
  return now.filter((cleared) => !known.has(cleared.key));
}

/** "Your Agree on OP4 was cleared: Elena Marsh (US) changed the text." */
export function ownClearedText(cleared: OwnClearedPosition, nameOf: NameLookup): string {
  const who = describeAuthor(cleared.entry.byUserId, cleared.entry.byDelegation, nameOf);
  const position = positionLabel(cleared.entry.position);
  const label = cleared.label;
  return t`Your ${position} on ${label} was cleared: ${who} changed the text.`;
}

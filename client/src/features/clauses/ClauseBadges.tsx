import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ClausePositions } from '@accord/shared/domain/positions';
import type { ClauseStatus } from '@accord/shared/domain/status';
import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
import { delegationName, positionLabel, statusWordsFor } from '../../i18n/domainWords';
import { statusHint, statusLabel, statusShortLabel } from './consensus';
import { type PositionOrNone, positionShort } from './positionDisplay';
import './ClauseBadges.css';

/**
 * A clause's status as a coloured label ("Bracketed", "Objection: SV · Reserved: MX" with its
 * positions), explained on hover.
 */
export function StatusBadge({
  status,
  positions,
  short = false,
}: {
  status: ClauseStatus;
  /** The positions that hold for the clause's text, to name who objects or reserves. */
  positions: ClausePositions;
  short?: boolean;
}) {
  useLingui();
  const words =
    status === 'objected' || status === 'reserved'
      ? statusWordsFor(status, positions)
      : short
        ? statusShortLabel(status)
        : statusLabel(status);
  const hint = statusHint(status);
  return (
    <span
      className={`status-badge status-badge--${status}`}
      data-testid="clause-status"
      data-status={status}
      title={t`${words}: ${hint}`}
    >
      {words}
    </span>
  );
}

/**
 * One delegation's position: in full ("Agree ad ref.") in the clause panel, or short ("AR") in
 * the consensus matrix. A position cleared by a text change shows struck through.
 */
export function PositionChip({
  delegation,
  position,
  cleared = null,
  short = false,
  detail,
}: {
  delegation: DelegationCode;
  position: PositionOrNone;
  /** The position a text change cleared, shown when there is none now. */
  cleared?: PositionOrNone | null;
  short?: boolean;
  /** Who stated it and when, for the tooltip. */
  detail?: string;
}) {
  useLingui();
  const shownCleared = position === 'none' ? cleared : null;
  const label = (value: PositionOrNone) =>
    short ? positionShort(value) : value === 'none' ? t`No position` : positionLabel(value);
  const words = (value: PositionOrNone) =>
    value === 'none' ? t`no position` : positionLabel(value);
  const name = delegationName(delegation);
  const clearedWords = shownCleared ? words(shownCleared) : '';
  const positionWords = words(position);
  const title = shownCleared
    ? t`${name}: ${clearedWords}, cleared by a text change`
    : detail
      ? t`${name}: ${positionWords} — ${detail}`
      : t`${name}: ${positionWords}`;
  return (
    <span
      className={[
        'position-chip',
        `position-chip--${position}`,
        short ? 'position-chip--short' : '',
        shownCleared ? 'position-chip--cleared' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid="position-chip"
      data-delegation={delegation}
      data-position={position}
      data-cleared={shownCleared ?? undefined}
      title={title}
    >
      {shownCleared ? <s>{label(shownCleared)}</s> : label(position)}
    </span>
  );
}

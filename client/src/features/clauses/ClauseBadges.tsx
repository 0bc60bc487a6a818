import { DELEGATIONS, type DelegationCode } from '@accord/shared/domain/delegations';
import type { ClausePositions } from '@accord/shared/domain/positions';
import { POSITION_LABELS } from '@accord/shared/domain/positions';
import { type ClauseStatus, statusWords } from '@accord/shared/domain/status';
import { STATUS_HINTS, STATUS_LABELS, STATUS_SHORT_LABELS } from './consensus';
import { POSITION_SHORT, type PositionOrNone } from './positionDisplay';
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
  const words =
    status === 'objected' || status === 'reserved'
      ? statusWords(status, positions)
      : short
        ? STATUS_SHORT_LABELS[status]
        : STATUS_LABELS[status];
  return (
    <span
      className={`status-badge status-badge--${status}`}
      data-testid="clause-status"
      data-status={status}
      title={`${words}: ${STATUS_HINTS[status]}`}
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
  const shownCleared = position === 'none' ? cleared : null;
  const label = (value: PositionOrNone) =>
    short ? POSITION_SHORT[value] : value === 'none' ? 'No position' : POSITION_LABELS[value];
  const words = (value: PositionOrNone) =>
    value === 'none' ? 'no position' : POSITION_LABELS[value];
  const title = shownCleared
    ? `${DELEGATIONS[delegation].name}: ${words(shownCleared)}, cleared by a text change`
    : `${DELEGATIONS[delegation].name}: ${words(position)}${detail ? ` — ${detail}` : ''}`;
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

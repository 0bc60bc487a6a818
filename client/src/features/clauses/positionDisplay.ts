import type { Position } from '@accord/shared/domain/positions';

/** A position as the UI shows it, `none` when the delegation has stated nothing. */
export type PositionOrNone = Position | 'none';

/** Short forms for the consensus matrix, explained by its legend. */
export const POSITION_SHORT: Record<PositionOrNone, string> = {
  agree: 'A',
  agreeAdRef: 'AR',
  reserve: 'R',
  object: 'O',
  none: '—',
};

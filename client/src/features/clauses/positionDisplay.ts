import type { Position } from '@accord/shared/domain/positions';
import { t } from '@lingui/core/macro';

/** A position as the UI shows it, `none` when the delegation has stated nothing. */
export type PositionOrNone = Position | 'none';

/** Short forms for the consensus matrix, explained by its legend. */
export function positionShort(position: PositionOrNone): string {
  switch (position) {
    case 'agree':
      return t({
        message: 'A',
        context: 'Short form of the position Agree, in the consensus matrix',
      });
    case 'agreeAdRef':
      return t({ message: 'AR', context: 'Short form of Agree ad ref., in the consensus matrix' });
    case 'reserve':
      return t({ message: 'R', context: 'Short form of Reserve, in the consensus matrix' });
    case 'object':
      return t({ message: 'O', context: 'Short form of Object, in the consensus matrix' });
    case 'none':
      return '—';
  }
}

import { DELEGATIONS, type DelegationCode } from '@accord/shared/domain/delegations';
import { readableTextColour } from './colour';

/**
 * A delegation's code on its colour ("MX"). Codes, not flag emoji: many systems have no flag
 * glyphs and would show two bare letters in a box.
 */
export function DelegationChip({
  code,
  compact = false,
}: {
  code: DelegationCode;
  compact?: boolean;
}) {
  const delegation = DELEGATIONS[code];
  return (
    <abbr
      className={compact ? 'delegation-chip delegation-chip--compact' : 'delegation-chip'}
      title={delegation.name}
      style={{ backgroundColor: delegation.colour, color: readableTextColour(delegation.colour) }}
    >
      {code === 'CHAIR' ? 'Chair' : code}
    </abbr>
  );
}

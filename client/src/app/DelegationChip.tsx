import { DELEGATIONS, type DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
import { delegationName } from '../i18n/domainWords';
import { readableTextColour } from './colour';

/**
 * A delegation's code on its colour ("MX"). Codes, not flag emoji: many systems have no flag
 * glyphs and would show two bare letters in a box. An observer (the press, seated with the
 * Chair) wears a badge of its own, never the Chair's: it reads and cannot act.
 */
export function DelegationChip({
  code,
  compact = false,
  memberRole,
}: {
  code: DelegationCode;
  compact?: boolean;
  memberRole?: Role | undefined;
}) {
  const className = compact ? 'delegation-chip delegation-chip--compact' : 'delegation-chip';
  useLingui();
  if (memberRole === 'observer') {
    const seat = delegationName(code);
    return (
      <abbr
        className={`${className} delegation-chip--observer`}
        title={t`Observer: reads the draft, cannot change it (seated with ${seat})`}
      >
        {t({ message: 'Observer', context: 'Badge of a member who reads only' })}
      </abbr>
    );
  }
  const delegation = DELEGATIONS[code];
  return (
    <abbr
      className={className}
      title={delegationName(code)}
      style={{ backgroundColor: delegation.colour, color: readableTextColour(delegation.colour) }}
    >
      {code === 'CHAIR' ? delegationName(code) : code}
    </abbr>
  );
}

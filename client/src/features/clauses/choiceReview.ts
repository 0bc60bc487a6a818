import { type DelegationCode, PARTY_CODES } from '@accord/shared/domain/delegations';
import type { ClauseBracketOwners } from '@accord/shared/domain/liveBrackets';
import type { ClausePositions } from '@accord/shared/domain/positions';
import { plural, t } from '@lingui/core/macro';
import { delegationName, listInWords, positionLabel } from '../../i18n/domainWords';

const brackets = (count: number) => plural(count, { one: '# bracket', other: '# brackets' });

/**
 * What replacing a clause's whole text would do to its brackets, in words, naming the other
 * delegations first: "This removes the brackets of Mexico (1 bracket) and El Salvador
 * (2 brackets), 1 bracket of your own and 1 bracket of the Chair's first draft." Null when
 * the text has none.
 */
export function bracketsRemovedWarning(
  owners: ClauseBracketOwners,
  chooser: DelegationCode,
): string | null {
  const others = owners.byDelegation.filter((owner) => owner.delegation !== chooser);
  const own = owners.byDelegation.find((owner) => owner.delegation === chooser)?.count ?? 0;
  const otherList = listInWords(
    others.map(({ delegation, count }) => {
      const name = delegationName(delegation);
      const counted = brackets(count);
      return t`${name} (${counted})`;
    }),
  );
  const ownCount = brackets(own);
  const unownedCount = brackets(owners.unowned);
  const parts = [
    others.length > 0 ? t`the brackets of ${otherList}` : null,
    own > 0 ? t`${ownCount} of your own` : null,
    owners.unowned > 0 ? t`${unownedCount} of the Chair’s first draft` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  const removed = listInWords(parts);
  return t`This removes ${removed}.`;
}

/** The delegations whose brackets another's choice would remove, for whoever must be told. */
export function otherBracketOwners(
  owners: ClauseBracketOwners,
  chooser: DelegationCode,
): DelegationCode[] {
  return owners.byDelegation
    .map((owner) => owner.delegation)
    .filter((delegation) => delegation !== chooser);
}

/**
 * The positions a new text clears, in words: "The positions stated on the current text (US
 * Agree, CA Reserve) will be cleared: each delegation states its position again." Null if none.
 */
export function positionsClearedWarning(positions: ClausePositions): string | null {
  const stated = PARTY_CODES.flatMap((code) => {
    const position = positions[code]?.position;
    return position === undefined ? [] : [`${code} ${positionLabel(position)}`];
  });
  if (stated.length === 0) return null;
  const list = stated.join(', ');
  return t`The positions stated on the current text (${list}) will be cleared: each delegation states its position again on the new one.`;
}

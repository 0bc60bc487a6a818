import { DELEGATIONS, type DelegationCode, PARTY_CODES } from '@accord/shared/domain/delegations';
import type { ClauseBracketOwners } from '@accord/shared/domain/liveBrackets';
import { type ClausePositions, POSITION_LABELS } from '@accord/shared/domain/positions';

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const brackets = (count: number) => `${count} ${count === 1 ? 'bracket' : 'brackets'}`;

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
  const parts = [
    others.length > 0
      ? `the brackets of ${listInWords(
          others.map(
            ({ delegation, count }) => `${DELEGATIONS[delegation].name} (${brackets(count)})`,
          ),
        )}`
      : null,
    own > 0 ? `${brackets(own)} of your own` : null,
    owners.unowned > 0 ? `${brackets(owners.unowned)} of the Chair’s first draft` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : `This removes ${listInWords(parts)}.`;
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
    return position === undefined ? [] : [`${code} ${POSITION_LABELS[position]}`];
  });
  if (stated.length === 0) return null;
  return `The positions stated on the current text (${stated.join(', ')}) will be cleared: each delegation states its position again on the new one.`;
}

import { DELEGATIONS, isDelegationCode } from '@accord/shared/domain/delegations';
import { t } from '@lingui/core/macro';
import { normaliseHexColour, UNKNOWN_PERSON_COLOUR } from '../app/colour';
import { delegationName } from '../i18n/domainWords';

/** What a remote caret shows: a label and a colour, from an untrusted awareness `user`. */
export interface CaretLook {
  label: string;
  /** The same, short enough to sit over a line: "Ruth · Chair" (the given name). */
  shortLabel: string;
  colour: string;
  /** The person's page is in the background: the caret is drawn faded. */
  away: boolean;
  /** Whose caret it is, so that it can be faded later (`useFadedCarets`); null if unknown. */
  userId: string | null;
}

/**
 * "Sofía Ramírez · MX" in Mexico's colour, always as `#rrggbb`. Any other colour value gets the
 * delegation's (or grey), so a crafted awareness state cannot inject CSS.
 */
export function caretLook(user: Record<string, unknown>): CaretLook {
  const name =
    typeof user.name === 'string' && user.name.trim() !== ''
      ? user.name
      : t({ message: 'Someone', context: 'A caret whose person is unknown' });
  const delegation = isDelegationCode(user.delegation) ? user.delegation : null;
  const badge =
    user.role === 'observer'
      ? t({ message: 'Observer', context: 'Badge of a member who reads only' })
      : delegation === 'CHAIR'
        ? delegationName(delegation)
        : delegation;
  const suffix = badge === null ? '' : ` · ${badge}`;
  const given = typeof user.color === 'string' ? normaliseHexColour(user.color) : null;
  const colour = given ?? (delegation ? DELEGATIONS[delegation].colour : UNKNOWN_PERSON_COLOUR);
  const userId = typeof user.userId === 'string' && user.userId !== '' ? user.userId : null;
  return {
    label: `${name}${suffix}`,
    shortLabel: `${givenName(name)}${suffix}`,
    colour,
    away: user.away === true,
    userId,
  };
}

/** The first word of a name that is not a title ("Amb. Ruth Okafor" → "Ruth"), at most 14 characters. */
function givenName(name: string): string {
  const words = name.trim().split(/\s+/);
  const given = words.find((word) => !word.endsWith('.')) ?? words[0] ?? name;
  return given.length > 14 ? `${given.slice(0, 13)}…` : given;
}

import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ClausePositions, Position } from '@accord/shared/domain/positions';
import type { Role } from '@accord/shared/domain/roles';
import type { ClauseStatus } from '@accord/shared/domain/status';
import { contestingParties } from '@accord/shared/domain/status';
import { t } from '@lingui/core/macro';

/*
 * The words of the trade in the reader's language, looked up when called (never at import) so
 * that a switch of language takes effect on the next render. Components that show them read
 * `useLingui()` so that they re-render on a switch.
 */

/** A delegation's name: the UN's official short name in each language; the Chair as an office. */
export function delegationName(code: DelegationCode): string {
  switch (code) {
    case 'US':
      return t`United States`;
    case 'CA':
      return t`Canada`;
    case 'MX':
      return t`Mexico`;
    case 'SV':
      return t`El Salvador`;
    case 'GT':
      return t`Guatemala`;
    case 'CHAIR':
      return t`Chair`;
  }
}

/** A position as a button or badge says it. */
export function positionLabel(position: Position): string {
  switch (position) {
    case 'agree':
      return t({ message: 'Agree', context: 'A delegation position on a clause' });
    case 'agreeAdRef':
      return t({
        message: 'Agree ad ref.',
        context: 'A delegation agrees pending confirmation by its capital (ad referendum)',
      });
    case 'reserve':
      return t({ message: 'Reserve', context: 'A delegation reserves its position on a clause' });
    case 'object':
      return t({ message: 'Object', context: 'A delegation objects to a clause' });
  }
}

/** A clause's status in one word or two. */
export function statusLabel(status: ClauseStatus): string {
  switch (status) {
    case 'objected':
      return t({ message: 'Objection', context: 'Clause status' });
    case 'reserved':
      return t({ message: 'Reserved', context: 'Clause status' });
    case 'bracketed':
      return t({ message: 'Bracketed', context: 'Clause status: has text in square brackets' });
    case 'open':
      return t({ message: 'Open', context: 'Clause status: not yet agreed' });
    case 'agreedAdRef':
      return t({ message: 'Agreed ad ref.', context: 'Clause status' });
    case 'agreed':
      return t({ message: 'Agreed', context: 'Clause status' });
    case 'locked':
      return t({ message: 'Locked', context: 'Clause status' });
  }
}

/**
 * A clause's status naming who contests it: "Objection: SV · Reserved: MX"; other statuses by
 * their word. Delegation codes stay codes: they are the same in every language.
 */
export function statusWordsFor(status: ClauseStatus, positions: ClausePositions): string {
  if (status !== 'objected' && status !== 'reserved') return statusLabel(status);
  const { objecting, reserving } = contestingParties(positions);
  const parts: string[] = [];
  if (objecting.length > 0) {
    const codes = objecting.join(', ');
    parts.push(objecting.length === 1 ? t`Objection: ${codes}` : t`Objections: ${codes}`);
  }
  if (reserving.length > 0) {
    const codes = reserving.join(', ');
    parts.push(t`Reserved: ${codes}`);
  }
  return parts.join(' · ');
}

/** A member's role, as a list beside their name says it. */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'moderator':
      return t({ message: 'moderator', context: 'Member role: chair or secretariat' });
    case 'delegate':
      return t({ message: 'delegate', context: 'Member role' });
    case 'observer':
      return t({ message: 'observer', context: 'Member role: reads only' });
  }
}

/** Who locked a clause, as a phrase: "the Chair", "Mexico". */
export function lockerPhraseFor(lock: { delegation: DelegationCode }): string {
  return lock.delegation === 'CHAIR'
    ? t({ message: 'the Chair', context: 'Who locked a clause: "Locked by the Chair"' })
    : delegationName(lock.delegation);
}

/** Who locked a clause, with the person when known: "the Chair (Amb. Ruth Okafor)". */
export function lockerWithNameFor(
  lock: { delegation: DelegationCode },
  name: string | null,
): string {
  const phrase = lockerPhraseFor(lock);
  return name ? `${phrase} (${name})` : phrase;
}

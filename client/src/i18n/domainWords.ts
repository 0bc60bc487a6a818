import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ClausePositions, Position } from '@accord/shared/domain/positions';
import type { Role } from '@accord/shared/domain/roles';
import type { ClauseStatus } from '@accord/shared/domain/status';
import * as shared from '@accord/shared/i18n/domainWords';
import { isLocale, type Locale } from '@accord/shared/i18n/locales';
import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';

/*
 * The words of the trade in the page's language, looked up when called (never at import) so
 * that a switch of language takes effect on the next render. Delegations, positions and
 * statuses come from shared (the exports say them the same way); components that show them
 * read `useLingui()` so that they re-render on a switch.
 */

/** The page's language now. */
export function pageLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : 'en';
}

/** A delegation's name: the UN's official short name in each language; the Chair as an office. */
export function delegationName(code: DelegationCode): string {
  return shared.delegationName(code, pageLocale());
}

/** A position as a button or badge says it. */
export function positionLabel(position: Position): string {
  return shared.positionLabel(position, pageLocale());
}

/** A clause's status in one word or two. */
export function statusLabel(status: ClauseStatus): string {
  return shared.statusWord(status, pageLocale());
}

/** A clause's status naming who contests it: "Objection: SV · Reserved: MX". */
export function statusWordsFor(status: ClauseStatus, positions: ClausePositions): string {
  return shared.describeStatus(status, positions, pageLocale());
}

/** Who locked a clause, as a phrase: "the Chair", "Mexico" («la Présidence», «le Mexique»). */
export function lockerPhraseFor(lock: { delegation: DelegationCode }): string {
  return shared.delegationAgent(lock.delegation, pageLocale());
}

/** Who locked a clause, with the person when known: "the Chair (Amb. Ruth Okafor)". */
export function lockerWithNameFor(
  lock: { delegation: DelegationCode },
  name: string | null,
): string {
  const phrase = lockerPhraseFor(lock);
  return name ? `${phrase} (${name})` : phrase;
}

/** "A, B and C" in the page's language ("A, B y C", «A, B et C»). */
export function listInWords(items: readonly string[]): string {
  return shared.joinNames(items, pageLocale());
}

/** What one paragraph is: "Preambular paragraph", "Párrafo del preámbulo". */
export function clauseKindLabel(kind: 'preambular' | 'operative'): string {
  return shared.clauseKindName(kind, pageLocale());
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

import { DELEGATION_CODES, type DelegationCode } from '@accord/shared/domain/delegations';
import type { MemberPresence, MemberView } from '@accord/shared/protocol/api';
import { plural, t } from '@lingui/core/macro';
import { delegationName } from '../../i18n/domainWords';

/** The members of one delegation, as the negotiation page lists them. */
export interface DelegationMembers {
  delegation: DelegationCode;
  name: string;
  members: MemberView[];
  /** "1 on a draft · 1 signed in": who is where, the absent left out ("all offline" if none). */
  summary: string;
}

/** How a presence reads beside a name. */
export function presenceLabel(presence: MemberPresence): string {
  switch (presence) {
    case 'onDraft':
      return t`On a draft`;
    case 'signedIn':
      return t({ message: 'Signed in', context: 'Presence of a member' });
    case 'offline':
      return t`Offline`;
  }
}

/** What a presence means, for the tooltip. */
export function presenceHint(presence: MemberPresence): string {
  switch (presence) {
    case 'onDraft':
      return t`Has a draft of this negotiation open now.`;
    case 'signedIn':
      return t`Signed in and using Accord in the last two minutes, but not on a draft now.`;
    case 'offline':
      return t`Not on a draft and not using Accord in the last two minutes.`;
  }
}

const ROLE_ORDER = { moderator: 0, delegate: 1, observer: 2 } as const;

/** "1 on a draft · 2 signed in", "all offline" or "offline" for one member. */
export function presenceSummary(members: readonly MemberView[]): string {
  const count = (presence: MemberPresence) =>
    members.filter((member) => member.presence === presence).length;
  const onDraft = count('onDraft');
  const signedIn = count('signedIn');
  const parts = [
    onDraft > 0 ? plural(onDraft, { one: '# on a draft', other: '# on a draft' }) : null,
    signedIn > 0 ? plural(signedIn, { one: '# signed in', other: '# signed in' }) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length > 0) return parts.join(' · ');
  return members.length === 1
    ? t({ message: 'offline', context: 'The only member of a delegation is offline' })
    : t({ message: 'all offline', context: 'Every member of a delegation is offline' });
}

/**
 * Groups members by delegation in the canonical order (parties, then the Chair), skipping empty
 * delegations; within one, moderators first, then by name.
 */
export function groupMembersByDelegation(members: readonly MemberView[]): DelegationMembers[] {
  return DELEGATION_CODES.flatMap((code) => {
    const own = members
      .filter((member) => member.delegation === code)
      .sort(
        (a, b) =>
          ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.displayName.localeCompare(b.displayName),
      );
    if (own.length === 0) return [];
    return [
      {
        delegation: code,
        name: delegationName(code),
        members: own,
        summary: presenceSummary(own),
      },
    ];
  });
}

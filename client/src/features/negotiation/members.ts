import {
  DELEGATION_CODES,
  DELEGATIONS,
  type DelegationCode,
} from '@accord/shared/domain/delegations';
import type { MemberPresence, MemberView } from '@accord/shared/protocol/api';

/** The members of one delegation, as the negotiation page lists them. */
export interface DelegationMembers {
  delegation: DelegationCode;
  name: string;
  members: MemberView[];
  /** "1 on a draft · 1 signed in": who is where, the absent left out ("all offline" if none). */
  summary: string;
}

/** How each presence reads beside a name. */
export const PRESENCE_LABELS: Record<MemberPresence, string> = {
  onDraft: 'On a draft',
  signedIn: 'Signed in',
  offline: 'Offline',
};

/** What each presence means, for the tooltip. */
export const PRESENCE_HINTS: Record<MemberPresence, string> = {
  onDraft: 'Has a draft of this negotiation open now.',
  signedIn: 'Signed in and using Accord in the last two minutes, but not on a draft now.',
  offline: 'Not on a draft and not using Accord in the last two minutes.',
};

const ROLE_ORDER = { moderator: 0, delegate: 1, observer: 2 } as const;

/** "1 on a draft · 2 signed in", "all offline" or "offline" for one member. */
export function presenceSummary(members: readonly MemberView[]): string {
  const count = (presence: MemberPresence) =>
    members.filter((member) => member.presence === presence).length;
  const parts = [
    count('onDraft') > 0 ? `${count('onDraft')} on a draft` : null,
    count('signedIn') > 0 ? `${count('signedIn')} signed in` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length > 0) return parts.join(' · ');
  return members.length === 1 ? 'offline' : 'all offline';
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
        name: DELEGATIONS[code].name,
        members: own,
        summary: presenceSummary(own),
      },
    ];
  });
}

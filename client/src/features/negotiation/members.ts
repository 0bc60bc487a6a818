import {
  DELEGATION_CODES,
  DELEGATIONS,
  type DelegationCode,
} from '@accord/shared/domain/delegations';
import type { MemberView } from '@accord/shared/protocol/api';

/** The members of one delegation, as the negotiation page lists them. */
export interface DelegationMembers {
  delegation: DelegationCode;
  name: string;
  members: MemberView[];
  onlineCount: number;
}

const ROLE_ORDER = { moderator: 0, delegate: 1, observer: 2 } as const;

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
        onlineCount: own.filter((member) => member.online).length,
      },
    ];
  });
}

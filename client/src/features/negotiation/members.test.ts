import type { MemberView } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import { groupMembersByDelegation } from './members';

function member(
  userId: string,
  delegation: MemberView['delegation'],
  role: MemberView['role'],
  online = false,
): MemberView {
  return { userId, displayName: userId, delegation, role, online };
}

describe('groupMembersByDelegation', () => {
  it('lists parties in the canonical order, then the Chair, skipping empty delegations', () => {
    const groups = groupMembersByDelegation([
      member('chair', 'CHAIR', 'moderator'),
      member('mx', 'MX', 'delegate'),
      member('us', 'US', 'delegate'),
    ]);
    expect(groups.map((group) => group.delegation)).toEqual(['US', 'MX', 'CHAIR']);
  });

  it('puts moderators first within a delegation and counts who is online', () => {
    const [chair] = groupMembersByDelegation([
      member('observer', 'CHAIR', 'observer', true),
      member('secretariat', 'CHAIR', 'moderator'),
      member('ambassador', 'CHAIR', 'moderator', true),
    ]);
    expect(chair?.members.map((m) => m.userId)).toEqual(['ambassador', 'secretariat', 'observer']);
    expect(chair?.onlineCount).toBe(2);
  });
});

import type { MemberView } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import { groupMembersByDelegation, presenceSummary } from './members';

function member(
  userId: string,
  delegation: MemberView['delegation'],
  role: MemberView['role'],
  presence: MemberView['presence'] = 'offline',
): MemberView {
  return { userId, displayName: userId, delegation, role, presence };
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

  it('puts moderators first within a delegation and says who is where', () => {
    const [chair] = groupMembersByDelegation([
      member('observer', 'CHAIR', 'observer', 'signedIn'),
      member('secretariat', 'CHAIR', 'moderator'),
      member('ambassador', 'CHAIR', 'moderator', 'onDraft'),
    ]);
    expect(chair?.members.map((m) => m.userId)).toEqual(['ambassador', 'secretariat', 'observer']);
    expect(chair?.summary).toBe('1 on a draft · 1 signed in');
  });
});

describe('presenceSummary', () => {
  it('never says "0 of 1 online" of someone signed in but not on a draft', () => {
    expect(presenceSummary([member('a', 'MX', 'delegate', 'signedIn')])).toBe('1 signed in');
    expect(presenceSummary([member('a', 'MX', 'delegate', 'onDraft')])).toBe('1 on a draft');
  });

  it('says plainly when nobody is there', () => {
    expect(presenceSummary([member('a', 'MX', 'delegate')])).toBe('offline');
    expect(presenceSummary([member('a', 'MX', 'delegate'), member('b', 'MX', 'delegate')])).toBe(
      'all offline',
    );
  });
});

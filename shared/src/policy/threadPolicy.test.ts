import { describe, expect, it } from 'vitest';
import { DELEGATION_CODES, type DelegationCode, PARTY_CODES } from '../domain/delegations';
import { ROLES, type Role } from '../domain/roles';
import { can } from './policy';
import { THREAD_VISIBILITIES, type ThreadVisibility } from './threadPolicy';

/** The expected answer for every cell, written out independently of the implementation. */
function expected(
  action: 'read' | 'create' | 'reply' | 'own' | 'othersMessage' | 'hide',
  role: Role,
  actorDelegation: DelegationCode,
  visibility: ThreadVisibility,
  threadDelegation: DelegationCode,
): boolean {
  const sameDelegation = actorDelegation === threadDelegation;
  const reads = visibility === 'public' || (role !== 'observer' && sameDelegation);
  const writes = role === 'delegate' || (role === 'moderator' && visibility === 'public');
  switch (action) {
    case 'read':
      return reads;
    case 'create':
      return writes;
    case 'reply':
    case 'own':
      return reads && writes;
    case 'othersMessage':
      return false;
    case 'hide':
      return role === 'moderator' && visibility === 'public';
  }
}

describe('thread policy: every role × delegation × visibility × thread delegation', () => {
  for (const role of ROLES) {
    for (const actorDelegation of DELEGATION_CODES) {
      it(`${role} of ${actorDelegation}`, () => {
        const actor = { role, delegation: actorDelegation, userId: 'me' };
        for (const visibility of THREAD_VISIBILITIES) {
          expect(can(actor, 'createThread', { visibility })).toBe(
            expected('create', role, actorDelegation, visibility, actorDelegation),
          );
          for (const threadDelegation of DELEGATION_CODES) {
            const thread = { visibility, delegation: threadDelegation };
            const cell = (name: Parameters<typeof expected>[0]) =>
              expected(name, role, actorDelegation, visibility, threadDelegation);
            expect(can(actor, 'readThread', thread)).toBe(cell('read'));
            expect(can(actor, 'replyThread', thread)).toBe(cell('reply'));
            expect(can(actor, 'resolveThread', thread)).toBe(cell('reply'));
            expect(can(actor, 'hideMessage', thread)).toBe(cell('hide'));
            const mine = { ...thread, authorId: 'me' };
            const theirs = { ...thread, authorId: 'someone else' };
            expect(can(actor, 'editMessage', mine)).toBe(cell('own'));
            expect(can(actor, 'deleteMessage', mine)).toBe(cell('own'));
            expect(can(actor, 'editMessage', theirs)).toBe(cell('othersMessage'));
            expect(can(actor, 'deleteMessage', theirs)).toBe(cell('othersMessage'));
          }
        }
      });
    }
  }
});

describe('thread policy: the cases the issue names', () => {
  const mexico = { role: 'delegate', delegation: 'MX', userId: 'mx' } as const;
  const us = { role: 'delegate', delegation: 'US', userId: 'us' } as const;
  const chair = { role: 'moderator', delegation: 'CHAIR', userId: 'chair' } as const;
  const observer = { role: 'observer', delegation: 'CHAIR', userId: 'obs' } as const;
  const mexicoPrivate = { visibility: 'private', delegation: 'MX' } as const;
  const mexicoPublic = { visibility: 'public', delegation: 'MX' } as const;

  it("keeps Mexico's private thread from the United States, the Chair and observers", () => {
    expect(can(mexico, 'readThread', mexicoPrivate)).toBe(true);
    for (const actor of [us, chair, observer]) {
      expect(can(actor, 'readThread', mexicoPrivate)).toBe(false);
      expect(can(actor, 'replyThread', mexicoPrivate)).toBe(false);
    }
  });

  it('lets everyone read a public thread; observers only read', () => {
    for (const actor of [mexico, us, chair, observer]) {
      expect(can(actor, 'readThread', mexicoPublic)).toBe(true);
    }
    expect(can(observer, 'replyThread', mexicoPublic)).toBe(false);
    expect(can(observer, 'createThread', { visibility: 'public' })).toBe(false);
    expect(can(chair, 'replyThread', mexicoPublic)).toBe(true);
  });

  it('lets the Chair hide public messages only, and no one edit without a user id', () => {
    expect(can(chair, 'hideMessage', mexicoPublic)).toBe(true);
    expect(can(chair, 'hideMessage', mexicoPrivate)).toBe(false);
    expect(
      can({ role: 'delegate', delegation: 'MX' }, 'editMessage', {
        ...mexicoPublic,
        authorId: 'mx',
      }),
    ).toBe(false);
    for (const code of PARTY_CODES) {
      expect(
        can({ role: 'moderator', delegation: 'CHAIR' }, 'createThread', { visibility: 'private' }),
      ).toBe(false);
      expect(
        can({ role: 'delegate', delegation: code }, 'createThread', { visibility: 'private' }),
      ).toBe(true);
    }
  });
});

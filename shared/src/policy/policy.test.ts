import { describe, expect, it } from 'vitest';
import { DELEGATION_CODES, PARTY_CODES } from '../domain/delegations';
import { ROLES } from '../domain/roles';
import { can } from './policy';

describe('can', () => {
  it('lets every role read', () => {
    for (const role of ROLES) expect(can({ role, delegation: 'MX' }, 'read')).toBe(true);
  });

  it('lets delegates and moderators edit text, never observers', () => {
    expect(can({ role: 'delegate', delegation: 'MX' }, 'editText')).toBe(true);
    expect(can({ role: 'moderator', delegation: 'CHAIR' }, 'editText')).toBe(true);
    expect(can({ role: 'observer', delegation: 'CHAIR' }, 'editText')).toBe(false);
  });

  it('lets only moderators manage members', () => {
    expect(ROLES.filter((role) => can({ role, delegation: 'CHAIR' }, 'manageMembers'))).toEqual([
      'moderator',
    ]);
  });

  it("lets only moderators change the negotiation's settings (its time zone)", () => {
    for (const delegation of DELEGATION_CODES) {
      expect(ROLES.filter((role) => can({ role, delegation }, 'changeSettings'))).toEqual([
        'moderator',
      ]);
    }
  });
});

describe("can(…, 'statePosition')", () => {
  it("lets a delegate state their own delegation's position and no other", () => {
    const mexico = { role: 'delegate', delegation: 'MX' } as const;
    expect(can(mexico, 'statePosition', { delegation: 'MX' })).toBe(true);
    expect(can(mexico, 'statePosition', { delegation: 'US' })).toBe(false);
    for (const code of PARTY_CODES) {
      expect(
        can({ role: 'delegate', delegation: code }, 'statePosition', { delegation: code }),
      ).toBe(true);
    }
  });

  it('refuses observers, moderators and the Chair, for every delegation', () => {
    for (const delegation of DELEGATION_CODES) {
      for (const actorDelegation of DELEGATION_CODES) {
        for (const role of ['observer', 'moderator'] as const) {
          expect(can({ role, delegation: actorDelegation }, 'statePosition', { delegation })).toBe(
            false,
          );
        }
      }
      expect(can({ role: 'delegate', delegation: 'CHAIR' }, 'statePosition', { delegation })).toBe(
        false,
      );
    }
  });
});

describe("can(…, 'removeBracket')", () => {
  it("lets a delegate remove their own delegation's bracket, a moderator any, an observer none", () => {
    const mexico = { role: 'delegate', delegation: 'MX' } as const;
    expect(can(mexico, 'removeBracket', { delegation: 'MX' })).toBe(true);
    expect(can(mexico, 'removeBracket', { delegation: 'US' })).toBe(false);
    expect(
      can({ role: 'moderator', delegation: 'CHAIR' }, 'removeBracket', { delegation: 'US' }),
    ).toBe(true);
    expect(can({ role: 'observer', delegation: 'MX' }, 'removeBracket', { delegation: 'MX' })).toBe(
      false,
    );
  });
});

describe("can(…, 'exportDraft' | 'exportFinal')", () => {
  it('lets every member export a draft compilation and only moderators the final text', () => {
    const roles = ['moderator', 'delegate', 'observer'] as const;
    for (const role of roles) {
      expect(can({ role, delegation: 'MX' }, 'exportDraft')).toBe(true);
    }
    expect(can({ role: 'moderator', delegation: 'CHAIR' }, 'exportFinal')).toBe(true);
    expect(can({ role: 'delegate', delegation: 'MX' }, 'exportFinal')).toBe(false);
    expect(can({ role: 'observer', delegation: 'CHAIR' }, 'exportFinal')).toBe(false);
  });
});

describe('alternatives', () => {
  const mx = { role: 'delegate', delegation: 'MX' } as const;
  const chair = { role: 'moderator', delegation: 'CHAIR' } as const;
  const observer = { role: 'observer', delegation: 'CHAIR' } as const;
  const usObserver = { role: 'observer', delegation: 'US' } as const;

  it('lets delegates and moderators propose one, never observers', () => {
    expect(can(mx, 'proposeAlternative')).toBe(true);
    expect(can(chair, 'proposeAlternative')).toBe(true);
    expect(can(observer, 'proposeAlternative')).toBe(false);
    expect(can(usObserver, 'proposeAlternative')).toBe(false);
  });

  it('lets the proposing delegation or a moderator withdraw one', () => {
    expect(can(mx, 'withdrawAlternative', { delegation: 'MX' })).toBe(true);
    expect(can(mx, 'withdrawAlternative', { delegation: 'US' })).toBe(false);
    expect(can(chair, 'withdrawAlternative', { delegation: 'US' })).toBe(true);
    expect(can(usObserver, 'withdrawAlternative', { delegation: 'US' })).toBe(false);
  });

  it('lets only moderators choose the wording', () => {
    expect(can(chair, 'chooseAlternative')).toBe(true);
    expect(can(mx, 'chooseAlternative')).toBe(false);
    expect(can(observer, 'chooseAlternative')).toBe(false);
  });
});

describe("can(…, 'lockClause' | 'viewAudit')", () => {
  it('lets moderators lock and read the audit log, never delegates or observers', () => {
    for (const action of ['lockClause', 'viewAudit'] as const) {
      expect(can({ role: 'moderator', delegation: 'CHAIR' }, action)).toBe(true);
      expect(can({ role: 'delegate', delegation: 'MX' }, action)).toBe(false);
      expect(can({ role: 'observer', delegation: 'CHAIR' }, action)).toBe(false);
    }
  });
});

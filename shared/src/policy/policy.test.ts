import { describe, expect, it } from 'vitest';
import { ROLES } from '../domain/roles';
import { can } from './policy';

describe('can', () => {
  it('lets every role read', () => {
    for (const role of ROLES) expect(can({ role }, 'read')).toBe(true);
  });

  it('lets delegates and moderators edit text, never observers', () => {
    expect(can({ role: 'delegate' }, 'editText')).toBe(true);
    expect(can({ role: 'moderator' }, 'editText')).toBe(true);
    expect(can({ role: 'observer' }, 'editText')).toBe(false);
  });

  it('lets only moderators manage members', () => {
    expect(ROLES.filter((role) => can({ role }, 'manageMembers'))).toEqual(['moderator']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAwarenessUser } from './awarenessUser';

const elena = {
  userId: 'u-us',
  name: 'Elena Marsh',
  delegation: 'US',
  role: 'delegate',
  color: '#1f4e9c',
};
const sofia = {
  userId: 'u-mx',
  name: 'Sofía Ramírez',
  delegation: 'MX',
  role: 'delegate',
  color: '#00704a',
};

describe('parseAwarenessUser', () => {
  it('accepts a stamped user', () => {
    expect(parseAwarenessUser({ user: elena, cursor: null })).toEqual({ ok: true, value: elena });
  });

  it('refuses states without a valid user', () => {
    expect(parseAwarenessUser({}).ok).toBe(false);
    expect(parseAwarenessUser(null).ok).toBe(false);
    expect(parseAwarenessUser({ user: { ...elena, delegation: 'XX' } }).ok).toBe(false);
    expect(parseAwarenessUser({ user: { ...elena, role: 'king' } }).ok).toBe(false);
    expect(parseAwarenessUser({ user: { ...elena, userId: 7 } }).ok).toBe(false);
  });

  it('falls back to the delegation colour when none is given', () => {
    const { color: _dropped, ...withoutColour } = sofia;
    const parsed = parseAwarenessUser({ user: withoutColour });
    expect(parsed.ok && parsed.value.color).toBe('#00704a');
  });
});

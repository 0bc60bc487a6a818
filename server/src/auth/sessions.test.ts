import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import {
  generateSessionToken,
  SESSION_LIFETIME_MS,
  SESSION_RENEW_BEFORE_MS,
  SessionManager,
  sessionIdOf,
} from './sessions';

const DAY = 24 * 60 * 60 * 1000;

describe('session tokens', () => {
  it('are 160 random bits in lowercase base32 without padding', () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(generateSessionToken()).not.toBe(token);
  });

  it('are stored only as their hex SHA-256', () => {
    const token = generateSessionToken();
    expect(sessionIdOf(token)).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
    expect(sessionIdOf(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('SessionManager', () => {
  let storage: MemoryStorage;
  let now: number;
  let sessions: SessionManager;

  beforeEach(() => {
    storage = new MemoryStorage();
    storage.users.create({ id: 'u1', username: 'mx', displayName: 'MX', passwordHash: 'h' });
    now = Date.UTC(2025, 5, 11);
    sessions = new SessionManager(storage, () => now);
  });

  it('creates a 30-day session whose id is the hash of the token', () => {
    const { token, session } = sessions.create('u1');
    expect(session).toEqual({ id: sessionIdOf(token), userId: 'u1', expiresAt: now + 30 * DAY });
    expect(storage.sessions.byId(sessionIdOf(token))).toEqual(session);
    expect(storage.sessions.byId(token)).toBeUndefined();
  });

  it('validates a token into its user and session', () => {
    const { token, session } = sessions.create('u1');
    expect(sessions.validate(token)).toMatchObject({
      session,
      user: { id: 'u1', username: 'mx' },
      extended: false,
    });
    expect(sessions.validate(generateSessionToken())).toBeUndefined();
  });

  it('extends a session with less than 15 days left to a full 30 days', () => {
    const { token, session } = sessions.create('u1');
    now = session.expiresAt - SESSION_RENEW_BEFORE_MS - 1;
    expect(sessions.validate(token)?.extended).toBe(false);
    now = session.expiresAt - SESSION_RENEW_BEFORE_MS + 1;
    const renewed = sessions.validate(token);
    expect(renewed?.extended).toBe(true);
    expect(renewed?.session.expiresAt).toBe(now + SESSION_LIFETIME_MS);
    expect(storage.sessions.byId(session.id)?.expiresAt).toBe(now + SESSION_LIFETIME_MS);
  });

  it('deletes an expired session when it is presented', () => {
    const { token, session } = sessions.create('u1');
    now = session.expiresAt;
    expect(sessions.validate(token)).toBeUndefined();
    expect(storage.sessions.byId(session.id)).toBeUndefined();
  });

  it("refuses a disabled user's session", () => {
    const { token } = sessions.create('u1');
    storage.users.setDisabled('u1', true);
    expect(sessions.validate(token)).toBeUndefined();
  });

  it('signs out server-side', () => {
    const { token, session } = sessions.create('u1');
    sessions.invalidate(session.id);
    expect(sessions.validate(token)).toBeUndefined();
  });

  it('knows who used a session recently, and forgets them once they sign out', () => {
    storage.users.create({ id: 'u2', username: 'ca', displayName: 'CA', passwordHash: 'h' });
    const mexico = sessions.create('u1');
    const canada = sessions.create('u2');
    // Signing in is using Accord.
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set(['u1', 'u2']));
    now += 61_000;
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set());
    sessions.validate(mexico.token);
    now += 30_000;
    sessions.validate(canada.token);
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set(['u1', 'u2']));
    now += 45_000;
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set(['u2']));
    sessions.invalidate(canada.session.id);
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set());
    // A token that does not validate is no sign of anyone.
    sessions.validate(canada.token);
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set());
  });

  it('sweeps expired sessions', () => {
    sessions.create('u1');
    now += SESSION_LIFETIME_MS;
    expect(sessions.deleteExpired()).toBe(1);
  });
});

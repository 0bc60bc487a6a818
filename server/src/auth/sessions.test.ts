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

  beforeEach(async () => {
    storage = new MemoryStorage();
    await storage.users.create({ id: 'u1', username: 'mx', displayName: 'MX', passwordHash: 'h' });
    now = Date.UTC(2025, 5, 11);
    sessions = new SessionManager(storage, () => now);
  });

  it('creates a 30-day session whose id is the hash of the token', async () => {
    const { token, session } = await sessions.create('u1');
    expect(session).toEqual({ id: sessionIdOf(token), userId: 'u1', expiresAt: now + 30 * DAY });
    expect(await storage.sessions.byId(sessionIdOf(token))).toEqual(session);
    expect(await storage.sessions.byId(token)).toBeUndefined();
  });

  it('validates a token into its user and session', async () => {
    const { token, session } = await sessions.create('u1');
    expect(await sessions.validate(token)).toMatchObject({
      session,
      user: { id: 'u1', username: 'mx' },
      extended: false,
    });
    expect(await sessions.validate(generateSessionToken())).toBeUndefined();
  });

  it('extends a session with less than 15 days left to a full 30 days', async () => {
    const { token, session } = await sessions.create('u1');
    now = session.expiresAt - SESSION_RENEW_BEFORE_MS - 1;
    expect((await sessions.validate(token))?.extended).toBe(false);
    now = session.expiresAt - SESSION_RENEW_BEFORE_MS + 1;
    const renewed = await sessions.validate(token);
    expect(renewed?.extended).toBe(true);
    expect(renewed?.session.expiresAt).toBe(now + SESSION_LIFETIME_MS);
    expect((await storage.sessions.byId(session.id))?.expiresAt).toBe(now + SESSION_LIFETIME_MS);
  });

  it('deletes an expired session when it is presented', async () => {
    const { token, session } = await sessions.create('u1');
    now = session.expiresAt;
    expect(await sessions.validate(token)).toBeUndefined();
    expect(await storage.sessions.byId(session.id)).toBeUndefined();
  });

  it("refuses a disabled user's session", async () => {
    const { token } = await sessions.create('u1');
    await storage.users.setDisabled('u1', true);
    expect(await sessions.validate(token)).toBeUndefined();
  });

  it('signs out server-side', async () => {
    const { token, session } = await sessions.create('u1');
    await sessions.invalidate(session.id);
    expect(await sessions.validate(token)).toBeUndefined();
  });

  it('knows who used a session recently, and forgets them once they sign out', async () => {
    await storage.users.create({ id: 'u2', username: 'ca', displayName: 'CA', passwordHash: 'h' });
    const mexico = await sessions.create('u1');
    const canada = await sessions.create('u2');
    // Signing in is using Accord.
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set(['u1', 'u2']));
    now += 61_000;
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set());
    await sessions.validate(mexico.token);
    now += 30_000;
    await sessions.validate(canada.token);
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set(['u1', 'u2']));
    now += 45_000;
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set(['u2']));
    await sessions.invalidate(canada.session.id);
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set());
    // A token that does not validate is no sign of anyone.
    await sessions.validate(canada.token);
    expect(sessions.recentlyActiveUserIds(60_000)).toEqual(new Set());
  });

  it('sweeps expired sessions', async () => {
    await sessions.create('u1');
    now += SESSION_LIFETIME_MS;
    expect(await sessions.deleteExpired()).toBe(1);
  });
});

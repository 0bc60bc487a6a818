import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { SessionRecord, SessionStore, UserRecord, UserStore } from '../storage/storage';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A session lives this long after it was created or last extended. */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;

/** A session used when it has less than this left is extended to a full lifetime. */
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;

/** A signed-in user and the session that proves it. */
export interface ValidSession {
  session: SessionRecord;
  user: UserRecord;
  /** Whether validation just extended the session (the cookie should be re-sent). */
  extended: boolean;
}

/** 20 random bytes (160 bits), base32 lowercase without padding: the Lucia guide's token. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id is the hex SHA-256 of its token: a leaked database reveals no usable token. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Sessions as the Lucia guide describes them (lucia-auth.com, "Sessions"). */
export class SessionManager {
  /** When each live session was last used for a request, with its user (memory only). */
  private readonly lastUse = new Map<string, { userId: string; at: number }>();

  constructor(
    private readonly stores: { sessions: SessionStore; users: UserStore },
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a session for the user; the token goes into the cookie and is never stored. */
  async create(userId: string): Promise<{ token: string; session: SessionRecord }> {
    const token = generateSessionToken();
    const session: SessionRecord = {
      id: sessionIdOf(token),
      userId,
      expiresAt: this.now() + SESSION_LIFETIME_MS,
    };
    await this.stores.sessions.create(session);
    this.lastUse.set(session.id, { userId, at: this.now() });
    return { token, session };
  }

  /**
   * The user and session behind a token, or undefined when it is unknown, expired (then
   * deleted) or belongs to a disabled user. Extends the session when it is past half its life.
   */
  async validate(token: string): Promise<ValidSession | undefined> {
    const valid = await this.validateById(sessionIdOf(token));
    if (valid !== undefined) {
      this.lastUse.set(valid.session.id, { userId: valid.user.id, at: this.now() });
    }
    return valid;
  }

  /**
   * The users whose session made a request within the last `withinMs` and has not been signed
   * out since: "signed in" as a person means it, not a cookie that lives for a month.
   */
  recentlyActiveUserIds(withinMs: number): Set<string> {
    const cutoff = this.now() - withinMs;
    const active = new Set<string>();
    for (const [sessionId, use] of this.lastUse) {
      if (use.at < cutoff) this.lastUse.delete(sessionId);
      else active.add(use.userId);
    }
    return active;
  }

  /**
   * `validate` by the session's id, for sockets that were opened with it: a session that was
   * signed out, expired or whose user was disabled (by the admin tool, in another process) ends.
   */
  async validateById(sessionId: string): Promise<ValidSession | undefined> {
    const session = await this.stores.sessions.byId(sessionId);
    if (session === undefined) return undefined;
    const now = this.now();
    if (now >= session.expiresAt) {
      await this.stores.sessions.delete(session.id);
      return undefined;
    }
    const user = await this.stores.users.byId(session.userId);
    if (user === undefined || user.disabled) return undefined;
    if (session.expiresAt - now < SESSION_RENEW_BEFORE_MS) {
      const extended = { ...session, expiresAt: now + SESSION_LIFETIME_MS };
      await this.stores.sessions.setExpiry(session.id, extended.expiresAt);
      return { session: extended, user, extended: true };
    }
    return { session, user, extended: false };
  }

  /** Signs a session out, server-side. */
  async invalidate(sessionId: string): Promise<void> {
    // Forgotten first: a session being signed out no longer counts as active while it is deleted.
    this.lastUse.delete(sessionId);
    await this.stores.sessions.delete(sessionId);
  }

  /** Deletes expired sessions; returns how many. */
  deleteExpired(): Promise<number> {
    return this.stores.sessions.deleteExpired(this.now());
  }
}

import type { Locale } from '@accord/shared/i18n/locales';
import type { SessionRecord, SessionStore, UserRecord, UserStore } from '../storage';

/** The memory stores' access version (`Storage.accessVersion`): bumped by every access change. */
export class MemoryAccessVersion {
  value = 0;

  /** Records that someone's access may have changed. */
  bump(): void {
    this.value += 1;
  }
}

/** Users in memory. */
export class MemoryUserStore implements UserStore {
  private readonly users = new Map<string, UserRecord>();

  constructor(private readonly access = new MemoryAccessVersion()) {}

  create(user: Omit<UserRecord, 'createdAt' | 'disabled' | 'locale'>): UserRecord {
    if (this.users.has(user.id) || this.byUsername(user.username) !== undefined) {
      throw new Error(`User ${user.username} already exists.`);
    }
    const record: UserRecord = {
      ...user,
      disabled: false,
      createdAt: Date.now(),
      locale: null,
    };
    this.users.set(record.id, record);
    return { ...record };
  }

  byId(id: string): UserRecord | undefined {
    const user = this.users.get(id);
    return user && { ...user };
  }

  byUsername(username: string): UserRecord | undefined {
    for (const user of this.users.values()) if (user.username === username) return { ...user };
    return undefined;
  }

  list(): UserRecord[] {
    return [...this.users.values()]
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
      .map((user) => ({ ...user }));
  }

  setPassword(id: string, passwordHash: string): void {
    const user = this.users.get(id);
    if (user) user.passwordHash = passwordHash;
  }

  setDisabled(id: string, disabled: boolean): void {
    const user = this.users.get(id);
    if (user) {
      user.disabled = disabled;
      this.access.bump();
    }
  }

  setLocale(id: string, locale: Locale | null): void {
    const user = this.users.get(id);
    if (user) user.locale = locale;
  }

  count(): number {
    return this.users.size;
  }
}

/** Sessions in memory. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly users: UserStore,
    private readonly access = new MemoryAccessVersion(),
  ) {}

  create(session: SessionRecord): void {
    if (this.sessions.has(session.id)) throw new Error('Session already exists.');
    if (this.users.byId(session.userId) === undefined) throw new Error('Unknown user.');
    this.sessions.set(session.id, { ...session });
  }

  byId(id: string): SessionRecord | undefined {
    const session = this.sessions.get(id);
    return session && { ...session };
  }

  setExpiry(id: string, expiresAt: number): void {
    const session = this.sessions.get(id);
    if (session) session.expiresAt = expiresAt;
  }

  delete(id: string): void {
    if (this.sessions.delete(id)) this.access.bump();
  }

  deleteForUser(userId: string): void {
    for (const [id, session] of this.sessions) {
      if (session.userId === userId) this.delete(id);
    }
  }

  deleteExpired(now: number): number {
    let deleted = 0;
    for (const [id, session] of this.sessions) {
      if (session.expiresAt <= now) {
        this.delete(id);
        deleted += 1;
      }
    }
    return deleted;
  }
}

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

  /** Whether a user exists (the other memory stores' reference checks, synchronous). */
  has(id: string): boolean {
    return this.users.has(id);
  }

  async create(user: Omit<UserRecord, 'createdAt' | 'disabled' | 'locale'>): Promise<UserRecord> {
    if (this.users.has(user.id) || (await this.byUsername(user.username)) !== undefined) {
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

  async byId(id: string): Promise<UserRecord | undefined> {
    const user = this.users.get(id);
    return user && { ...user };
  }

  async byUsername(username: string): Promise<UserRecord | undefined> {
    for (const user of this.users.values()) if (user.username === username) return { ...user };
    return undefined;
  }

  async list(): Promise<UserRecord[]> {
    return [...this.users.values()]
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
      .map((user) => ({ ...user }));
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    const user = this.users.get(id);
    if (user) user.passwordHash = passwordHash;
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    const user = this.users.get(id);
    if (user) {
      user.disabled = disabled;
      this.access.bump();
    }
  }

  async setLocale(id: string, locale: Locale | null): Promise<void> {
    const user = this.users.get(id);
    if (user) user.locale = locale;
  }

  async count(): Promise<number> {
    return this.users.size;
  }
}

/** Sessions in memory. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly users: MemoryUserStore,
    private readonly access = new MemoryAccessVersion(),
  ) {}

  async create(session: SessionRecord): Promise<void> {
    if (this.sessions.has(session.id)) throw new Error('Session already exists.');
    if (!this.users.has(session.userId)) throw new Error('Unknown user.');
    this.sessions.set(session.id, { ...session });
  }

  async byId(id: string): Promise<SessionRecord | undefined> {
    const session = this.sessions.get(id);
    return session && { ...session };
  }

  async setExpiry(id: string, expiresAt: number): Promise<void> {
    const session = this.sessions.get(id);
    if (session) session.expiresAt = expiresAt;
  }

  async delete(id: string): Promise<void> {
    if (this.sessions.delete(id)) this.access.bump();
  }

  async deleteForUser(userId: string): Promise<void> {
    for (const [id, session] of this.sessions) {
      if (session.userId === userId) await this.delete(id);
    }
  }

  async deleteExpired(now: number): Promise<number> {
    let deleted = 0;
    for (const [id, session] of this.sessions) {
      if (session.expiresAt <= now) {
        await this.delete(id);
        deleted += 1;
      }
    }
    return deleted;
  }
}

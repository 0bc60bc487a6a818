import type { Locale } from '@accord/shared/i18n/locales';
import type pg from 'pg';
import { type SessionRow, toSession, toUser, type UserRow } from '../rows/accountRows';
import type { SessionRecord, SessionStore, UserRecord, UserStore } from '../storage';

/** Users in PostgreSQL. */
export class PgUserStore implements UserStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(user: Omit<UserRecord, 'createdAt' | 'disabled' | 'locale'>): Promise<UserRecord> {
    const createdAt = Date.now();
    await this.pool.query(
      'INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      [user.id, user.username, user.displayName, user.passwordHash, createdAt],
    );
    return { ...user, disabled: false, createdAt, locale: null };
  }

  async byId(id: string): Promise<UserRecord | undefined> {
    const result = await this.pool.query<UserRow<boolean>>('SELECT * FROM users WHERE id = $1', [
      id,
    ]);
    const row = result.rows[0];
    return row && toUser(row);
  }

  async byUsername(username: string): Promise<UserRecord | undefined> {
    const result = await this.pool.query<UserRow<boolean>>(
      'SELECT * FROM users WHERE username = $1',
      [username],
    );
    const row = result.rows[0];
    return row && toUser(row);
  }

  async list(): Promise<UserRecord[]> {
    // COLLATE "C": byte order, as SQLite's default BINARY collation sorts.
    const result = await this.pool.query<UserRow<boolean>>(
      'SELECT * FROM users ORDER BY username COLLATE "C"',
    );
    return result.rows.map(toUser);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id]);
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    await this.pool.query('UPDATE users SET disabled = $1 WHERE id = $2', [disabled, id]);
  }

  async setLocale(id: string, locale: Locale | null): Promise<void> {
    await this.pool.query('UPDATE users SET locale = $1 WHERE id = $2', [locale, id]);
  }

  async count(): Promise<number> {
    const result = await this.pool.query<{ count: number }>('SELECT COUNT(*) AS count FROM users');
    return result.rows[0]?.count ?? 0;
  }
}

/** Sessions in PostgreSQL (only the SHA-256 of each token is stored). */
export class PgSessionStore implements SessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async create(session: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [
      session.id,
      session.userId,
      session.expiresAt,
    ]);
  }

  async byId(id: string): Promise<SessionRecord | undefined> {
    const result = await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id]);
    const row = result.rows[0];
    return row && toSession(row);
  }

  async setExpiry(id: string, expiresAt: number): Promise<void> {
    await this.pool.query('UPDATE sessions SET expires_at = $1 WHERE id = $2', [expiresAt, id]);
  }

  async delete(id: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id = $1', [id]);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async deleteExpired(now: number): Promise<number> {
    const result = await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    return result.rowCount ?? 0;
  }
}
